#!/usr/bin/env bash
# End-to-end check of a built migrate (the native executable, or ./migrate for the JVM build):
# version and help, the example environment of this repository on SQLite up to head, down to
# base and up again, JSON output, init templates; with a PostgreSQL URL the same on PostgreSQL.
# It also checks that the SQLite native library is loaded from the cache folder, written there
# once, and that no run extracts a copy into the temp folder.
#
#   .github/scripts/smoke.sh target/migrate-runner [postgresql://user@host/throwaway-db]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 MIGRATE [POSTGRES_URL]" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/../.." && pwd)
migrate=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pg_url=${2:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
unset DATABASE_URL MIGRATE_CONFIG
# The driver's own extraction would go to java.io.tmpdir: a private one for the JVM build (through
# the wrapper script); the system's for the native executable (the per-user one on macOS), so run
# that on a machine of its own (CI).
if head -c 2 "$migrate" | grep -q '#!'; then
  temp=$work/tmp
  mkdir -p "$temp"
  export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$temp"
else
  temp=$(getconf DARWIN_USER_TEMP_DIR 2>/dev/null || dirname "$(mktemp -u)")
fi
extracted() { find "$temp" -maxdepth 1 -name 'sqlite-*libsqlitejdbc*' 2>/dev/null | sort; }
extracted_before=$(extracted)

step() { echo "+ migrate $*" >&2; "$migrate" "$@"; }

step --version
step --help > /dev/null

cp -R "$repo/migrate.yaml" "$repo/migrations" "$work/"
cd "$work"
step upgrade head
step current --check-heads
step history -i
step current --json | grep -q '"' || { echo "current --json printed no JSON" >&2; exit 1; }
step downgrade base
step upgrade head
step validate

step list-templates
step init "$work/fresh-yaml"
step init "$work/fresh-sql" --template sql
(cd "$work/fresh-yaml" && step revision -m "smoke test" > /dev/null)

if [ -n "$pg_url" ]; then
  export DATABASE_URL=$pg_url
  step --wait 60s upgrade head
  step current --check-heads
  step downgrade base
  step upgrade head
  # Leave the database as it was found (but for the version and history tables).
  step downgrade base
fi

libraries=$(find "$XDG_CACHE_HOME" -type f -name 'libsqlitejdbc*' | wc -l)
if [ "$libraries" -ne 1 ]; then
  echo "expected the SQLite library once in $XDG_CACHE_HOME, found $libraries" >&2
  exit 1
fi
if [ "$(extracted)" != "$extracted_before" ]; then
  echo "runs extracted the SQLite library into $temp: $(extracted)" >&2
  exit 1
fi
echo "smoke test passed: $("$migrate" --version)"
