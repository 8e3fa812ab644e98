"""The digest's "full report" button: every metric of that week in a modal."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.i18n import t
from bot.reports.metrics import Period, compute
from bot.slack.blocks import Block, section
from bot.slack.context import Services
from bot.slack.digest_jobs import REPORT_ACTION

logger = logging.getLogger(__name__)


def report_modal(metrics: dict[str, Any], title: str) -> dict[str, Any]:
    """The metrics as preformatted JSON sections, cut to Slack's block limits."""
    text = json.dumps(metrics, ensure_ascii=False, indent=1)
    chunks = [text[start : start + 2900] for start in range(0, len(text), 2900)][:99]
    blocks: list[Block] = [section(f"```{chunk}```") for chunk in chunks]
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title[:24]},
        "close": {"type": "plain_text", "text": "OK"},
        "blocks": blocks,
    }


def _open_report(services: Services) -> Callable[..., None]:
    def open_report(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        runtime_digests = services.digests
        if runtime_digests is None:
            return
        start_day = date.fromisoformat(str(body["actions"][0]["value"]))
        zone = runtime_digests.calendar.time_zone
        start = datetime.combine(start_day, time(0), zone)
        metrics = compute(
            runtime_digests.database,
            runtime_digests.calendar,
            Period(start, start + timedelta(days=7)),
        )
        title = t(services.triage.language, "digest.report_button")
        try:
            client.views_open(trigger_id=body["trigger_id"], view=report_modal(metrics, title))
        except SlackApiError as error:
            logger.warning(
                "report modal not opened",
                extra={"user": body["user"]["id"], "error": error.response.get("error")},
            )

    return open_report


def register(app: App, services: Services) -> None:
    """Registers the digest's report button."""
    app.action(REPORT_ACTION)(_open_report(services))
