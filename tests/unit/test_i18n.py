"""The message catalogue exists whole in both languages."""

from __future__ import annotations

import re

import pytest

from bot.i18n import CATALOGUES, language_for, t


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_catalogues_have_the_same_keys() -> None:
    assert CATALOGUES["pt-BR"].keys() == CATALOGUES["en"].keys()


@pytest.mark.parametrize("key", sorted(CATALOGUES["pt-BR"]))
def test_translations_use_the_same_placeholders(key: str) -> None:
    assert placeholders(CATALOGUES["pt-BR"][key]) == placeholders(CATALOGUES["en"][key])


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("pt-BR", "pt-BR"),
        ("pt-PT", "pt-BR"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("es-ES", "pt-BR"),
        (None, "pt-BR"),
        ("", "pt-BR"),
    ],
)
def test_language_for_locale(locale: str | None, language: str) -> None:
    assert language_for(locale) == language


def test_unknown_language_falls_back_to_portuguese() -> None:
    assert t("fr", "ack.recorded", key="CH-1") == t("pt-BR", "ack.recorded", key="CH-1")


def test_portuguese_uses_service_desk_vocabulary() -> None:
    assert "chamado" in t("pt-BR", "ack.recorded", key="CH-1")
    assert "atendente" in t("pt-BR", "ack.next_steps")
