"""The weekly digest's data: which week is due, claimed once, and its numbers and chart."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock
from bot.desk.business_calendar import BusinessCalendar
from bot.reports.metrics import Period, compute
from bot.schedule.crontab import cron_trigger
from bot.store.database import Database
from bot.store.enums import TicketStatus
from bot.store.models import Digest, Ticket


def due_week(cron: str, time_zone: str, now: datetime) -> Period:
    """Return the week the latest scheduled digest covers: the seven days before its date."""
    trigger = cron_trigger(cron, time_zone)
    fire = trigger.get_next_fire_time(None, now - timedelta(days=8))
    last = fire
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    assert last is not None
    end = datetime.combine(last.date(), time(0), last.tzinfo)
    return Period(end - timedelta(days=7), end)


@dataclass(frozen=True)
class DigestData:
    period: Period
    metrics: dict[str, Any]
    previous: dict[str, Any]
    daily: dict[str, dict[str, int]]


class Digests:
    def __init__(self, database: Database, clock: Clock, calendar: BusinessCalendar) -> None:
        self.database = database
        self.clock = clock
        self.calendar = calendar

    def claim(self, period: Period) -> bool:
        """Reserve the week's digest for this run; False when it was posted or is posting."""
        try:
            with self.database.transaction() as session:
                session.add(
                    Digest(
                        week_start=period.start.date().isoformat(),
                        status="posting",
                        created_at=self.clock.now(),
                    )
                )
            return True
        except IntegrityError:
            return False

    def release(self, period: Period) -> None:
        """Give a failed week back, so the next run posts it."""
        with self.database.transaction() as session:
            session.execute(
                delete(Digest).where(Digest.week_start == period.start.date().isoformat())
            )

    def record(self, period: Period, channel_id: str, ts: str, chart_file_id: str | None) -> None:
        with self.database.transaction() as session:
            digest = session.get(Digest, period.start.date().isoformat())
            assert digest is not None
            digest.status, digest.channel_id, digest.ts = "posted", channel_id, ts
            digest.chart_file_id = chart_file_id

    def latest_chart(self) -> str | None:
        """Return the file id of the latest digest's chart, for the managers' Home tab."""
        with self.database.transaction() as session:
            return session.scalar(
                select(Digest.chart_file_id)
                .where(Digest.status == "posted")
                .order_by(Digest.week_start.desc())
                .limit(1)
            )

    def data(self, period: Period) -> DigestData:
        previous = Period(period.start - timedelta(days=7), period.start)
        return DigestData(
            period,
            compute(self.database, self.calendar, period),
            compute(self.database, self.calendar, previous),
            self._daily(period),
        )

    def _daily(self, period: Period) -> dict[str, dict[str, int]]:
        """Chamados opened per local day, by request type, for the chart."""
        zone = self.calendar.time_zone
        with self.database.transaction() as session:
            rows = session.execute(
                select(Ticket.created_at, Ticket.request_type).where(
                    Ticket.created_at >= period.start,
                    Ticket.created_at < period.end,
                    Ticket.status != TicketStatus.SMALL_TALK,
                )
            )
            counts: dict[str, Counter[str]] = {}
            for created, request_type in rows:
                day = created.astimezone(zone).date().isoformat()
                counts.setdefault(day, Counter())[request_type or "unknown"] += 1
        days = [(period.start + timedelta(days=n)).date().isoformat() for n in range(7)]
        return {day: dict(counts.get(day, Counter())) for day in days}
