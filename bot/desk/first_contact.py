"""MOF steps 2 and 3 on a new chamado: classify it, then answer, suggest or escalate."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.clock import Clock
from bot.desk.acknowledge import PendingReply
from bot.desk.brain import Brain
from bot.desk.closure import ClosurePolicy
from bot.desk.sla import SlaPolicy
from bot.store.database import Database
from bot.store.enums import EventKind, Resolution, TicketStatus
from bot.store.repositories import TicketRepository
from classifier.classify import Classification, Kind
from kb.search import Hit, SearchResult, Verdict

logger = logging.getLogger(__name__)

URGENT_PRIORITIES = ("P1", "P2")


class Action(StrEnum):
    """Next step for a new chamado."""

    SMALL_TALK = "small_talk"
    UNSUPPORTED = "unsupported"
    ANSWER = "answer"
    SUGGEST = "suggest"
    ESCALATE = "escalate"
    ASK_DETAILS = "ask_details"


@dataclass(frozen=True)
class Plan:
    action: Action
    classification: Classification
    search: SearchResult = field(default_factory=lambda: SearchResult(Verdict.NONE, ()))

    @property
    def answer(self) -> Hit | None:
        return self.search.best if self.action == Action.ANSWER else None


def plan_first_contact(brain: Brain, text: str, user_id: str, language: str) -> Plan:
    """Choose between small talk, a redirect, a KB answer, suggestions and an agent."""
    classification = brain.classifier.classify(text, user_id)
    if classification.kind == Kind.SMALL_TALK:
        return Plan(Action.SMALL_TALK, classification)
    if classification.kind == Kind.UNSUPPORTED:
        return Plan(Action.UNSUPPORTED, classification)
    if classification.kind == Kind.UNKNOWN and classification.score <= 0.0:
        # No words to work on (emoji, punctuation, files only): ask, do not guess.
        return Plan(Action.ASK_DETAILS, classification)

    search = brain.kb.search(text, language=language)
    urgent = classification.priority is not None and (
        classification.priority.level in URGENT_PRIORITIES
    )
    if urgent:
        return Plan(Action.ESCALATE, classification, search)
    if search.verdict == Verdict.ANSWER:
        return Plan(Action.ANSWER, classification, search)
    if search.verdict == Verdict.SUGGEST:
        return Plan(Action.SUGGEST, classification, search)
    return Plan(Action.ESCALATE, classification, search)


def explanation(plan: Plan) -> dict[str, Any]:
    """Return the classification's reasons, stored on the chamado for agents to read."""
    result = plan.classification
    details: dict[str, Any] = {
        "kind": result.kind.value,
        "score": round(result.score, 4),
        "neighbours": [
            {"topic": n.topic_id, "text": n.text, "score": n.score} for n in result.neighbours
        ],
        "keywords": list(result.keywords),
        "action": plan.action.value,
    }
    if result.priority is not None:
        details["impact"] = result.priority.impact
        details["urgency"] = result.priority.urgency
        details["priority_reasons"] = list(result.priority.reasons)
    if plan.search.hits:
        details["kb"] = [
            {"article": hit.article.id, "section": hit.section.number, "score": hit.score}
            for hit in plan.search.hits
        ]
    return details


class FirstContactRecorder:
    """Stores the plan on the chamado and moves it to the status the plan implies."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        brain: Brain,
        closure: ClosurePolicy | None = None,
        sla: SlaPolicy | None = None,
    ) -> None:
        self.database = database
        self.clock = clock
        self.brain = brain
        self.closure = closure
        self.sla = sla

    def record(self, pending: PendingReply, plan: Plan) -> None:
        now = self.clock.now()
        result = plan.classification
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket = tickets.get_by_key(pending.ticket_key)
            assert ticket is not None

            category = self.brain.catalogue.category(result.topic_id or "")
            ticket.category = result.topic_id if result.kind != Kind.UNKNOWN else None
            ticket.request_type = result.request_type.value if result.request_type else None
            ticket.supported = result.kind == Kind.SUPPORTED or (
                None if result.kind in (Kind.UNKNOWN, Kind.SMALL_TALK) else False
            )
            ticket.priority = result.priority.level if result.priority else None
            ticket.confidence = result.confidence
            ticket.team = category.team if category and result.kind == Kind.SUPPORTED else None
            ticket.details = explanation(plan)
            best = plan.search.best
            if best is not None and plan.action in (Action.ANSWER, Action.SUGGEST):
                # Only what the requester was shown; weaker candidates stay in `details`.
                ticket.kb_article_id, ticket.kb_score = best.article.id, best.score
            ticket.updated_at = now
            tickets.add_event(
                ticket,
                EventKind.CLASSIFIED,
                "bot",
                now,
                {
                    "kind": result.kind.value,
                    "category": ticket.category,
                    "priority": ticket.priority,
                    "action": plan.action.value,
                },
            )

            if plan.action == Action.SMALL_TALK:
                ticket.status = TicketStatus.SMALL_TALK
                ticket.closed_at = now
            elif plan.action == Action.UNSUPPORTED:
                ticket.status = TicketStatus.CLOSED
                ticket.resolution = Resolution.UNSUPPORTED
                ticket.closed_at = now
            if ticket.priority and self.sla is not None:
                ticket.sla_response_due_at, ticket.sla_resolution_due_at = self.sla.schedule(
                    ticket.created_at, ticket.priority
                )
            if plan.action == Action.ANSWER and self.closure is not None:
                # An unconfirmed answer gets a reminder, then closes with a polite message.
                ticket.reminder_at, ticket.autoclose_at = self.closure.schedule(now)
            if plan.action in (Action.ANSWER, Action.SUGGEST):
                tickets.add_event(
                    ticket,
                    EventKind.KB_OFFERED,
                    "bot",
                    now,
                    {"articles": [hit.article.id for hit in plan.search.hits]},
                )
