"""The desk's metrics over a period, each computed one way for every consumer.

Definitions (the READMEs repeat them):
- volume: chamados opened in the period, small talk excluded, by request type, category and
  channel of entry (DM, mention, help channel);
- deflection: chamados closed by the requester's "Resolveu" on a knowledge-base answer, as a
  count and a share of the volume; `kb_escalated_share` is the share of chamados answered from
  the knowledge base that were escalated anyway;
- first-contact resolution: supported chamados resolved without escalation (by the knowledge
  base or by the bot's first answer), as a share of supported chamados;
- first response and resolution times: business hours from opening to the first agent message
  and to resolution, median and 90th percentile;
- SLA met: per priority, the share of chamados with a due time whose clock ended without a
  breach alert;
- reopen rate: chamados reopened (a reply during grace or "Ainda não") over chamados an agent
  resolved;
- CSAT: average rating, distribution 1–5, response rate (answered over sent), comments of
  ratings 1–2;
- unsupported demand: unsupported chamados by topic;
- KB gaps: escalated chamados the knowledge base had no answer for, grouped by category, with
  a count and an example title;
- backlog: chamados open at the end of the period and the age of the oldest (business hours);
- repeat topics: categories of people with two or more chamados in the period (no names);
- busiest hours: chamados opened per hour of the day in the desk's time zone.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.desk.business_calendar import BusinessCalendar
from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES, EventKind, Resolution, TicketStatus
from bot.store.models import Ticket, TicketEvent


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return round(ordered[index], 2)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def compute(database: Database, calendar: BusinessCalendar, period: Period) -> dict[str, Any]:
    """Compute every metric for chamados opened in `period` (backlog: as of its end)."""
    with database.transaction() as session:
        tickets = list(
            session.scalars(
                select(Ticket).where(
                    Ticket.created_at >= period.start, Ticket.created_at < period.end
                )
            )
        )
        ids = [ticket.id for ticket in tickets]
        events = (
            list(
                session.scalars(
                    select(TicketEvent)
                    .where(
                        TicketEvent.kind == EventKind.STATUS_CHANGED, TicketEvent.ticket_id.in_(ids)
                    )
                    .order_by(TicketEvent.id)
                )
            )
            if ids
            else []
        )
        open_now = list(
            session.scalars(
                select(Ticket).where(
                    Ticket.created_at < period.end, Ticket.status.in_(OPEN_STATUSES)
                )
            )
        )
        return _metrics(tickets, open_now, _reopens(events), calendar, period)


def _reopens(events: list[TicketEvent]) -> tuple[set[int], set[int]]:
    """Chamados an agent resolved, and those of them reopened afterwards."""
    resolved: set[int] = set()
    reopened: set[int] = set()
    for event in events:
        data = event.data or {}
        if data.get("to") == "resolved" and data.get("resolution") == "agent":
            resolved.add(event.ticket_id)
        elif event.ticket_id in resolved and data.get("to") in ("in_progress", "new"):
            reopened.add(event.ticket_id)
    return resolved, reopened


def _metrics(
    tickets: list[Ticket],
    open_now: list[Ticket],
    reopens: tuple[set[int], set[int]],
    calendar: BusinessCalendar,
    period: Period,
) -> dict[str, Any]:
    chamados = [t for t in tickets if t.status != TicketStatus.SMALL_TALK]
    supported = [t for t in chamados if t.supported]
    kb_answered = [t for t in chamados if (t.details or {}).get("action") == "answer"]
    deflected = [t for t in chamados if t.resolution == Resolution.SELF_SERVICE]
    first_contact = [
        t
        for t in supported
        if t.escalated_at is None
        and t.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
        and t.resolution != Resolution.AUTO_CLOSED
    ]
    sent = [t for t in chamados if t.survey_state in ("sent", "answered")]
    rated = [t for t in chamados if t.survey_rating is not None]
    return {
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "volume": {
            "total": len(chamados),
            "by_request_type": dict(Counter(t.request_type or "unknown" for t in chamados)),
            "by_category": dict(Counter(t.category or "unknown" for t in chamados)),
            "by_channel": dict(Counter(t.source.value for t in chamados)),
            "small_talk": len(tickets) - len(chamados),
        },
        "deflection": {
            "resolved_by_kb": len(deflected),
            "share": _share(len(deflected), len(chamados)),
            "kb_answers": len(kb_answered),
            "kb_escalated_share": _share(
                sum(t.escalated_at is not None for t in kb_answered), len(kb_answered)
            ),
        },
        "first_contact_resolution": _share(len(first_contact), len(supported)),
        "times_hours": _times(chamados, calendar),
        "sla_met": _sla(chamados, calendar),
        "reopen_rate": _share(len(reopens[1]), len(reopens[0])),
        "csat": {
            "average": round(statistics.fmean(t.survey_rating or 0 for t in rated), 2)
            if rated
            else None,
            "distribution": {str(n): sum(t.survey_rating == n for t in rated) for n in range(1, 6)},
            "response_rate": _share(len(rated), len(sent)),
            "low_rating_comments": [
                {"ticket": t.key, "rating": t.survey_rating, "comment": t.survey_comment}
                for t in rated
                if (t.survey_rating or 5) <= 2 and t.survey_comment
            ],
        },
        "unsupported_by_topic": dict(
            Counter(t.category or "unknown" for t in chamados if t.supported is False)
        ),
        "kb_gaps": _gaps(chamados),
        "backlog": {
            "open": len(open_now),
            "oldest_business_hours": round(
                max(
                    (_hours(calendar.between(t.created_at, period.end)) for t in open_now),
                    default=0.0,
                ),
                1,
            ),
        },
        "repeat_topics": _repeat_topics(chamados),
        "busiest_hours": _busiest_hours(chamados, calendar),
    }


def _times(chamados: list[Ticket], calendar: BusinessCalendar) -> dict[str, Any]:
    response = [
        _hours(calendar.between(t.created_at, t.first_response_at))
        for t in chamados
        if t.first_response_at
    ]
    resolution = [
        _hours(calendar.between(t.created_at, t.resolved_at))
        for t in chamados
        if t.resolved_at and t.resolution == Resolution.AGENT
    ]
    return {
        "first_response": {
            "median": _median(response),
            "p90": _percentile(response, 0.9),
            "count": len(response),
        },
        "resolution": {
            "median": _median(resolution),
            "p90": _percentile(resolution, 0.9),
            "count": len(resolution),
        },
    }


def _sla(chamados: list[Ticket], calendar: BusinessCalendar) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for priority in ("P1", "P2", "P3", "P4"):
        tracked = [
            t
            for t in chamados
            if t.priority == priority and t.sla_resolution_due_at and t.status not in OPEN_STATUSES
        ]
        met = [t for t in tracked if _met(t, calendar)]
        result[priority] = {"tracked": len(tracked), "met_share": _share(len(met), len(tracked))}
    tracked_all = sum(entry["tracked"] for entry in result.values())
    met_all = sum(round((entry["met_share"] or 0) * entry["tracked"]) for entry in result.values())
    result["all"] = {"tracked": tracked_all, "met_share": _share(met_all, tracked_all)}
    return result


def _met(ticket: Ticket, calendar: BusinessCalendar) -> bool:
    """Ended before its resolution due time, moved by the time spent waiting on the requester."""
    if any(key.endswith("_breach") for key in (ticket.sla_alerts or {})):
        return False
    ended = ticket.resolved_at or ticket.closed_at
    assert ticket.sla_resolution_due_at is not None
    if ended is None:
        return True
    due = calendar.add(ticket.sla_resolution_due_at, timedelta(seconds=ticket.sla_paused_seconds))
    return ended <= due


def _gaps(chamados: list[Ticket]) -> list[dict[str, Any]]:
    groups: dict[str, list[Ticket]] = defaultdict(list)
    for ticket in chamados:
        if ticket.escalated_at is not None and (
            ticket.kb_article_id is None or (ticket.details or {}).get("kb_declined")
        ):
            groups[ticket.category or "unknown"].append(ticket)
    return sorted(
        (
            {"category": category, "count": len(items), "example": items[0].title}
            for category, items in groups.items()
        ),
        key=lambda gap: (-gap["count"], gap["category"]),
    )


def _repeat_topics(chamados: list[Ticket]) -> dict[str, int]:
    by_person: dict[int, list[Ticket]] = defaultdict(list)
    for ticket in chamados:
        by_person[ticket.requester_id].append(ticket)
    topics: Counter[str] = Counter()
    for items in by_person.values():
        if len(items) >= 2:
            topics.update(t.category or "unknown" for t in items)
    return dict(topics.most_common(5))


def _busiest_hours(chamados: list[Ticket], calendar: BusinessCalendar) -> dict[str, int]:
    hours = Counter(t.created_at.astimezone(calendar.time_zone).hour for t in chamados)
    return {f"{hour:02d}h": count for hour, count in sorted(hours.items())}
