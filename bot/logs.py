"""Logging set-up: one logger per module, ids as `key=value` fields, never message bodies."""

from __future__ import annotations

import logging
import sys

# Fields that call sites pass through `extra=`; only these are printed, so a stray
# `extra={"text": ...}` can never put a message body into the log.
ID_FIELDS = (
    "event_id",
    "ticket",
    "channel",
    "user",
    "ts",
    "method",
    "error",
    "attempt",
    "mode",
    "url",
    "count",
)


class FieldsFormatter(logging.Formatter):
    """Formats a record as `time level logger message key=value ...`."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = [f"{name}={getattr(record, name)}" for name in ID_FIELDS if hasattr(record, name)]
        if not fields:
            return line
        head, sep, tail = line.partition("\n")
        return f"{head} {' '.join(fields)}{sep}{tail}"


class RedactBodies(logging.Filter):
    """Cut request bodies and SQL parameters out of library log lines.

    slack_bolt logs the whole body of a request whose signature fails, and a database error
    carries the statement's parameters; both may hold message text and e-mail addresses.
    """

    MARKERS = ("body:", "body=", "[parameters:")
    LIBRARY_LIMIT = 500

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("bot."):
            return True
        message = record.getMessage()
        for marker in self.MARKERS:
            if marker in message:
                message = message.split(marker, 1)[0] + marker + " [redacted]"
        if not record.name.startswith("bot."):
            message = message[: self.LIBRARY_LIMIT]
        record.msg, record.args = message, None
        return True


def setup_logging(level: str = "INFO") -> None:
    """Send every logger's records to stderr at `level`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FieldsFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactBodies())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())

    # slack_bolt logs whole request bodies at DEBUG, which would put message text in the log.
    for noisy in ("slack_bolt", "slack_sdk", "urllib3"):
        logging.getLogger(noisy).setLevel(max(logging.INFO, root.level))
