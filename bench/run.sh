#!/usr/bin/env bash
# Times migrate against the psql floor and the peers found on the PATH, in one interleaved run.
#
#   bench/run.sh [-n "100 1000"] [-r 5] [-s help,noop,full] [-t TOOLS] [-w DIR] [--markdown]
#
# Every revision creates one table and one index (bench/generate.py writes the same DDL in each
# tool's format). Each timed upgrade gets a fresh PostgreSQL database. Repetitions are
# interleaved (A B C, B C A, ...), so a slow minute on the machine hits every tool alike; the
# summary gives medians and ratios to the psql floor and to migrate on the JVM from this run.
#
# Scenarios:
#   help   `--help` of each tool (start-up cost)
#   noop   `upgrade head` on a database already at head (the cost of every container start)
#   full   upgrade of an empty database through all N revisions
# Peak memory (resident set, from wait4) is recorded for every run.
#
# Tools: psql (the floor: the same DDL and version-table updates in one `psql -1` transaction;
# for noop one SELECT of the version table), migrate-jar, migrate-native, dbmate, alembic,
# flyway, liquibase. Missing tools are skipped and named; bench/install-peers.sh installs the peers.
#
# Environment:
#   BENCH_PG_URL    server to create the databases on
#                   (default postgresql://postgres@127.0.0.1:5432/postgres; the user needs CREATEDB)
#   MIGRATE_JAR     default target/quarkus-app/quarkus-run.jar  (./mvnw package -DskipTests)
#   MIGRATE_NATIVE  default target/migrate-runner                (./mvnw package -Dnative -DskipTests)
#   JAVA            default java
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)

revisions="100 1000"
repetitions=5
scenarios="help,noop,full"
tools="psql,migrate-jar,migrate-native,dbmate,alembic,flyway,liquibase"
work=""
markdown=false
migrate_format=yaml

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -n|--revisions) revisions=${2//,/ }; shift 2 ;;
    -r|--repetitions) repetitions=$2; shift 2 ;;
    -s|--scenarios) scenarios=$2; shift 2 ;;
    -t|--tools) tools=$2; shift 2 ;;
    -w|--work) work=$2; shift 2 ;;
    --migrate-format) migrate_format=$2; shift 2 ;;
    --markdown) markdown=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$repetitions" in ''|*[!0-9]*|0) echo "bench/run.sh: --repetitions needs a positive number" >&2; exit 2 ;; esac
for n in $revisions; do
  case "$n" in ''|*[!0-9]*|0) echo "bench/run.sh: --revisions needs positive numbers, got '$n'" >&2; exit 2 ;; esac
done
for s in ${scenarios//,/ }; do
  case "$s" in help|noop|full) ;; *) echo "bench/run.sh: unknown scenario '$s' (help, noop, full)" >&2; exit 2 ;; esac
done

