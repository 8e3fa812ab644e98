"""In-memory state of the local Slack workspace, shared by the Web API server and the tests."""

from __future__ import annotations

import copy
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.localslack.injection import Injection, InjectionTable

JsonDict = dict[str, Any]

# A trigger_id is valid for 3 seconds after the interaction that issued it (Slack's documented
# lifetime for views.open and views.push).
TRIGGER_LIFETIME_S = 3.0


@dataclass
class ApiCall:
    """One Web API request and the workspace's response to it. `args` never contains the token."""

    method: str
    args: JsonDict
    status: int
    response: JsonDict


@dataclass
class Trigger:
    issued_at: float
    user_id: str
    exchanged: bool = False


@dataclass
class UploadedFile:
    """A file reserved by files.getUploadURLExternal and filled by the upload POST."""

    file_id: str
    filename: str
    length: int
    content: bytes | None = None
    title: str = ""
    shared: JsonDict = field(default_factory=dict)


class Workspace:
    """Thread-safe state of one Slack team with the Balcão app installed.

    Every read and write goes through `lock`, a Condition, and every write that tests may
    wait on calls `changed()`, so `wait_for` wakes up without polling.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.lock = threading.Condition(threading.RLock())
        self.clock = clock
        self.base_url = "http://127.0.0.1/"

        self.team_id = "T0LOCAL"
        self.team_name = "Balcão Local"
        self.domain = "balcao-local"
        self.bot_user_id = "U0BALCAO"
        self.bot_id = "B0BALCAO"
        self.app_id = "A0BALCAO"
        self.bot_name = "balcao"
        self.bot_token = f"xoxb-local-{secrets.token_hex(12)}"
        self.signing_secret = secrets.token_hex(16)
        self.verification_token = secrets.token_hex(12)

        self.users: dict[str, JsonDict] = {}
        self.handles: dict[str, str] = {}
        self.conversations: dict[str, JsonDict] = {}
        self.messages: dict[str, list[JsonDict]] = {}
        self.ephemerals: list[JsonDict] = []
        self.views: dict[str, JsonDict] = {}
        self.home_views: dict[str, str] = {}
        self.modal_stacks: dict[str, list[str]] = {}
        self.triggers: dict[str, Trigger] = {}
        self.files: dict[str, UploadedFile] = {}
        self.response_urls: dict[str, JsonDict] = {}
        self.calls: list[ApiCall] = []
        self.injections = InjectionTable()

        self._last_ts_us = 0
        self._serial = 0

    # --- ids and clocks -------------------------------------------------------------------

    def next_ts(self) -> str:
        """Return a message ts like "1733333333.000100", strictly greater than the last one."""
        with self.lock:
            now_us = int(self.clock() * 1_000_000)
            self._last_ts_us = max(now_us, self._last_ts_us + 1)
            seconds, micros = divmod(self._last_ts_us, 1_000_000)
            return f"{seconds}.{micros:06d}"

    def new_id(self, prefix: str) -> str:
        """Return a fresh Slack-style id such as "V0000007A1B2C" for views or "F…" for files."""
        with self.lock:
            self._serial += 1
            return f"{prefix}{self._serial:07d}{secrets.token_hex(3).upper()}"

    def issue_trigger_id(self, user_id: str) -> str:
        """Issue a trigger_id in Slack's "132456.7890123.abcdef" format, valid for 3 s."""
        with self.lock:
            now = self.clock()
            self._serial += 1
            trigger_id = f"{int(now)}.{self._serial:07d}.{secrets.token_hex(16)}"
            self.triggers[trigger_id] = Trigger(issued_at=now, user_id=user_id)
            return trigger_id

    def exchange_trigger_id(self, trigger_id: str | None) -> str | None:
        """Use up a trigger_id. Returns the Slack error code, or None when it is usable."""
        with self.lock:
            trigger = self.triggers.get(trigger_id or "")
            if trigger is None:
                return "invalid_trigger_id"
            if self.clock() - trigger.issued_at > TRIGGER_LIFETIME_S:
                return "expired_trigger_id"
            if trigger.exchanged:
                return "exchanged_trigger_id"
            trigger.exchanged = True
            return None

    # --- change notification and call log -------------------------------------------------

    def changed(self) -> None:
        """Wake every thread blocked in `wait_for`."""
        with self.lock:
            self.lock.notify_all()

    def wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Block until `predicate()` is true or `timeout` seconds pass. Returns the last result.

        The predicate runs with the lock held, so it may read the workspace freely.
        """
        with self.lock:
            return self.lock.wait_for(predicate, timeout)

    def record_call(self, call: ApiCall) -> None:
        with self.lock:
            self.calls.append(call)
            self.lock.notify_all()

    def calls_to(self, method: str) -> list[ApiCall]:
        with self.lock:
            return [call for call in self.calls if call.method == method]

    def reset_calls(self) -> None:
        with self.lock:
            self.calls.clear()

    def inject(
        self,
        method: str,
        *,
        error: str | None = None,
        status: int = 200,
        retry_after: int | None = None,
        delay: float = 0.0,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls to `method` fail with `error` and/or wait `delay` s.

        With status 429 the call returns Slack's rate-limit response: error "ratelimited"
        and a Retry-After header (`retry_after`, 1 s when not given).
        """
        if status == 429:
            error = "ratelimited"
            retry_after = 1 if retry_after is None else retry_after
        elif status != 200 and error is None:
            error = "internal_error"
        injection = Injection(
            error=error, status=status, retry_after=retry_after, delay=delay, remaining=times
        )
        with self.lock:
            self.injections.add(method, injection)

    # --- queries for tests and the chat ---------------------------------------------------

    def user(self, user_id: str) -> JsonDict | None:
        with self.lock:
            return self.users.get(user_id)

    def conversation(self, channel_id: str) -> JsonDict | None:
        with self.lock:
            return self.conversations.get(channel_id)

    def find_message(self, channel_id: str, ts: str) -> JsonDict | None:
        """Return the stored message itself (not a copy); callers must hold the lock."""
        for message in self.messages.get(channel_id, []):
            if message["ts"] == ts:
                return message
        return None

    def messages_in(self, channel_id: str, thread_ts: str | None = None) -> list[JsonDict]:
        """Return copies of the messages in a conversation, oldest first.

        Without `thread_ts` this is every message, thread replies included. With it, the
        thread root followed by its replies.
        """
        with self.lock:
            stored = self.messages.get(channel_id, [])
            if thread_ts is not None:
                stored = [
                    m for m in stored if m["ts"] == thread_ts or m.get("thread_ts") == thread_ts
                ]
            return copy.deepcopy(stored)

    def bot_messages(self, channel_id: str | None = None) -> list[JsonDict]:
        """Return copies of the messages the Balcão app posted, oldest first."""
        with self.lock:
            channels = [channel_id] if channel_id is not None else list(self.messages)
            found = [
                m
                for channel in channels
                for m in self.messages.get(channel, [])
                if m.get("bot_id") == self.bot_id
            ]
            found.sort(key=lambda m: float(m["ts"]))
            return copy.deepcopy(found)

    def ephemerals_for(self, user_id: str, channel_id: str | None = None) -> list[JsonDict]:
        """Return copies of the ephemeral messages shown to `user_id`, oldest first."""
        with self.lock:
            return copy.deepcopy(
                [
                    e
                    for e in self.ephemerals
                    if e["user"] == user_id and channel_id in (None, e["channel"])
                ]
            )

    def home_view(self, user_id: str) -> JsonDict | None:
        """Return a copy of the Home tab view published for `user_id`, if any."""
        with self.lock:
            view_id = self.home_views.get(user_id)
            return copy.deepcopy(self.views[view_id]) if view_id else None

    def open_modals(self, user_id: str) -> list[JsonDict]:
        """Return copies of the modal views open for `user_id`, bottom of the stack first."""
        with self.lock:
            return [copy.deepcopy(self.views[v]) for v in self.modal_stacks.get(user_id, [])]

    def im_with(self, user_id: str) -> str | None:
        """Return the id of the IM between the bot and `user_id`, if one exists."""
        with self.lock:
            for conversation in self.conversations.values():
                if conversation.get("is_im") and conversation.get("user") == user_id:
                    return str(conversation["id"])
            return None
