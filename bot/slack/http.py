"""HTTP mode: Slack's request URL (`/slack/events`) and a health endpoint."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

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
            if not environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "").isdigit():
                # bolt would fail on a non-numeric timestamp with a 500; it is simply unsigned.
                start_response("401 Unauthorized", [("Content-Type", "text/plain")])
                return [b"invalid request"]
            return slack_handler(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return wsgi


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        # The default handler prints every request line to stderr; keep it at DEBUG.
        logger.debug("HTTP %s", format % args)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class HttpServer:
    """A threaded WSGI server on its own thread, so the caller can go on (or open the chat).

    The standard library's server is enough here: Slack sends small, independent requests, one
    per event, and `shutdown()` stops it cleanly. A WSGI server of choice can serve
    `make_wsgi_app` instead.
    """

    def __init__(self, wsgi: WSGIApp, host: str, port: int) -> None:
        self._server = make_server(
            host, port, wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="balcao-http", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def host(self) -> str:
        return str(self._server.server_address[0])

    def start(self) -> None:
        self._thread.start()
        logger.info("HTTP server listening", extra={"url": f"http://{self.host}:{self.port}"})

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
