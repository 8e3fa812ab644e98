"""Block Kit checks that Slack applies to messages and views, and button look-up."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from bot.localslack.state import JsonDict

# Slack's documented Block Kit limits (api.slack.com/reference/block-kit, as of 2024).
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_URL = 3000
MAX_ID = 255
MAX_ACTIONS_ELEMENTS = 25
MAX_CONTEXT_ELEMENTS = 10


def _too_long(value: Any, limit: int, pointer: str) -> list[str]:
    if isinstance(value, str) and len(value) > limit:
        return [f"[ERROR] must be less than {limit + 1} characters [json-pointer:{pointer}]"]
    return []


def _text_of(obj: Any) -> Any:
    return obj.get("text") if isinstance(obj, dict) else None


def _check_element(element: Any, pointer: str) -> list[str]:
    if not isinstance(element, dict) or "type" not in element:
        return [f"[ERROR] missing required field: type [json-pointer:{pointer}]"]

    problems = _too_long(element.get("action_id"), MAX_ID, f"{pointer}/action_id")
    if element["type"] == "button":
        problems += _too_long(
            _text_of(element.get("text")), MAX_BUTTON_TEXT, f"{pointer}/text/text"
        )
        problems += _too_long(element.get("value"), MAX_BUTTON_VALUE, f"{pointer}/value")
        problems += _too_long(element.get("url"), MAX_URL, f"{pointer}/url")
    return problems


def _check_section(block: JsonDict, pointer: str) -> list[str]:
    problems = _too_long(_text_of(block.get("text")), MAX_SECTION_TEXT, f"{pointer}/text/text")

    fields = block.get("fields") or []
    if len(fields) > MAX_SECTION_FIELDS:
        limit = MAX_SECTION_FIELDS
        problems.append(
            f"[ERROR] no more than {limit} items allowed [json-pointer:{pointer}/fields]"
        )
    for i, field in enumerate(fields):
        problems += _too_long(_text_of(field), MAX_FIELD_TEXT, f"{pointer}/fields/{i}/text")

    if "accessory" in block:
        problems += _check_element(block["accessory"], f"{pointer}/accessory")
    return problems


def _check_block(block: Any, pointer: str) -> list[str]:
    if not isinstance(block, dict) or not isinstance(block.get("type"), str):
        return [f"[ERROR] missing required field: type [json-pointer:{pointer}]"]

    problems = _too_long(block.get("block_id"), MAX_ID, f"{pointer}/block_id")
    kind = block["type"]
    if kind == "section":
        problems += _check_section(block, pointer)
    elif kind == "header":
        problems += _too_long(_text_of(block.get("text")), MAX_HEADER_TEXT, f"{pointer}/text/text")
    elif kind in ("actions", "context"):
        elements = block.get("elements") or []
        limit = MAX_ACTIONS_ELEMENTS if kind == "actions" else MAX_CONTEXT_ELEMENTS
        if len(elements) > limit:
            problems.append(
                f"[ERROR] no more than {limit} items allowed [json-pointer:{pointer}/elements]"
            )
        for i, element in enumerate(elements):
            problems += _check_element(element, f"{pointer}/elements/{i}")
    elif kind == "input" and "element" in block:
        problems += _check_element(block["element"], f"{pointer}/element")
    return problems


def check_blocks(blocks: Any, max_blocks: int, pointer: str = "/blocks") -> list[str]:
    """Return Slack-style problem messages for `blocks`; an empty list means valid."""
    if not isinstance(blocks, list):
        return [f"[ERROR] expected an array [json-pointer:{pointer}]"]
    if len(blocks) > max_blocks:
        return [f"[ERROR] no more than {max_blocks} items allowed [json-pointer:{pointer}]"]

    problems: list[str] = []
    seen_ids: set[str] = set()
    for i, block in enumerate(blocks):
        problems += _check_block(block, f"{pointer}/{i}")
        block_id = block.get("block_id") if isinstance(block, dict) else None
        if isinstance(block_id, str):
            if block_id in seen_ids:
                problems.append(f"[ERROR] duplicate block_id [json-pointer:{pointer}/{i}/block_id]")
            seen_ids.add(block_id)
    return problems


def assign_block_ids(blocks: list[JsonDict]) -> list[JsonDict]:
    """Give every block a block_id, as Slack does for stored messages and views."""
    for block in blocks:
        if "block_id" not in block:
            block["block_id"] = secrets.token_urlsafe(4)[:5]
    return blocks


@dataclass(frozen=True)
class Button:
    """A button element found in a message or view, with the block that contains it."""

    action_id: str
    block_id: str
    text: str
    value: str | None
    style: str | None
    url: str | None
    element: JsonDict


def _buttons_in(block: JsonDict) -> list[JsonDict]:
    candidates: list[Any] = []
    if block.get("type") == "actions":
        candidates = list(block.get("elements") or [])
    elif block.get("type") == "section" and "accessory" in block:
        candidates = [block["accessory"]]
    return [e for e in candidates if isinstance(e, dict) and e.get("type") == "button"]


def find_buttons(blocks: list[JsonDict] | None) -> list[Button]:
    """List the buttons in `blocks`, in display order."""
    found = []
    for block in blocks or []:
        for element in _buttons_in(block):
            found.append(
                Button(
                    action_id=str(element.get("action_id", "")),
                    block_id=str(block.get("block_id", "")),
                    text=str(_text_of(element.get("text")) or ""),
                    value=element.get("value"),
                    style=element.get("style"),
                    url=element.get("url"),
                    element=element,
                )
            )
    return found
