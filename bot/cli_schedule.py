"""Operator views of timed work: `balcao jobs` and `balcao sla CH-123`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import click
from sqlalchemy import select

from bot.i18n import t


def _runtime_parts() -> tuple[Any, Any, Any]:
    from bot.cli import load_settings
    from bot.clock import SystemClock
    from bot.desk.business_calendar import BusinessCalendar
    from bot.desk.sla import SlaPolicy, parse_targets
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
    return (
        settings,
        database,
        (SlaPolicy(calendar, parse_targets(settings.sla_targets)), SystemClock()),
    )


def _local(moment: datetime | None, time_zone: str) -> str:
    if moment is None:
        return "—"
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(time_zone)).strftime("%Y-%m-%d %H:%M")


def _hours(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 3600:.1f} h"


@click.command("jobs")
def jobs_command() -> None:
    """List the periodic jobs and, per chamado, the reminders, closures and SLA due times."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

    from bot.cli import operator_language
    from bot.store.enums import OPEN_STATUSES, TicketStatus
    from bot.store.models import Ticket

    settings, database, _ = _runtime_parts()
    language, zone = operator_language(), settings.time_zone
    store = SQLAlchemyJobStore(engine=database.engine, tablename="apscheduler_jobs")
    click.echo(t(language, "cli.jobs_periodic"))
    for job in store.get_all_jobs():
        click.echo(f"  {job.id:<16} {_local(job.next_run_time, zone)}")

    click.echo(t(language, "cli.jobs_per_ticket"))
    waiting = (*OPEN_STATUSES, TicketStatus.RESOLVED)
    with database.transaction() as session:
        tickets = session.scalars(select(Ticket).where(Ticket.status.in_(waiting)))
        rows = []
        for ticket in tickets:
            for what, when in (
                ("reminder", ticket.reminder_at if not ticket.reminded_at else None),
                ("auto-close", ticket.autoclose_at),
                ("sla-response", None if ticket.first_response_at else ticket.sla_response_due_at),
                ("sla-resolution", ticket.sla_resolution_due_at),
            ):
                if when is not None:
                    rows.append((when, what, ticket.key or "?"))
    for when, what, key in sorted(rows):
        click.echo(f"  {_local(when, zone)}  {what:<15} {key}")
    if not rows:
        click.echo("  —")


@click.command("sla")
@click.argument("key")
def sla_command(key: str) -> None:
    """Explain a chamado's SLA clocks: business time used, pauses and due times."""
    from bot.cli import operator_language
    from bot.desk.sla_watch import clocks
    from bot.store.repositories import TicketRepository

    settings, database, (policy, clock) = _runtime_parts()
    language, zone = operator_language(), settings.time_zone
    with database.transaction() as session:
        ticket = TicketRepository(session).get_by_key(key.upper())
        if ticket is None:
            raise click.ClickException(t(language, "cmd.not_found", key=key.upper()))
        found = clocks(policy, ticket, clock)
        click.echo(f"{ticket.key} · {ticket.priority or '—'} · {ticket.status.value}")
        click.echo(t(language, "cli.sla_opened", at=_local(ticket.created_at, zone)))
        paused = timedelta(seconds=ticket.sla_paused_seconds)
        click.echo(
            t(
                language,
                "cli.sla_paused",
                total=_hours(paused),
                since=_local(ticket.sla_paused_at, zone),
            )
        )
        for name, state in found.items():
            click.echo(
                t(
                    language,
                    "cli.sla_clock",
                    clock=name,
                    used=_hours(state.used),
                    target=_hours(state.target),
                    percent=round(state.ratio * 100),
                    due=_local(state.due, zone),
                    state="stopped" if state.stopped else "running",
                )
            )
        if not found:
            click.echo(t(language, "cli.sla_none"))
        alerts = ", ".join(sorted((ticket.sla_alerts or {}).keys())) or "—"
        click.echo(t(language, "cli.sla_alerts", alerts=alerts))
