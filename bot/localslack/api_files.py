"""Web API file uploads: getUploadURLExternal, the upload POST, completeUploadExternal."""

from __future__ import annotations

import mimetypes
from typing import Any

from bot.localslack.api_args import ApiFailure, Args, Handler, invalid_arguments
from bot.localslack.messages import add_message, bot_profile
from bot.localslack.state import JsonDict, UploadedFile, Workspace

# Slack rejects alt_txt longer than 1,000 characters (files.getUploadURLExternal docs).
MAX_ALT_TEXT = 1000


def file_object(workspace: Workspace, stored: UploadedFile, user_id: str) -> JsonDict:
    """Build a file object with the keys Slack sends in file_share events and file responses."""
    mimetype = mimetypes.guess_type(stored.filename)[0] or "application/octet-stream"
    filetype = stored.filename.rsplit(".", 1)[-1].lower() if "." in stored.filename else "binary"
    url = f"{workspace.base_url}files/{stored.file_id}/{stored.filename}"
    now = int(workspace.clock())
    return {
        "id": stored.file_id,
        "created": now,
        "timestamp": now,
        "name": stored.filename,
        "title": stored.title or stored.filename,
        "mimetype": mimetype,
        "filetype": filetype,
        "pretty_type": filetype.upper(),
        "user": user_id,
        "user_team": workspace.team_id,
        "editable": False,
        "size": stored.length,
        "mode": "hosted",
        "is_external": False,
        "external_type": "",
        "is_public": False,
        "public_url_shared": False,
        "display_as_bot": False,
        "username": "",
        "url_private": url,
        "url_private_download": url + "?download=1",
        "permalink": f"{workspace.base_url}files/{user_id}/{stored.file_id}/{stored.filename}",
        "permalink_public": "",
        "shares": stored.shared,
    }


def files_get_upload_url_external(workspace: Workspace, args: Args) -> JsonDict:
    filename = args.text("filename")
    length = args.integer("length", 0)
    if filename is None:
        raise invalid_arguments("[ERROR] missing required field: filename")
    if length < 1:
        raise ApiFailure("missing_argument")
    if len(args.text("alt_txt") or "") > MAX_ALT_TEXT:
        raise ApiFailure("alt_txt_too_large")

    file_id = workspace.new_id("F")
    workspace.files[file_id] = UploadedFile(file_id=file_id, filename=filename, length=length)
    return {
        "ok": True,
        "upload_url": f"{workspace.base_url}upload/v1/{file_id}",
        "file_id": file_id,
    }


def store_upload(workspace: Workspace, file_id: str, content: bytes) -> bool:
    """Keep the bytes POSTed to an upload URL. Returns False for an unknown file id."""
    with workspace.lock:
        stored = workspace.files.get(file_id)
        if stored is None:
            return False
        stored.content = content
        stored.length = len(content)
        return True


def _uploaded(workspace: Workspace, items: Any) -> list[tuple[UploadedFile, str]]:
    if not isinstance(items, list) or not items:
        raise invalid_arguments("[ERROR] missing required field: files")

    found = []
    for item in items:
        stored = workspace.files.get(item.get("id", "")) if isinstance(item, dict) else None
        if stored is None or stored.content is None:
            raise ApiFailure("file_not_found")
        found.append((stored, str(item.get("title") or stored.filename)))
    return found


def files_complete_upload_external(workspace: Workspace, args: Args) -> JsonDict:
    uploaded = _uploaded(workspace, args.json_value("files", "invalid_arguments"))
    channel_id = args.text("channel_id") or (args.text("channels") or "").split(",")[0] or None
    conversation = None
    if channel_id is not None:
        conversation = workspace.conversations.get(channel_id)
        if conversation is None:
            raise ApiFailure("channel_not_found")
        if workspace.bot_user_id not in conversation.get("members", []):
            raise ApiFailure("not_in_channel")

    for stored, title in uploaded:
        stored.title = title
    if conversation is not None:
        _share(workspace, conversation["id"], [s for s, _ in uploaded], args)

    files = [file_object(workspace, stored, workspace.bot_user_id) for stored, _ in uploaded]
    return {"ok": True, "files": files}


def _share(workspace: Workspace, channel_id: str, stored: list[UploadedFile], args: Args) -> None:
    """Post the bot's file message, which is how a shared upload shows up in the channel."""
    ts = workspace.next_ts()
    for item in stored:
        item.shared = {"private" if channel_id[0] in "DG" else "public": {channel_id: [{"ts": ts}]}}

    message: JsonDict = {
        "type": "message",
        "text": args.text("initial_comment") or "",
        "user": workspace.bot_user_id,
        "bot_id": workspace.bot_id,
        "app_id": workspace.app_id,
        "team": workspace.team_id,
        "bot_profile": bot_profile(workspace),
        "files": [file_object(workspace, s, workspace.bot_user_id) for s in stored],
        "upload": True,
        "display_as_bot": False,
        "ts": ts,
    }
    thread_ts = args.text("thread_ts")
    if thread_ts is not None:
        message["thread_ts"] = thread_ts
    add_message(workspace, channel_id, message)


METHODS: dict[str, Handler] = {
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
}
