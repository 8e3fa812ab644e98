"""Business time: working hours in the desk's time zone, weekends and holidays excluded.

Brazilian national holidays come from the `holidays` package, optionally with a state's
(`subdivision`, e.g. "SP"); extra days off come from configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPEC = re.compile(r"^\s*(\w{3})(?:-(\w{3}))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> dict[int, tuple[time, time]]:
    """Read "mon-fri 08:00-18:00; sat 08:00-12:00" into weekday (0 = Monday) → hours."""
    hours: dict[int, tuple[time, time]] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        match = _SPEC.match(part.lower())
        if match is None or match.group(1) not in _DAY_NAMES:
            raise ValueError(f"business hours must look like 'mon-fri 08:00-18:00', got {part!r}")
        first = _DAY_NAMES.index(match.group(1))
        last = _DAY_NAMES.index(match.group(2)) if match.group(2) else first
        opens = time(int(match.group(3)), int(match.group(4)))
        closes = time(int(match.group(5)), int(match.group(6)))
        if closes <= opens:
            raise ValueError(f"business hours close before they open in {part!r}")
        for weekday in range(first, last + 1):
            hours[weekday] = (opens, closes)
    if not hours:
        raise ValueError("business hours are empty")
    return hours


@dataclass
class BusinessCalendar:
    time_zone: ZoneInfo
    hours: dict[int, tuple[time, time]]
    subdivision: str | None = None
    extra_days_off: frozenset[date] = frozenset()
    _holidays: dict[int, holidays.HolidayBase] = field(default_factory=dict, repr=False)

    @classmethod
    def from_settings(
        cls, time_zone: str, hours: str, subdivision: str | None, days_off: Iterable[date]
    ) -> BusinessCalendar:
        return cls(
            ZoneInfo(time_zone), parse_hours(hours), subdivision or None, frozenset(days_off)
        )

    def is_business_day(self, day: date) -> bool:
        if day.weekday() not in self.hours or day in self.extra_days_off:
            return False
        return day not in self._holidays_of(day.year)

    def _holidays_of(self, year: int) -> holidays.HolidayBase:
        if year not in self._holidays:
            self._holidays[year] = holidays.country_holidays(
                "BR", subdiv=self.subdivision, years=year
            )
        return self._holidays[year]

    def _open_interval(self, day: date) -> tuple[datetime, datetime] | None:
        if not self.is_business_day(day):
            return None
        opens, closes = self.hours[day.weekday()]
        return (
            datetime.combine(day, opens, self.time_zone),
            datetime.combine(day, closes, self.time_zone),
        )

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """Return the moment `duration` of business time after `start` (aware UTC in and out)."""
        remaining = duration
        cursor = start.astimezone(self.time_zone)
        for _ in range(3660):
            interval = self._open_interval(cursor.date())
            if interval is not None and cursor < interval[1]:
                begin = max(cursor, interval[0])
                available = interval[1] - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(UTC)
                remaining -= available
            next_day = cursor.date() + timedelta(days=1)
            cursor = datetime.combine(next_day, time(0), self.time_zone)
        raise ValueError("no business time within ten years; check the business hours")

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Business time elapsed from `start` to `end` (zero when `end` is earlier)."""
        total = timedelta(0)
        cursor = start.astimezone(self.time_zone)
        finish = end.astimezone(self.time_zone)
        while cursor < finish:
            interval = self._open_interval(cursor.date())
            if interval is not None:
                begin, stop = max(cursor, interval[0]), min(finish, interval[1])
                if stop > begin:
                    total += stop - begin
            cursor = datetime.combine(cursor.date() + timedelta(days=1), time(0), self.time_zone)
        return total

    def add_days(self, start: datetime, days: int) -> datetime:
        """Return the same local time `days` business days later, or the next opening if closed."""
        local = start.astimezone(self.time_zone)
        day, counted = local.date(), 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_business_day(day):
                counted += 1
        moment = datetime.combine(day, local.timetz().replace(tzinfo=None), self.time_zone)
        return self.add(moment, timedelta(0))
