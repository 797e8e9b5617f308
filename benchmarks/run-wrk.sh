#!/usr/bin/env bash
# Sequential single-connection HTTP throughput of the runnable jar: DescribeClusters with wrk -t1 -c1.
# Usage: benchmarks/run-wrk.sh [seconds]   (needs wrk: apt-get install -y wrk; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
jar=fake-ecs/target/fake-ecs-server.jar
[ -f "$jar" ] || mvn -q -pl fake-ecs package -DskipTests
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

out=$(mktemp)
java -jar "$jar" --port 0 >"$out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$out" && break; sleep 0.05; done
url=$(sed -n 's/^fake-ecs listening on //p' "$out")
[ -n "$url" ] || { cat "$out" >&2; exit 1; }

curl -s -o /dev/null -X POST "$url/" -H 'Content-Type: application/x-amz-json-1.1' \
  -H 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster' -d '{"clusterName":"bench"}'
# warm up the JIT, then measure
wrk -t1 -c1 -d3s -s benchmarks/describe-clusters.lua "$url/" >/dev/null
wrk -t1 -c1 -d"${seconds}s" --latency -s benchmarks/describe-clusters.lua "$url/"
