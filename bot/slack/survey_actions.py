"""The satisfaction survey on Slack: 1–5 buttons, an optional comment, low ratings flagged."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.survey import Surveys, SurveyTarget
from bot.i18n import t
from bot.slack import blocks
from bot.slack.context import Services
from bot.slack.first_contact_blocks import button
from bot.slack.handoff_actions import in_worker
from bot.slack.markup import escape_truncated
from bot.slack.triage import Triage

logger = logging.getLogger(__name__)

RATE_ACTION = re.compile(r"^survey_rate_[1-5]$")
COMMENT_ACTION = "survey_comment"
COMMENT_VIEW = "survey_comment_form"
LOW_RATING = 2
FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}


class SurveyJobs:
    def __init__(self, client: WebClient, surveys: Surveys, triage: Triage) -> None:
        self.client = client
        self.surveys = surveys
        self.triage = triage

    def run(self) -> None:
        """Send every survey whose good local time has come; each once."""
        for key in self.surveys.due():
            target = self.surveys.send(key)
            if target is None:
                continue
            try:
                self._post(target)
            except SlackApiError as error:
                logger.warning(
                    "survey not delivered",
                    extra={"ticket": key, "error": error.response.get("error")},
                )

    def _post(self, target: SurveyTarget) -> None:
        language = target.language
        text = t(language, "survey.question", key=target.key)
        buttons = [
            button(f"survey_rate_{n}", f"{n} {FACES[n]}", f"{target.key}:{n}") for n in range(1, 6)
        ]
        self.client.chat_postMessage(
            channel=target.channel_id,
            thread_ts=target.root_ts,
            text=text,
            blocks=[
                blocks.section(text),
                {"type": "actions", "block_id": f"survey:{target.key}", "elements": buttons},
            ],
        )
        logger.info("survey sent", extra={"ticket": target.key})


def _flag(services: Services, client: WebClient, target: SurveyTarget, text: str) -> None:
    """Tell the team about a low rating, in the card's thread when there is a card."""
    channel = target.triage_channel_id or services.triage.default_channel
    if channel:
        client.chat_postMessage(channel=channel, thread_ts=target.triage_ts, text=text)


def _rate(services: Services) -> Callable[..., None]:
    def rate(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key, _, number = str(body["actions"][0]["value"]).partition(":")
        user_id = body["user"]["id"]
        if services.surveys is None or not number.isdigit():
            return
        target = services.surveys.rate(key, user_id, int(number))
        if target is None:
            return

        def tell() -> None:
            rating, language = int(number), target.language
            note = t(language, "survey.thanks", key=key, rating=rating)
            message = body.get("message") or {}
            client.chat_update(
                channel=body["channel"]["id"],
                ts=message["ts"],
                text=note,
                blocks=[
                    blocks.section(note),
                    {
                        "type": "actions",
                        "block_id": f"survey-done:{key}",
                        "elements": [button(COMMENT_ACTION, t(language, "button.comment"), key)],
                    },
                ],
            )
            if rating <= LOW_RATING:
                desk = services.triage.language
                _flag(
                    services, client, target, t(desk, "survey.low_rating", key=key, rating=rating)
                )

        in_worker(services, f"survey rating {key}", tell)

    return rate


def _open_comment(services: Services) -> Callable[..., None]:
    def open_comment(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        card = services.handoffs.card(key)
        language = card.language if card else services.triage.language
        view = {
            "type": "modal",
            "callback_id": COMMENT_VIEW,
            "private_metadata": key,
            "title": {"type": "plain_text", "text": t(language, "survey.modal_title")[:24]},
            "submit": {"type": "plain_text", "text": t(language, "survey.submit")[:24]},
            "blocks": [
                {
                    "type": "input",
                    "block_id": "comment",
                    "label": {"type": "plain_text", "text": t(language, "survey.label")},
                    "element": {
                        "type": "plain_text_input",
                        "action_id": "text",
                        "multiline": True,
                        "max_length": 2000,
                    },
                }
            ],
        }
        try:
            client.views_open(trigger_id=body["trigger_id"], view=view)
        except SlackApiError as error:
            logger.warning(
                "comment modal not opened",
                extra={"ticket": key, "error": error.response.get("error")},
            )

    return open_comment


def _submit_comment(services: Services) -> Callable[..., None]:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(view.get("private_metadata", ""))
        text = str(view["state"]["values"]["comment"]["text"].get("value") or "").strip()
        if services.surveys is None or not text:
            return
        rating = services.surveys.comment(key, body["user"]["id"], text)
        card = services.handoffs.card(key)
        if rating is None or rating > LOW_RATING or card is None:
            return
        desk = services.triage.language
        comment = escape_truncated(text, 1500)
        target = SurveyTarget(
            key,
            card.channel_id,
            card.root_ts,
            card.language,
            card.team,
            card.triage_channel_id,
            card.triage_ts,
        )
        in_worker(
            services,
            f"survey comment {key}",
            lambda: _flag(
                services, client, target, t(desk, "survey.low_comment", key=key, comment=comment)
            ),
        )

    return submit


def register(app: App, services: Services) -> None:
    """Registers the survey's rating buttons and its comment form."""
    app.action(RATE_ACTION)(_rate(services))
    app.action(COMMENT_ACTION)(_open_comment(services))
    app.view(COMMENT_VIEW)(_submit_comment(services))
