#!/usr/bin/env python3
"""Writes N equivalent revisions for migrate and each peer, plus the psql floor script.

Every revision creates one table and one index:

    CREATE TABLE bench_NNNN (id bigint PRIMARY KEY, name varchar(100) NOT NULL,
                             created_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX ix_bench_NNNN_name ON bench_NNNN (name);

Layout under OUT (one folder per tool, each runnable on its own):

    migrate/        migrate.yaml + migrations/versions/*.yaml (or *.sql with --migrate-format sql)
    dbmate/         db/migrations/*.sql
    alembic/        alembic.ini, env.py, versions/*.py  (URL from $BENCH_ALEMBIC_URL)
    flyway/         sql/V*__*.sql
    liquibase/      changelog.yaml including changes/*.sql (formatted SQL, one changeset each)
    psql/           floor.sql: the same DDL and version-table updates, meant for `psql -1`

Standard library only, so the benchmark needs nothing beyond what it measures.
"""
import argparse
import os

DDL = (
    "CREATE TABLE {t} (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
    "created_at timestamptz NOT NULL DEFAULT now());\n"
    "CREATE INDEX ix_{t}_name ON {t} (name);\n"
)
DROP = "DROP TABLE {t};\n"


def rev_id(i):
    # Alembic-shaped 12-hex ids, deterministic so reruns produce identical trees.
    return "be%010x" % i


def table(i, width):
    return "bench_%0*d" % (width, i)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def migrate_tree(out, n, width, fmt):
    write(os.path.join(out, "migrate.yaml"),
          "script_location: migrations\n"
          "version_locations: [migrations/versions]\n")
    for i in range(1, n + 1):
        t = table(i, width)
        rev, down = rev_id(i), (rev_id(i - 1) if i > 1 else None)
        if fmt == "yaml":
            text = (
                "revision: %s\n"
                "down_revision: %s\n"
                "message: create %s\n"
                "upgrade:\n"
                "  - create_table:\n"
                "      table: %s\n"
                "      columns:\n"
                "        - {name: id, type: bigint, primary_key: true}\n"
                "        - {name: name, type: string(100), nullable: false}\n"
                "        - {name: created_at, type: timestamptz, nullable: false, server_default: now()}\n"
                "  - create_index: {name: ix_%s_name, table: %s, columns: [name]}\n"
            ) % (rev, down or "null", t, t, t, t)
            name = "%s_create_%s.yaml" % (rev, t)
        else:
            text = (
                "-- revision: %s\n-- down_revision: %s\n-- message: create %s\n\n"
                "-- migrate:upgrade\n%s\n-- migrate:downgrade\n%s"
            ) % (rev, down or "null", t, DDL.format(t=t), DROP.format(t=t))
            name = "%s_create_%s.sql" % (rev, t)
        write(os.path.join(out, "migrations", "versions", name), text)


def dbmate_tree(out, n, width):
    for i in range(1, n + 1):
        t = table(i, width)
        # dbmate orders by the numeric prefix; a timestamp-shaped one as `dbmate new` writes.
        version = "2025010100%04d" % i if n < 10000 else "20250101%06d" % i
        write(os.path.join(out, "db", "migrations", "%s_create_%s.sql" % (version, t)),
              "-- migrate:up\n%s\n-- migrate:down\n%s" % (DDL.format(t=t), DROP.format(t=t)))


ALEMBIC_INI = """[alembic]
script_location = .
version_locations = versions
"""

ALEMBIC_ENV = '''import os

from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["BENCH_ALEMBIC_URL"])
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
'''

ALEMBIC_REVISION = '''"""create {t}"""
import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "{t}",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")),
    )
    op.create_index("ix_{t}_name", "{t}", ["name"])


def downgrade():
    op.drop_table("{t}")
'''


def alembic_tree(out, n, width):
    write(os.path.join(out, "alembic.ini"), ALEMBIC_INI)
    write(os.path.join(out, "env.py"), ALEMBIC_ENV)
    for i in range(1, n + 1):
        t = table(i, width)
        rev = rev_id(i)
        down = '"%s"' % rev_id(i - 1) if i > 1 else "None"
        write(os.path.join(out, "versions", "%s_create_%s.py" % (rev, t)),
              ALEMBIC_REVISION.format(t=t, rev=rev, down=down))


def flyway_tree(out, n, width):
    for i in range(1, n + 1):
        t = table(i, width)
        write(os.path.join(out, "sql", "V%d__create_%s.sql" % (i, t)), DDL.format(t=t))


def liquibase_tree(out, n, width):
    write(os.path.join(out, "changelog.yaml"),
          "databaseChangeLog:\n"
          "  - includeAll:\n"
          "      path: changes/\n"
          "      relativeToChangelogFile: true\n")
    for i in range(1, n + 1):
        t = table(i, width)
        write(os.path.join(out, "changes", "%s_create_%s.sql" % (str(i).zfill(width), t)),
              "--liquibase formatted sql\n\n--changeset bench:%d\n%s--rollback %s" % (i, DDL.format(t=t), DROP.format(t=t)))


def psql_floor(out, n, width):
    # What every tool must at least send: the DDL and one version-table change per revision.
    parts = ["CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, "
             "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n"]
    for i in range(1, n + 1):
        parts.append(DDL.format(t=table(i, width)))
        if i == 1:
            parts.append("INSERT INTO alembic_version (version_num) VALUES ('%s');\n" % rev_id(i))
        else:
            parts.append("UPDATE alembic_version SET version_num = '%s' WHERE version_num = '%s';\n"
                         % (rev_id(i), rev_id(i - 1)))
    write(os.path.join(out, "floor.sql"), "".join(parts))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of revisions")
    p.add_argument("out", help="folder to write into (created)")
    p.add_argument("--migrate-format", choices=["yaml", "sql"], default="yaml")
    a = p.parse_args()
    width = max(4, len(str(a.n)))
    migrate_tree(os.path.join(a.out, "migrate"), a.n, width, a.migrate_format)
    dbmate_tree(os.path.join(a.out, "dbmate"), a.n, width)
    alembic_tree(os.path.join(a.out, "alembic"), a.n, width)
    flyway_tree(os.path.join(a.out, "flyway"), a.n, width)
    liquibase_tree(os.path.join(a.out, "liquibase"), a.n, width)
    psql_floor(os.path.join(a.out, "psql"), a.n, width)


if __name__ == "__main__":
    main()
