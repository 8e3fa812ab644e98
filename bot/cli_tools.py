"""Operator commands: `balcao kb …`, `balcao eval …` and `balcao replay`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from bot.config import Settings
from bot.desk.brain import Brain, build_brain, load_cached_encoder
from bot.i18n import t
from bot.logs import setup_logging

PathArgument = click.Path(exists=True, path_type=Path)


def _brain(settings: Settings, extra_kb: tuple[Path, ...] = ()) -> Brain:
    encoder = load_cached_encoder(
        settings.embedding_model, settings.cache_dir, settings.embedding_threads
    )
    return build_brain(encoder, settings.catalogue_path, (settings.kb_dir, *extra_kb))


def _settings() -> Settings:
    from bot.cli import load_settings

    settings = load_settings()
    setup_logging("WARNING")
    return settings


def _language() -> str:
    from bot.cli import operator_language

    return operator_language()


@click.group()
def kb() -> None:
    """Knowledge-base commands."""


@kb.command("import")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
def kb_import(source: Path) -> None:
    """Check the Markdown articles in SOURCE and copy them into BALCAO_KB_DIR."""
    from kb.articles_loader import STARTER_DIR, ArticleError, load_articles

    settings = _settings()
    target = settings.kb_dir
    try:
        articles = load_articles(source)
        # The whole set must load before anything is copied, so a clash with the starter
        # or an earlier import never leaves the knowledge base unloadable.
        known = {a.id: a for a in load_articles(STARTER_DIR, target)}
        for article in articles:
            other = known.get(article.id)
            if other is not None and other.path.resolve().parent.parent != target.resolve():
                raise ArticleError(
                    f"{article.path}: id {article.id!r} is already used by {other.path}"
                )
    except ArticleError as error:
        raise click.ClickException(str(error)) from None

    for article in articles:
        folder = target / article.language
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(article.path, folder / f"{article.id}.md")
    brain = _brain(settings)
    click.echo(
        t(
            _language(),
            "cli.kb_imported",
            count=len(articles),
            folder=str(target),
            total=len(brain.kb),
        )
    )


@kb.command("index")
def kb_index() -> None:
    """Encode every article and exemplar now, so the bot starts without encoding."""
    settings = _settings()
    started = time.perf_counter()
    brain = _brain(settings)
    click.echo(
        t(
            _language(),
            "cli.kb_indexed",
            total=len(brain.kb),
            seconds=f"{time.perf_counter() - started:.1f}",
        )
    )


@kb.command("search")
@click.argument("text", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--lang",
    type=click.Choice(["pt-BR", "en"]),
    help="Show articles in this language when both versions exist.",
)
def kb_search(text: tuple[str, ...], as_json: bool, lang: str | None) -> None:
    """Search the knowledge base the way the bot does for a request."""
    settings = _settings()
    brain = _brain(settings)
    result = brain.kb.search(" ".join(text), language=lang)
    payload: dict[str, Any] = {
        "verdict": result.verdict.value,
        "hits": [
            {
                "article": hit.article.id,
                "title": hit.article.title,
                "section": hit.section.heading,
                "score": hit.score,
            }
            for hit in result.hits
        ],
    }
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(f"{payload['verdict']}")
    for hit in payload["hits"]:
        click.echo(f"  {hit['score']:.3f}  {hit['article']}  {hit['title']} — {hit['section']}")


@click.group("eval")
def evaluate() -> None:
    """Measure retrieval and classification on labelled files (JSON output)."""


@evaluate.command("kb")
@click.option("--kb", "kb_dir", type=PathArgument, required=True, help="Folder of articles.")
@click.option(
    "--queries", type=PathArgument, required=True, help="JSON lines with `text` and `article`."
)
def eval_kb(kb_dir: Path, queries: Path) -> None:
    """R@1, R@5, MRR and answered/wrong/abstained rates of the KB search."""
    from classifier.evaluation import evaluate_kb, read_kb_queries
    from kb.articles_loader import load_articles
    from kb.search import KnowledgeBase

    settings = _settings()
    encoder = load_cached_encoder(
        settings.embedding_model, settings.cache_dir, settings.embedding_threads
    )
    try:
        knowledge = KnowledgeBase(load_articles(kb_dir), encoder)
        report = evaluate_kb(knowledge, read_kb_queries(queries))
    except (ValueError, UnicodeDecodeError) as error:
        raise click.ClickException(str(error).splitlines()[0][:300]) from None
    click.echo(json.dumps(report, indent=2))


@evaluate.command("classify")
@click.option("--train", type=PathArgument, required=True, help="CSV/JSONL with text, label.")
@click.option(
    "--test", "test_file", type=PathArgument, required=True, help="CSV/JSONL with text, label."
)
def eval_classify(train: Path, test_file: Path) -> None:
    """Accuracy, macro-F1 and per-label scores of nearest-exemplar classification."""
    from classifier.evaluation import evaluate_classifier, read_labelled

    settings = _settings()
    encoder = load_cached_encoder(
        settings.embedding_model, settings.cache_dir, settings.embedding_threads
    )
    try:
        report = evaluate_classifier(read_labelled(train), read_labelled(test_file), encoder)
    except (ValueError, UnicodeDecodeError) as error:
        raise click.ClickException(str(error).splitlines()[0][:300]) from None
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


@click.command("replay")
@click.argument("source", type=PathArgument)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one JSON line per row here (default: standard output).",
)
@click.option(
    "--kb",
    "kb_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra folder of articles to answer from.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Replay at most this many rows.")
def replay_command(source: Path, out: Path | None, kb_dir: Path | None, limit: int | None) -> None:
    """Push every row of SOURCE (CSV or JSON lines, column `text`) through the bot as a DM."""
    from bot.replay import as_json, read_rows, replay, summarise
    from bot.runtime import Runtime

    overrides: dict[str, Any] = {"slack_bot_token": None}
    scratch = tempfile.TemporaryDirectory(prefix="balcao-replay-")
    if not os.environ.get("DATABASE_URL"):
        overrides["database_url"] = f"sqlite:///{Path(scratch.name) / 'replay.db'}"
    settings = _settings().model_copy(update=overrides)
    brain = _brain(settings, (kb_dir,) if kb_dir else ())
    runtime = Runtime(settings, brain=brain)
    runtime.start()
    outcomes = []
    started = time.perf_counter()
    sink = out.open("w", encoding="utf-8") if out else None
    failure: str | None = None
    try:
        for outcome in replay(runtime, read_rows(source), limit):
            outcomes.append(outcome)
            line = as_json(outcome)
            if sink:
                sink.write(line + "\n")
            else:
                click.echo(line)
    except (ValueError, UnicodeDecodeError) as error:
        # A bad row stops the replay; the rows before it still get their summary.
        failure = str(error).splitlines()[0][:300]
    finally:
        runtime.stop()
        if sink:
            sink.close()
        scratch.cleanup()
    summary = summarise(outcomes, time.perf_counter() - started)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2), err=out is None)
    if failure is not None:
        raise click.ClickException(
            t(_language(), "cli.replay_failed", rows=len(outcomes), error=failure)
        )
