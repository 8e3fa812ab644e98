"""States and kinds stored in the database."""

from enum import StrEnum


class TicketSource(StrEnum):
    """Channel through which the request entered the desk."""

    DM = "dm"
    MENTION = "mention"
    HELP_CHANNEL = "help_channel"


class TicketStatus(StrEnum):
    """Life-cycle of a chamado. `SMALL_TALK` marks a recorded conversation that is no chamado."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING_ON_REQUESTER = "waiting_on_requester"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    SMALL_TALK = "small_talk"


class Resolution(StrEnum):
    """Manner in which a chamado ended."""

    SELF_SERVICE = "self_service"
    AGENT = "agent"
    UNSUPPORTED = "unsupported"
    CANCELLED = "cancelled"
    UNRESOLVED = "unresolved"
    # Closed by itself after the reminder and the grace period went unanswered.
    AUTO_CLOSED = "auto_closed"


OPEN_STATUSES = (TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_REQUESTER)


class MessageDirection(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class ReplyState(StrEnum):
    """Progress of the after-ack work on an inbound message."""

    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


class EventKind(StrEnum):
    """Entries of a chamado's audit trail."""

    CREATED = "created"
    MESSAGE_ADDED = "message_added"
    MESSAGE_EDITED = "message_edited"
    MESSAGE_DELETED = "message_deleted"
    REPLIED = "replied"
    REPLY_FAILED = "reply_failed"
    REQUESTER_PROFILE_FAILED = "requester_profile_failed"
    STATUS_CHANGED = "status_changed"
    CLASSIFIED = "classified"
    KB_OFFERED = "kb_offered"
    ESCALATED = "escalated"
    ASSIGNED = "assigned"
    RECLASSIFIED = "reclassified"
    REMINDED = "reminded"
