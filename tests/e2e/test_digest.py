"""The weekly digest: due week, one post per week, chart upload, language, empty week."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.reports.digest import due_week
from tests.e2e.conftest import ANA, ANA_DM, Desk

SP = ZoneInfo("America/Sao_Paulo")
MONDAY_MORNING = datetime(2026, 12, 7, 12, 30, tzinfo=UTC)  # 09:30 in São Paulo


def test_due_week_is_the_seven_days_before_the_digest() -> None:
    week = due_week("0 9 * * 1", "America/Sao_Paulo", MONDAY_MORNING)

    assert week.start == datetime(2026, 11, 30, tzinfo=SP)
    assert week.end == datetime(2026, 12, 7, tzinfo=SP)
    earlier = due_week("0 9 * * 1", "America/Sao_Paulo", datetime(2026, 12, 7, 11, 0, tzinfo=UTC))
    assert earlier.start == datetime(2026, 11, 23, tzinfo=SP)


def digest_posts(desk: Desk) -> list[dict[str, object]]:
    return [m for m in desk.replies("C0GESTAO") if "chamados" in str(m.get("text"))]


def test_digest_posts_once_with_chart(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    fc_desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")
    fc_desk.clock._now = MONDAY_MORNING

    fc_desk.runtime.digest_jobs.run()
    fc_desk.runtime.digest_jobs.run()
    fc_desk.settle()

    [post] = digest_posts(fc_desk)
    assert str(post["text"]).startswith("2 chamados, 0% resolvidos pela base de conhecimento")
    blocks = str(post["blocks"])
    assert "Resumo da semana · 2026-11-30 a 2026-12-07" in blocks
    assert "Ver relatório completo" in blocks
    workspace = fc_desk.local.workspace
    assert len(workspace.calls_to("files.completeUploadExternal")) == 1
    [upload] = [f for f in workspace.files.values() if f.filename == "balcao-semana.png"]
    assert upload.content is not None
    assert upload.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_failed_post_is_retried_next_run(fc_desk: Desk) -> None:
    fc_desk.clock._now = MONDAY_MORNING
    fc_desk.local.workspace.inject("files.getUploadURLExternal", error="internal_error")

    fc_desk.runtime.digest_jobs.run()
    assert digest_posts(fc_desk) == []
    fc_desk.runtime.digest_jobs.run()

    [post] = digest_posts(fc_desk)
    assert str(post["text"]).startswith("0 chamados")


def test_digest_in_english_for_an_english_desk(fc_desk: Desk) -> None:
    fc_desk.clock._now = MONDAY_MORNING
    fc_desk.runtime.digest_jobs.language = "en"

    fc_desk.runtime.digest_jobs.run()

    posts = [m for m in fc_desk.replies("C0GESTAO") if "tickets" in str(m.get("text"))]
    assert len(posts) == 1
    assert "Weekly digest · 2026-11-30 to 2026-12-07" in str(posts[0]["blocks"])


def test_manager_home_shows_the_week_so_far(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")

    for user in ("U0MARCOS", ANA):
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": "D" + user[1:],
            "tab": "home",
            "event_ts": "1800000000.000100",
        }
        assert fc_desk.local.delivery.deliver_event(event).status == 200
    fc_desk.settle()

    manager = fc_desk.local.workspace.home_view("U0MARCOS")
    requester = fc_desk.local.workspace.home_view(ANA)
    assert manager is not None and requester is not None
    assert "Balcão · a semana até agora" in str(manager["blocks"])
    assert "1 chamados" in str(manager["blocks"])
    assert "Para pedir ajuda" in str(requester["blocks"])
    assert "slack_file" not in str(manager["blocks"])
    assert "a semana até agora" not in str(requester["blocks"])


def test_manager_home_shows_the_last_chart(fc_desk: Desk) -> None:
    fc_desk.clock._now = MONDAY_MORNING
    fc_desk.runtime.digest_jobs.run()

    event = {
        "type": "app_home_opened",
        "user": "U0MARCOS",
        "channel": "D0MARCOS",
        "tab": "home",
        "event_ts": "1800000000.000100",
    }
    fc_desk.local.delivery.deliver_event(event)
    fc_desk.settle()

    manager = fc_desk.local.workspace.home_view("U0MARCOS")
    assert manager is not None
    [image] = [b for b in manager["blocks"] if b["type"] == "image"]
    file_id = image["slack_file"]["id"]
    assert fc_desk.local.workspace.files[file_id].filename == "balcao-semana.png"
