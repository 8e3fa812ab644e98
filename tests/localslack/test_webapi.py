"""Round trips through slack_sdk's WebClient against the local Web API server."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.localslack import LocalSlack


def expect_error(function, *args, **kwargs) -> SlackApiError:  # type: ignore[no-untyped-def]
    with pytest.raises(SlackApiError) as caught:
        function(*args, **kwargs)
    return caught.value


def test_auth_test_returns_bot_identity(client: WebClient, local: LocalSlack) -> None:
    answer = client.auth_test()

    assert answer["ok"] is True
    assert answer["user_id"] == "U0BALCAO"
    assert answer["bot_id"] == "B0BALCAO"
    assert answer["team_id"] == "T0LOCAL"
    assert answer["url"] == local.server.base_url


def test_missing_token_is_not_authed(local: LocalSlack) -> None:
    error = expect_error(WebClient(base_url=local.api_url).auth_test)

    assert error.response["error"] == "not_authed"
    assert local.workspace.calls_to("auth.test")[0].response["error"] == "not_authed"


def test_wrong_token_is_invalid_auth(local: LocalSlack) -> None:
    error = expect_error(WebClient(token="xoxb-wrong", base_url=local.api_url).auth_test)

    assert error.response["error"] == "invalid_auth"


def test_token_in_form_field_is_accepted(local: LocalSlack) -> None:
    body = f"token={local.workspace.bot_token}".encode()
    with urllib.request.urlopen(local.api_url + "auth.test", data=body) as response:
        answer = json.loads(response.read())

    assert answer["ok"] is True
    assert "token" not in local.workspace.calls_to("auth.test")[0].args


def test_unknown_method_returns_404(local: LocalSlack) -> None:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(local.api_url + "chat.nothing", data=b"")

    assert caught.value.code == 404
    assert json.loads(caught.value.read())["error"] == "unknown_method"


def test_users_info_locale_only_when_asked(client: WebClient) -> None:
    plain = client.users_info(user="U0ANA")["user"]
    with_locale = client.users_info(user="U0ANA", include_locale=True)["user"]

    assert "locale" not in plain
    assert with_locale["locale"] == "pt-BR"
    assert with_locale["tz"] == "America/Sao_Paulo"
    assert with_locale["profile"]["title"] == "Analista Financeira"
    assert with_locale["profile"]["department"] == "Financeiro"
    assert with_locale["profile"]["fields"]["Xf0DEPTO"]["value"] == "Financeiro"


def test_users_info_deleted_and_unknown(client: WebClient) -> None:
    assert client.users_info(user="U0EXFUNC")["user"]["deleted"] is True
    assert client.users_info(user="U0DEPLOY")["user"]["is_bot"] is True
    assert expect_error(client.users_info, user="U0NOBODY").response["error"] == "user_not_found"


def test_users_lookup_by_email(client: WebClient) -> None:
    found = client.users_lookupByEmail(email="john.miller@example.com")["user"]

    assert found["id"] == "U0JOHN"
    error = expect_error(client.users_lookupByEmail, email="nobody@example.com")
    assert error.response["error"] == "users_not_found"


def test_conversations_info_and_errors(client: WebClient) -> None:
    channel = client.conversations_info(channel="C0AJUDA")["channel"]

    assert channel["name"] == "ajuda-ti"
    assert channel["is_channel"] is True
    assert "members" not in channel
    im = client.conversations_info(channel="D0ANA")["channel"]
    assert im["is_im"] is True
    assert im["user"] == "U0ANA"
    error = expect_error(client.conversations_info, channel="C0NONE")
    assert error.response["error"] == "channel_not_found"


def test_conversations_list_paginates(client: WebClient) -> None:
    first = client.conversations_list(types="public_channel,private_channel", limit=4)
    cursor = first["response_metadata"]["next_cursor"]
    second = client.conversations_list(
        types="public_channel,private_channel", limit=4, cursor=cursor
    )

    names = [c["name"] for c in first["channels"] + second["channels"]]
    assert len(first["channels"]) == 4
    assert cursor
    assert second["response_metadata"]["next_cursor"] == ""
    assert sorted(names) == [
        "ajuda-ti",
        "geral",
        "ti-gestao",
        "ti-infra",
        "ti-seguranca",
        "ti-sistemas",
        "ti-triagem",
    ]
    ims = client.conversations_list(types="im")["channels"]
    assert {c["user"] for c in ims} >= {"U0ANA", "U0JOHN", "U0CARLA", "U0MARCOS"}
    bad = expect_error(client.conversations_list, cursor="not-a-cursor")
    assert bad.response["error"] == "invalid_cursor"


def test_conversations_members(client: WebClient) -> None:
    members = client.conversations_members(channel="C0TRIAGEM")["members"]

    assert set(members) == {"U0CARLA", "U0MARCOS", "U0BALCAO"}


def test_conversations_open(client: WebClient) -> None:
    assert client.conversations_open(users="U0ANA")["channel"]["id"] == "D0ANA"
    full = client.conversations_open(users="U0JOHN", return_im=True)["channel"]
    assert full["is_im"] is True
    assert full["user"] == "U0JOHN"
    error = expect_error(client.conversations_open, users="U0EXFUNC")
    assert error.response["error"] == "user_disabled"
    error = expect_error(client.conversations_open, users="U0NOBODY")
    assert error.response["error"] == "user_not_found"


def test_post_message_and_thread_reply(client: WebClient, local: LocalSlack) -> None:
    root = client.chat_postMessage(channel="C0AJUDA", text="Chamado aberto")
    reply = client.chat_postMessage(channel="C0AJUDA", text="Atualização", thread_ts=root["ts"])

    assert root["channel"] == "C0AJUDA"
    assert root["message"]["bot_id"] == "B0BALCAO"
    assert float(reply["ts"]) > float(root["ts"])
    thread = client.conversations_replies(channel="C0AJUDA", ts=root["ts"])["messages"]
    assert [m["text"] for m in thread] == ["Chamado aberto", "Atualização"]
    assert thread[0]["reply_count"] == 1
    assert thread[0]["latest_reply"] == reply["ts"]
    assert thread[1]["thread_ts"] == root["ts"]
    assert len(local.workspace.bot_messages("C0AJUDA")) == 2


def test_post_message_by_channel_name(client: WebClient) -> None:
    answer = client.chat_postMessage(channel="#ti-triagem", text="Novo chamado")

    assert answer["channel"] == "C0TRIAGEM"


def test_float_thread_ts_is_not_threaded(client: WebClient, local: LocalSlack) -> None:
    root = client.chat_postMessage(channel="C0AJUDA", text="raiz")
    reply = client.api_call(
        "chat.postMessage",
        json={"channel": "C0AJUDA", "text": "resposta", "thread_ts": float(root["ts"])},
    )

    assert "thread_ts" not in reply["message"]
    assert (
        local.workspace.messages_in("C0AJUDA", thread_ts=root["ts"])[0].get("reply_count") is None
    )


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"channel": "C0NONE", "text": "x"}, "channel_not_found"),
        ({"channel": "C0AJUDA"}, "no_text"),
        ({"channel": "C0AJUDA", "text": "x" * 40_001}, "msg_too_long"),
    ],
)
def test_post_message_errors(client: WebClient, kwargs: dict[str, str], error: str) -> None:
    assert expect_error(client.chat_postMessage, **kwargs).response["error"] == error


def test_post_message_not_in_channel_and_archived(client: WebClient, local: LocalSlack) -> None:
    with local.workspace.lock:
        local.workspace.conversations["C0GERAL"]["members"].remove("U0BALCAO")
        local.workspace.conversations["C0TRIAGEM"]["is_archived"] = True

    error = expect_error(client.chat_postMessage, channel="C0GERAL", text="x")
    assert error.response["error"] == "not_in_channel"
    error = expect_error(client.chat_postMessage, channel="C0TRIAGEM", text="x")
    assert error.response["error"] == "is_archived"


def test_history_is_newest_first(client: WebClient) -> None:
    first = client.chat_postMessage(channel="C0GERAL", text="um")["ts"]
    second = client.chat_postMessage(channel="C0GERAL", text="dois")["ts"]
    client.chat_postMessage(channel="C0GERAL", text="no fio", thread_ts=first)

    messages = client.conversations_history(channel="C0GERAL")["messages"]
    assert [m["ts"] for m in messages] == [second, first]
    page = client.conversations_history(channel="C0GERAL", limit=1)
    assert page["has_more"] is True
    assert page["response_metadata"]["next_cursor"]


def test_update_and_delete(client: WebClient, local: LocalSlack) -> None:
    ts = client.chat_postMessage(channel="C0AJUDA", text="antes")["ts"]
    updated = client.chat_update(channel="C0AJUDA", ts=ts, text="depois")

    assert updated["text"] == "depois"
    assert local.workspace.messages_in("C0AJUDA")[0]["edited"]["user"] == "U0BALCAO"
    assert client.chat_delete(channel="C0AJUDA", ts=ts)["ts"] == ts
    assert local.workspace.messages_in("C0AJUDA") == []
    error = expect_error(client.chat_update, channel="C0AJUDA", ts=ts, text="x")
    assert error.response["error"] == "message_not_found"


def test_cannot_change_others_messages(client: WebClient, local: LocalSlack) -> None:
    ts = local.post("U0ANA", "C0AJUDA", "minha mensagem").ts

    error = expect_error(client.chat_update, channel="C0AJUDA", ts=ts, text="x")
    assert error.response["error"] == "cant_update_message"
    error = expect_error(client.chat_delete, channel="C0AJUDA", ts=ts)
    assert error.response["error"] == "cant_delete_message"


def test_post_ephemeral(client: WebClient, local: LocalSlack) -> None:
    answer = client.chat_postEphemeral(channel="C0AJUDA", user="U0ANA", text="só para você")

    assert answer["message_ts"]
    shown = local.workspace.ephemerals_for("U0ANA", "C0AJUDA")
    assert [e["text"] for e in shown] == ["só para você"]
    assert local.workspace.messages_in("C0AJUDA") == []
    error = expect_error(client.chat_postEphemeral, channel="C0GESTAO", user="U0ANA", text="x")
    assert error.response["error"] == "user_not_in_channel"


def test_get_permalink(client: WebClient, local: LocalSlack) -> None:
    root = client.chat_postMessage(channel="C0AJUDA", text="raiz")["ts"]
    reply = client.chat_postMessage(channel="C0AJUDA", text="fio", thread_ts=root)["ts"]

    link = client.chat_getPermalink(channel="C0AJUDA", message_ts=root)["permalink"]
    reply_link = client.chat_getPermalink(channel="C0AJUDA", message_ts=reply)["permalink"]
    assert link == f"{local.server.base_url}archives/C0AJUDA/p{root.replace('.', '')}"
    assert reply_link.endswith(f"?thread_ts={root}&cid=C0AJUDA")
    error = expect_error(client.chat_getPermalink, channel="C0AJUDA", message_ts="1.000001")
    assert error.response["error"] == "message_not_found"


def test_reactions_add(client: WebClient, local: LocalSlack) -> None:
    ts = local.post("U0ANA", "C0AJUDA", "ajuda").ts

    assert client.reactions_add(channel="C0AJUDA", timestamp=ts, name="eyes")["ok"] is True
    error = expect_error(client.reactions_add, channel="C0AJUDA", timestamp=ts, name="eyes")
    assert error.response["error"] == "already_reacted"
    reactions = local.workspace.messages_in("C0AJUDA")[0]["reactions"]
    assert reactions == [{"name": "eyes", "users": ["U0BALCAO"], "count": 1}]


def test_files_upload_v2_shares_in_channel(client: WebClient, local: LocalSlack) -> None:
    answer = client.files_upload_v2(
        channel="C0AJUDA", content="linha 1\n", filename="log.txt", initial_comment="Anexo"
    )

    assert answer["file"]["name"] == "log.txt"
    assert [c.method for c in local.workspace.calls] == [
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
    ]
    message = local.workspace.bot_messages("C0AJUDA")[0]
    assert message["text"] == "Anexo"
    assert message["files"][0]["id"] == answer["file"]["id"]


def test_complete_upload_without_bytes_fails(client: WebClient) -> None:
    file_id = client.files_getUploadURLExternal(filename="a.txt", length=3)["file_id"]

    error = expect_error(client.files_completeUploadExternal, files=[{"id": file_id}])
    assert error.response["error"] == "file_not_found"


def test_every_call_is_recorded(client: WebClient, local: LocalSlack) -> None:
    client.auth_test()
    expect_error(client.users_info, user="U0NOBODY")

    calls = local.workspace.calls
    assert [(c.method, c.status, c.response["ok"]) for c in calls] == [
        ("auth.test", 200, True),
        ("users.info", 200, False),
    ]
    assert calls[1].args["user"] == "U0NOBODY"
    local.workspace.reset_calls()
    assert local.workspace.calls == []
