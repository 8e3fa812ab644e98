"""Satisfaction surveys: good local time, governance, first answer wins, low ratings flagged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update

from bot.desk.business_calendar import BusinessCalendar
from bot.desk.survey import SurveyPolicy
from bot.store.models import Requester, Ticket
from tests.e2e.conftest import ANA, ANA_DM, Desk

SAO_PAULO, TOKYO = ZoneInfo("America/Sao_Paulo"), ZoneInfo("Asia/Tokyo")


def policy() -> SurveyPolicy:
    calendar = BusinessCalendar.from_settings("America/Sao_Paulo", "mon-fri 08:00-18:00", None, ())
    return SurveyPolicy(calendar)


def test_quiet_hours_defer_to_next_morning_sao_paulo() -> None:
    friday_night = datetime(2026, 12, 4, 21, 30, tzinfo=SAO_PAULO)

    when = policy().send_time(friday_night.astimezone(UTC), "America/Sao_Paulo")

    assert when == datetime(2026, 12, 7, 9, 0, tzinfo=SAO_PAULO)


def test_quiet_hours_follow_the_requesters_zone_tokyo() -> None:
    # 13:30 UTC on Wednesday is 22:30 in Tokyo: the survey waits for Thursday 09:00 there.
    when = policy().send_time(datetime(2026, 12, 2, 13, 30, tzinfo=UTC), "Asia/Tokyo")

    assert when == datetime(2026, 12, 3, 9, 0, tzinfo=TOKYO)


def test_working_hours_send_now_and_holidays_wait() -> None:
    now = datetime(2026, 12, 2, 13, 30, tzinfo=UTC)
    assert policy().send_time(now, "America/Sao_Paulo") == now

    christmas = datetime(2026, 12, 25, 14, 0, tzinfo=UTC)
    assert policy().send_time(christmas, "America/Sao_Paulo") == datetime(
        2026, 12, 28, 9, 0, tzinfo=SAO_PAULO
    )


def resolved_by_kb(desk: Desk) -> None:
    desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    [answer] = desk.replies(ANA_DM)
    desk.local.press_button(ANA, ANA_DM, answer["ts"], "kb_resolved")
    desk.settle()


def surveys_sent(desk: Desk) -> list[dict[str, object]]:
    return [m for m in desk.replies(ANA_DM) if "Dê uma nota de 1" in str(m.get("text"))]


def send(desk: Desk) -> None:
    desk.runtime.survey_jobs.run()
    desk.settle()


def test_survey_sent_once_and_first_rating_wins(fc_desk: Desk) -> None:
    resolved_by_kb(fc_desk)

    send(fc_desk)
    send(fc_desk)
    [survey] = surveys_sent(fc_desk)
    fc_desk.local.press_button(ANA, ANA_DM, str(survey["ts"]), "survey_rate_4")
    fc_desk.local.delivery.deliver_interaction({**_payload(fc_desk, survey, "survey_rate_2")})
    fc_desk.settle()

    [ticket] = fc_desk.tickets()
    assert ticket.survey_rating == 4
    assert ticket.survey_state == "answered"


def _payload(desk: Desk, message: dict[str, object], action: str) -> dict[str, object]:
    from bot.localslack.blocks import find_buttons
    from bot.localslack.payloads import message_block_actions

    workspace = desk.local.workspace
    [button] = [b for b in find_buttons(message["blocks"]) if b.action_id == action]  # type: ignore[arg-type]
    return message_block_actions(
        workspace,
        ANA,
        workspace.conversations[ANA_DM],
        message,  # type: ignore[arg-type]
        button,
    )


def test_low_rating_is_flagged_to_the_team(fc_desk: Desk) -> None:
    resolved_by_kb(fc_desk)
    send(fc_desk)
    [survey] = surveys_sent(fc_desk)

    fc_desk.local.press_button(ANA, ANA_DM, str(survey["ts"]), "survey_rate_1")
    fc_desk.settle()

    flags = [
        m
        for m in fc_desk.local.workspace.messages_in("C0TRIAGEM")
        if "recebeu nota 1/5" in str(m.get("text"))
    ]
    assert len(flags) == 1


def test_no_survey_for_auto_closed_chamado(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    fc_desk.clock.advance(timedelta(days=10))
    fc_desk.runtime.closure_jobs.run()
    fc_desk.settle()

    assert fc_desk.runtime.services.surveys is not None
    assert fc_desk.runtime.services.surveys.schedule("CH-1001") == "skipped"
    send(fc_desk)
    assert surveys_sent(fc_desk) == []


def test_cooldown_and_deactivated_requesters_get_none(fc_desk: Desk) -> None:
    resolved_by_kb(fc_desk)
    send(fc_desk)
    assert len(surveys_sent(fc_desk)) == 1

    fc_desk.post(ANA, ANA_DM, "como troco a senha de rede?")
    [answer] = [m for m in fc_desk.replies(ANA_DM) if "CH-1002" in str(m.get("text"))]
    fc_desk.local.press_button(ANA, ANA_DM, answer["ts"], "kb_resolved")
    fc_desk.settle()
    send(fc_desk)
    assert len(surveys_sent(fc_desk)) == 1
    assert [t.survey_state for t in fc_desk.tickets()] == ["sent", "skipped"]

    with fc_desk.database.transaction() as session:
        session.execute(update(Requester).values(is_deactivated=True))
        session.execute(
            update(Ticket)
            .where(Ticket.key == "CH-1002")
            .values(survey_state="scheduled", survey_due_at=fc_desk.clock.now())
        )
    send(fc_desk)
    assert len(surveys_sent(fc_desk)) == 1
    assert fc_desk.tickets()[1].survey_state == "skipped"
