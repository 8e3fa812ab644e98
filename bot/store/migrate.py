"""Apply the Alembic migrations that ship inside the package."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config

from bot.store.database import Database

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = database.engine
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to `revision`; a no-op when it is already there."""
    command.upgrade(alembic_config(database), revision)
    logger.info("database schema upgraded", extra={"url": database.engine.url.render_as_string()})
