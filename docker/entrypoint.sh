#!/bin/sh
# Container entry point: wait for the database, bring it to the target revision, then become the
# application given as arguments (none: just migrate, for a one-shot migration job).
#
#   MIGRATE_TARGET  revision to upgrade to (default head)
#   MIGRATE_WAIT    how long to keep retrying while the database does not answer (default 60s)
#   DATABASE_URL    read by migrate.yaml, or by migrate itself when there is no configuration
#
# Signals: while migrating, this shell is PID 1 and forwards SIGTERM and SIGINT to migrate, which
# rolls back, releases its lock and exits; the application is then not started. The application
# is started with `exec`, so it becomes PID 1 and receives the container's signals itself.
set -eu
: "${MIGRATE_TARGET:=head}"
: "${MIGRATE_WAIT:=60s}"

stopping=""
child=""
# Forwarded as SIGTERM: a background job of a non-interactive shell starts with SIGINT ignored,
# and a program that inherits an ignored SIGINT does not react to it.
trap 'stopping=1; [ -z "$child" ] || kill -TERM "$child" 2>/dev/null || true' TERM INT
migrate --wait "$MIGRATE_WAIT" upgrade "$MIGRATE_TARGET" &
child=$!
# A signal that came before the child's pid was known.
[ -z "$stopping" ] || kill -TERM "$child" 2>/dev/null || true
status=0
wait "$child" || status=$?
# A trapped signal ends `wait` early: wait again for migrate's own exit status.
while kill -0 "$child" 2>/dev/null; do
  status=0
  wait "$child" || status=$?
done
trap - TERM INT

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ -n "$stopping" ]; then
  # Asked to stop while migrating (migrate finished anyway): do not start the application.
  exit 143
fi
if [ "$#" -gt 0 ]; then
  exec "$@"
fi
