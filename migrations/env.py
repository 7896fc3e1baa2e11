"""Alembic environment for Suoja.

The application passes an open connection in ``config.attributes["connection"]`` (the
database is encrypted, so Alembic cannot open it from a URL by itself). The ``alembic``
command line, used by developers to autogenerate revisions, gets a throw-away plain SQLite
database built from the existing migrations instead.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from models.domain.entities import Base

target_metadata = Base.metadata


def run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    # Developers: `alembic upgrade head` then `alembic revision --autogenerate -m "..."`.
    url = os.environ.get("SUOJA_ALEMBIC_URL", "sqlite:///migrations/dev.db")
    with create_engine(url).connect() as dev_connection:
        run_with(dev_connection)
        dev_connection.commit()
