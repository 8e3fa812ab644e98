"""LocalSlack: one object that runs the local workspace and acts in it for people."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.localslack import user_actions
from bot.localslack.blocks import Button, find_buttons
from bot.localslack.delivery import Delivery, EventDelivery, new_event_id
from bot.localslack.payloads import message_block_actions, view_block_actions, view_submission
from bot.localslack.seed import seed
from bot.localslack.server import WebApiServer
from bot.localslack.state import JsonDict, Workspace
from bot.localslack.text import encode_user_text
from bot.localslack.user_actions import SharedFile


@dataclass
class PostResult:
    """A stored message's ts and the deliveries of its events, in the order sent."""

    ts: str
    deliveries: list[Delivery] = field(default_factory=list)


class LocalSlack:
    """A seeded local workspace, its Web API server and, after `connect_bot`, event delivery."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Callable[[], float] = time.time,
        seeded: bool = True,
    ) -> None:
        self.workspace = Workspace(clock=clock)
        if seeded:
            seed(self.workspace)
        self.server = WebApiServer(self.workspace, host, port)
        self._delivery: EventDelivery | None = None

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    @property
    def api_url(self) -> str:
        """Base URL for slack_sdk's WebClient(base_url=...)."""
        return self.server.url

    def connect_bot(self, bot_url: str) -> None:
        """Deliver events, interactions and commands to `bot_url` from now on."""
        self._delivery = EventDelivery(self.workspace, bot_url)

    @property
    def delivery(self) -> EventDelivery:
        if self._delivery is None:
            raise RuntimeError("no bot connected: call connect_bot(bot_url) first")
        return self._delivery

    def _deliver_all(self, events: list[JsonDict]) -> list[Delivery]:
        if self._delivery is None:
            return []
        return [self._delivery.deliver_event(event, event_id=new_event_id()) for event in events]

    # --- what people do -------------------------------------------------------------------

    def encode_user_text(self, text: str) -> str:
        return encode_user_text(self.workspace, text)

    def post(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        *,
        thread_ts: str | None = None,
        broadcast: bool = False,
        files: list[SharedFile] | None = None,
        mention_first: bool = False,
    ) -> PostResult:
        """Store a message from `user_id` and deliver its events.

        `text` is Slack-encoded (see `encode_user_text`). A mention of the bot outside an IM
        also sends `app_mention`, after the `message` event or before it with `mention_first`.
        Without a connected bot the message is stored and nothing is delivered.
        """
        ts, events = user_actions.post(
            self.workspace, user_id, channel_id, text,
            thread_ts=thread_ts, broadcast=broadcast, files=files,
        )  # fmt: skip
        if mention_first:
            events.reverse()
        return PostResult(ts, self._deliver_all(events))

    def edit(self, user_id: str, channel_id: str, ts: str, new_text: str) -> list[Delivery]:
        event = user_actions.edit(self.workspace, user_id, channel_id, ts, new_text)
        return self._deliver_all([event])

    def unfurl(self, channel_id: str, ts: str, url: str) -> list[Delivery]:
        event = user_actions.unfurl(self.workspace, channel_id, ts, url)
        return self._deliver_all([event])

    def delete(self, user_id: str, channel_id: str, ts: str) -> list[Delivery]:
        event = user_actions.delete(self.workspace, user_id, channel_id, ts)
        return self._deliver_all([event])

    def bot_post(
        self, bot_user_id: str, channel_id: str, text: str, subtype_bot_message: bool = False
    ) -> PostResult:
        ts, event = user_actions.bot_post(
            self.workspace, bot_user_id, channel_id, text, subtype_bot_message
        )
        return PostResult(ts, self._deliver_all([event]))

    def redeliver(
        self, delivery: Delivery, retry_num: int = 1, retry_reason: str = "http_timeout"
    ) -> Delivery:
        """Send a delivered event again as Slack's retry number `retry_num`."""
        return self.delivery.redeliver(delivery, retry_num, retry_reason)

    def command(self, user_id: str, channel_id: str, command: str, text: str = "") -> Delivery:
        return self.delivery.deliver_command(command, text, user_id, channel_id)

    # --- buttons and views ----------------------------------------------------------------

    def buttons(self, channel_id: str, ts: str) -> list[Button]:
        """List the buttons of a stored message, in display order."""
        with self.workspace.lock:
            message = self.workspace.find_message(channel_id, ts)
            if message is None:
                raise LookupError(f"no message {ts} in {channel_id}")
            return find_buttons(message.get("blocks"))

    @staticmethod
    def _pick(buttons: list[Button], action_id: str, where: str) -> Button:
        for button in buttons:
            if button.action_id == action_id:
                return button
        available = ", ".join(b.action_id for b in buttons) or "none"
        raise LookupError(f"no button {action_id!r} in {where}; buttons there: {available}")

    def press_button(
        self, user_id: str, channel_id: str, message_ts: str, action_id: str
    ) -> Delivery:
        """Press a button in a stored message and deliver the block_actions payload."""
        with self.workspace.lock:
            conversation = self.workspace.conversations[channel_id]
            message = self.workspace.find_message(channel_id, message_ts)
            if message is None:
                raise LookupError(f"no message {message_ts} in {channel_id}")
            where = f"message {message_ts} in {channel_id}"
            button = self._pick(find_buttons(message.get("blocks")), action_id, where)
            payload = message_block_actions(self.workspace, user_id, conversation, message, button)
        return self.delivery.deliver_interaction(payload)

    def press_view_button(self, user_id: str, view_id: str, action_id: str) -> Delivery:
        """Press a button in a Home tab or modal view and deliver the block_actions payload."""
        with self.workspace.lock:
            view = self.workspace.views.get(view_id)
            if view is None:
                raise LookupError(f"no view {view_id}")
            button = self._pick(find_buttons(view.get("blocks")), action_id, f"view {view_id}")
            payload = view_block_actions(self.workspace, user_id, view, button)
        return self.delivery.deliver_interaction(payload)

    def press_home_button(self, user_id: str, action_id: str) -> Delivery:
        view = self.workspace.home_view(user_id)
        if view is None:
            raise LookupError(f"no Home tab published for {user_id}")
        return self.press_view_button(user_id, view["id"], action_id)

    def submit_view(
        self, user_id: str, values: dict[str, dict[str, JsonDict]], view_id: str | None = None
    ) -> Delivery:
        """Submit the user's top modal (or `view_id`) and apply the bot's response_action.

        `values` is view.state.values: block_id -> action_id -> element state, e.g.
        {"desc": {"text": {"type": "plain_text_input", "value": "VPN caiu"}}}.
        """
        with self.workspace.lock:
            stack = self.workspace.modal_stacks.get(user_id, [])
            view_id = view_id or (stack[-1] if stack else None)
            view = self.workspace.views.get(view_id or "")
            if view is None:
                raise LookupError(f"no open modal for {user_id}")
            payload = view_submission(self.workspace, user_id, view, values)

        delivery = self.delivery.deliver_interaction(payload)
        if delivery.status == 200:
            self._apply_response_action(user_id, view["id"], delivery.body)
        return delivery

    def _apply_response_action(self, user_id: str, view_id: str, body: str) -> None:
        try:
            answer = json.loads(body) if body.strip() else {}
        except json.JSONDecodeError:
            answer = {}
        action = answer.get("response_action") if isinstance(answer, dict) else None

        with self.workspace.lock:
            stack = self.workspace.modal_stacks.setdefault(user_id, [])
            if action == "errors":
                return
            if action == "update" and isinstance(answer.get("view"), dict):
                stored = self.workspace.views[view_id]
                stored.update(copy.deepcopy(answer["view"]))
            elif action == "push" and isinstance(answer.get("view"), dict):
                pushed = {**copy.deepcopy(answer["view"]), "id": self.workspace.new_id("V")}
                self.workspace.views[pushed["id"]] = pushed
                stack.append(pushed["id"])
            elif action == "clear":
                stack.clear()
            elif view_id in stack:
                stack.remove(view_id)
            self.workspace.changed()
