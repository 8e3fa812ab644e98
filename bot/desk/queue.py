"""An agent's queue: their own open chamados and the unassigned ones of their teams."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import or_, select

from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES
from bot.store.models import Ticket

PAGE_SIZE = 10


@dataclass(frozen=True)
class QueueItem:
    key: str
    title: str
    priority: str | None
    status: str
    assignee_id: str | None


@dataclass(frozen=True)
class QueuePage:
    items: tuple[QueueItem, ...]
    page: int
    pages: int


def list_queue(
    database: Database, agent_id: str, team_channel_ids: Collection[str], page: int = 1
) -> QueuePage:
    """Open chamados assigned to the agent, then unassigned escalated ones of their channels.

    Ordered by priority (P1 first) and age, `PAGE_SIZE` per page.
    """
    condition = or_(
        Ticket.assignee_user_id == agent_id,
        Ticket.assignee_user_id.is_(None)
        & Ticket.escalated_at.is_not(None)
        & Ticket.triage_channel_id.in_(list(team_channel_ids)),
    )
    with database.transaction() as session:
        tickets = list(
            session.scalars(
                select(Ticket)
                .where(condition, Ticket.status.in_(OPEN_STATUSES))
                .order_by(Ticket.priority.nulls_last(), Ticket.created_at)
            )
        )
    items = [
        QueueItem(t.key or "", t.title, t.priority, t.status.value, t.assignee_user_id)
        for t in tickets
    ]
    items.sort(key=lambda item: item.assignee_id != agent_id)
    pages = max(1, -(-len(items) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    start = (page - 1) * PAGE_SIZE
    return QueuePage(tuple(items[start : start + PAGE_SIZE]), page, pages)
