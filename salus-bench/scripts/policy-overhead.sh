#!/usr/bin/env bash
# Access-policy overhead on the foundation search benchmark: the last build before the policy
# (632b0f2, with pre-policy-bench.patch adding the warm-up/passes knobs) against this one, on the
# same PostgreSQL store, alternating, two rounds. About 20 minutes on 2 cores.
#   bash salus-bench/scripts/policy-overhead.sh > policy-results.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
./mvnw -q -B install -DskipTests
cp salus-bench/target/salus-bench-*-exec.jar /tmp/salus-bench-new.jar
rm -rf /tmp/salus-pre-policy && git worktree add -f /tmp/salus-pre-policy 632b0f2 >/dev/null
(cd /tmp/salus-pre-policy && git apply "$root/salus-bench/scripts/pre-policy-bench.patch" && ./mvnw -q -B package -DskipTests)
cp /tmp/salus-pre-policy/salus-bench/target/salus-bench-*-exec.jar /tmp/salus-bench-old.jar
git worktree remove --force /tmp/salus-pre-policy
common="--db=postgres --patients=2000 --clients=4 --validation=structural"
show() { grep -E '^\||Searching|bench:'; }
echo "## load 2000 patients with this build"
java -jar /tmp/salus-bench-new.jar $common --samples=100 --as=system | show
for round in 1 2; do
  echo "## round $round: before the policy (second, warm pass)"
  java -Dsalus.bench.warmup=1000 -Dsalus.bench.passes=2 -jar /tmp/salus-bench-old.jar $common --samples=1000 --reuse=true | show
  echo "## round $round: with the policy, as a system client (twice), then as a physician"
  java -Dsalus.bench.warmup=1000 -jar /tmp/salus-bench-new.jar $common --samples=1000 --reuse=true --as=system,system,physician | show
done
