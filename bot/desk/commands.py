"""Plain commands the Slack side hands to the core, and the outcomes it gets back."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.store.enums import TicketSource


@dataclass(frozen=True)
class FileRef:
    """A file attached to a message; the desk keeps its metadata, never its bytes."""

    file_id: str
    name: str
    mimetype: str | None = None
    permalink: str | None = None


@dataclass(frozen=True)
class IncomingMessage:
    """A human's message, already decoded to plain text.

    `opens_ticket_as` is the source under which the message may open a new chamado (a DM, a
    mention or a help-channel post); `None` means it may only join an existing one.
    """

    channel_id: str
    user_id: str
    ts: str
    text: str
    raw_text: str
    thread_ts: str | None = None
    opens_ticket_as: TicketSource | None = None
    files: tuple[FileRef, ...] = ()
    subtype: str | None = None
    event_id: str | None = None
    event_type: str = "message"

    @property
    def root_ts(self) -> str:
        return self.thread_ts or self.ts

    @property
    def is_thread_reply(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts


@dataclass(frozen=True)
class MessageEdit:
    channel_id: str
    ts: str
    text: str
    raw_text: str
    event_id: str | None = None


@dataclass(frozen=True)
class MessageDeletion:
    channel_id: str
    ts: str
    event_id: str | None = None


class RecordStatus(StrEnum):
    NEW_TICKET = "new_ticket"
    ADDED_TO_TICKET = "added_to_ticket"
    # A reply with the details the bot requested, which gets its own first-contact reply.
    DETAILS_ADDED = "details_added"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"


class Route(StrEnum):
    """The after-ack work a recorded message needs."""

    FIRST_CONTACT = "first_contact"
    TO_CARD = "to_card"
    TO_REQUESTER = "to_requester"


@dataclass(frozen=True)
class RecordOutcome:
    status: RecordStatus
    ticket_key: str | None = None
    message_id: int | None = None
    route: Route | None = None


@dataclass(frozen=True)
class RequesterProfile:
    """A person's profile as Slack's `users.info` returns it."""

    user_id: str
    name: str | None = None
    email: str | None = None
    title: str | None = None
    department: str | None = None
    locale: str | None = None
    time_zone: str | None = None
    is_deactivated: bool = False
    is_bot: bool = False
