"""Typed SQLAlchemy models: requesters, tickets, their messages and audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.store.base import Base
from bot.store.enums import (
    EventKind,
    MessageDirection,
    ReplyState,
    TicketSource,
    TicketStatus,
)
from bot.store.types import UTCDateTime


def _enum(enum_type: type[Any]) -> Enum:
    # Stored as plain strings (no native PostgreSQL enum) so adding a state needs no ALTER TYPE.
    return Enum(
        enum_type,
        native_enum=False,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )


class Requester(Base):
    """A person who asked for help: a cached copy of their Slack profile."""

    __tablename__ = "requesters"

    id: Mapped[int] = mapped_column(primary_key=True)
    slack_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(255))
    department: Mapped[str | None] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(16))
    time_zone: Mapped[str | None] = mapped_column(String(64))
    is_deactivated: Mapped[bool] = mapped_column(default=False)
    profile_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Ticket(Base):
    """A chamado. `key` is set in the transaction that inserts the row, from its id."""

    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("channel_id", "root_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(24), unique=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("requesters.id"), index=True)
    source: Mapped[TicketSource] = mapped_column(_enum(TicketSource))
    channel_id: Mapped[str] = mapped_column(String(32))
    root_ts: Mapped[str] = mapped_column(String(32))
    status: Mapped[TicketStatus] = mapped_column(_enum(TicketStatus), index=True)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text())
    language: Mapped[str | None] = mapped_column(String(16))
    ack_reply_ts: Mapped[str | None] = mapped_column(String(32))
    # A chamado opened by a reply in a closed chamado's thread lives in that thread.
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    parent_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Classification (MOF step 2); `details` keeps the explanation: neighbours, cues, keywords.
    category: Mapped[str | None] = mapped_column(String(64))
    request_type: Mapped[str | None] = mapped_column(String(32))
    supported: Mapped[bool | None] = mapped_column()
    priority: Mapped[str | None] = mapped_column(String(4))
    confidence: Mapped[float | None] = mapped_column()
    team: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON(), default=dict)

    # First-contact resolution (MOF step 3).
    kb_article_id: Mapped[str | None] = mapped_column(String(128))
    kb_score: Mapped[float | None] = mapped_column()
    resolution: Mapped[str | None] = mapped_column(String(32))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    triage_channel_id: Mapped[str | None] = mapped_column(String(32))
    triage_ts: Mapped[str | None] = mapped_column(String(32))
    assignee_user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Human side (MOF step 3): timings kept for the SLA clocks.
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution_note: Mapped[str | None] = mapped_column(Text())

    # Confirmation and closure (MOF step 4): when to remind, when to close by itself.
    # SLA (MOF step 5): due times, the pause while waiting on the requester, warnings sent.
    sla_response_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sla_resolution_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sla_paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sla_paused_seconds: Mapped[int] = mapped_column(default=0)
    sla_alerts: Mapped[dict[str, Any]] = mapped_column(JSON(), default=dict)

    # Satisfaction survey (MOF step 5): scheduled at closure, sent at a good local time.
    survey_state: Mapped[str | None] = mapped_column(String(16), index=True)
    survey_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    survey_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    survey_rating: Mapped[int | None] = mapped_column()
    survey_comment: Mapped[str | None] = mapped_column(Text())

    reminder_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    autoclose_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

    requester: Mapped[Requester] = relationship(lazy="raise")

    @property
    def conversation_ts(self) -> str:
        """The thread where the requester and the bot talk about this chamado."""
        return self.thread_ts or self.root_ts


class TicketMessage(Base):
    """Every message of a chamado's conversation, inbound and outbound, with its Slack ts."""

    __tablename__ = "ticket_messages"
    __table_args__ = (
        UniqueConstraint("channel_id", "ts"),
        Index("ix_ticket_messages_reply_state", "reply_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    direction: Mapped[MessageDirection] = mapped_column(_enum(MessageDirection))
    channel_id: Mapped[str] = mapped_column(String(32))
    ts: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    slack_user_id: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text())
    raw_text: Mapped[str] = mapped_column(Text())
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON(), default=list)
    subtype: Mapped[str | None] = mapped_column(String(64))
    reply_state: Mapped[ReplyState | None] = mapped_column(_enum(ReplyState))
    # What the after-ack work does with the message: first contact or a relay.
    route: Mapped[str | None] = mapped_column(String(16))
    internal: Mapped[bool] = mapped_column(default=False)
    reply_claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TicketEvent(Base):
    """One entry of a chamado's audit trail: who changed what, and when."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind))
    actor: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON(), default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProcessedEvent(Base):
    """A Slack delivery already handled, keyed by Slack's id, shared by every instance."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Relay(Base):
    """A message copied between the requester's thread and the card's thread, for edits."""

    __tablename__ = "relays"
    __table_args__ = (UniqueConstraint("source_channel_id", "source_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    source_channel_id: Mapped[str] = mapped_column(String(32))
    source_ts: Mapped[str] = mapped_column(String(32))
    target_channel_id: Mapped[str] = mapped_column(String(32))
    target_ts: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LearnedExemplar(Base):
    """An agent's correction, kept as a new exemplar of the category it belongs to."""

    __tablename__ = "learned_exemplars"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text())
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SchedulerLease(Base):
    """Which instance runs the scheduler, until when; the holder renews it while alive."""

    __tablename__ = "scheduler_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Digest(Base):
    """One weekly digest per week: the row is claimed before posting, so it posts once."""

    __tablename__ = "digests"

    week_start: Mapped[str] = mapped_column(String(10), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    # The uploaded chart, shown again on managers' Home tab.
    chart_file_id: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
