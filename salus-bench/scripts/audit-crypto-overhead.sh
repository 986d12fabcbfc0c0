#!/usr/bin/env bash
# Encryption at rest + audit trail overhead on the foundation benchmarks (issue 5): the last build
# without them (8033637: plaintext bodies and indexes, no audit) against this one, each ingesting
# its own store (the stored formats differ) and then searching it, alternating, two rounds.
# About 20 minutes on 2 cores.
#   bash salus-bench/scripts/audit-crypto-overhead.sh > overhead-results.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
patients=${PATIENTS:-600}
./mvnw -q -B install -DskipTests
cp salus-bench/target/salus-bench-*-exec.jar /tmp/salus-bench-new.jar
rm -rf /tmp/salus-pre-audit && git worktree add -f /tmp/salus-pre-audit 8033637 >/dev/null
(cd /tmp/salus-pre-audit && ./mvnw -q -B package -DskipTests)
cp /tmp/salus-pre-audit/salus-bench/target/salus-bench-*-exec.jar /tmp/salus-bench-old.jar
git worktree remove --force /tmp/salus-pre-audit
common="--db=postgres --patients=$patients --clients=4 --validation=structural --samples=1000"
show() { grep -E '^\||Searching|bench:|Resources in store'; }
for round in $(seq 1 "${ROUNDS:-2}"); do
  echo "## round $round: without encryption and audit (8033637)"
  java -Dsalus.bench.warmup=1000 -jar /tmp/salus-bench-old.jar $common | show
  echo "## round $round: with encryption at rest and the audit trail"
  java -Dsalus.bench.warmup=1000 -jar /tmp/salus-bench-new.jar $common | show
done
