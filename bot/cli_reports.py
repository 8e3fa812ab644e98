"""`balcao report` and `balcao export tickets`: the desk's numbers from the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import click
from sqlalchemy import select

EXPORT_COLUMNS = (
    "key",
    "status",
    "source",
    "category",
    "request_type",
    "supported",
    "priority",
    "confidence",
    "kb_article",
    "escalated",
    "assignee",
    "resolution",
    "created_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "sla_response_due_at",
    "sla_resolution_due_at",
    "sla_alerts",
    "survey_rating",
)


def _setup() -> tuple[Any, Any, Any]:
    from bot.cli import load_settings
    from bot.desk.business_calendar import BusinessCalendar
    from bot.logs import setup_logging
    from bot.store.database import Database
    from bot.store.migrate import upgrade

    settings = load_settings()
    setup_logging("WARNING")
    database = Database(settings.database_url)
    upgrade(database)
    calendar = BusinessCalendar.from_settings(
        settings.time_zone, settings.business_hours, settings.holiday_subdivision, settings.days_off
    )
    return settings, database, calendar


def _period(start: date, end: date, time_zone: str) -> Any:
    from bot.reports.metrics import Period

    zone = ZoneInfo(time_zone)
    # Inclusive dates in the desk's time zone: --to 2026-12-06 covers that whole day.
    return Period(
        datetime.combine(start, time(0), zone),
        datetime.combine(end, time(0), zone) + timedelta(days=1),
    )


def _flatten(prefix: str, value: Any, rows: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), item, rows)
    elif isinstance(value, list):
        rows.append((prefix, json.dumps(value, ensure_ascii=False)))
    else:
        rows.append((prefix, "" if value is None else str(value)))


@click.command("report")
@click.option(
    "--from",
    "start",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="First day (YYYY-MM-DD, desk time zone).",
)
@click.option(
    "--to", "end", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Last day, inclusive."
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
)
def report_command(start: datetime, end: datetime, output: str) -> None:
    """Print the desk's metrics for chamados opened between two dates."""
    from bot.reports.metrics import compute

    settings, database, calendar = _setup()
    if end < start:
        raise click.ClickException("--to must not be before --from")
    metrics = compute(database, calendar, _period(start.date(), end.date(), settings.time_zone))
    if output == "json":
        click.echo(json.dumps(metrics, ensure_ascii=False, indent=2))
        return
    rows: list[tuple[str, str]] = []
    _flatten("", metrics, rows)
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["metric", "value"])
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        click.echo(f"{name:<{width}}  {value}")


@click.group("export")
def export_group() -> None:
    """Export data for analysis elsewhere."""


@export_group.command("tickets")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option(
    "--format", "output", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
@click.option(
    "--with-messages",
    is_flag=True,
    help="Include the message texts (left out by default: they are personal data).",
)
def export_tickets(start: datetime, end: datetime, output: str, with_messages: bool) -> None:
    """Export chamados with classification, timings, SLA state and rating."""
    from bot.store.models import Ticket, TicketMessage

    settings, database, _ = _setup()
    period = _period(start.date(), end.date(), settings.time_zone)
    with database.transaction() as session:
        tickets = list(
            session.scalars(
                select(Ticket)
                .where(Ticket.created_at >= period.start, Ticket.created_at < period.end)
                .order_by(Ticket.id)
            )
        )
        rows = []
        for ticket in tickets:
            row: dict[str, Any] = {
                "key": ticket.key,
                "status": ticket.status.value,
                "source": ticket.source.value,
                "category": ticket.category,
                "request_type": ticket.request_type,
                "supported": ticket.supported,
                "priority": ticket.priority,
                "confidence": ticket.confidence,
                "kb_article": ticket.kb_article_id,
                "escalated": ticket.escalated_at is not None,
                "assignee": ticket.assignee_user_id,
                "resolution": ticket.resolution,
                "sla_alerts": ",".join(sorted((ticket.sla_alerts or {}).keys())),
                "survey_rating": ticket.survey_rating,
            }
            for name in (
                "created_at",
                "first_response_at",
                "resolved_at",
                "closed_at",
                "sla_response_due_at",
                "sla_resolution_due_at",
            ):
                moment = getattr(ticket, name)
                row[name] = moment.isoformat() if moment else None
            if with_messages:
                row["messages"] = [
                    m.text
                    for m in session.scalars(
                        select(TicketMessage)
                        .where(TicketMessage.ticket_id == ticket.id)
                        .order_by(TicketMessage.id)
                    )
                ]
            rows.append(row)
    if output == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    columns = [*EXPORT_COLUMNS, *(["messages"] if with_messages else [])]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        if with_messages:
            row["messages"] = "\n---\n".join(row["messages"])
        writer.writerow(row)
    click.echo(buffer.getvalue(), nl=False)
