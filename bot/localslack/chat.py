"""The terminal chat: type as a sample person, see the bot's replies, press its buttons."""

from __future__ import annotations

import difflib
import json
import shlex
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from bot.i18n import language_for, t
from bot.localslack.chat_forms import describe_modal, form_values, split_choices
from bot.localslack.render import button_labels, message_lines
from bot.localslack.seed import SAMPLE_CHANNELS, SAMPLE_PEOPLE
from bot.localslack.user_actions import SharedFile

if TYPE_CHECKING:
    from bot.runtime import Runtime

JsonDict = dict[str, Any]
WAIT_S = 15.0


class ChatError(Exception):
    """A chat command that cannot run; its text is shown to the person."""


@dataclass
class Shown:
    """Messages and buttons already printed, so that only new ones are printed next."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    places: list[tuple[str, str]] = field(default_factory=list)
    digests: dict[tuple[str, str], str] = field(default_factory=dict)
    buttons: list[tuple[str, str, str]] = field(default_factory=list)
    ephemerals: int = 0
    modal_id: str | None = None


class ChatSession:
    """One person at a time talks to the bot on the local workspace."""

    def __init__(self, runtime: Runtime, out: TextIO | None = None) -> None:
        assert runtime.local is not None, "the chat needs the local workspace"
        self.runtime = runtime
        self.local = runtime.local
        self.out = out or sys.stdout
        self.language = language_for(runtime.settings.default_locale)
        self.person = "ana"
        self.channel_id = self._dm_of("ana")
        self.thread_ts: str | None = None
        self.shown = Shown()
        self.commands: dict[str, Callable[[list[str]], None]] = self._command_table()

    # --- running ----------------------------------------------------------------------------

    def interactive(self) -> None:
        """Read commands from the terminal until /sair, /quit or end of input."""
        self._say("chat.welcome")
        self._say("chat.help")
        self._where()
        while True:
            try:
                line = input(self._prompt())
            except (EOFError, KeyboardInterrupt):
                self.out.write("\n")
                return
            if not self.handle(line):
                return

    def run_script(self, lines: Iterable[str]) -> bool:
        """Run a script's lines, echoing each one; return False if any line failed."""
        ok = True
        self._where()
        for line in lines:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            self.out.write(f"» {line}\n")
            try:
                if not self._handle_or_raise(line):
                    break
            except ChatError as error:
                self.out.write(f"!! {error}\n")
                ok = False
        return ok

    def handle(self, line: str) -> bool:
        """Run one line; return False when the person asked to leave."""
        try:
            return self._handle_or_raise(line)
        except ChatError as error:
            self.out.write(f"!! {error}\n")
            return True

    def _handle_or_raise(self, line: str) -> bool:
        stripped = line.strip()
        if not stripped:
            return True
        if not stripped.startswith("/"):
            self._post(stripped)
            return True

        name, _, rest = stripped.partition(" ")
        if name in ("/sair", "/quit", "/exit"):
            return False
        command = self.commands.get(name)
        if command is None:
            close = difflib.get_close_matches(name, list(self.commands), n=1)
            hint = t(self.language, "chat.did_you_mean", command=close[0]) if close else ""
            raise ChatError(t(self.language, "chat.unknown_command", command=name) + hint)
        command(shlex.split(rest) if rest else [])
        return True

    # --- commands ---------------------------------------------------------------------------

    def _command_table(self) -> dict[str, Callable[[list[str]], None]]:
        table: dict[str, Callable[[list[str]], None]] = {}
        for names, command in (
            (("/ajuda", "/help"), lambda _: self._say("chat.help")),
            (("/pessoas", "/people"), self._people),
            (("/eu", "/as"), self._switch_person),
            (("/dm",), lambda _: self._go(self._dm_of(self.person))),
            (("/canal", "/channel"), self._switch_channel),
            (("/fio", "/thread"), self._enter_thread),
            (("/fora", "/out"), lambda _: self._leave_thread()),
            (("/botao", "/press"), self._press),
            (("/editar", "/edit"), self._edit),
            (("/apagar", "/delete"), self._delete),
            (("/arquivo", "/file"), self._share_file),
            (("/chamado", "/ticket"), self._show_ticket),
            (("/enviar", "/submit"), self._submit_form),
            (("/comando", "/command"), self._slash_command),
        ):
            for name in names:
                table[name] = command
        return table

    def _people(self, _: list[str]) -> None:
        for handle, user_id in SAMPLE_PEOPLE.items():
            user = self.local.workspace.user(user_id) or {}
            profile = user.get("profile") or {}
            self.out.write(
                f"  {handle:<8} {profile.get('real_name', user_id)} · "
                f"{profile.get('title', '')} · {user.get('locale', '')} · {user.get('tz', '')}\n"
            )

    def _switch_person(self, args: list[str]) -> None:
        handle = self._one_arg(args, "chat.usage_as").lower().lstrip("@")
        if handle not in SAMPLE_PEOPLE:
            raise ChatError(
                t(
                    self.language,
                    "chat.unknown_person",
                    person=handle,
                    people=", ".join(SAMPLE_PEOPLE),
                )
            )
        self.person = handle
        self._go(self._dm_of(handle))

    def _switch_channel(self, args: list[str]) -> None:
        name = self._one_arg(args, "chat.usage_channel").lstrip("#")
        if name not in SAMPLE_CHANNELS:
            raise ChatError(
                t(
                    self.language,
                    "chat.unknown_channel",
                    channel=name,
                    channels=", ".join("#" + c for c in SAMPLE_CHANNELS),
                )
            )
        self._go(SAMPLE_CHANNELS[name])

    def _enter_thread(self, args: list[str]) -> None:
        channel_id, ts = self._message(self._one_arg(args, "chat.usage_thread"))
        message = self._stored(channel_id, ts)
        self.channel_id = channel_id
        self.thread_ts = str(message.get("thread_ts") or ts)
        self._where()

    def _leave_thread(self) -> None:
        self.thread_ts = None
        self._where()

    def _press(self, args: list[str]) -> None:
        number = self._number(
            self._one_arg(args, "chat.usage_press"), len(self.shown.buttons), "chat.unknown_button"
        )
        channel_id, ts, action_id = self.shown.buttons[number - 1]
        conversation = self.local.workspace.conversation(channel_id) or {}
        if self._user_id() not in conversation.get("members", []):
            raise ChatError(t(self.language, "chat.not_member", person=self.person))
        try:
            self.local.press_button(self._user_id(), channel_id, ts, action_id)
        except LookupError:
            raise ChatError(t(self.language, "chat.button_gone")) from None
        self._show_news()

    def _edit(self, args: list[str]) -> None:
        if len(args) < 2:
            raise ChatError(t(self.language, "chat.usage_edit"))
        channel_id, ts = self._message(args[0])
        self._own(channel_id, ts)
        self.local.edit(
            self._user_id(), channel_id, ts, self.local.encode_user_text(" ".join(args[1:]))
        )
        self._show_news()

    def _delete(self, args: list[str]) -> None:
        channel_id, ts = self._message(self._one_arg(args, "chat.usage_delete"))
        self._own(channel_id, ts)
        self.local.delete(self._user_id(), channel_id, ts)
        self.out.write(t(self.language, "chat.deleted") + "\n")
        self._show_news()

    def _share_file(self, args: list[str]) -> None:
        if not args:
            raise ChatError(t(self.language, "chat.usage_file"))
        shared = SharedFile(name=args[0], content=f"local file {args[0]}".encode())
        text = self.local.encode_user_text(" ".join(args[1:]))
        self._deliver(
            lambda: self.local.post(
                self._user_id(), self.channel_id, text, thread_ts=self.thread_ts, files=[shared]
            )
        )

    def _show_ticket(self, args: list[str]) -> None:
        from bot.desk.lookup import ticket_summary

        key = self._one_arg(args, "chat.usage_ticket").upper()
        summary = ticket_summary(self.runtime.database, key)
        if summary is None:
            raise ChatError(t(self.language, "chat.unknown_ticket", key=key))
        self.out.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")

    # --- posting and showing ----------------------------------------------------------------

    def _post(self, typed: str) -> None:
        text = self.local.encode_user_text(typed)
        self._deliver(
            lambda: self.local.post(
                self._user_id(), self.channel_id, text, thread_ts=self.thread_ts
            )
        )

    def _deliver(self, action: Callable[[], Any]) -> None:
        try:
            result = action()
        except ValueError as error:
            raise ChatError(str(error)) from None
        for delivery in getattr(result, "deliveries", []):
            if delivery.status != 200:
                self.out.write(
                    t(self.language, "chat.delivery_failed", status=delivery.status) + "\n"
                )
        self._show_news()

    def _show_news(self) -> None:
        if not self.runtime.worker.wait_idle(WAIT_S):
            self.out.write(t(self.language, "chat.still_working") + "\n")
        workspace = self.local.workspace
        with workspace.lock:
            messages = [
                (channel_id, dict(message))
                for channel_id, stored in workspace.messages.items()
                for message in stored
            ]
            ephemerals = list(workspace.ephemerals)
        messages.sort(key=lambda item: float(item[1]["ts"]))

        for channel_id, message in messages:
            self._show_message(channel_id, message)
        for ephemeral in ephemerals[self.shown.ephemerals :]:
            self._show_ephemeral(ephemeral)
        self.shown.ephemerals = len(ephemerals)
        self._show_modal()

    def _show_modal(self) -> None:
        modals = self.local.workspace.open_modals(self._user_id())
        if not modals or modals[-1].get("id") == self.shown.modal_id:
            return
        self.shown.modal_id = modals[-1].get("id")
        for line in describe_modal(modals[-1]):
            self.out.write(f"      {line}\n")
        self.out.write(t(self.language, "chat.modal_hint") + "\n")

    def _submit_form(self, args: list[str]) -> None:
        modals = self.local.workspace.open_modals(self._user_id())
        if not modals:
            raise ChatError(t(self.language, "chat.no_modal"))
        text, choices = split_choices(args)
        values = form_values(modals[-1], text, choices)
        self.local.submit_view(self._user_id(), values)
        self.shown.modal_id = None
        self._show_news()

    def _slash_command(self, args: list[str]) -> None:
        if not args or not args[0].startswith("/"):
            raise ChatError(t(self.language, "chat.usage_command"))
        try:
            self.local.command(self._user_id(), self.channel_id, args[0], " ".join(args[1:]))
        except ValueError as error:
            raise ChatError(str(error)) from None
        self._show_news()

    def _show_message(self, channel_id: str, message: JsonDict) -> None:
        place = (channel_id, str(message["ts"]))
        digest = json.dumps(
            [message.get("text"), message.get("blocks")], sort_keys=True, default=str
        )
        number = self.shown.numbers.get(place)
        if number is not None and self.shown.digests.get(place) == digest:
            return
        updated = number is not None
        if number is None:
            self.shown.places.append(place)
            number = len(self.shown.places)
            self.shown.numbers[place] = number
        self.shown.digests[place] = digest

        head = f"[{number}] {self._author(message)}{self._location(channel_id, message)}"
        if updated:
            head += " " + t(self.language, "chat.updated")
        if message.get("subtype") == "tombstone" or message.get("deleted"):
            head += " " + t(self.language, "chat.deleted_mark")
        self.out.write(head + "\n")
        for line in message_lines(message, self._handle):
            self.out.write(f"      {line}\n")
        self._show_buttons(channel_id, str(message["ts"]), message)

    def _show_buttons(self, channel_id: str, ts: str, message: JsonDict) -> None:
        labels = []
        for action_id, label in button_labels(message):
            self.shown.buttons.append((channel_id, ts, action_id))
            labels.append(f"(b{len(self.shown.buttons)}) [{label}]")
        if labels:
            self.out.write("      " + "  ".join(labels) + "\n")

    def _show_ephemeral(self, ephemeral: JsonDict) -> None:
        name = self._name(str(ephemeral["user"]))
        self.out.write(t(self.language, "chat.ephemeral", person=name) + "\n")
        for line in message_lines(ephemeral, self._handle):
            self.out.write(f"      {line}\n")

    # --- helpers ----------------------------------------------------------------------------

    def _author(self, message: JsonDict) -> str:
        if message.get("bot_id") == self.local.workspace.bot_id:
            return "Balcão"
        if message.get("bot_id"):
            return str(message.get("username") or message.get("bot_id"))
        return self._name(str(message.get("user", "?")))

    def _location(self, channel_id: str, message: JsonDict) -> str:
        conversation = self.local.workspace.conversation(channel_id) or {}
        if conversation.get("is_im"):
            where = t(self.language, "chat.in_dm", person=self._name(str(conversation["user"])))
        else:
            where = f"#{conversation.get('name', channel_id)}"
        thread_ts = message.get("thread_ts")
        if thread_ts and thread_ts != message["ts"]:
            root = self.shown.numbers.get((channel_id, str(thread_ts)))
            where += " " + t(self.language, "chat.in_thread", number=root or "?")
        return f" · {where}:"

    def _name(self, user_id: str) -> str:
        user = self.local.workspace.user(user_id) or {}
        return str((user.get("profile") or {}).get("real_name") or user_id)

    def _handle(self, user_id: str) -> str | None:
        if user_id == self.local.workspace.bot_user_id:
            return "balcao"
        user = self.local.workspace.user(user_id) or {}
        return str(user.get("name") or "") or None

    def _user_id(self) -> str:
        return SAMPLE_PEOPLE[self.person]

    def _dm_of(self, handle: str) -> str:
        channel_id = self.local.workspace.im_with(SAMPLE_PEOPLE[handle])
        assert channel_id is not None, f"the sample workspace has no DM for {handle}"
        return channel_id

    def _go(self, channel_id: str) -> None:
        self.channel_id = channel_id
        self.thread_ts = None
        self._where()

    def _where(self) -> None:
        conversation = self.local.workspace.conversation(self.channel_id) or {}
        place = (
            t(self.language, "chat.dm_with_bot")
            if conversation.get("is_im")
            else f"#{conversation.get('name')}"
        )
        if self.thread_ts:
            number = self.shown.numbers.get((self.channel_id, self.thread_ts), "?")
            place += " " + t(self.language, "chat.in_thread", number=number)
        self.out.write(f"── {self._name(self._user_id())} ({self.person}) · {place} ──\n")

    def _prompt(self) -> str:
        return f"{self.person}> "

    def _say(self, key: str) -> None:
        self.out.write(t(self.language, key) + "\n")

    def _one_arg(self, args: list[str], usage: str) -> str:
        if len(args) != 1:
            raise ChatError(t(self.language, usage))
        return args[0]

    def _number(self, text: str, upper: int, error_key: str) -> int:
        digits = text.lstrip("#bB[").rstrip("]")
        if not digits.isdigit() or not 1 <= int(digits) <= upper:
            raise ChatError(t(self.language, error_key, number=text))
        return int(digits)

    def _message(self, text: str) -> tuple[str, str]:
        number = self._number(text, len(self.shown.places), "chat.unknown_message")
        return self.shown.places[number - 1]

    def _stored(self, channel_id: str, ts: str) -> JsonDict:
        for message in self.local.workspace.messages_in(channel_id):
            if message["ts"] == ts:
                return message
        raise ChatError(t(self.language, "chat.unknown_message", number=ts))

    def _own(self, channel_id: str, ts: str) -> None:
        if self._stored(channel_id, ts).get("user") != self._user_id():
            raise ChatError(t(self.language, "chat.not_yours"))
