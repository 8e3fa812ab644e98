"""Convert the knowledge base's Markdown into Slack mrkdwn."""

from __future__ import annotations

import re

from bot.slack.markup import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+)$", re.M)


def from_markdown(text: str) -> str:
    """Escape the text, then turn bold, headings and links into their mrkdwn forms."""
    converted = escape(text)
    converted = _BOLD.sub(r"*\1*", converted)
    converted = _HEADING.sub(r"*\1*", converted)
    return _LINK.sub(r"<\2|\1>", converted)
