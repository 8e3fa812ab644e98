"""Satisfaction surveys: who gets one, when it is sent, and the first answer that counts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.desk.business_calendar import BusinessCalendar
from bot.store.database import Database
from bot.store.enums import EventKind, Resolution, TicketStatus
from bot.store.models import Requester, Ticket
from bot.store.repositories import TicketRepository

# Chamados closed without a person's word on the outcome get no survey.
NO_SURVEY = (Resolution.AUTO_CLOSED, Resolution.UNSUPPORTED, Resolution.CANCELLED)


class SurveyState(StrEnum):
    SCHEDULED = "scheduled"
    SENT = "sent"
    ANSWERED = "answered"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class SurveyPolicy:
    calendar: BusinessCalendar
    sample_rate: float = 1.0
    cooldown: timedelta = timedelta(days=7)
    quiet_from: time = time(20, 0)
    quiet_until: time = time(8, 0)
    send_at: time = time(9, 0)

    def is_sampled(self, key: str) -> bool:
        """Draw once per chamado, from its key, so retries never change the decision."""
        draw = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        return draw < self.sample_rate

    def send_time(self, now: datetime, time_zone: str) -> datetime:
        """Return `now`, or 09:00 of the next working day when it is night, a weekend or a
        holiday in the requester's time zone."""
        zone = _zone(time_zone, self.calendar.time_zone)
        local = now.astimezone(zone)
        working = self.calendar.is_business_day(local.date())
        if working and self.quiet_until <= local.time() < self.quiet_from:
            return now
        day = local.date()
        if not (working and local.time() < self.quiet_until):
            day += timedelta(days=1)
        while not self.calendar.is_business_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, self.send_at, zone)


def _zone(name: str | None, default: ZoneInfo) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else default
    except (ZoneInfoNotFoundError, ValueError):
        return default


@dataclass(frozen=True)
class SurveyTarget:
    key: str
    channel_id: str
    root_ts: str
    language: str
    team: str | None
    triage_channel_id: str | None
    triage_ts: str | None


class Surveys:
    def __init__(self, database: Database, clock: Clock, policy: SurveyPolicy) -> None:
        self.database = database
        self.clock = clock
        self.policy = policy

    def schedule(self, key: str) -> str | None:
        """Plan the survey of a chamado that just closed; return the state it got, if any."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None or ticket.survey_state is not None:
                return None
            requester = session.get(Requester, ticket.requester_id)
            assert requester is not None
            state = self._decide(session, ticket, requester, now)
            ticket.survey_state = state
            if state == SurveyState.SCHEDULED:
                ticket.survey_due_at = self.policy.send_time(now, requester.time_zone or "")
            return state

    def _decide(
        self, session: Session, ticket: Ticket, requester: Requester, now: datetime
    ) -> SurveyState:
        if ticket.status == TicketStatus.SMALL_TALK or ticket.resolution in NO_SURVEY:
            return SurveyState.SKIPPED
        if requester.is_deactivated or not self.policy.is_sampled(ticket.key or ""):
            return SurveyState.SKIPPED
        recent = session.scalars(
            select(Ticket.id)
            .where(
                Ticket.requester_id == requester.id,
                Ticket.id != ticket.id,
                Ticket.survey_sent_at > now - self.policy.cooldown,
            )
            .limit(1)
        ).first()
        return SurveyState.SKIPPED if recent is not None else SurveyState.SCHEDULED

    def due(self) -> list[str]:
        now = self.clock.now()
        with self.database.transaction() as session:
            return [
                str(key)
                for key in session.scalars(
                    select(Ticket.key).where(
                        Ticket.survey_state == SurveyState.SCHEDULED, Ticket.survey_due_at <= now
                    )
                )
            ]

    def send(self, key: str) -> SurveyTarget | None:
        """Claim a due survey for sending, once; deactivated requesters are skipped."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return None
            requester = session.get(Requester, ticket.requester_id)
            state = (
                SurveyState.SKIPPED
                if requester is None or requester.is_deactivated
                else SurveyState.SENT
            )
            result = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket.id, Ticket.survey_state == SurveyState.SCHEDULED)
                .values(survey_state=state, survey_sent_at=now if state == "sent" else None)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) != 1 or state != SurveyState.SENT:
                return None
            return SurveyTarget(
                key,
                ticket.channel_id,
                ticket.conversation_ts,
                ticket.language or "pt-BR",
                ticket.team,
                ticket.triage_channel_id,
                ticket.triage_ts,
            )

    def rate(self, key: str, user_id: str, rating: int) -> SurveyTarget | None:
        """Store the first rating; a second click, or someone else's, changes nothing."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            requester = session.get(Requester, ticket.requester_id) if ticket else None
            if ticket is None or requester is None or requester.slack_user_id != user_id:
                return None
            result = session.execute(
                update(Ticket)
                .where(
                    Ticket.id == ticket.id,
                    Ticket.survey_rating.is_(None),
                    Ticket.survey_state == SurveyState.SENT,
                )
                .values(survey_rating=rating, survey_state=SurveyState.ANSWERED)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) != 1:
                return None
            TicketRepository(session).add_event(
                ticket, EventKind.STATUS_CHANGED, user_id, now, {"survey_rating": rating}
            )
            return SurveyTarget(
                key,
                ticket.channel_id,
                ticket.conversation_ts,
                ticket.language or "pt-BR",
                ticket.team,
                ticket.triage_channel_id,
                ticket.triage_ts,
            )

    def comment(self, key: str, user_id: str, text: str) -> int | None:
        """Store the optional comment after a rating; return the rating it belongs to."""
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            requester = session.get(Requester, ticket.requester_id) if ticket else None
            if ticket is None or requester is None or requester.slack_user_id != user_id:
                return None
            if ticket.survey_rating is None or ticket.survey_comment is not None:
                return None
            ticket.survey_comment = text
            return ticket.survey_rating
