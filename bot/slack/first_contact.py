"""First contact on Slack: classify and search after the ack, then render the reply."""

from __future__ import annotations

import logging

from bot.desk.acknowledge import PendingReply
from bot.desk.brain import Brain
from bot.desk.first_contact import Action, FirstContactRecorder, Plan, plan_first_contact
from bot.slack import first_contact_blocks as render
from bot.slack.blocks import Block
from bot.slack.triage import Triage

logger = logging.getLogger(__name__)


class FirstContact:
    def __init__(self, brain: Brain, recorder: FirstContactRecorder, triage: Triage) -> None:
        self.brain = brain
        self.recorder = recorder
        self.triage = triage

    def plan(self, pending: PendingReply, language: str) -> Plan:
        """Classify the request and search the KB; the plan is stored on the chamado."""
        plan = plan_first_contact(self.brain, pending.text, pending.requester_id, language)
        self.recorder.record(pending, plan)
        logger.info(
            "first contact planned: %s", plan.action.value, extra={"ticket": pending.ticket_key}
        )
        return plan

    def render(self, pending: PendingReply, plan: Plan, language: str) -> tuple[str, list[Block]]:
        key = pending.ticket_key
        result = plan.classification
        topic = self.brain.catalogue.topic(result.topic_id or "")

        if plan.action == Action.SMALL_TALK and topic is not None:
            reply = topic.answer.get(language) or topic.answer.get("pt-BR", "")
            return render.small_talk(key, reply, language)
        if plan.action == Action.UNSUPPORTED and topic is not None:
            redirect = topic.redirect.get(language) or topic.redirect.get("pt-BR", "")
            return render.unsupported(key, redirect, language)
        if plan.action == Action.ANSWER and plan.answer is not None:
            return render.answer(key, plan.answer, language)
        if plan.action == Action.SUGGEST:
            return render.suggestions(key, plan.search.hits, language)

        category = self.brain.catalogue.category(result.topic_id or "")
        team = self.triage.team_name(category.team if category else None, language)
        return render.escalated(
            key,
            category.name(language) if category else None,
            result.priority.level if result.priority else None,
            team if category else None,
            language,
        )
