"""Input that must not hurt: forged requests, markup, huge texts, Slack errors."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from datetime import timedelta

from bot.store.enums import ReplyState
from bot.store.models import Ticket
from tests.e2e.conftest import ANA, ANA_DM, HELP, Desk

LIVE_TOKEN = re.compile(r"<!(channel|here|everyone)[^>]*>")
EVENT = {
    "type": "message",
    "channel": ANA_DM,
    "channel_type": "im",
    "user": ANA,
    "text": "forjado",
    "ts": "1800000000.000200",
}


def test_bad_signature_is_rejected(desk: Desk) -> None:
    delivery = desk.local.delivery.deliver_event(EVENT, secret="not-the-secret")

    assert delivery.status == 401
    assert desk.count(Ticket) == 0


def test_stale_timestamp_is_rejected(desk: Desk) -> None:
    delivery = desk.local.delivery.deliver_event(EVENT, timestamp=int(time.time()) - 6 * 60)

    assert delivery.status == 401
    assert desk.count(Ticket) == 0


def test_user_markup_never_goes_live_in_replies(desk: Desk) -> None:
    desk.post(ANA, HELP, "@channel @here P&D <script> a>b & c")

    [ticket] = desk.tickets()
    assert ticket.description == "@channel @here P&D <script> a>b & c"
    outgoing = json.dumps(desk.posted(), ensure_ascii=False)
    assert not LIVE_TOKEN.search(outgoing)
    assert "P&amp;D &lt;script&gt; a&gt;b &amp; c" in outgoing
    assert "&amp;amp;" not in outgoing
    assert "&amp;lt;" not in outgoing


def test_ten_thousand_characters_recorded_whole(desk: Desk) -> None:
    text = ("A impressora do 3º andar não imprime. " * 300)[:10_000]
    desk.post(ANA, ANA_DM, text)

    [ticket] = desk.tickets()
    assert ticket.description == text.strip()
    [reply] = desk.posted()
    assert len(reply["blocks"]) <= 50
    for block in reply["blocks"]:
        assert len(block.get("text", {}).get("text", "")) <= 3000
    assert "…" in json.dumps(reply["blocks"], ensure_ascii=False)
    assert len(reply["text"]) < 4000


def test_rate_limit_is_retried_after_retry_after(desk: Desk) -> None:
    desk.local.workspace.inject("chat.postMessage", status=429, retry_after=7)

    desk.post(ANA, ANA_DM, "teclado parou")

    calls = desk.local.workspace.calls_to("chat.postMessage")
    assert [call.status for call in calls] == [429, 200]
    assert desk.sleeps == [7.0]
    assert len(desk.replies(ANA_DM)) == 1


def test_permanent_slack_error_is_recorded_not_retried(desk: Desk) -> None:
    desk.local.workspace.inject("chat.postMessage", error="channel_not_found")

    desk.post(ANA, ANA_DM, "mouse sem fio não conecta")

    assert len(desk.local.workspace.calls_to("chat.postMessage")) == 1
    assert "reply_failed" in desk.event_kinds()
    assert desk.messages()[0].reply_state is ReplyState.FAILED


def test_profile_error_falls_back_to_default_language(desk: Desk) -> None:
    desk.local.workspace.inject("users.info", error="user_not_found")

    desk.post(ANA, ANA_DM, "onde fica a impressora?")

    assert "requester_profile_failed" in desk.event_kinds()
    assert "Recebi seu pedido" in json.dumps(desk.posted()[0]["blocks"], ensure_ascii=False)


def test_transient_failure_is_answered_by_recovery(desk: Desk) -> None:
    desk.local.workspace.inject("chat.postMessage", error="internal_error")
    desk.post(ANA, ANA_DM, "não consigo logar no SAP")
    assert desk.posted() == []
    assert desk.messages()[0].reply_state is ReplyState.SENDING

    desk.clock.advance(timedelta(minutes=3))
    desk.runtime._recover()
    desk.settle()

    assert len(desk.posted()) == 1
    assert desk.messages()[0].reply_state is ReplyState.DONE


def test_restart_answers_recorded_but_unanswered_message(desk: Desk) -> None:
    # The bot records and acks, then stops before its worker can reply.
    desk.runtime.worker.shutdown()
    desk.runtime.worker = type(desk.runtime.worker)(1)
    desk.runtime.services.worker = _Drop()
    desk.local.post(ANA, ANA_DM, desk.local.encode_user_text("VPN lenta"))
    assert desk.posted() == []

    desk.runtime.services.worker = desk.runtime.worker
    desk.runtime._recover()
    desk.settle()

    assert len(desk.posted()) == 1


class _Drop:
    """A worker that loses every job, as a crash right after the ack would."""

    def submit(self, job: object, name: str) -> None:
        return None


def test_health_endpoint_reports_database(desk: Desk) -> None:
    assert desk.runtime.http is not None
    url = f"http://127.0.0.1:{desk.runtime.http.port}/healthz"

    with urllib.request.urlopen(url, timeout=5) as response:
        report = json.loads(response.read())

    assert response.status == 200
    assert report == {"ok": True, "database": "ok", "mode": "local"}
