"""SLA clocks per priority: first response and resolution, in business time, with pauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.desk.business_calendar import BusinessCalendar

DEFAULT_TARGETS = "P1=30m/4h,P2=2h/8h,P3=8h/3d,P4=1d/5d"
_DURATION = re.compile(r"^(\d+)([mhd])$")
_TARGET = re.compile(r"^(P[1-4])=([^/]+)/([^/]+)$")


@dataclass(frozen=True)
class Span:
    """A target length: minutes or hours of business time, or whole business days."""

    amount: int
    unit: str

    @classmethod
    def parse(cls, text: str) -> Span:
        match = _DURATION.match(text.strip())
        if match is None or int(match.group(1)) <= 0:
            raise ValueError(f"SLA durations look like 30m, 8h or 3d, got {text!r}")
        return cls(int(match.group(1)), match.group(2))


def parse_targets(text: str) -> dict[str, tuple[Span, Span]]:
    """Read "P1=30m/4h,P2=2h/8h,…" into priority → (first response, resolution)."""
    targets: dict[str, tuple[Span, Span]] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        match = _TARGET.match(part)
        if match is None:
            raise ValueError(f"SLA targets look like 'P1=30m/4h', got {part!r}")
        targets[match.group(1)] = (Span.parse(match.group(2)), Span.parse(match.group(3)))
    missing = {"P1", "P2", "P3", "P4"} - targets.keys()
    if missing:
        raise ValueError(f"SLA targets missing for {', '.join(sorted(missing))}")
    return targets


@dataclass(frozen=True)
class Clock:
    """One SLA clock at a moment: how much of its target is used and whether it is over."""

    due: datetime
    used: timedelta
    target: timedelta
    stopped: bool

    @property
    def ratio(self) -> float:
        return self.used / self.target if self.target else 1.0

    @property
    def breached(self) -> bool:
        return self.ratio >= 1.0


@dataclass(frozen=True)
class SlaPolicy:
    calendar: BusinessCalendar
    targets: dict[str, tuple[Span, Span]]
    warn_ratio: float = 0.75

    def deadline(self, start: datetime, span: Span) -> datetime:
        if span.unit == "d":
            return self.calendar.add_days(start, span.amount)
        minutes = span.amount * (60 if span.unit == "h" else 1)
        return self.calendar.add(start, timedelta(minutes=minutes))

    def schedule(self, start: datetime, priority: str) -> tuple[datetime, datetime]:
        """First-response and resolution due times for a chamado opened at `start`."""
        response, resolution = self.targets[priority]
        return self.deadline(start, response), self.deadline(start, resolution)

    def response_clock(
        self, opened: datetime, due: datetime, first_response: datetime | None, now: datetime
    ) -> Clock:
        end = first_response or now
        return Clock(
            due,
            self.calendar.between(opened, end),
            self.calendar.between(opened, due),
            first_response is not None,
        )

    def resolution_clock(
        self,
        opened: datetime,
        due: datetime,
        paused: timedelta,
        paused_since: datetime | None,
        ended: datetime | None,
        now: datetime,
    ) -> Clock:
        """Business time used, less the time spent waiting on the requester."""
        end = ended or now
        pause = paused
        if paused_since is not None and ended is None:
            pause += self.calendar.between(paused_since, now)
        used = self.calendar.between(opened, end) - pause
        return Clock(
            self.calendar.add(due, pause),
            max(used, timedelta(0)),
            self.calendar.between(opened, due),
            ended is not None,
        )
