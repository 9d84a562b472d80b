"""Alembic environment: runs on the connection or engine given by storage.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import storage.models  # noqa: F401 - registers the tables on the metadata
from storage.models import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError(
                "no engine and no sqlalchemy.url: use storage.migrate.upgrade(engine)"
            )
        engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise RuntimeError("offline SQL generation is not supported; run `diplobot db upgrade`")
run_migrations_online()
