"""Metrics on a fixed, hand-checked week of chamados, on both databases."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.desk.business_calendar import BusinessCalendar
from bot.reports.metrics import Period, compute
from bot.store.database import Database
from bot.store.enums import EventKind, TicketSource, TicketStatus
from bot.store.models import Requester, Ticket, TicketEvent

SP = ZoneInfo("America/Sao_Paulo")
WEEK = Period(datetime(2026, 11, 30, tzinfo=SP), datetime(2026, 12, 7, tzinfo=SP))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    month = 11 if day == 30 else 12
    return datetime(2026, month, day, hour, minute, tzinfo=SP)


def ticket(requester: Requester, number: int, **values: Any) -> Ticket:
    created = values.pop("created")
    defaults: dict[str, Any] = {
        "requester_id": requester.id,
        "key": f"CH-{1000 + number}",
        "source": TicketSource.DM,
        "channel_id": "D1",
        "root_ts": f"{number}.0",
        "status": TicketStatus.CLOSED,
        "title": f"pedido {number}",
        "description": f"pedido {number}",
        "created_at": created,
        "updated_at": created,
        "details": {},
        "sla_alerts": {},
    }
    defaults.update(values)
    return Ticket(**defaults)


@pytest.fixture
def week(database: Database) -> Database:
    with database.transaction() as session:
        ana = Requester(slack_user_id="U1", created_at=at(30, 8), updated_at=at(30, 8))
        bruno = Requester(slack_user_id="U2", created_at=at(30, 8), updated_at=at(30, 8))
        session.add_all([ana, bruno])
        session.flush()
        tickets = [
            ticket(
                ana,
                1,
                created=at(30, 10),
                category="vpn",
                request_type="incident",
                supported=True,
                priority="P3",
                details={"action": "answer"},
                kb_article_id="vpn-conectar",
                resolution="self_service",
                status=TicketStatus.RESOLVED,
                resolved_at=at(30, 10, 5),
                survey_state="answered",
                survey_rating=5,
            ),
            ticket(
                ana,
                2,
                created=at(1, 9),
                source=TicketSource.HELP_CHANNEL,
                category="impressoras",
                request_type="incident",
                supported=True,
                priority="P2",
                escalated_at=at(1, 9),
                first_response_at=at(1, 10),
                resolution="agent",
                resolved_at=at(1, 13),
                sla_resolution_due_at=at(1, 17),
                survey_state="answered",
                survey_rating=2,
                survey_comment="demorou",
            ),
            ticket(
                bruno,
                3,
                created=at(2, 14),
                source=TicketSource.MENTION,
                category="acessos",
                request_type="existing_service",
                supported=True,
                priority="P3",
                escalated_at=at(2, 14),
                details={"kb_declined": True},
                kb_article_id="acesso-sistema-sap",
                status=TicketStatus.IN_PROGRESS,
                first_response_at=at(2, 15),
                survey_state="sent",
            ),
            ticket(
                bruno,
                4,
                created=at(4, 16),
                category="rh",
                supported=False,
                resolution="unsupported",
            ),
            ticket(
                bruno, 5, created=at(4, 17), status=TicketStatus.SMALL_TALK, category="greeting"
            ),
            ticket(
                ana,
                6,
                created=at(3, 9),
                category="rede-wifi",
                request_type="incident",
                supported=True,
                priority="P1",
                escalated_at=at(3, 9),
                first_response_at=at(3, 9, 30),
                resolution="agent",
                resolved_at=at(3, 11),
                sla_resolution_due_at=at(3, 10),
                sla_alerts={"resolution_breach": "x"},
            ),
        ]
        session.add_all(tickets)
        session.flush()
        by_key = {t.key: t for t in tickets}
        for key, changes in (
            ("CH-1002", [{"to": "resolved", "resolution": "agent"}]),
            (
                "CH-1006",
                [
                    {"to": "resolved", "resolution": "agent"},
                    {"to": "in_progress"},
                    {"to": "resolved", "resolution": "agent"},
                ],
            ),
        ):
            for data in changes:
                session.add(
                    TicketEvent(
                        ticket_id=by_key[key].id,
                        kind=EventKind.STATUS_CHANGED,
                        actor="x",
                        data=data,
                        created_at=at(3, 12),
                    )
                )
    return database


@pytest.fixture
def metrics(week: Database) -> dict[str, Any]:
    calendar = BusinessCalendar.from_settings("America/Sao_Paulo", "mon-fri 08:00-18:00", None, ())
    return compute(week, calendar, WEEK)


def test_volume(metrics: dict[str, Any]) -> None:
    volume = metrics["volume"]
    assert volume["total"] == 5
    assert volume["small_talk"] == 1
    assert volume["by_channel"] == {"dm": 3, "help_channel": 1, "mention": 1}
    assert volume["by_request_type"] == {"incident": 3, "existing_service": 1, "unknown": 1}


def test_deflection_and_first_contact(metrics: dict[str, Any]) -> None:
    assert metrics["deflection"] == {
        "resolved_by_kb": 1,
        "share": 0.2,
        "kb_answers": 1,
        "kb_escalated_share": 0.0,
    }
    assert metrics["first_contact_resolution"] == 0.25


def test_times_in_business_hours(metrics: dict[str, Any]) -> None:
    times = metrics["times_hours"]
    assert times["first_response"] == {"median": 1.0, "p90": 1.0, "count": 3}
    assert times["resolution"] == {"median": 3.0, "p90": 4.0, "count": 2}


def test_sla_and_reopen(metrics: dict[str, Any]) -> None:
    assert metrics["sla_met"]["P1"] == {"tracked": 1, "met_share": 0.0}
    assert metrics["sla_met"]["P2"] == {"tracked": 1, "met_share": 1.0}
    assert metrics["sla_met"]["all"] == {"tracked": 2, "met_share": 0.5}
    assert metrics["reopen_rate"] == 0.5


def test_csat(metrics: dict[str, Any]) -> None:
    csat = metrics["csat"]
    assert csat["average"] == 3.5
    assert csat["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}
    assert csat["response_rate"] == 0.6667
    assert csat["low_rating_comments"] == [{"ticket": "CH-1002", "rating": 2, "comment": "demorou"}]


def test_demand_gaps_backlog_and_patterns(metrics: dict[str, Any]) -> None:
    assert metrics["unsupported_by_topic"] == {"rh": 1}
    assert [gap["category"] for gap in metrics["kb_gaps"]] == [
        "acessos",
        "impressoras",
        "rede-wifi",
    ]
    assert metrics["backlog"] == {"open": 1, "oldest_business_hours": 24.0}
    assert metrics["repeat_topics"] == {
        "vpn": 1,
        "impressoras": 1,
        "rede-wifi": 1,
        "acessos": 1,
        "rh": 1,
    }
    assert metrics["busiest_hours"] == {"09h": 2, "10h": 1, "14h": 1, "16h": 1}


def test_empty_week_is_not_an_error(database: Database) -> None:
    calendar = BusinessCalendar.from_settings("America/Sao_Paulo", "mon-fri 08:00-18:00", None, ())

    empty = compute(database, calendar, WEEK)

    assert empty["volume"]["total"] == 0
    assert empty["deflection"]["share"] is None
    assert empty["csat"]["average"] is None


def test_report_and_export_commands(week: Database) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    if week.dialect != "sqlite":
        pytest.skip("the CLI opens its own engine, which cannot see the test's private schema")
    env = {"DATABASE_URL": week.url, "BALCAO_DEFAULT_LOCALE": "pt-BR"}
    runner = CliRunner()

    report = runner.invoke(
        main, ["report", "--from", "2026-11-30", "--to", "2026-12-06", "--format", "json"], env=env
    )
    text = runner.invoke(main, ["report", "--from", "2026-11-30", "--to", "2026-12-06"], env=env)
    export = runner.invoke(
        main, ["export", "tickets", "--from", "2026-11-30", "--to", "2026-12-06"], env=env
    )
    lines = runner.invoke(
        main,
        [
            "export",
            "tickets",
            "--from",
            "2026-11-30",
            "--to",
            "2026-12-06",
            "--format",
            "jsonl",
            "--with-messages",
        ],
        env=env,
    )

    assert report.exit_code == 0, report.output
    assert '"total": 5' in report.output
    assert "volume.total" in text.output and "csat.average" in text.output
    assert export.output.splitlines()[0].startswith("key,status,source,category")
    assert len(export.output.splitlines()) == 7
    assert "demorou" not in export.output
    assert lines.output.count('"messages": []') == 6


def test_sla_met_uses_due_time_and_pauses() -> None:
    from datetime import timedelta

    from bot.reports.metrics import _met

    calendar = BusinessCalendar.from_settings("America/Sao_Paulo", "mon-fri 08:00-18:00", None, ())
    late = Ticket(
        sla_resolution_due_at=at(1, 12), resolved_at=at(1, 13), sla_alerts={}, sla_paused_seconds=0
    )
    paused = Ticket(
        sla_resolution_due_at=at(1, 12),
        resolved_at=at(1, 13),
        sla_alerts={},
        sla_paused_seconds=int(timedelta(hours=2).total_seconds()),
    )

    assert _met(late, calendar) is False
    assert _met(paused, calendar) is True
