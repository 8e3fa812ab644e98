"""The terminal chat and its script mode, as a person on a machine without Slack uses them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.localslack.chat import ChatSession
from tests.e2e.conftest import Desk

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def run_script(desk: Desk, lines: list[str]) -> tuple[bool, str]:
    out = io.StringIO()
    ok = ChatSession(desk.runtime, out=out).run_script(lines)
    return ok, out.getvalue()


def test_portuguese_example_script(fc_desk: Desk) -> None:
    lines = (EXAMPLES / "chat-pt-BR.txt").read_text(encoding="utf-8").splitlines()

    ok, transcript = run_script(fc_desk, lines)

    assert ok, transcript
    assert "Registrei o chamado *CH-1001* e encontrei isto na base de conhecimento:" in transcript
    assert "(b1) [Resolveu]  (b2) [Não, falar com um atendente]" in transcript
    assert "Encerrei o chamado *CH-1001* como resolvido pela base de conhecimento." in transcript
    assert "a impressora do 3º andar está sem toner & atolando papel" in transcript
    assert "Registrei o chamado *CH-1002*" in transcript
    assert '"key": "CH-1001"' in transcript


def test_english_example_script(fc_desk: Desk) -> None:
    lines = (EXAMPLES / "chat-en.txt").read_text(encoding="utf-8").splitlines()

    ok, transcript = run_script(fc_desk, lines)

    assert ok, transcript
    assert "[1] John Miller · #geral:" in transcript
    assert "@balcao my Outlook keeps asking for my password" in transcript
    assert "I opened ticket *CH-1001* and found this in the knowledge base:" in transcript
    assert "(b1) [Solved]  (b2) [No, talk to an agent]  (b3) [Read the whole article]" in transcript
    assert "📎 outlook-prompt.png" in transcript
    assert "Só quem abriu o chamado CH-1001 pode usar este botão." in transcript


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/botao 9", "Não há botão 9"),
        ("/fio x", "Não há mensagem x"),
        ("/eu maria", "Não conheço a pessoa 'maria'"),
        ("/canal random", "Não conheço o canal 'random'"),
        ("/pesoas", "Você quis dizer /pessoas?"),
        ("/editar 1", "Uso: /editar N TEXTO NOVO."),
    ],
)
def test_bad_commands_get_clear_answers(desk: Desk, line: str, expected: str) -> None:
    ok, transcript = run_script(desk, [line])

    assert not ok
    assert expected in transcript


def test_cli_chat_script_prints_transcript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    script = tmp_path / "conversa.txt"
    script.write_text("/eu john\nprinter on floor 2 is jammed\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["chat", "--script", str(script)])

    assert result.exit_code == 0, result.output
    assert "opened ticket *CH-1001*" in result.output
    assert not (tmp_path / "balcao.db").exists(), "a script run must leave no database behind"


def test_cli_run_opens_interactive_chat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)

    result = CliRunner().invoke(
        main,
        ["run", "--chat", "--log-level", "WARNING"],
        input="preciso instalar o Power BI\n/sair\n",
    )

    assert result.exit_code == 0, result.output
    assert "Chat local do Balcão" in result.output
    assert "chamado *CH-1001*" in result.output


def test_cli_reports_invalid_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-123")
    monkeypatch.setenv("BALCAO_DEFAULT_LOCALE", "pt-BR")
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)

    result = CliRunner().invoke(main, ["run"])

    assert result.exit_code == 1
    assert "Configuração inválida" in result.output
    assert "neither SLACK_APP_TOKEN" in result.output


def test_agent_example_script(fc_desk: Desk) -> None:
    lines = (EXAMPLES / "agent-pt-BR.txt").read_text(encoding="utf-8").splitlines()

    ok, transcript = run_script(fc_desk, lines)

    assert ok, transcript
    assert "(b1) [Assumir]" in transcript
    assert "• *CH-1001* · P1 · Novo · sem atendente" in transcript
    assert "*Carla Lima* (atendente): Oi Ana! A impressora mostra alguma mensagem" in transcript
    assert '*Ana Souza* (solicitante): aparece "fila cheia" no visor' in transcript
    assert "(atendente): nota:" not in transcript
    assert "[Resolver chamado]" in transcript
    assert "O serviço voltou a funcionar e o problema está resolvido?" in transcript
    assert "O solicitante confirmou a solução; o chamado CH-1001 foi encerrado." in transcript
    assert '"status": "closed"' in transcript


def test_submit_without_open_form_is_explained(desk: Desk) -> None:
    ok, transcript = run_script(desk, ["/enviar texto"])

    assert not ok
    assert "Não há formulário aberto para enviar." in transcript
