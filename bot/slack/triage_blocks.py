"""The triage card agents see in their channel, rebuilt in place on every change."""

from __future__ import annotations

from bot.desk.escalation import TicketCard
from bot.i18n import t
from bot.slack.blocks import Block, context, local_time, section
from bot.slack.first_contact_blocks import button
from bot.slack.markup import escape_truncated

ASSUME_ACTION = "ticket_assume"
RESOLVE_ACTION = "ticket_resolve"
ASSIGN_ACTION = "ticket_assign"
CLOSE_ACTION = "ticket_close_unresolved"
RECLASSIFY_ACTION = "ticket_reclassify"


def _requester(card: TicketCard) -> str:
    parts = [f"<@{card.requester_id}>"]
    details = [
        escape_truncated(value, 100)
        for value in (card.requester_name, card.requester_title, card.requester_department)
        if value
    ]
    if details:
        parts.append("(" + ", ".join(details) + ")")
    return " ".join(parts)


def _kb_line(card: TicketCard, language: str) -> str:
    if not card.kb_offered:
        return t(language, "triage.kb_none")
    articles = ", ".join(f"`{escape_truncated(article, 80)}`" for article in card.kb_offered)
    key = "triage.kb_declined" if card.requester_declined_kb else "triage.kb_offered"
    return t(language, key, articles=articles)


def triage_card(
    card: TicketCard,
    category_name: str,
    language: str,
    permalink: str | None,
    note_prefix: str = "nota:",
    time_zone: str = "America/Sao_Paulo",
) -> tuple[str, list[Block]]:
    """Requester, description, classification, what the KB offered, status and "Assumir"."""
    priority = card.priority or "—"
    request_type = t(language, f"type.{card.request_type}") if card.request_type else "—"
    header = t(language, "triage.header", key=card.key, priority=priority)
    fields = [
        t(language, "triage.requester", requester=_requester(card)),
        t(language, "triage.category", category=escape_truncated(category_name, 100)),
        t(language, "triage.type", request_type=request_type),
        t(language, "triage.priority", priority=priority),
        t(language, "triage.status", status=t(language, f"status.{card.status}")),
    ]
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": header[:150]}},
        {
            "type": "section",
            "fields": [{"type": "mrkdwn", "text": field[:2000]} for field in fields],
        },
        section("> " + escape_truncated(card.description, 1500).replace("\n", "\n> ")),
        context(_kb_line(card, language)),
    ]
    if card.sla_response_due_at and card.sla_resolution_due_at:
        line = t(
            language,
            "triage.sla",
            response=local_time(card.sla_response_due_at, time_zone, language),
            resolution=local_time(card.sla_resolution_due_at, time_zone, language),
        )
        # The SLA field shows the worst alert sent so far, so the card tells at a glance.
        if any(alert.endswith("_breach") for alert in card.sla_alerts):
            line = "🚨 " + line
        elif card.sla_alerts:
            line = "⏰ " + line
        blocks.append(context(line))
    if permalink:
        blocks.append(context(t(language, "triage.conversation", link=permalink)))
    if card.status == "resolved" and card.resolution_note is not None:
        note = escape_truncated(card.resolution_note, 1500)
        blocks.append(context(t(language, "triage.resolved_by", agent=card.assignee_id, note=note)))
    elif card.resolution == "unresolved" and card.resolution_note is not None:
        reason = escape_truncated(card.resolution_note, 1500)
        blocks.append(
            context(t(language, "triage.closed_by", agent=card.assignee_id, reason=reason))
        )
    elif card.assignee_id:
        blocks.append(context(t(language, "triage.assigned", agent=card.assignee_id)))
    else:
        blocks.append(context(t(language, "triage.unassigned")))

    if card.status in ("new", "in_progress", "waiting_on_requester"):
        if card.assignee_id:
            blocks.append(context(t(language, "bridge.card_hint", prefix=note_prefix)))
            first = button(RESOLVE_ACTION, t(language, "button.resolve"), card.key, "primary")
        else:
            first = button(ASSUME_ACTION, t(language, "button.assume"), card.key, "primary")
        blocks.append(
            {
                "type": "actions",
                "block_id": f"triage:{card.key}",
                "elements": [
                    first,
                    {
                        "type": "users_select",
                        "action_id": ASSIGN_ACTION,
                        "placeholder": {"type": "plain_text", "text": t(language, "button.assign")},
                    },
                    button(RECLASSIFY_ACTION, t(language, "button.reclassify"), card.key),
                    button(CLOSE_ACTION, t(language, "button.close_unresolved"), card.key),
                ],
            }
        )
    return header, blocks
