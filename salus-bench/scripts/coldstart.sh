#!/usr/bin/env bash
# Cold start to ready and idle RSS of Salus on its embedded database with the demo clinic loaded.
#   bash salus-bench/scripts/coldstart.sh [runs] [extra JVM options...]
# Loads the demo once into target/coldstart-data if it is not there, then starts Salus [runs] times,
# timing from process start until /actuator/health answers UP, and reads VmRSS after 20 s idle.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}; shift || true
jar=$(ls salus-app/target/salus-app-*-exec.jar 2>/dev/null | head -n 1)
[ -n "$jar" ] || { echo "Build first: ./mvnw -q install -DskipTests" >&2; exit 1; }
data=salus-bench/target/coldstart
mkdir -p "$data"
port=18080

start_salus() {
  (cd "$data" && exec java "$@" -jar "$OLDPWD/$jar" --spring.profiles.active=demo --server.port=$port \
      > salus.log 2>&1) &
  echo $!
}

wait_ready() {
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; then return 0; fi
    sleep 0.05
  done
  return 1
}

if [ ! -d "$data/data" ]; then
  echo "Loading the demo clinic once (first start)..."
  pid=$(start_salus "$@")
  wait_ready || { echo "Salus did not start; see $data/salus.log" >&2; kill "$pid"; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
fi

for run in $(seq 1 "$runs"); do
  t0=$(date +%s%N)
  pid=$(start_salus "$@")
  wait_ready || { echo "Salus did not become ready; see $data/salus.log" >&2; kill "$pid"; exit 1; }
  t1=$(date +%s%N)
  sleep 20
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
  echo "run $run: ready in $(( (t1 - t0) / 1000000 )) ms, idle RSS $(( rss_kb / 1024 )) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
