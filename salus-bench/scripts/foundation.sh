#!/usr/bin/env bash
# Every number of the foundation issue, in one run (about 25 minutes on 2 cores).
#   bash salus-bench/scripts/foundation.sh > foundation-results.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B install -DskipTests
bench() { java -jar salus-bench/target/salus-bench-*-exec.jar "$@" 2>&1 | grep -E '^\||Resources in store|bench:'; }
echo "## PostgreSQL, profile validation off (bulk load), ~500k resources"
bench --db=postgres --patients=3700 --clients=4 --validation=structural --samples=300
echo "## H2, profile validation off (bulk load), ~500k resources"
bench --db=h2 --patients=3700 --clients=4 --validation=structural --samples=300
echo "## PostgreSQL, full R4 profile validation on every resource"
bench --db=postgres --patients=150 --clients=4 --validation=full --samples=50
echo "## H2, full R4 profile validation on every resource"
bench --db=h2 --patients=150 --clients=4 --validation=full --samples=50
echo "## Cold start and idle RSS (embedded H2, demo clinic loaded)"
bash salus-bench/scripts/coldstart.sh 3