PYTHON=${PYTHON:-python3}
JAVA=${JAVA:-java}
MIGRATE_JAR=${MIGRATE_JAR:-$REPO/target/quarkus-app/quarkus-run.jar}
MIGRATE_NATIVE=${MIGRATE_NATIVE:-$REPO/target/migrate-runner}
BENCH_PG_URL=${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
command -v "$PYTHON" >/dev/null || { echo "bench/run.sh: python3 is needed" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench/run.sh: psql is needed (it is the floor, and creates the databases)" >&2; exit 1; }

# One URL per tool's syntax, with {db} for the database name.
eval "$("$PYTHON" - "$BENCH_PG_URL" <<'PY'
import shlex, sys
from urllib.parse import urlsplit, unquote, parse_qs
u = urlsplit(sys.argv[1])
user, password = unquote(u.username or "postgres"), unquote(u.password or "")
host, port = u.hostname or "127.0.0.1", u.port or 5432
auth = u.netloc.rsplit("@", 1)[0] + "@" if "@" in u.netloc else ""
sslmode = parse_qs(u.query).get("sslmode", ["disable"])[0]
values = {
    "PG_USER": user, "PG_PASSWORD": password, "PG_HOST": host, "PG_PORT": str(port),
    "PG_ADMIN_DB": u.path.lstrip("/") or "postgres",
    "MIGRATE_URL": "postgresql://%s%s:%d/{db}" % (auth, host, port),
    "DBMATE_URL": "postgres://%s%s:%d/{db}?sslmode=%s" % (auth, host, port, sslmode),
    "ALEMBIC_URL": "postgresql+psycopg2://%s%s:%d/{db}" % (auth, host, port),
    "JDBC_URL": "jdbc:postgresql://%s:%d/{db}" % (host, port),
}
for k, v in values.items():
    print("%s=%s" % (k, shlex.quote(v)))
PY
)"
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER
if [ -n "$PG_PASSWORD" ]; then export PGPASSWORD=$PG_PASSWORD; fi
admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$PG_ADMIN_DB" "$@"; }
admin -c 'SELECT 1' >/dev/null || { echo "bench/run.sh: cannot reach PostgreSQL at $BENCH_PG_URL (set BENCH_PG_URL)" >&2; exit 1; }

# The npm package of dbmate is a Node.js shim that starts the Go binary: time the binary itself.
dbmate_binary() {
  local shim real
  shim=$(command -v dbmate) || return 1
  real=$(readlink -f "$shim")
  if head -c 64 "$real" | grep -q node; then
    find "$(dirname "$real")/.." -path '*@dbmate/*/bin/dbmate' -type f 2>/dev/null | head -n 1
  else
    echo "$shim"
  fi
}

# The Python that runs alembic (from its #! line), to check for the PostgreSQL driver.
alembic_python() {
  local interpreter argument
  read -r interpreter argument < <(head -n 1 "$(command -v alembic)" | sed 's/^#! *//')
  if [ "${interpreter##*/}" = env ]; then "$argument" "$@"; else "$interpreter" "$@"; fi
}

available=()
for tool in ${tools//,/ }; do
  why=""
  case "$tool" in
    psql) ;;
    migrate-jar)
      command -v "$JAVA" >/dev/null || why="no java"
      [ -f "$MIGRATE_JAR" ] || why="$MIGRATE_JAR missing: ./mvnw package -DskipTests" ;;
    migrate-native) [ -x "$MIGRATE_NATIVE" ] || why="$MIGRATE_NATIVE missing: ./mvnw package -Dnative -DskipTests" ;;
    dbmate) DBMATE=$(dbmate_binary) && [ -n "$DBMATE" ] || why="not on PATH (npm install -g dbmate)" ;;
    alembic)
      if ! command -v alembic >/dev/null; then why="not on PATH (apt-get install alembic python3-psycopg2)"
      elif ! alembic_python -c 'import psycopg2' 2>/dev/null; then
        why="its Python has no psycopg2 (apt-get install python3-psycopg2)"
      fi ;;
    flyway) command -v flyway >/dev/null || why="not on PATH (bench/install-peers.sh)" ;;
    liquibase) command -v liquibase >/dev/null || why="not on PATH (bench/install-peers.sh)" ;;
    *) echo "bench/run.sh: unknown tool '$tool'" >&2; exit 2 ;;
  esac
  if [ -n "$why" ]; then echo "skipped $tool: $why"; else available+=("$tool"); fi
done
[ ${#available[@]} -gt 0 ] || { echo "bench/run.sh: nothing to measure" >&2; exit 1; }

[ -n "$work" ] || work=$(mktemp -d -t migrate-bench.XXXXXX)
mkdir -p "$work"
results="$work/results.tsv"
log="$work/output.log"
: > "$results"
: > "$log"
run_id=$$
databases=()
cleanup() {
  for db in "${databases[@]}"; do admin -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

for n in $revisions; do
  [ -d "$work/n$n" ] || "$PYTHON" "$BENCH/generate.py" "$n" "$work/n$n" --migrate-format "$migrate_format"
done

# The command line of one run: sets `dir` and `cmd`.
command_for() {
  local tool=$1 scenario=$2 n=$3 db=$4
  local action=up
  [ "$scenario" = help ] && action=help
  dir="$work/n$n"
  [ "$action" = help ] && dir=$work
  case "$tool/$action" in
    psql/help) cmd=(psql --help) ;;
    psql/up)
      if [ "$scenario" = noop ]; then cmd=(psql -X -Atq -d "$db" -c 'SELECT version_num FROM alembic_version')
      else cmd=(psql -X -q -1 -v ON_ERROR_STOP=1 -d "$db" -f psql/floor.sql); fi ;;
    migrate-jar/help) cmd=("$JAVA" -jar "$MIGRATE_JAR" --help) ;;
    migrate-jar/up) dir="$work/n$n/migrate"; cmd=("$JAVA" -jar "$MIGRATE_JAR" --url "${MIGRATE_URL//\{db\}/$db}" upgrade head) ;;
    migrate-native/help) cmd=("$MIGRATE_NATIVE" --help) ;;
    migrate-native/up) dir="$work/n$n/migrate"; cmd=("$MIGRATE_NATIVE" --url "${MIGRATE_URL//\{db\}/$db}" upgrade head) ;;
    dbmate/help) cmd=("$DBMATE" --help) ;;
    dbmate/up) cmd=("$DBMATE" --no-dump-schema --migrations-dir dbmate/db/migrations --url "${DBMATE_URL//\{db\}/$db}" migrate) ;;
    alembic/help) cmd=(alembic --help) ;;
    alembic/up) dir="$work/n$n/alembic"; cmd=(env "BENCH_ALEMBIC_URL=${ALEMBIC_URL//\{db\}/$db}" alembic upgrade head) ;;
    flyway/help) cmd=(flyway -skipCheckForUpdate --help) ;;
    flyway/up)
      cmd=(flyway -skipCheckForUpdate "-url=${JDBC_URL//\{db\}/$db}" "-user=$PG_USER" -locations=filesystem:flyway/sql migrate)
      if [ -n "$PG_PASSWORD" ]; then cmd+=("-password=$PG_PASSWORD"); fi ;;
    liquibase/help) cmd=(liquibase --help) ;;
    liquibase/up)
      dir="$work/n$n/liquibase"
      cmd=(liquibase --show-banner=false --changelog-file=changelog.yaml "--url=${JDBC_URL//\{db\}/$db}" "--username=$PG_USER")
      if [ -n "$PG_PASSWORD" ]; then cmd+=("--password=$PG_PASSWORD"); fi
      cmd+=(update) ;;
  esac
}

