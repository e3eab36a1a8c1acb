#!/bin/sh
# Container entry point: bring the database to head, then become the application.
# `exec` hands PID 1 to the application so it receives the container's signals itself.
set -eu
: "${MIGRATE_TARGET:=head}"
migrate upgrade "$MIGRATE_TARGET"
if [ "$#" -gt 0 ]; then
  exec "$@"
fi
