#!/usr/bin/env bash
# Runs the JMH benchmarks and writes the results as JSON and as a Markdown table.
#   benchmarks/run.sh quick   # every benchmark, 1 warm-up + 2 measured iterations: under a minute here;
#                             # JIT-cold, so latencies read high: use full for published figures
#   benchmarks/run.sh full    # the annotated iterations (several minutes)
#   benchmarks/run.sh full ColdStart   # a JMH include pattern narrows the run
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
pattern="${2:-.*}"
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -q -B package -DskipTests
fi
mkdir -p benchmarks/results
json="benchmarks/results/${mode}.json"
case "$mode" in
  quick) opts=(-wi 1 -i 2 -f 1 -w 1s -r 1s) ;;
  full)  opts=() ;;
  *) echo "usage: $0 quick|full [pattern]" >&2; exit 2 ;;
esac
java -jar benchmarks/target/benchmarks.jar "$pattern" "${opts[@]}" -rf json -rff "$json"
python3 - "$json" "$mode" > "benchmarks/results/${mode}.md" <<'PY'
import json, platform, subprocess, sys, datetime, os
path, mode = sys.argv[1], sys.argv[2]
rows = json.load(open(path))
jdk = rows[0]["jdkVersion"] if rows else "?"
print(f"Run `benchmarks/run.sh {mode}` on {datetime.date.today()}, {os.cpu_count()} cores, "
      f"{platform.machine()}, JDK {jdk}.\n")
print("| Benchmark | Params | Mode | Score | Error | p50 | Unit |")
print("|---|---|---|---:|---:|---:|---|")
for r in rows:
    m = r["primaryMetric"]
    params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    err = m.get("scoreError")
    err = "" if not isinstance(err, (int, float)) or err != err else f"{err:,.1f}"
    p50 = (m.get("scorePercentiles") or {}).get("50.0")
    p50 = f"{p50:,.1f}" if r["mode"] == "sample" and isinstance(p50, (int, float)) else ""
    print(f"| {r['benchmark'].split('.')[-2]}.{r['benchmark'].split('.')[-1]} | {params} | {r['mode']} "
          f"| {m['score']:,.1f} | {err} | {p50} | {m['scoreUnit']} |")
PY
cat "benchmarks/results/${mode}.md"