# Runs one command, appends its line to the results; prints the result.
measure() {
  local rep=$1 scenario=$2 n=$3 tool=$4 db=${5:-}
  command_for "$tool" "$scenario" "$n" "$db"
  echo "### rep $rep $scenario n=$n $tool: ${cmd[*]}" >> "$log"
  local out
  out=$(cd "$dir" && REDGATE_DISABLE_TELEMETRY=true LIQUIBASE_ANALYTICS_ENABLED=false "$PYTHON" "$BENCH/measure.py" "$log" -- "${cmd[@]}")
  read -r seconds rss code <<< "$out"
  if [ "$code" = 0 ] && [ "$scenario" != help ]; then
    # Every tool must have done the same work: N tables with their index.
    local indexes
    indexes=$(psql -X -Atq -d "$db" -c "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix_bench%'")
    if [ "$indexes" != "$n" ]; then
      echo "    $tool left $indexes of $n indexes in $db" | tee -a "$log" >&2
      code=99
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$scenario" "$n" "$tool" "$seconds" "$rss" "$code" >> "$results"
  printf '  %-6s %-7s %-15s %8ss %7s MB%s\n' "$scenario" "${n:--}" "$tool" "$seconds" "$((rss / 1024))" \
    "$([ "$code" = 0 ] || echo "  FAILED (exit $code, see $log)")"
}

# Creates an empty database and names it in `db`.
fresh_db() {
  db="mb_${run_id}_$1"
  db=${db//-/_}
  admin -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
  databases+=("$db")
}

drop_db() { admin -c "DROP DATABASE IF EXISTS \"$1\"" >/dev/null; }

want() { case ",$scenarios," in *",$1,"*) return 0 ;; esac; return 1; }

echo "measuring: ${available[*]}; revisions: $revisions; repetitions: $repetitions; work: $work"

# Warm the page cache (jars, Python modules, binaries) so the first timed run is not special.
for tool in "${available[@]}"; do
  command_for "$tool" help "" ""
  (cd "$work" && "${cmd[@]}" >/dev/null 2>&1) || true
done

# No-op upgrades need a database at head per tool and size; it is brought there untimed.
declare -A noop_db
if want noop; then
  for n in $revisions; do
    for tool in "${available[@]}"; do
      fresh_db "noop_${tool}_$n"
      command_for "$tool" full "$n" "$db"
      if (cd "$dir" && REDGATE_DISABLE_TELEMETRY=true LIQUIBASE_ANALYTICS_ENABLED=false "${cmd[@]}" >> "$log" 2>&1); then
        noop_db[$tool/$n]=$db
      else
        echo "  $tool could not prepare the no-op database for $n revisions (see $log)"
      fi
    done
  done
fi

order=("${available[@]}")
for rep in $(seq 1 "$repetitions"); do
  echo "repetition $rep/$repetitions"
  if want help; then
    for tool in "${order[@]}"; do measure "$rep" help "" "$tool"; done
  fi
  for n in $revisions; do
    if want noop; then
      for tool in "${order[@]}"; do
        if [ -n "${noop_db[$tool/$n]:-}" ]; then measure "$rep" noop "$n" "$tool" "${noop_db[$tool/$n]}"; fi
      done
    fi
    if want full; then
      for tool in "${order[@]}"; do
        fresh_db "full_${tool}_${n}_$rep"
        measure "$rep" full "$n" "$tool" "$db"
        drop_db "$db"
      done
    fi
  done
  # Rotate, so no tool always runs first (or right after the most expensive one).
  order=("${order[@]:1}" "${order[0]}")
done

echo
"$PYTHON" "$BENCH/report.py" "$results"
if $markdown; then
  echo
  "$PYTHON" "$BENCH/report.py" "$results" --markdown
fi
echo
echo "raw results: $results; tool output: $log"
