#!/usr/bin/env bash
# Times `migrate lint` over N generated revisions against `migrate history` over the same ones.
#
#   bench/lint.sh [-n 1000] [-r 5] [-w DIR] [--migrate-format yaml|sql]
#
# `history` is the baseline: JVM start-up, configuration, and reading every revision's header
# into the graph. `lint` does the same, then parses every body and runs every rule, so the
# difference of the medians is what lint itself costs. Runs are interleaved (history lint, lint
# history, ...) so that a slow moment on the machine hits both alike. No database is used
# (`lint --offline`). Revisions come from bench/generate.py (one table and one index each).
#
# Environment:
#   MIGRATE_JAR  default target/quarkus-app/quarkus-run.jar  (./mvnw package -DskipTests)
#   JAVA         default java
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)

n=1000
repetitions=5
work=""
format=yaml

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -n|--revisions) n=$2; shift 2 ;;
    -r|--repetitions) repetitions=$2; shift 2 ;;
    -w|--work) work=$2; shift 2 ;;
    --migrate-format) format=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/lint.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$n" in ''|*[!0-9]*|0) echo "bench/lint.sh: --revisions needs a positive number" >&2; exit 2 ;; esac
case "$repetitions" in ''|*[!0-9]*|0) echo "bench/lint.sh: --repetitions needs a positive number" >&2; exit 2 ;; esac

PYTHON=${PYTHON:-python3}
JAVA=${JAVA:-java}
MIGRATE_JAR=${MIGRATE_JAR:-$REPO/target/quarkus-app/quarkus-run.jar}
[ -f "$MIGRATE_JAR" ] || { echo "bench/lint.sh: $MIGRATE_JAR not found: run ./mvnw package -DskipTests" >&2; exit 1; }

if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
tree="$work/lint-n$n-$format"
[ -d "$tree" ] || "$PYTHON" "$BENCH/generate.py" "$n" "$tree" --migrate-format "$format" >/dev/null
dir="$tree/migrate"
log="$work/lint.log"
results="$work/lint-results.txt"
: > "$results"

run() {  # run NAME: one timed run of `migrate NAME` in the generated environment
  local args=(history)
  [ "$1" = lint ] && args=(lint --offline)
  local line
  line=$(cd "$dir" && "$PYTHON" "$BENCH/measure.py" "$log" -- "$JAVA" -jar "$MIGRATE_JAR" "${args[@]}")
  set -- "$1" $line
  if [ "$4" != 0 ]; then echo "bench/lint.sh: migrate $1 exited $4 (see $log)" >&2; exit 1; fi
  echo "$1 $2 $3" >> "$results"
}

run history >/dev/null; : > "$results"   # warm the page cache: the first timed run is not special
run lint; : > "$results"
for rep in $(seq 1 "$repetitions"); do
  if [ $((rep % 2)) = 1 ]; then run history; run lint; else run lint; run history; fi
done

"$PYTHON" - "$results" "$n" "$format" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, rss = line.split()
    runs.setdefault(name, []).append((float(wall), int(rss)))
n, fmt = sys.argv[2], sys.argv[3]
h = statistics.median(w for w, _ in runs["history"])
l = statistics.median(w for w, _ in runs["lint"])
print("migrate lint over %s %s revisions, median of %d runs each" % (n, fmt, len(runs["lint"])))
print("  history (baseline: start-up + headers)  %7.3f s  %6d MiB" % (h, max(r for _, r in runs["history"]) // 1024))
print("  lint --offline                          %7.3f s  %6d MiB" % (l, max(r for _, r in runs["lint"]) // 1024))
print("  lint beyond the baseline                %7.3f s  (ratio lint / history %.2f)" % (l - h, l / h))
PY
