"""Modals and slash commands in the terminal chat: show a form, fill it, submit it."""

from __future__ import annotations

from typing import Any

JsonDict = dict[str, Any]


def describe_modal(view: JsonDict) -> list[str]:
    """The lines a person reads in a modal: its title and each field with its options."""
    title = str((view.get("title") or {}).get("text", ""))
    lines = [f"[{title}]"]
    for block in view.get("blocks") or []:
        if block.get("type") == "input":
            label = str((block.get("label") or {}).get("text", ""))
            element = block.get("element") or {}
            options = [str(option.get("value")) for option in element.get("options") or []]
            current = (element.get("initial_option") or {}).get("value")
            suffix = f" ({block['block_id']}: {', '.join(options)}; = {current})" if options else ""
            lines.append(f"  {label}{suffix}")
        elif block.get("type") in ("section", "header"):
            lines.append("  " + str((block.get("text") or {}).get("text", ""))[:200])
    return lines


def form_values(view: JsonDict, free_text: str, choices: dict[str, str]) -> JsonDict:
    """view.state.values for a submission: text inputs get `free_text`, selects a choice."""
    values: JsonDict = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        element = block.get("element") or {}
        action_id = str(element.get("action_id", "value"))
        block_id = str(block.get("block_id"))
        if element.get("type") == "plain_text_input":
            values[block_id] = {action_id: {"type": "plain_text_input", "value": free_text}}
        elif element.get("type") == "static_select":
            chosen = choices.get(block_id) or (element.get("initial_option") or {}).get("value")
            values[block_id] = {
                action_id: {"type": "static_select", "selected_option": {"value": chosen}}
            }
    return values


def split_choices(words: list[str]) -> tuple[str, dict[str, str]]:
    """`campo=valor` words become choices; the rest is the free text."""
    choices = dict(word.split("=", 1) for word in words if "=" in word)
    text = " ".join(word for word in words if "=" not in word)
    return text, choices
