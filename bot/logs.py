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


def setup_logging(level: str = "INFO") -> None:
    """Send every logger's records to stderr at `level`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FieldsFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())

    # slack_bolt logs whole request bodies at DEBUG, which would put message text in the log.
    for noisy in ("slack_bolt", "slack_sdk", "urllib3"):
        logging.getLogger(noisy).setLevel(max(logging.INFO, root.level))
