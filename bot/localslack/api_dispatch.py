"""Routing of one Web API call: token check, injected faults, handler, call log."""

from __future__ import annotations

import hmac
import logging
import time
from dataclasses import dataclass, field

from bot.localslack import api_chat, api_conversations, api_files, api_users, api_views
from bot.localslack.api_args import ApiFailure, Args, Handler
from bot.localslack.state import ApiCall, JsonDict, Workspace

logger = logging.getLogger(__name__)

METHODS: dict[str, Handler] = {
    **api_users.METHODS,
    **api_conversations.METHODS,
    **api_chat.METHODS,
    **api_views.METHODS,
    **api_files.METHODS,
}


@dataclass
class ApiResult:
    status: int
    body: JsonDict
    headers: dict[str, str] = field(default_factory=dict)


def _check_token(workspace: Workspace, token: str | None) -> ApiFailure | None:
    if not token:
        return ApiFailure("not_authed")
    if not hmac.compare_digest(token.encode(), workspace.bot_token.encode()):
        return ApiFailure("invalid_auth")
    return None


def _answer(workspace: Workspace, method: str, values: JsonDict, token: str | None) -> ApiResult:
    handler = METHODS.get(method)
    if handler is None:
        # NOTE: Slack responds to unknown methods with HTTP 404 and this body as of 2024;
        # older responses used HTTP 200, so callers should look at `error`, not only the status.
        return ApiResult(404, {"ok": False, "error": "unknown_method", "req_method": method})

    auth_failure = _check_token(workspace, token)
    if auth_failure is not None:
        return ApiResult(200, auth_failure.body())

    with workspace.lock:
        injection = workspace.injections.take(method)
    if injection is not None and injection.delay > 0:
        # Sleep without the lock so other requests and test threads keep running.
        time.sleep(injection.delay)
    if injection is not None and injection.error is not None:
        headers = {}
        if injection.retry_after is not None:
            headers["Retry-After"] = str(injection.retry_after)
        return ApiResult(injection.status, {"ok": False, "error": injection.error}, headers)

    try:
        with workspace.lock:
            return ApiResult(200, handler(workspace, Args(values)))
    except ApiFailure as failure:
        return ApiResult(200, failure.body())


def call_method(
    workspace: Workspace, method: str, values: JsonDict, token: str | None
) -> ApiResult:
    """Respond to one Web API call as Slack would and add it to `workspace.calls`."""
    result = _answer(workspace, method, values, token)

    recorded_args = {k: v for k, v in values.items() if k != "token"}
    workspace.record_call(ApiCall(method, recorded_args, result.status, result.body))
    if not result.body.get("ok"):
        logger.info(
            "Web API call failed",
            extra={"method": method, "error": result.body.get("error")},
        )
    return result
