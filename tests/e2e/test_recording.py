"""MOF step 1 through the real app: Slack events become recorded chamados, exactly once."""

from __future__ import annotations

import json

from bot.store.enums import TicketSource
from bot.store.models import Ticket, TicketMessage
from tests.e2e.conftest import ANA, ANA_DM, GENERAL, HELP, JOHN, JOHN_DM, Desk


def test_dm_opens_one_ticket_and_one_portuguese_reply(desk: Desk) -> None:
    ts = desk.post(ANA, ANA_DM, "minha vpn caiu")

    [ticket] = desk.tickets()
    assert ticket.key == "CH-1001"
    assert ticket.source is TicketSource.DM
    assert ticket.language == "pt-BR"
    [reply] = desk.posted()
    assert reply["channel"] == ANA_DM
    assert reply["thread_ts"] == ts
    assert "Recebi seu pedido e abri o chamado *CH-1001*" in json.dumps(
        reply["blocks"], ensure_ascii=False
    )


def test_english_locale_gets_english_reply(desk: Desk) -> None:
    desk.post(JOHN, JOHN_DM, "my laptop won't turn on")

    [reply] = desk.posted()
    assert "opened ticket *CH-1001*" in json.dumps(reply["blocks"])
    assert desk.tickets()[0].language == "en"


def test_requester_profile_is_cached_on_the_ticket(desk: Desk) -> None:
    desk.post(ANA, ANA_DM, "impressora sem toner")

    from bot.desk.lookup import ticket_summary

    summary = ticket_summary(desk.database, "CH-1001")
    assert summary is not None
    assert summary["requester"] == {
        "slack_user_id": ANA,
        "name": "Ana Souza",
        "email": "ana.souza@example.com.br",
        "title": "Analista Financeira",
        "department": "Financeiro",
        "locale": "pt-BR",
        "time_zone": "America/Sao_Paulo",
        "deactivated": False,
    }


def test_retried_delivery_keeps_one_ticket_and_reply(desk: Desk) -> None:
    result = desk.local.post(ANA, ANA_DM, "sem acesso ao e-mail")
    desk.settle()

    retry = desk.local.redeliver(result.deliveries[0], retry_num=1, retry_reason="http_timeout")
    again = desk.local.redeliver(result.deliveries[0], retry_num=2, retry_reason="http_error")
    desk.settle()

    assert retry.status == 200
    assert again.status == 200
    assert desk.count(Ticket) == 1
    assert len(desk.posted()) == 1


def test_mention_plus_message_one_ticket(desk: Desk) -> None:
    for mention_first in (False, True):
        result = desk.local.post(
            ANA,
            GENERAL,
            desk.local.encode_user_text("@balcao wifi caiu"),
            mention_first=mention_first,
        )
        assert [d.status for d in result.deliveries] == [200, 200]
        desk.settle()

    tickets = desk.tickets()
    assert [ticket.source for ticket in tickets] == [TicketSource.MENTION] * 2
    assert [ticket.description for ticket in tickets] == ["wifi caiu"] * 2
    assert len(desk.posted()) == 2


def test_help_channel_post_opens_ticket(desk: Desk) -> None:
    desk.post(ANA, HELP, "preciso de acesso à pasta do financeiro")

    [ticket] = desk.tickets()
    assert ticket.source is TicketSource.HELP_CHANNEL
    assert ticket.channel_id == HELP


def test_chatter_outside_help_channels_is_not_recorded(desk: Desk) -> None:
    desk.post(ANA, GENERAL, "bom dia, pessoal")

    assert desk.count(TicketMessage) == 0
    assert desk.posted() == []


def test_thread_reply_and_broadcast_join_the_ticket(desk: Desk) -> None:
    root = desk.post(ANA, HELP, "monitor piscando")
    desk.post(ANA, HELP, "acontece desde ontem", thread_ts=root)
    desk.post(ANA, HELP, "segue foto", thread_ts=root, broadcast=True)

    assert desk.count(Ticket) == 1
    assert [m.subtype for m in desk.messages() if m.slack_user_id == ANA] == [
        None,
        None,
        "thread_broadcast",
    ]
    assert len(desk.posted()) == 1


