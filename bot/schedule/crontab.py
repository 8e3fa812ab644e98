"""Cron strings as operators write them (0 = Sunday) turned into APScheduler triggers.

APScheduler 3.x numbers weekdays from Monday (0 = mon), so numeric weekdays are translated to
names before they reach it.
"""

from __future__ import annotations

import re

from apscheduler.triggers.cron import CronTrigger

_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBER = re.compile(r"\d+")


def _weekday_names(field: str) -> str:
    def name(match: re.Match[str]) -> str:
        number = int(match.group(0))
        if number > 7:
            raise ValueError(f"weekday {number} is out of range 0-7 (0 and 7 are Sunday)")
        return _NAMES[number]

    if field == "*" or field.startswith("*/"):
        return field
    return _NUMBER.sub(name, field)


def cron_trigger(expression: str, time_zone: str) -> CronTrigger:
    """Build the trigger for a 5-field crontab string; raises ValueError naming the problem."""
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(
            f"cron string must have 5 fields (minute hour day month weekday), got {expression!r}"
        )
    minute, hour, day, month, weekday = fields
    try:
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=_weekday_names(weekday),
            timezone=time_zone,
        )
    except ValueError as error:
        raise ValueError(f"invalid cron string {expression!r}: {error}") from None
