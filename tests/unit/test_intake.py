"""Recording on both databases: tickets, duplicates, edits, deletions, UTC datetimes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.desk.cancellation import Cancellation, CancelStatus
from bot.desk.commands import (
    FileRef,
    IncomingMessage,
    MessageDeletion,
    MessageEdit,
    RecordStatus,
)
from bot.desk.intake import Intake, TicketKeys
from bot.store.database import Database
from bot.store.enums import EventKind, TicketSource, TicketStatus
from bot.store.models import ProcessedEvent, Ticket, TicketEvent, TicketMessage


def dm(ts: str, text: str = "minha vpn caiu", **changes: object) -> IncomingMessage:
    values: dict[str, object] = {
        "channel_id": "D0ANA",
        "user_id": "U0ANA",
        "ts": ts,
        "text": text,
        "raw_text": text,
        "opens_ticket_as": TicketSource.DM,
        "event_id": f"Ev{ts}",
    }
    values.update(changes)
    return IncomingMessage(**values)  # type: ignore[arg-type]


def count(database: Database, model: type) -> int:
    with database.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_message_opens_ticket_with_key(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys("CH", 1000))

    outcome = intake.record(dm("100.000001"))

    assert outcome.status is RecordStatus.NEW_TICKET
    assert outcome.ticket_key == "CH-1001"
    with database.transaction() as session:
        ticket = session.scalars(select(Ticket)).one()
        assert ticket.status is TicketStatus.NEW
        assert ticket.source is TicketSource.DM
        assert ticket.description == "minha vpn caiu"
        assert ticket.created_at == clock.now()
        assert ticket.created_at.tzinfo is not None
        assert ticket.created_at.utcoffset() == timedelta(0)


def test_datetimes_come_back_aware_utc(database: Database) -> None:
    late_evening = datetime(2026, 3, 1, 23, 59, tzinfo=UTC)
    Intake(database, FixedClock(late_evening), TicketKeys()).record(dm("100.000001"))

    with database.transaction() as session:
        created = session.scalars(select(Ticket.created_at)).one()

    assert created == late_evening
    assert created.tzinfo is not None


def test_same_event_id_twice_records_once(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())

    first = intake.record(dm("100.000001"))
    second = intake.record(dm("100.000001"))

    assert first.status is RecordStatus.NEW_TICKET
    assert second.status is RecordStatus.DUPLICATE
    assert count(database, Ticket) == 1
    assert count(database, TicketMessage) == 1


def test_same_post_under_two_event_ids_records_once(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())

    intake.record(dm("100.000001", event_id="EvMention", event_type="app_mention"))
    second = intake.record(dm("100.000001", event_id="EvMessage"))

    assert second.status is RecordStatus.DUPLICATE
    assert count(database, Ticket) == 1
    assert count(database, ProcessedEvent) == 2


def test_concurrent_duplicates_create_one_ticket(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())
    copies = [dm("100.000001", event_id=f"Ev{n}") for n in range(6)]

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = [outcome.status for outcome in pool.map(intake.record, copies)]

    assert statuses.count(RecordStatus.NEW_TICKET) == 1
    assert count(database, Ticket) == 1


def test_thread_reply_joins_ticket(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())
    intake.record(dm("100.000001"))

    reply = intake.record(dm("100.000002", "segue o print", thread_ts="100.000001"))

    assert reply.status is RecordStatus.ADDED_TO_TICKET
    assert reply.ticket_key == "CH-1001"
    assert count(database, Ticket) == 1
    assert count(database, TicketMessage) == 2


def test_reply_to_unknown_thread_without_source_is_ignored(
    database: Database, clock: FixedClock
) -> None:
    intake = Intake(database, clock, TicketKeys())

    outcome = intake.record(
        dm("100.000002", channel_id="C0AJUDA", thread_ts="99.1", opens_ticket_as=None)
    )

    assert outcome.status is RecordStatus.IGNORED
    assert count(database, TicketMessage) == 0


def test_files_only_message_gets_description(database: Database, clock: FixedClock) -> None:
    files = (FileRef("F1", "erro.png", "image/png"), FileRef("F2", "log.txt"))
    Intake(database, clock, TicketKeys()).record(dm("100.000001", "", files=files))

    with database.transaction() as session:
        ticket = session.scalars(select(Ticket)).one()
        message = session.scalars(select(TicketMessage)).one()

    assert ticket.description == "📎 erro.png, log.txt"
    assert message.files[0]["name"] == "erro.png"


def test_long_text_is_stored_whole(database: Database, clock: FixedClock) -> None:
    text = "x" * 10_000
    Intake(database, clock, TicketKeys()).record(dm("100.000001", text))

    with database.transaction() as session:
        ticket = session.scalars(select(Ticket)).one()

    assert ticket.description == text
    assert len(ticket.title) <= 120


def test_edit_updates_text_and_audit_trail(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())
    intake.record(dm("100.000001"))

    key = intake.edit(MessageEdit("D0ANA", "100.000001", "minha VPN caiu de novo", "x", "EvE1"))

    assert key == "CH-1001"
    with database.transaction() as session:
        ticket = session.scalars(select(Ticket)).one()
        kinds = list(session.scalars(select(TicketEvent.kind).order_by(TicketEvent.id)))
    assert ticket.description == "minha VPN caiu de novo"
    assert kinds == [EventKind.CREATED, EventKind.MESSAGE_EDITED]


def test_unchanged_text_is_not_an_edit(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())
    intake.record(dm("100.000001"))

    assert intake.edit(MessageEdit("D0ANA", "100.000001", "minha vpn caiu", "x", "EvU")) is None
    assert count(database, TicketEvent) == 1


def test_delete_marks_message_and_keeps_text(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())
    intake.record(dm("100.000001"))

    assert intake.delete(MessageDeletion("D0ANA", "100.000001", "EvD")) == "CH-1001"
    assert intake.delete(MessageDeletion("D0ANA", "100.000001", "EvD")) is None

    with database.transaction() as session:
        message = session.scalars(select(TicketMessage)).one()
    assert message.deleted_at == clock.now()
    assert message.text == "minha vpn caiu"


def test_edit_of_unknown_message_is_ignored(database: Database, clock: FixedClock) -> None:
    intake = Intake(database, clock, TicketKeys())

    assert intake.edit(MessageEdit("C0GERAL", "5.5", "x", "x", "EvX")) is None
    assert intake.delete(MessageDeletion("C0GERAL", "5.5", "EvY")) is None


def test_cancel_twice_cancels_once(database: Database, clock: FixedClock) -> None:
    Intake(database, clock, TicketKeys()).record(dm("100.000001"))
    cancellation = Cancellation(database, clock)

    first = cancellation.cancel("CH-1001", "U0ANA")
    second = cancellation.cancel("CH-1001", "U0ANA")

    assert first.status is CancelStatus.CANCELLED
    assert second.status is CancelStatus.ALREADY_CANCELLED


def test_cancel_by_someone_else_is_rejected(database: Database, clock: FixedClock) -> None:
    Intake(database, clock, TicketKeys()).record(dm("100.000001"))

    outcome = Cancellation(database, clock).cancel("CH-1001", "U0JOHN")

    assert outcome.status is CancelStatus.NOT_REQUESTER
    with database.transaction() as session:
        assert session.scalars(select(Ticket.status)).one() is TicketStatus.NEW
