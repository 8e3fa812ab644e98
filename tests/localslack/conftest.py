"""Fixtures: a started local workspace, a WebClient bound to it and a signed-request receiver."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.localslack import LocalSlack


class FakeClock:
    """A clock for the workspace that moves only when a test moves it."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: str
    signature_valid: bool


@dataclass
class Receiver:
    """A stand-in for the bot's HTTP endpoint that checks each request's signature."""

    url: str
    requests: list[Received] = field(default_factory=list)
    status: int = 200
    answer: str = ""
    on_request: Callable[[Received], object] | None = None

    def json_bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r.body) for r in self.requests]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def local(clock: FakeClock) -> Iterator[LocalSlack]:
    slack = LocalSlack(clock=clock)
    slack.start()
    yield slack
    slack.stop()


@pytest.fixture
def client(local: LocalSlack) -> WebClient:
    return WebClient(token=local.workspace.bot_token, base_url=local.api_url)


@pytest.fixture
def receiver(local: LocalSlack) -> Iterator[Receiver]:
    verifier = SignatureVerifier(local.workspace.signing_secret)
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            headers = {k: v for k, v in self.headers.items()}
            valid = verifier.is_valid(
                body,
                self.headers.get("X-Slack-Request-Timestamp", ""),
                self.headers.get("X-Slack-Signature", ""),
            )
            received = Received(self.path, headers, body, valid)
            state.requests.append(received)
            if state.on_request is not None:
                state.on_request(received)

            answer = state.answer.encode()
            self.send_response(state.status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/slack/events"
    local.connect_bot(state.url)
    yield state
    server.shutdown()
    server.server_close()
