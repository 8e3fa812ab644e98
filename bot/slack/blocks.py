"""Block Kit payloads, built by pure functions so handlers stay thin and tests stay simple."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.desk.acknowledge import PendingReply
from bot.i18n import t
from bot.slack.markup import escape_truncated
from bot.text import is_emoji_only

Block = dict[str, Any]

SECTION_LIMIT = 3000
QUOTE_LIMIT = 600
CANCEL_ACTION = "ticket_cancel"
AGENT_ACTION = "ticket_agent"

_DATE_FORMATS = {"pt-BR": "%d/%m/%Y %H:%M"}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn[:SECTION_LIMIT]}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn[:SECTION_LIMIT]}]}


def quote(plain: str) -> str:
    """Quote the requester's own words, escaped so no token in them goes live."""
    escaped = escape_truncated(plain, QUOTE_LIMIT)
    return "\n".join("> " + line for line in escaped.splitlines() if line.strip())


def local_time(moment: datetime, time_zone: str, language: str) -> str:
    local = moment.astimezone(ZoneInfo(time_zone))
    if language == "en":
        return f"{local:%b} {local.day}, {local:%Y %H:%M}"
    return local.strftime(_DATE_FORMATS[language])


def agent_button(ticket_key: str, language: str) -> Block:
    """The way to a person that every reply carries."""
    return {
        "type": "button",
        "action_id": AGENT_ACTION,
        "text": {"type": "plain_text", "text": t(language, "button.agent")},
        "value": ticket_key,
    }


def cancel_button(ticket_key: str, language: str) -> Block:
    return {
        "type": "button",
        "action_id": CANCEL_ACTION,
        "text": {"type": "plain_text", "text": t(language, "button.cancel")},
        "value": ticket_key,
        "confirm": {
            "title": {"type": "plain_text", "text": t(language, "cancel.confirm_title")},
            "text": {
                "type": "plain_text",
                "text": t(language, "cancel.confirm_text", key=ticket_key),
            },
            "confirm": {"type": "plain_text", "text": t(language, "cancel.confirm_yes")},
            "deny": {"type": "plain_text", "text": t(language, "cancel.confirm_no")},
            "style": "danger",
        },
    }


def acknowledgement(
    pending: PendingReply, language: str, time_zone: str
) -> tuple[str, list[Block]]:
    """Build the first reply to a new chamado: its key, the request as understood, next steps."""
    key = pending.ticket_key
    has_text = any(char.isalnum() for char in pending.text) and not is_emoji_only(pending.text)

    if pending.file_names and not has_text:
        files = (
            t(language, "files.one")
            if len(pending.file_names) == 1
            else t(language, "files.many", count=len(pending.file_names))
        )
        names = escape_truncated(", ".join(pending.file_names), 300)
        headline = t(language, "ack.recorded_files", files=files, key=key, names=names)
    else:
        headline = t(language, "ack.recorded", key=key)

    blocks = [section(headline)]
    if has_text:
        blocks.append(section(quote(pending.text)))
    blocks.append(section(t(language, "ack.next_steps" if has_text else "ack.ask_details")))
    opened_at = local_time(pending.opened_at, time_zone, language)
    blocks.append(context(t(language, "ack.context", key=key, opened_at=opened_at)))
    blocks.append(
        {
            "type": "actions",
            "block_id": f"ticket:{key}",
            "elements": [agent_button(key, language), cancel_button(key, language)],
        }
    )
    return t(language, "ack.fallback", key=key), blocks


def cancelled(ticket_key: str, language: str) -> tuple[str, list[Block]]:
    return (
        t(language, "cancel.done_fallback", key=ticket_key),
        [section(t(language, "cancel.done", key=ticket_key))],
    )


def replace_actions(blocks: list[Block], note: str) -> list[Block]:
    """Return the message's blocks with its buttons replaced by a note."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    return [*kept, context(note)]
