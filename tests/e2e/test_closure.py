"""Confirmation and closure on business time, driven by the injected clock, never sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.store.enums import Resolution, TicketStatus
from tests.e2e.conftest import ANA, ANA_DM, CARLA, Desk

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


def sweep(desk: Desk) -> None:
    desk.runtime.closure_jobs.run()
    desk.settle()


def texts(desk: Desk) -> list[str]:
    return [str(m.get("text")) for m in desk.replies(ANA_DM)]


def resolved_by_agent(desk: Desk) -> None:
    desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")
    [card] = [m for m in desk.replies("C0INFRA") if m.get("thread_ts") in (None, m["ts"])]
    desk.local.press_button(CARLA, "C0INFRA", card["ts"], "ticket_assume")
    desk.settle()
    [current] = [m for m in desk.replies("C0INFRA") if m["ts"] == card["ts"]]
    desk.local.press_button(CARLA, "C0INFRA", current["ts"], "ticket_resolve")
    desk.settle()
    desk.local.submit_view(
        CARLA, {"note": {"text": {"type": "plain_text_input", "value": "Fila destravada."}}}
    )
    desk.settle()


def test_kb_answer_reminded_once_then_closed(fc_desk: Desk) -> None:
    # Wednesday 2 Dec, 10:30 in São Paulo.
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    [ticket] = fc_desk.tickets()
    assert ticket.reminder_at == datetime(2026, 12, 3, 10, 30, tzinfo=SAO_PAULO)

    sweep(fc_desk)
    assert not any("Lembrete" in text for text in texts(fc_desk))

    fc_desk.clock.advance(timedelta(days=1, minutes=1))
    sweep(fc_desk)
    sweep(fc_desk)
    assert sum("Lembrete: o artigo que enviei resolveu" in t for t in texts(fc_desk)) == 1

    # Grace of 3 business days after Thursday's reminder: Fri 4, Mon 7, Tue 8.
    fc_desk.clock.advance(timedelta(days=4))
    sweep(fc_desk)
    assert fc_desk.tickets()[0].status is TicketStatus.NEW
    fc_desk.clock.advance(timedelta(days=1))
    sweep(fc_desk)
    sweep(fc_desk)

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.CLOSED
    assert ticket.resolution == Resolution.AUTO_CLOSED
    assert sum("porque não tivemos resposta" in t for t in texts(fc_desk)) == 1


def test_reminder_skips_weekend_and_christmas(fc_desk: Desk) -> None:
    fc_desk.clock._now = datetime(2026, 12, 24, 14, 0, tzinfo=UTC)  # Thursday 11:00 local

    resolved_by_agent(fc_desk)

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.RESOLVED
    assert ticket.reminder_at == datetime(2026, 12, 28, 11, 0, tzinfo=SAO_PAULO)
    assert ticket.autoclose_at == datetime(2026, 12, 31, 11, 0, tzinfo=SAO_PAULO)


def test_reply_during_grace_reopens_for_the_agent(fc_desk: Desk) -> None:
    resolved_by_agent(fc_desk)
    root = fc_desk.tickets()[0].root_ts

    fc_desk.post(ANA, ANA_DM, "voltou a travar agora de tarde", thread_ts=root)
    fc_desk.clock.advance(timedelta(days=10))
    sweep(fc_desk)

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.IN_PROGRESS
    assert ticket.assignee_user_id == CARLA
    assert ticket.reminder_at is None
    assert not any("Lembrete" in t or "não tivemos resposta" in t for t in texts(fc_desk))
    card_thread = fc_desk.local.workspace.messages_in("C0INFRA")
    assert any("voltou a travar" in str(m.get("text")) for m in card_thread)


def test_confirmed_chamado_gets_no_reminder(fc_desk: Desk) -> None:
    resolved_by_agent(fc_desk)
    [question] = [m for m in fc_desk.replies(ANA_DM) if "resolveu o seu chamado" in m["text"]]
    fc_desk.local.press_button(ANA, ANA_DM, question["ts"], "ticket_confirm")
    fc_desk.settle()

    fc_desk.clock.advance(timedelta(days=10))
    sweep(fc_desk)

    assert fc_desk.tickets()[0].status is TicketStatus.CLOSED
    assert not any("Lembrete" in t for t in texts(fc_desk))


def test_work_missed_while_down_happens_once_on_return(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")

    # The bot is down for two weeks: reminder and closure both came due meanwhile.
    fc_desk.clock.advance(timedelta(days=14))
    sweep(fc_desk)
    sweep(fc_desk)

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.CLOSED
    assert not any("Lembrete" in t for t in texts(fc_desk))
    assert sum("porque não tivemos resposta" in t for t in texts(fc_desk)) == 1


def test_reply_after_closure_opens_a_linked_chamado(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    fc_desk.clock.advance(timedelta(days=14))
    sweep(fc_desk)
    root = fc_desk.tickets()[0].root_ts

    fc_desk.post(ANA, ANA_DM, "a impressora do 2º andar não imprime", thread_ts=root)

    old, new = fc_desk.tickets()
    assert old.status is TicketStatus.CLOSED
    assert (new.key, new.parent_ticket_id, new.thread_ts) == ("CH-1002", old.id, root)
    assert new.category == "impressoras"
    replies = [m for m in fc_desk.replies(ANA_DM) if "CH-1002" in str(m.get("text"))]
    assert len(replies) == 1
    assert replies[0]["thread_ts"] == root
