"""Replay past requests through the whole bot on the local workspace, one DM per row."""

from __future__ import annotations

import csv
import json
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.runtime import Runtime
from bot.store.enums import TicketStatus
from bot.store.models import Ticket

SAMPLE_BY_LANGUAGE = {"en": "U0JOHN", "pt-BR": "U0ANA"}
HANDLES = {"ana": "U0ANA", "john": "U0JOHN", "carla": "U0CARLA", "marcos": "U0MARCOS"}


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    user: str
    lang: str


@dataclass(frozen=True)
class Outcome:
    id: str
    ticket: str | None
    category: str | None
    request_type: str | None
    supported: bool | None
    priority: str | None
    confidence: float | None
    kb_article: str | None
    kb_score: float | None
    escalated: bool
    small_talk: bool
    reply_ms: float


def read_rows(path: Path) -> Iterator[Row]:
    """Rows of a CSV file or of JSON lines with a `text` column; `id`, `user`, `lang` optional."""
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records: Iterator[dict[str, Any]] = (
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
    else:
        handle = path.open(encoding="utf-8", newline="")
        records = csv.DictReader(handle)
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or "text" not in record:
            raise ValueError(f"{path}: row {number} has no 'text' column")
        lang = str(record.get("lang") or "pt-BR")
        user = str(record.get("user") or "")
        user_id = HANDLES.get(user.lower(), user) or SAMPLE_BY_LANGUAGE.get(lang, "U0ANA")
        yield Row(str(record.get("id") or number), str(record["text"] or ""), user_id, lang)


def replay(runtime: Runtime, rows: Iterator[Row], limit: int | None = None) -> Iterator[Outcome]:
    """Send each row as a DM, wait for the bot to finish, and read the chamado it made."""
    local = runtime.local
    assert local is not None, "replay runs on the local workspace"
    for count, row in enumerate(rows):
        if limit is not None and count >= limit:
            return
        channel = local.workspace.im_with(row.user)
        if channel is None:
            raise ValueError(f"row {row.id}: {row.user} is not a person of the local workspace")

        started = time.perf_counter()
        result = local.post(row.user, channel, local.encode_user_text(row.text))
        runtime.worker.wait_idle(60)
        elapsed_ms = (time.perf_counter() - started) * 1000
        yield _outcome(runtime, row, channel, result.ts, elapsed_ms)


def _outcome(runtime: Runtime, row: Row, channel: str, ts: str, elapsed_ms: float) -> Outcome:
    with runtime.database.transaction() as session:
        ticket = session.scalars(
            select(Ticket).where(Ticket.channel_id == channel, Ticket.root_ts == ts)
        ).one_or_none()
    if ticket is None:
        return Outcome(
            row.id,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            False,
            False,
            round(elapsed_ms, 1),
        )
    small_talk = ticket.status == TicketStatus.SMALL_TALK
    return Outcome(
        id=row.id,
        ticket=None if small_talk else ticket.key,
        category=ticket.category,
        request_type=ticket.request_type,
        supported=ticket.supported,
        priority=ticket.priority,
        confidence=ticket.confidence,
        kb_article=ticket.kb_article_id,
        kb_score=ticket.kb_score,
        escalated=ticket.escalated_at is not None,
        small_talk=small_talk,
        reply_ms=round(elapsed_ms, 1),
    )


def as_json(outcome: Outcome) -> str:
    return json.dumps(asdict(outcome), ensure_ascii=False)


def summarise(outcomes: list[Outcome], wall_s: float) -> dict[str, Any]:
    """Counts and latencies over a replay: what the bot would have done with these requests."""
    replies = sorted(outcome.reply_ms for outcome in outcomes) or [0.0]
    answered = [o for o in outcomes if o.kb_article and not o.escalated]
    return {
        "rows": len(outcomes),
        "answered_by_kb": len(answered),
        "escalated": sum(o.escalated for o in outcomes),
        "not_supported": sum(o.supported is False for o in outcomes),
        "small_talk": sum(o.small_talk for o in outcomes),
        "by_category": dict(Counter(o.category or "—" for o in outcomes).most_common()),
        "by_priority": dict(sorted(Counter(o.priority or "—" for o in outcomes).items())),
        "reply_ms_p50": round(statistics.median(replies), 1),
        "reply_ms_p95": round(replies[min(len(replies) - 1, int(0.95 * len(replies)))], 1),
        "requests_per_s": round(len(outcomes) / wall_s, 2) if wall_s else 0.0,
    }
