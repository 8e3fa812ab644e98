"""Read a chamado whole: the record, its requester, its messages and its audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.store.database import Database
from bot.store.models import Requester, TicketMessage
from bot.store.repositories import TicketRepository


def ticket_summary(database: Database, key: str) -> dict[str, Any] | None:
    """Return a JSON-ready view of one chamado, or `None` when the key is unknown."""
    with database.transaction() as session:
        tickets = TicketRepository(session)
        ticket = tickets.get_by_key(key)
        if ticket is None:
            return None
        requester = session.get(Requester, ticket.requester_id)
        assert requester is not None
        messages = session.scalars(
            select(TicketMessage)
            .where(TicketMessage.ticket_id == ticket.id)
            .order_by(TicketMessage.id)
        )
        return {
            "key": ticket.key,
            "status": ticket.status.value,
            "source": ticket.source.value,
            "channel": ticket.channel_id,
            "root_ts": ticket.root_ts,
            "title": ticket.title,
            "language": ticket.language,
            "created_at": ticket.created_at.isoformat(),
            "requester": {
                "slack_user_id": requester.slack_user_id,
                "name": requester.name,
                "email": requester.email,
                "title": requester.title,
                "department": requester.department,
                "locale": requester.locale,
                "time_zone": requester.time_zone,
                "deactivated": requester.is_deactivated,
            },
            "messages": [
                {
                    "direction": message.direction.value,
                    "ts": message.ts,
                    "author": message.slack_user_id or "bot",
                    "chars": len(message.text),
                    "files": [file.get("name") for file in message.files],
                    "edited": message.edited_at is not None,
                    "deleted": message.deleted_at is not None,
                }
                for message in messages
            ],
            "events": [
                {"kind": event.kind.value, "actor": event.actor, "at": event.created_at.isoformat()}
                for event in tickets.list_events(ticket.id)
            ],
        }


def conversation_so_far(database: Database, key: str) -> list[tuple[str, str]]:
    """Return the requester's and the bot's messages in order, as (author id or "bot", text)."""
    with database.transaction() as session:
        ticket = TicketRepository(session).get_by_key(key)
        if ticket is None:
            return []
        messages = session.scalars(
            select(TicketMessage)
            .where(
                TicketMessage.ticket_id == ticket.id,
                TicketMessage.channel_id == ticket.channel_id,
                TicketMessage.deleted_at.is_(None),
            )
            .order_by(TicketMessage.id)
        )
        return [(message.slack_user_id or "bot", message.text) for message in messages]
