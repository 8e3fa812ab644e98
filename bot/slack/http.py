"""HTTP mode: Slack's request URL (`/slack/events`) and a health endpoint, served by waitress."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from waitress import wasyncore
from waitress.server import create_server

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def make_wsgi_app(app: App, health: Callable[[], dict[str, Any]]) -> WSGIApp:
    """Route Slack's requests to bolt and serve the bot's health at `GET /healthz`."""
    slack_handler = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            report = health()
            status = "200 OK" if report.get("ok") else "503 Service Unavailable"
            body = json.dumps(report).encode()
            start_response(
                status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            )
            return [body]
        if path == EVENTS_PATH:
            return slack_handler(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return wsgi


class HttpServer:
    """A waitress server on its own thread, so the caller can go on (or open the chat)."""

    def __init__(self, wsgi: WSGIApp, host: str, port: int, threads: int = 8) -> None:
        self._server = create_server(wsgi, host=host, port=port, threads=threads, ident="balcao")
        self._thread = threading.Thread(target=self._server.run, name="balcao-http", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.effective_port)  # type: ignore[union-attr]

    @property
    def host(self) -> str:
        return str(self._server.effective_host)  # type: ignore[union-attr]

    def start(self) -> None:
        self._thread.start()
        logger.info("HTTP server listening", extra={"url": f"http://{self.host}:{self.port}"})

    def stop(self) -> None:
        server: Any = self._server

        # Sockets are closed from the loop's own thread; closing them from here would leave
        # the loop polling a dead descriptor. An empty socket map ends the loop.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        self._thread.join(timeout=5)
        server.task_dispatcher.shutdown()
