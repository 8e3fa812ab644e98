"""Render Slack messages as terminal text for the local chat."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.slack.markup import decode

JsonDict = dict[str, Any]


NameLookup = Callable[[str], str | None]


def unescape(text: str, user_name: NameLookup = lambda _: None) -> str:
    """Show mrkdwn as a person reads it: live tokens as `@name`/`#channel`, entities decoded."""
    return decode(text, user_name)


def _text_of(element: JsonDict | None, user_name: NameLookup = lambda _: None) -> str:
    if not element:
        return ""
    return unescape(str(element.get("text", "")), user_name)


def block_lines(block: JsonDict, user_name: NameLookup) -> list[str]:
    """Return the lines a person reads in one Block Kit block (buttons excluded)."""
    kind = block.get("type")
    if kind in ("section", "header"):
        lines = _text_of(block.get("text"), user_name).splitlines()
        for field in block.get("fields") or []:
            lines.extend(_text_of(field, user_name).splitlines())
        return lines
    if kind == "context":
        parts = [
            _text_of(element, user_name)
            for element in block.get("elements") or []
            if element.get("type") in ("mrkdwn", "plain_text")
        ]
        return [" · ".join(part for part in parts if part)]
    if kind == "divider":
        return ["────"]
    if kind in ("rich_text", "actions"):
        return []
    return [f"[{kind}]"]


def message_lines(message: JsonDict, user_name: NameLookup = lambda _: None) -> list[str]:
    """Return the readable lines of a message: its blocks when it has them, else its text."""
    lines: list[str] = []
    blocks = [block for block in message.get("blocks") or [] if block.get("type") != "rich_text"]
    if blocks:
        for block in blocks:
            lines.extend(block_lines(block, user_name))
    else:
        lines.extend(unescape(str(message.get("text", "")), user_name).splitlines())
    for file in message.get("files") or []:
        lines.append(f"📎 {file.get('name', '?')}")
    return lines or ["(—)"]


def button_labels(message: JsonDict) -> list[tuple[str, str]]:
    """(action_id, label) of each button in the message, in display order."""
    found = []
    for block in message.get("blocks") or []:
        elements = block.get("elements") if block.get("type") == "actions" else []
        accessory = block.get("accessory")
        if accessory:
            elements = [*(elements or []), accessory]
        for element in elements or []:
            if element.get("type") == "button":
                found.append((str(element["action_id"]), _text_of(element.get("text"))))
    return found
