"""GNOME help pages to Markdown articles: the output loads and keeps every word."""

from __future__ import annotations

import json
from pathlib import Path

from classifier.normalise import words
from kb.articles_loader import load_articles
from kb.gnome_import import group_sections, heading_for, main, write_articles

LONG_SENTENCE = "Clique em Configurações e depois em Rede para ver as conexões disponíveis. "
PARAGRAPHS = [
    "Você pode conectar o computador a uma rede sem fio.",
    "## Isto não é um título, só texto que começa com cerquilhas.",
    *[f"Passo {number}: {LONG_SENTENCE * 4}" for number in range(6)],
    LONG_SENTENCE * 40,  # one paragraph of about 3,000 characters
    "Pronto.",
]
TEXT = "\n\n".join(PARAGRAPHS)
TOPIC = {
    "id": "net-wireless-connect",
    "lang": "pt-BR",
    "page_type": "topic",
    "title": "Conectando a uma rede sem fio",
    "guides": ["net-wireless", "net"],
    "text": TEXT,
}
GUIDE = {
    "id": "net",
    "lang": "pt-BR",
    "page_type": "guide",
    "title": "Redes",
    "guides": [],
    "text": "Links.",
}


def _write_fixture(tmp_path: Path) -> Path:
    source = tmp_path / "gnome.jsonl"
    source.write_text(
        "\n".join(json.dumps(page, ensure_ascii=False) for page in (TOPIC, GUIDE)) + "\n",
        encoding="utf-8",
    )
    return source


def test_import_loads_as_articles(tmp_path: Path) -> None:
    written = write_articles(_write_fixture(tmp_path), tmp_path / "out")
    articles = load_articles(tmp_path / "out")

    assert [path.name for path in written] == ["gnome-net-wireless-connect.md"]
    assert len(articles) == 1
    article = articles[0]
    assert article.id == "gnome-net-wireless-connect"
    assert article.title == "Conectando a uma rede sem fio"
    assert article.language == "pt-BR"
    assert article.category == "gnome-net-wireless"
    assert article.topic == "net-wireless-connect"
    assert article.tags == ("net-wireless", "net")
    assert article.intro == PARAGRAPHS[0]


def test_import_sections_are_bounded(tmp_path: Path) -> None:
    write_articles(_write_fixture(tmp_path), tmp_path / "out")
    article = load_articles(tmp_path / "out")[0]

    assert len(article.sections) > 3
    for section in article.sections:
        assert len(section.body) <= 2500, section.heading
    for section in article.sections[1:]:
        assert 0 < len(section.heading) <= 80
        assert "\n" not in section.heading


def test_import_keeps_every_word(tmp_path: Path) -> None:
    write_articles(_write_fixture(tmp_path), tmp_path / "out")
    article = load_articles(tmp_path / "out")[0]

    # The "##" paragraph is escaped, so it stays body text and adds no section.
    body_words = [word for section in article.sections for word in words(section.body)]
    assert body_words == words(TEXT)


def test_import_language_and_prefix_options(tmp_path: Path) -> None:
    exit_code = main(
        [
            str(_write_fixture(tmp_path)),
            str(tmp_path / "en"),
            "--lang",
            "en",
            "--id-prefix",
            "gnome-en-",
        ]
    )
    article = load_articles(tmp_path / "en")[0]

    assert exit_code == 0
    assert article.id == "gnome-en-net-wireless-connect"
    assert article.language == "en"
    assert article.topic == "net-wireless-connect"


def test_group_sections_respects_max() -> None:
    sections = group_sections(["x" * 500] * 5, min_chars=600, max_chars=1200)

    # Two 500-character paragraphs and a blank line make 1,002 characters; a third would not fit.
    assert [len(section) for section in sections] == [2, 2, 1]


def test_group_sections_shares_text_evenly() -> None:
    # 1,304 characters in all need two sections of about 652 characters each. Filling the
    # first one to the maximum would give 802 + 500 instead of 700 + 602.
    sections = group_sections(["x" * 700, "y" * 100, "z" * 500], min_chars=600, max_chars=1200)

    assert sections == [["x" * 700], ["y" * 100, "z" * 500]]


def test_group_sections_short_text_is_one_section() -> None:
    assert group_sections(["curto.", "também."]) == [["curto.", "também."]]


def test_heading_for_short_and_long() -> None:
    assert heading_for("Abra as Configurações. Depois clique em Rede.") == "Abra as Configurações"

    long_heading = heading_for("palavra " * 30)
    assert len(long_heading) <= 80
    assert long_heading.endswith("palavra…")


def test_heading_for_text_without_words() -> None:
    assert heading_for("... !!!", fallback="Rede sem fio") == "Rede sem fio"
