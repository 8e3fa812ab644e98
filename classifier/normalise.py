"""Text normalisation for lexical and fuzzy matching: NFC, case folding, accent folding."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# Slack emoji shortcodes such as :sob: or :+1::skin-tone-2: carry no request.
_SHORTCODE = re.compile(r":[a-z0-9_+\-']+(?:::skin-tone-\d)?:")


def fold(text: str) -> str:
    """Lower-case, accent-free NFC text: 'Não É' and 'nao e' fold to the same string."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def words(text: str) -> list[str]:
    """Return the folded word tokens of a text, without punctuation and emoji."""
    return _WORD.findall(fold(text))


def has_words(text: str) -> bool:
    """Return whether the text has a letter or digit outside emoji shortcodes."""
    return any(char.isalnum() for char in _SHORTCODE.sub(" ", text))