def test_edit_unfurl_and_delete_make_no_new_ticket(desk: Desk) -> None:
    ts = desk.post(ANA, ANA_DM, "veja https://intra.example.com")

    edits = desk.local.edit(ANA, ANA_DM, ts, "veja https://intra.example.com/vpn por favor")
    unfurls = desk.local.unfurl(ANA_DM, ts, "https://intra.example.com/vpn")
    deletions = desk.local.delete(ANA, ANA_DM, ts)
    desk.settle()

    assert [d.status for d in edits + unfurls + deletions] == [200, 200, 200]
    assert desk.count(Ticket) == 1
    [ticket] = desk.tickets()
    assert ticket.description == "veja https://intra.example.com/vpn por favor"
    assert desk.event_kinds() == ["created", "replied", "message_edited", "message_deleted"]
    assert desk.messages()[0].deleted_at is not None


def test_bot_messages_are_ignored(desk: Desk) -> None:
    desk.local.bot_post("U0DEPLOY", HELP, "deploy finished", subtype_bot_message=True)
    desk.local.bot_post("U0DEPLOY", HELP, "deploy finished", subtype_bot_message=False)
    own = {
        "type": "message",
        "channel": ANA_DM,
        "channel_type": "im",
        "user": "U0BALCAO",
        "bot_id": "B0BALCAO",
        "text": "Recebi seu pedido",
        "ts": "1800000000.000100",
    }
    delivery = desk.local.delivery.deliver_event(own)
    desk.settle()

    assert delivery.status == 200
    assert desk.count(TicketMessage) == 0
    assert desk.posted() == []


def test_files_only_message_is_recorded_and_asked_about(desk: Desk) -> None:
    from bot.localslack.user_actions import SharedFile

    result = desk.local.post(ANA, ANA_DM, "", files=[SharedFile("erro-vpn.png", b"png")])
    desk.settle()

    assert [d.status for d in result.deliveries] == [200]
    [ticket] = desk.tickets()
    assert ticket.description == "📎 erro-vpn.png"
    blocks = json.dumps(desk.posted()[0]["blocks"], ensure_ascii=False)
    assert "erro-vpn.png" in blocks
    assert "Pode me contar em poucas palavras" in blocks


def test_emoji_only_message_is_recorded_and_asked_about(desk: Desk) -> None:
    desk.post(ANA, ANA_DM, ":sob: :fire:")

    [ticket] = desk.tickets()
    assert ticket.description == ":sob: :fire:"
    assert "Pode me contar em poucas palavras" in json.dumps(
        desk.posted()[0]["blocks"], ensure_ascii=False
    )


def test_reply_before_its_root_is_not_lost(desk: Desk) -> None:
    root_ts = "1800000000.000100"
    reply = {
        "type": "message",
        "channel": HELP,
        "channel_type": "channel",
        "user": ANA,
        "text": "modelo HP 4000",
        "ts": "1800000000.000200",
        "thread_ts": root_ts,
    }
    root = {
        "type": "message",
        "channel": HELP,
        "channel_type": "channel",
        "user": ANA,
        "text": "a impressora do 2º andar não imprime",
        "ts": root_ts,
    }

    first = desk.local.delivery.deliver_event(reply)
    desk.settle()
    late = desk.local.delivery.deliver_event(root, retry_num=1, retry_reason="http_error")
    desk.settle()

    assert (first.status, late.status) == (200, 200)
    [ticket] = desk.tickets()
    assert ticket.root_ts == root_ts
    assert ticket.description == "a impressora do 2º andar não imprime"
    assert [m.ts for m in desk.messages() if m.slack_user_id == ANA] == [
        "1800000000.000200",
        root_ts,
    ]
    assert len(desk.posted()) == 1
