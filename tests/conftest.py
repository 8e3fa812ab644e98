"""Fixtures shared by the whole suite: real databases (SQLite and PostgreSQL) and a clock."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.clock import FixedClock
from bot.store.base import Base
from bot.store.database import Database
from bot.store.migrate import upgrade

# Any accidental model-hub lookup must fail at once instead of hanging on the network.
os.environ["HF_HUB_OFFLINE"] = "1"

POSTGRES_URL = os.environ.get(
    "BALCAO_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return None


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[str]:
    """A private schema, migrated once, so parallel runs never see each other's rows."""
    problem = _postgres_problem()
    if problem is not None:
        message = f"PostgreSQL at {POSTGRES_URL} is not reachable ({problem})"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the PostgreSQL tests")
        pytest.skip(message + "; set BALCAO_TEST_POSTGRES_URL to run these tests")

    schema = f"balcao_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    database = Database(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    upgrade(database)
    database.dispose()
    yield schema
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def _truncate_all(database: Database) -> None:
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: a SQLite file, or a schema on the PostgreSQL server."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'balcao.db'}")
        upgrade(database)
    else:
        schema = request.getfixturevalue("postgres_schema")
        database = Database(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
        _truncate_all(database)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 2, 13, 30, tzinfo=UTC))
