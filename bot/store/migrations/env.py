"""Alembic environment: runs on the engine that `bot.store.migrate` hands over."""

from alembic import context
from sqlalchemy import Engine

from bot.store import models  # noqa: F401  (registers the tables on Base.metadata)
from bot.store.base import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
