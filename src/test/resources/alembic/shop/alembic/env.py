import os
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
url = os.environ.get("TEST_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
config.set_main_option("sqlalchemy.url", url)


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None, version_table="alembic_version")
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
