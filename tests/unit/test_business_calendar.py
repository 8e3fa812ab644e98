"""Business time across weekends, Brazilian holidays and days off, with no real clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.desk.business_calendar import BusinessCalendar, parse_hours

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def calendar(**changes: object) -> BusinessCalendar:
    values: dict[str, object] = {
        "time_zone": "America/Sao_Paulo",
        "hours": "mon-fri 08:00-18:00",
        "subdivision": None,
        "days_off": (),
    }
    values.update(changes)
    return BusinessCalendar.from_settings(**values)  # type: ignore[arg-type]


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SAO_PAULO)  # type: ignore[misc]


def test_parse_hours_reads_ranges() -> None:
    hours = parse_hours("mon-fri 08:00-18:00; sat 09:00-12:00")

    assert sorted(hours) == [0, 1, 2, 3, 4, 5]
    assert hours[5][0].hour == 9


@pytest.mark.parametrize("text", ["", "monday 8-18", "mon-fri 18:00-08:00", "xyz 08:00-10:00"])
def test_parse_hours_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(text)


def test_national_holiday_is_not_business_day() -> None:
    assert not calendar().is_business_day(date(2026, 12, 25))
    assert not calendar().is_business_day(date(2026, 11, 20))
    assert calendar().is_business_day(date(2026, 12, 23))


def test_state_holiday_and_days_off() -> None:
    assert calendar().is_business_day(date(2026, 7, 9))
    assert not calendar(subdivision="SP").is_business_day(date(2026, 7, 9))
    assert not calendar(days_off=[date(2026, 12, 24)]).is_business_day(date(2026, 12, 24))


def test_add_skips_night_weekend_and_holiday() -> None:
    # Thursday 17:00 + 3 h: 1 h on Thursday, Friday 25/12 is Christmas, weekend, Monday 10:00.
    start = local(2026, 12, 24, 17, 0)

    end = calendar().add(start, timedelta(hours=3))

    assert end == local(2026, 12, 28, 10, 0).astimezone(UTC)


def test_between_counts_only_open_hours() -> None:
    start, end = local(2026, 12, 4, 17, 0), local(2026, 12, 7, 9, 30)

    assert calendar().between(start, end) == timedelta(hours=2, minutes=30)
    assert calendar().between(end, start) == timedelta(0)


def test_add_days_crosses_weekend_and_holiday() -> None:
    # Friday 18/12 10:00 + 3 business days: Mon 21, Tue 22, Wed 23.
    assert calendar().add_days(local(2026, 12, 18, 10, 0), 3) == local(2026, 12, 23, 10, 0)
    # Wednesday 23/12 + 1: Thursday 24 (not a day off by default).
    assert calendar().add_days(local(2026, 12, 23, 10, 0), 1) == local(2026, 12, 24, 10, 0)
    # From Thursday 24/12 + 1: Christmas on Friday, then the weekend, so Monday 28.
    assert calendar().add_days(local(2026, 12, 24, 10, 0), 1) == local(2026, 12, 28, 10, 0)


def test_add_days_after_hours_moves_to_next_opening() -> None:
    assert calendar().add_days(local(2026, 12, 4, 20, 0), 1) == local(2026, 12, 8, 8, 0)
