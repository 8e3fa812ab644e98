"""Message catalogue in pt-BR (default) and English, chosen by the user's Slack locale."""

from __future__ import annotations

from bot.i18n import en, pt_br

CATALOGUES: dict[str, dict[str, str]] = {"pt-BR": pt_br.MESSAGES, "en": en.MESSAGES}
DEFAULT_LANGUAGE = "pt-BR"


def language_for(locale: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a Slack locale such as `en-US` or `pt-BR` to a catalogue language."""
    if not locale:
        return default
    if locale.lower().startswith("en"):
        return "en"
    if locale.lower().startswith("pt"):
        return "pt-BR"
    return default


def t(language: str, key: str, /, **values: object) -> str:
    """Return the text for `key` in `language`, falling back to pt-BR."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue[key].format(**values)
