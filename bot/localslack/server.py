"""The local Web API over real HTTP, plus upload, file and response_url endpoints."""

from __future__ import annotations

import email.parser
import email.policy
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bot.localslack.api_dispatch import ApiResult, call_method
from bot.localslack.api_files import store_upload
from bot.localslack.response_urls import post_to_response_url
from bot.localslack.state import JsonDict, Workspace

logger = logging.getLogger(__name__)


def _parse_multipart(content_type: str, body: bytes) -> JsonDict:
    """Decode a multipart/form-data body into fields; file parts keep their bytes."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    values: JsonDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        values[name] = payload if part.get_filename() else payload.decode()
    return values


def parse_request_args(query: str, content_type: str, body: bytes) -> JsonDict:
    """Merge query-string and body arguments the way Slack reads them."""
    values: JsonDict = dict(parse_qsl(query, keep_blank_values=True))
    if not body:
        return values

    if content_type.startswith("application/json"):
        decoded = json.loads(body)
        if isinstance(decoded, dict):
            values.update(decoded)
    elif content_type.startswith("multipart/form-data"):
        values.update(_parse_multipart(content_type, body))
    else:
        values.update(parse_qsl(body.decode(), keep_blank_values=True))
    return values


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        # The standard handler writes every request to stderr; keep the test output clean.
        return

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _send_json(
        self, status: int, answer: JsonDict, headers: dict[str, str] | None = None
    ) -> None:
        body = json.dumps(answer, ensure_ascii=False).encode()
        self._send(status, body, "application/json; charset=utf-8", headers or {})

    def _bearer_token(self) -> str | None:
        authorization = self.headers.get("Authorization") or ""
        return authorization.removeprefix("Bearer ").strip() or None

    def do_GET(self) -> None:
        self._route(b"")

    def do_POST(self) -> None:
        self._route(self._body())

    def _route(self, body: bytes) -> None:
        url = urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        if parts[0] == "api" and len(parts) == 2:
            self._api(parts[1], url.query, body)
        elif parts[:2] == ["upload", "v1"] and len(parts) == 3:
            self._upload(parts[2], body)
        elif parts[0] == "response" and len(parts) == 2:
            self._response_url(parts[1], body)
        elif parts[0] == "files" and len(parts) == 3:
            self._file(parts[1])
        else:
            self._send(404, b"not found", "text/plain", {})

    def _api(self, method: str, query: str, body: bytes) -> None:
        workspace = self.server.workspace
        try:
            values = parse_request_args(query, self.headers.get("Content-Type") or "", body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            self._send_json(200, {"ok": False, "error": "invalid_json"})
            return

        token = self._bearer_token() or values.get("token")
        result: ApiResult = call_method(workspace, method, values, token)
        self._send_json(result.status, result.body, result.headers)

    def _upload(self, file_id: str, body: bytes) -> None:
        if store_upload(self.server.workspace, file_id, body):
            # files.slack.com responds to a successful upload with this plain-text line.
            self._send(200, f"OK - {len(body)}".encode(), "text/plain", {})
        else:
            self._send(404, b"file_not_found", "text/plain", {})

    def _response_url(self, key: str, body: bytes) -> None:
        try:
            payload: Any = json.loads(body or b"null")
        except json.JSONDecodeError:
            payload = None
        status, answer = post_to_response_url(self.server.workspace, key, payload)
        self._send_json(status, answer)

    def _file(self, file_id: str) -> None:
        workspace = self.server.workspace
        if self._bearer_token() != workspace.bot_token:
            self._send(403, b"invalid_auth", "text/plain", {})
            return
        with workspace.lock:
            stored = workspace.files.get(file_id)
            content = stored.content if stored else None
        if content is None:
            self._send(404, b"file_not_found", "text/plain", {})
        else:
            self._send(200, content, "application/octet-stream", {})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], workspace: Workspace) -> None:
        super().__init__(address, _Handler)
        self.workspace = workspace


class WebApiServer:
    """Serves `workspace` as Slack's Web API at `url` ("http://127.0.0.1:PORT/api/")."""

    def __init__(self, workspace: Workspace, host: str = "127.0.0.1", port: int = 0) -> None:
        self.workspace = workspace
        self._host = host
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("WebApiServer is not started; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def url(self) -> str:
        """Web API base URL, ending in "/" as slack_sdk's WebClient(base_url=...) needs."""
        return self.base_url + "api/"

    def start(self) -> None:
        self._server = _Server((self._host, self._port), self.workspace)
        with self.workspace.lock:
            self.workspace.base_url = self.base_url
        # A short poll interval keeps stop() fast; serve_forever checks for shutdown this often.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="localslack-webapi",
            daemon=True,
        )
        self._thread.start()
        logger.info("Local Slack Web API started", extra={"url": self.url})

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        logger.info("Local Slack Web API stopped")
