"""Ack latency of signed Slack events, measured against the local workspace.

Usage: .venv/bin/python -m bench.ack_latency [--events 500] [--database sqlite|postgresql|both]

For each database it starts the real bot (slack-bolt over HTTP) and sends signed
`message` events through the local workspace, timing each HTTP request until the bot responds.
Three kinds are measured in the same run:
- baseline: chatter in a channel the bot ignores (signature check and dispatch, no write);
- new chamado: a DM that opens a ticket (written before the ack; the reply runs after it);
- thread reply: a reply that joins an existing ticket.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bot.config import Settings
from bot.runtime import Runtime
from bot.store.database import Database

ANA, ANA_DM, GENERAL = "U0ANA", "D0ANA", "C0GERAL"
POSTGRES_URL = os.environ.get(
    "BALCAO_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary(latencies_s: list[float]) -> dict[str, float]:
    ms = [value * 1000 for value in latencies_s]
    return {
        "count": len(ms),
        "p50_ms": round(percentile(ms, 0.50), 2),
        "p90_ms": round(percentile(ms, 0.90), 2),
        "p99_ms": round(percentile(ms, 0.99), 2),
        "max_ms": round(max(ms), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
    }


def measure(runtime: Runtime, events: int, send: Callable[[int], Any]) -> list[float]:
    latencies = []
    for number in range(events):
        result = send(number)
        for delivery in result.deliveries:
            if delivery.status != 200:
                raise SystemExit(f"event {number} got HTTP {delivery.status}: {delivery.body}")
            latencies.append(delivery.elapsed_s)
    runtime.worker.wait_idle(120)
    return latencies


def run_on(database: Database, events: int) -> dict[str, Any]:
    settings = Settings(_env_file=None, log_level="WARNING")  # type: ignore[call-arg]
    runtime = Runtime(settings, database=database)
    runtime.start()
    local = runtime.local
    assert local is not None
    try:
        baseline = measure(runtime, events, lambda n: local.post(ANA, GENERAL, f"bom dia {n}"))
        started = time.perf_counter()
        opened = measure(
            runtime, events, lambda n: local.post(ANA, ANA_DM, f"minha vpn caiu de novo ({n})")
        )
        wall_s = time.perf_counter() - started
        root = local.post(ANA, ANA_DM, "chamado para as respostas").ts
        runtime.worker.wait_idle(30)
        replies = measure(
            runtime,
            events,
            lambda n: local.post(ANA, ANA_DM, f"mais um detalhe {n}", thread_ts=root),
        )
    finally:
        runtime.stop()

    result = {
        "baseline_ignored": summary(baseline),
        "new_chamado": summary(opened),
        "thread_reply": summary(replies),
        "new_chamados_per_s_including_replies": round(events / wall_s, 1),
    }
    base_p50 = result["baseline_ignored"]["p50_ms"]
    result["ratio_p50_new_vs_baseline"] = round(result["new_chamado"]["p50_ms"] / base_p50, 2)
    result["ratio_p50_reply_vs_baseline"] = round(result["thread_reply"]["p50_ms"] / base_p50, 2)
    return result


def sqlite_database(folder: Path) -> Database:
    return Database(f"sqlite:///{folder / 'bench.db'}")


def postgres_database() -> tuple[Database, Callable[[], None]] | None:
    schema = f"balcao_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as error:
        print(f"PostgreSQL skipped: {type(error).__name__}", file=sys.stderr)
        return None

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    database = Database(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    return database, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500, help="events per kind (default 500)")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()

    report: dict[str, Any] = {"events_per_kind": args.events, "cpus": os.cpu_count()}
    if args.database in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            report["sqlite"] = run_on(sqlite_database(Path(folder)), args.events)
    if args.database in ("postgresql", "both"):
        found = postgres_database()
        if found is not None:
            database, drop = found
            try:
                report["postgresql"] = run_on(database, args.events)
            finally:
                drop()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
