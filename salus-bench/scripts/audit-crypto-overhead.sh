#!/usr/bin/env bash
# Encryption at rest + audit trail overhead on the foundation benchmarks (issue 5): the last build
# without them (8033637: plaintext bodies and indexes, no audit) against this one, each ingesting
# its own store (the stored formats differ) and then searching it, alternating, ROUNDS rounds.
# About 8 minutes a round on 2 cores (plus ~2 with SEARCH_CLIENTS).
#   PATIENTS=600 ROUNDS=1 SEARCH_CLIENTS=4 bash salus-bench/scripts/audit-crypto-overhead.sh > overhead-results.txt
# SEARCH_CLIENTS=N (N > 1): after each build's one-client searches, the same searches again on its
# store with N clients at once (the clinic's real load, where requests share audit commits).
# BENCH_SCHEMA: the PostgreSQL schema to wipe and fill (default salus_bench).
# The baseline gets pre-audit-bench.patch: the schema option and --search-clients, nothing else.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
patients=${PATIENTS:-600}
schema=${BENCH_SCHEMA:-salus_bench}
tmp=${BENCH_TMP:-/tmp/salus-audit-overhead-$schema}
mkdir -p "$tmp"
./mvnw -q -B package -DskipTests
cp salus-bench/target/salus-bench-*-exec.jar "$tmp/bench-new.jar"
rm -rf "$tmp/pre-audit" && git worktree add -f "$tmp/pre-audit" 8033637 >/dev/null
(cd "$tmp/pre-audit" && git apply "$root/salus-bench/scripts/pre-audit-bench.patch" && ./mvnw -q -B package -DskipTests)
cp "$tmp"/pre-audit/salus-bench/target/salus-bench-*-exec.jar "$tmp/bench-old.jar"
git worktree remove --force "$tmp/pre-audit"
common="--db=postgres --patients=$patients --clients=4 --validation=structural --samples=1000"
show() { grep -E '^\||Searching|bench:|Resources in store'; }
run() { java -Dsalus.bench.warmup=1000 -Dsalus.bench.schema="$schema" -jar "$@" | show; }
for round in $(seq 1 "${ROUNDS:-2}"); do
  for build in old new; do
    if [ $build = old ]; then echo "## round $round: without encryption and audit (8033637)"
    else echo "## round $round: with encryption at rest and the audit trail"; fi
    run "$tmp/bench-$build.jar" $common
    if [ "${SEARCH_CLIENTS:-1}" -gt 1 ]; then
      run "$tmp/bench-$build.jar" $common --reuse=true --search-clients="$SEARCH_CLIENTS"
    fi
  done
done
