#!/usr/bin/env bash
# Optional, and the only part that needs the network: installs the peers bench/run.sh measures.
#
#   bench/install-peers.sh [dbmate] [alembic] [flyway] [liquibase]     (default: all four)
#
#   dbmate     npm install -g dbmate (its package ships the Go binary; run.sh times the binary)
#   alembic    apt-get install alembic python3-psycopg2 (Debian, Ubuntu; as root)
#   flyway     the Flyway command line and PostgreSQL support, from Maven Central
#   liquibase  the Liquibase command line and the PostgreSQL driver, from Maven Central
#
# Flyway and Liquibase land in $BENCH_PEERS (default ~/.cache/migrate-bench) with launchers in
# $BENCH_PEERS/bin: put that folder on the PATH before bench/run.sh.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${BENCH_PEERS:-${XDG_CACHE_HOME:-$HOME/.cache}/migrate-bench}
FLYWAY_VERSION=11.14.1
LIQUIBASE_VERSION=4.33.0
POSTGRESQL_JDBC_VERSION=42.7.8

# Jars of one command line, resolved by Maven from a throwaway pom; $1 name, the rest dependencies.
jars() {
  local name=$1; shift
  local pom="$PEERS/$name/pom.xml" deps=""
  mkdir -p "$PEERS/$name"
  for gav in "$@"; do
    IFS=: read -r g a v <<< "$gav"
    deps+="<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  cat > "$pom" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>$name</artifactId><version>1</version>
<dependencies>$deps</dependencies></project>
POM
  rm -rf "$PEERS/$name/lib"
  "$REPO/mvnw" -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$PEERS/$name/lib"
}

launcher() {
  mkdir -p "$PEERS/bin"
  printf '#!/bin/sh\nexec java -cp "%s/*" %s "$@"\n' "$PEERS/$1/lib" "$2" > "$PEERS/bin/$1"
  chmod +x "$PEERS/bin/$1"
}

for peer in ${@:-dbmate alembic flyway liquibase}; do
  echo "installing $peer"
  case "$peer" in
    dbmate) npm install -g dbmate ;;
    alembic) apt-get install -y alembic python3-psycopg2 ;;
    flyway)
      # jackson-core pinned: Maven's nearest-wins would otherwise pick an older one than databind needs.
      jars flyway "org.flywaydb:flyway-commandline:$FLYWAY_VERSION" "org.flywaydb:flyway-database-postgresql:$FLYWAY_VERSION" \
        "org.postgresql:postgresql:$POSTGRESQL_JDBC_VERSION" "com.fasterxml.jackson.core:jackson-core:2.19.1"
      launcher flyway org.flywaydb.commandline.Main ;;
    liquibase)
      jars liquibase "org.liquibase:liquibase-core:$LIQUIBASE_VERSION" "info.picocli:picocli:4.7.7" \
        "org.postgresql:postgresql:$POSTGRESQL_JDBC_VERSION"
      launcher liquibase liquibase.integration.commandline.LiquibaseCommandLine ;;
    *) echo "unknown peer $peer (dbmate, alembic, flyway, liquibase)" >&2; exit 2 ;;
  esac
done
echo "done; for Flyway and Liquibase: export PATH=\"$PEERS/bin:\$PATH\""
