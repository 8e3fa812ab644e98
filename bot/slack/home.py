"""The App Home tab: the week's headline numbers for managers, how to ask for everyone."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.i18n import language_for, t
from bot.reports.metrics import Period, compute
from bot.slack.blocks import Block, context, section
from bot.slack.context import Services

logger = logging.getLogger(__name__)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def manager_home(
    metrics: dict[str, Any], language: str, since: str, chart_file_id: str | None = None
) -> dict[str, Any]:
    """Build the managers' Home tab: this week's headline numbers so far and the last chart."""
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": t(language, "home.manager_title")},
        },
        section(
            "*"
            + t(
                language,
                "digest.headline",
                total=metrics["volume"]["total"],
                kb=_percent(metrics["deflection"]["share"]),
                sla=_percent(metrics["sla_met"]["all"]["met_share"]),
            )
            + "*"
        ),
        section(
            t(
                language,
                "digest.changes",
                volume=metrics["volume"]["total"],
                fcr=_percent(metrics["first_contact_resolution"]),
                csat=metrics["csat"]["average"] or "—",
                backlog=metrics["backlog"]["open"],
            )
        ),
        context(t(language, "home.since", since=since)),
    ]
    if chart_file_id:
        blocks.append(
            {
                "type": "image",
                "slack_file": {"id": chart_file_id},
                "alt_text": t(language, "digest.chart_title"),
            }
        )
    return {"type": "home", "blocks": blocks}


def requester_home(language: str) -> dict[str, Any]:
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": t(language, "home.title")}},
            section(t(language, "home.how_to_ask")),
        ],
    }


def _home_opened(services: Services) -> Callable[..., None]:
    def home_opened(event: dict[str, Any], client: WebClient) -> None:
        user_id = str(event.get("user", ""))

        def publish() -> None:
            try:
                locale = client.users_info(user=user_id, include_locale=True)["user"].get("locale")
            except SlackApiError:
                locale = None
            language = language_for(locale)
            digests = services.digests
            if digests is not None and user_id in services.managers():
                zone = digests.calendar.time_zone
                now = digests.clock.now().astimezone(zone)
                monday = datetime.combine(now.date() - timedelta(days=now.weekday()), time(0), zone)
                metrics = compute(
                    digests.database, digests.calendar, Period(monday, now + timedelta(seconds=1))
                )
                view = manager_home(
                    metrics, language, monday.date().isoformat(), digests.latest_chart()
                )
            else:
                view = requester_home(language)
            client.views_publish(user_id=user_id, view=view)

        services.worker.submit(publish, f"home {user_id}")

    return home_opened


def register(app: App, services: Services) -> None:
    """Registers the App Home tab."""
    app.event("app_home_opened")(_home_opened(services))
