"""What the Slack client does to typed text: mrkdwn escaping, live tokens, rich_text blocks."""

from __future__ import annotations

import re
import secrets

from bot.localslack.state import JsonDict, Workspace

# One typed token: a URL, an @mention or a #channel. Trailing punctuation stays outside URLs.
TYPED_TOKEN = re.compile(
    r"(?P<url>https?://[^\s<>]+[^\s<>.,;:!?)\]'\"])"
    r"|(?<![\w@])@(?P<handle>[\w.\-]+[\w])"
    r"|(?<![\w&])#(?P<channel>[a-z0-9_\-]+)"
)
BROADCASTS = {"here", "channel", "everyone"}

# A live token in encoded text: <@U…>, <#C…|name>, <!here>, <https://…|label>.
LIVE_TOKEN = re.compile(r"<(?P<body>[^<>]+)>")


def escape(text: str) -> str:
    """Escape the three characters that mrkdwn reserves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _user_id_for(workspace: Workspace, handle: str) -> str | None:
    with workspace.lock:
        if handle in workspace.handles:
            return workspace.handles[handle]
        for user in workspace.users.values():
            if user["name"] == handle:
                return str(user["id"])
    return None


def _channel_id_for(workspace: Workspace, name: str) -> str | None:
    with workspace.lock:
        for conversation in workspace.conversations.values():
            if conversation.get("name") == name:
                return str(conversation["id"])
    return None


def _encode_token(workspace: Workspace, match: re.Match[str]) -> str:
    if match["url"]:
        return f"<{escape(match['url'])}>"
    if match["handle"]:
        if match["handle"] in BROADCASTS:
            return f"<!{match['handle']}>"
        user_id = _user_id_for(workspace, match["handle"])
        return f"<@{user_id}>" if user_id else escape(match[0])
    channel_id = _channel_id_for(workspace, match["channel"])
    return f"<#{channel_id}|{match['channel']}>" if channel_id else escape(match[0])


def encode_user_text(workspace: Workspace, text: str) -> str:
    """Encode typed text as Slack sends it in events.

    `&`, `<` and `>` become entities; @handle and @balcao become <@U…>; @here, @channel and
    @everyone become <!here>, <!channel>, <!everyone>; #name becomes <#C…|name>; URLs become
    <https://…>. Unknown handles and channels stay plain text.
    """
    parts: list[str] = []
    position = 0
    for match in TYPED_TOKEN.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(_encode_token(workspace, match))
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _rich_element(token: str) -> JsonDict:
    if token.startswith("@"):
        return {"type": "user", "user_id": token[1:]}
    if token.startswith("#"):
        return {"type": "channel", "channel_id": token[1:].split("|")[0]}
    if token.startswith("!"):
        return {"type": "broadcast", "range": token[1:].split("|")[0]}
    url, _, label = token.partition("|")
    element: JsonDict = {"type": "link", "url": unescape(url)}
    if label:
        element["text"] = unescape(label)
    return element


def rich_text_blocks(encoded: str) -> list[JsonDict]:
    """Build the rich_text block the Slack client attaches to a typed message.

    Text elements carry the raw characters (no entities), as in Slack's own events.
    """
    elements: list[JsonDict] = []
    position = 0
    for match in LIVE_TOKEN.finditer(encoded):
        if match.start() > position:
            elements.append({"type": "text", "text": unescape(encoded[position : match.start()])})
        elements.append(_rich_element(match["body"]))
        position = match.end()
    if position < len(encoded):
        elements.append({"type": "text", "text": unescape(encoded[position:])})

    return [
        {
            "type": "rich_text",
            "block_id": secrets.token_urlsafe(4)[:5],
            "elements": [{"type": "rich_text_section", "elements": elements}],
        }
    ]
