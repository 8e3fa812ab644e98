"""Plain-text helpers shared by the desk and the Slack side."""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

_SHORTCODE = re.compile(r":[a-z0-9_+\-']+(?:::skin-tone-\d)?:")


def storable(text: str) -> str:
    """Replace NUL and lone surrogates, which PostgreSQL and UTF-8 cannot store, with U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


def truncate(text: str, limit: int) -> str:
    """Cut plain text to at most `limit` characters, ending with a visible '…'."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def first_line(text: str, limit: int) -> str:
    """The first non-empty line of `text`, cut to `limit` characters."""
    for line in text.splitlines():
        if line.strip():
            return truncate(" ".join(line.split()), limit)
    return ""


def _is_emoji_char(char: str) -> bool:
    if char in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    return unicodedata.category(char) in ("So", "Sk") or 0x1F3FB <= ord(char) <= 0x1F3FF


def is_emoji_only(text: str) -> bool:
    """Whether the text holds emoji (`:shortcode:` or Unicode) and nothing else."""
    without_codes = _SHORTCODE.sub("", text)
    rest = "".join(without_codes.split())
    had_emoji = without_codes != text or bool(rest)
    return had_emoji and all(_is_emoji_char(char) for char in rest) and bool(text.strip())
