"""SLA clocks and warnings on business time, with the injected clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.desk.sla import Span, parse_targets
from bot.store.enums import TicketStatus
from tests.e2e.conftest import ANA, ANA_DM, CARLA, Desk

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def card_thread(desk: Desk) -> list[str]:
    return [str(m.get("text")) for m in desk.local.workspace.messages_in("C0INFRA")]


def check(desk: Desk) -> None:
    desk.runtime.sla_jobs.run()
    desk.settle()


def open_p2(desk: Desk) -> dict[str, str]:
    # Wednesday 2 Dec 10:30 local; "ninguém do andar" makes it P2: 2 h response, 8 h resolution.
    desk.post(ANA, ANA_DM, "ninguem do andar consegue imprimir")
    [card] = [m for m in desk.replies("C0INFRA") if m.get("thread_ts") in (None, m["ts"])]
    return card


def test_due_times_follow_priority_targets(fc_desk: Desk) -> None:
    open_p2(fc_desk)

    [ticket] = fc_desk.tickets()
    assert ticket.priority == "P2"
    assert ticket.sla_response_due_at == datetime(2026, 12, 2, 12, 30, tzinfo=SAO_PAULO)
    # 8 business hours from 10:30: 7.5 h on Wednesday, 0.5 h on Thursday.
    assert ticket.sla_resolution_due_at == datetime(2026, 12, 3, 8, 30, tzinfo=SAO_PAULO)


def test_warning_at_75_percent_and_breach_once_each(fc_desk: Desk) -> None:
    open_p2(fc_desk)

    fc_desk.clock.advance(timedelta(minutes=80))  # 67% of the 2 h response target
    check(fc_desk)
    assert not any("⏰" in text for text in card_thread(fc_desk))

    fc_desk.clock.advance(timedelta(minutes=15))  # 79%
    check(fc_desk)
    check(fc_desk)
    assert sum("primeira resposta usado" in text for text in card_thread(fc_desk)) == 1

    fc_desk.clock.advance(timedelta(minutes=30))  # past 2 h
    check(fc_desk)
    check(fc_desk)
    breaches = [t for t in card_thread(fc_desk) if "prazo de primeira resposta estourado" in t]
    assert len(breaches) == 1
    [card] = [m for m in fc_desk.replies("C0INFRA") if m.get("thread_ts") in (None, m["ts"])]
    assert "🚨 *SLA:* primeira resposta até" in str(card["blocks"])


def test_first_response_stops_the_response_clock(fc_desk: Desk) -> None:
    card = open_p2(fc_desk)
    fc_desk.local.press_button(CARLA, "C0INFRA", card["ts"], "ticket_assume")
    fc_desk.settle()
    fc_desk.local.post(CARLA, "C0INFRA", "Oi Ana, qual impressora?", thread_ts=card["ts"])
    fc_desk.settle()

    fc_desk.clock.advance(timedelta(hours=3))
    check(fc_desk)

    assert not any("primeira resposta" in t and "⏰" in t for t in card_thread(fc_desk))
    assert fc_desk.tickets()[0].first_response_at is not None


def test_waiting_on_requester_pauses_resolution(fc_desk: Desk) -> None:
    card = open_p2(fc_desk)
    fc_desk.local.press_button(CARLA, "C0INFRA", card["ts"], "ticket_assume")
    fc_desk.settle()
    fc_desk.local.post(CARLA, "C0INFRA", "Pode me mandar uma foto?", thread_ts=card["ts"])
    fc_desk.settle()
    assert fc_desk.tickets()[0].status is TicketStatus.WAITING_ON_REQUESTER

    # Three business hours pass while waiting, then the requester replies.
    fc_desk.clock.advance(timedelta(hours=3))
    root = fc_desk.tickets()[0].root_ts
    fc_desk.post(ANA, ANA_DM, "segue a foto", thread_ts=root)

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.IN_PROGRESS
    assert ticket.sla_paused_seconds == 3 * 3600
    assert ticket.sla_paused_at is None


def test_targets_are_validated() -> None:
    assert parse_targets("P1=30m/4h,P2=2h/8h,P3=8h/3d,P4=1d/5d")["P3"][1] == Span(3, "d")
    for bad in ("P1=30m/4h", "P1=30x/4h,P2=2h/8h,P3=8h/3d,P4=1d/5d"):
        try:
            parse_targets(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")


def test_operator_views_explain_jobs_and_clocks(fc_desk: Desk) -> None:
    import pytest
    from click.testing import CliRunner

    from bot.cli import main

    if fc_desk.database.dialect == "postgresql":
        pytest.skip("the CLI opens its own engine, which cannot see the test's private schema")
    open_p2(fc_desk)
    fc_desk.runtime.scheduler.tick()
    url = fc_desk.database.url
    env = {"DATABASE_URL": url, "BALCAO_TIME_ZONE": "America/Sao_Paulo"}
    jobs = CliRunner().invoke(main, ["jobs"], env=env)
    sla = CliRunner().invoke(main, ["sla", "ch-1001"], env=env)

    assert jobs.exit_code == 0, jobs.output
    assert "closure-sweep" in jobs.output
    assert "sla-check" in jobs.output
    assert "sla-response" in jobs.output
    assert "CH-1001" in jobs.output
    assert sla.exit_code == 0, sla.output
    assert "CH-1001 · P2 · new" in sla.output
    # The command runs on the real clock, so only targets and due times are fixed here.
    assert "de 2.0 h úteis" in sla.output
    assert "resolution:" in sla.output
    assert "de 8.0 h úteis" in sla.output
    assert "vence 2026-12-03 08:30" in sla.output
