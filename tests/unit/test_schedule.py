"""Scheduler lease, APScheduler job store and crontab weekdays, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.clock import FixedClock
from bot.schedule.crontab import cron_trigger
from bot.schedule.lease import Lease
from bot.schedule.scheduler import DeskScheduler
from bot.store.database import Database


def test_only_one_holder_until_the_lease_expires(database: Database, clock: FixedClock) -> None:
    first = Lease(database, clock, "instance-a")
    second = Lease(database, clock, "instance-b")

    assert first.acquire() is True
    assert second.acquire() is False
    assert first.acquire() is True

    clock.advance(timedelta(seconds=46))
    assert second.acquire() is True
    assert first.acquire() is False


def test_release_lets_another_take_over_at_once(database: Database, clock: FixedClock) -> None:
    first = Lease(database, clock, "instance-a")
    second = Lease(database, clock, "instance-b")
    first.acquire()

    first.release()

    assert second.acquire() is True


def test_second_instance_does_not_run_jobs(database: Database, clock: FixedClock) -> None:
    first = DeskScheduler(database, Lease(database, clock, "a"), "America/Sao_Paulo")
    second = DeskScheduler(database, Lease(database, clock, "b"), "America/Sao_Paulo")
    try:
        first.tick()
        second.tick()

        assert first.running and not second.running
        with database.engine.connect() as connection:
            ids = connection.execute(text("SELECT id FROM apscheduler_jobs")).scalars().all()
        assert sorted(ids) == ["closure-sweep", "sla-check", "survey-send", "weekly-digest"]

        first.stop()
        second.tick()
        assert second.running
    finally:
        first.stop()
        second.stop()


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("0", "sun"), ("7", "sun"), ("1", "mon"), ("1-5", "mon-fri"), ("0,6", "sun,sat")],
)
def test_crontab_weekday_numbers(weekday: str, expected: str) -> None:
    trigger = cron_trigger(f"0 9 * * {weekday}", "America/Sao_Paulo")

    assert str(trigger.fields[4]) == expected


def test_monday_digest_fires_on_monday_in_local_time() -> None:
    trigger = cron_trigger("0 9 * * 1", "America/Sao_Paulo")
    after = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday

    fire = trigger.get_next_fire_time(None, after)

    assert fire is not None
    assert fire.weekday() == 0
    assert (fire.hour, fire.minute) == (9, 0)


def test_daily_job_keeps_local_time_across_dst() -> None:
    # New York moves its clocks on 8 March 2026; a 09:00 job stays at 09:00 local.
    trigger = cron_trigger("0 9 * * *", "America/New_York")
    before = trigger.get_next_fire_time(None, datetime(2026, 3, 6, 15, 0, tzinfo=UTC))
    after = trigger.get_next_fire_time(None, datetime(2026, 3, 7, 15, 0, tzinfo=UTC))

    assert before is not None and after is not None
    assert (before.day, after.day) == (7, 8)
    assert (before.hour, after.hour) == (9, 9)
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)


@pytest.mark.parametrize("expression", ["0 9 * *", "0 25 * * *", "0 9 * * 8"])
def test_invalid_cron_strings_are_named(expression: str) -> None:
    with pytest.raises(ValueError, match=r"cron string|weekday 8"):
        cron_trigger(expression, "America/Sao_Paulo")
