"""Slack markup: decoding user text, escaping echoes, cutting to limits."""

from __future__ import annotations

import pytest

from bot.slack.markup import decode, escape, escape_truncated
from bot.text import first_line, is_emoji_only, truncate


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("alerta <!channel> agora", "alerta @channel agora"),
        ("<!here> e <!everyone>", "@here e @everyone"),
        ("fala com <@U0CARLA|carla>", "fala com @carla"),
        ("fala com <@U0CARLA>", "fala com @U0CARLA"),
        ("veja <#C0AJUDA|ajuda-ti>", "veja #ajuda-ti"),
        ("site <https://intra.example.com|intranet>", "site intranet (https://intra.example.com)"),
        ("site <https://intra.example.com>", "site https://intra.example.com"),
        ("mail <mailto:ana@example.com|ana@example.com>", "mail ana@example.com"),
        ("P&amp;D &lt;urgente&gt;", "P&D <urgente>"),
        ("literal &amp;lt;", "literal &lt;"),
        ("time <!subteam^S01|@suporte>", "time @suporte"),
    ],
)
def test_decode_turns_tokens_into_plain_text(raw: str, plain: str) -> None:
    assert decode(raw) == plain


def test_decode_uses_user_name_lookup() -> None:
    assert decode("oi <@U1>", lambda user_id: {"U1": "ana"}.get(user_id)) == "oi @ana"


def test_escape_round_trip_keeps_no_live_token() -> None:
    echoed = escape(decode("<!channel> P&amp;D <@U1> &lt;b&gt;"))

    assert "<!" not in echoed
    assert "<@" not in echoed
    assert echoed == "@channel P&amp;D @U1 &lt;b&gt;"


def test_escape_is_not_applied_twice_by_round_trip() -> None:
    assert escape(decode("a &amp; b")) == "a &amp; b"


def test_truncate_marks_the_cut() -> None:
    assert truncate("abcdef", 4) == "abc…"
    assert truncate("abc", 4) == "abc"


def test_escape_truncated_never_splits_an_entity() -> None:
    cut = escape_truncated("a" * 8 + "&" * 10, 12)

    assert len(cut) <= 12
    assert cut.endswith("…")
    assert "&am…" not in cut and "&a…" not in cut and "&…" not in cut


def test_first_line_skips_blank_lines() -> None:
    assert first_line("\n\n  minha   vpn caiu\nsegunda linha", 50) == "minha vpn caiu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (":sob: :fire:", True),
        ("😭🔥", True),
        ("👍🏽", True),
        (":+1::skin-tone-3:", True),
        ("não funciona :sob:", False),
        ("???", False),
        ("", False),
        ("   ", False),
    ],
)
def test_is_emoji_only(text: str, expected: bool) -> None:
    assert is_emoji_only(text) is expected
