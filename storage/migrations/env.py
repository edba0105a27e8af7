"""Alembic environment: the engine comes from ``storage.db.upgrade`` (config.attributes)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata
MIGRATION_LOCK = 0x5C4A_A75B  # PostgreSQL advisory lock id: "schaatsbot migrates"


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlmodel import create_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("alembic: no engine in config.attributes and no sqlalchemy.url configured")
        engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
            compare_type=True,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # Several processes may start at once: one migrates, the others wait here (the lock lasts
                # until this transaction ends) and then find the schema at head.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            context.run_migrations()
        connection.commit()


run_migrations()
