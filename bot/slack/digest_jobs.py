"""The weekly digest in the managers' channel: headline, changes, chart, gaps, comments."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.i18n import t
from bot.reports.chart import render
from bot.reports.digest import DigestData, Digests, due_week
from bot.slack.blocks import Block, context, section
from bot.slack.markup import escape_truncated

logger = logging.getLogger(__name__)

REPORT_ACTION = "digest_report"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _change(now: float | int | None, before: float | int | None) -> str:
    if now is None or not before:
        return ""
    return f" ({(now - before) / before:+.0%})"


def _gap_lines(metrics: dict[str, Any], language: str) -> list[str]:
    return [
        t(
            language,
            "digest.gap",
            category=t(language, "unknown") if gap["category"] == "unknown" else gap["category"],
            count=gap["count"],
            example=escape_truncated(gap["example"], 100),
        )
        for gap in metrics["kb_gaps"][:3]
    ]


def _comment_lines(metrics: dict[str, Any]) -> list[str]:
    return [
        f"• {c['ticket']} ({c['rating']}/5): " + escape_truncated(c["comment"], 200)
        for c in metrics["csat"]["low_rating_comments"][:3]
    ]


def _report_button(data: DigestData, language: str) -> Block:
    return {
        "type": "actions",
        "block_id": "digest",
        "elements": [
            {
                "type": "button",
                "action_id": REPORT_ACTION,
                "text": {"type": "plain_text", "text": t(language, "digest.report_button")},
                "value": data.period.start.date().isoformat(),
            }
        ],
    }


def digest_blocks(data: DigestData, language: str) -> tuple[str, list[Block]]:
    """Build the post: headline, week-over-week changes, KB gaps and low-rating comments."""
    metrics, previous = data.metrics, data.previous
    total, before = metrics["volume"]["total"], previous["volume"]["total"]
    headline = t(
        language,
        "digest.headline",
        total=total,
        kb=_percent(metrics["deflection"]["share"]),
        sla=_percent(metrics["sla_met"]["all"]["met_share"]),
    )
    changes = t(
        language,
        "digest.changes",
        volume=f"{total}{_change(total, before)}",
        fcr=_percent(metrics["first_contact_resolution"]),
        csat=metrics["csat"]["average"] or "—",
        backlog=metrics["backlog"]["open"],
    )
    title = t(
        language,
        "digest.title",
        start=data.period.start.date().isoformat(),
        end=data.period.end.date().isoformat(),
    )

    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        section(f"*{headline}*"),
        section(changes),
    ]
    gaps = _gap_lines(metrics, language)
    if gaps:
        blocks.append(section(t(language, "digest.gaps_title") + "\n" + "\n".join(gaps)))
    comments = _comment_lines(metrics)
    if comments:
        blocks.append(section(t(language, "digest.comments_title") + "\n" + "\n".join(comments)))
    blocks.append(_report_button(data, language))
    blocks.append(context(t(language, "digest.footer")))
    return headline, blocks


class DigestJobs:
    def __init__(
        self,
        client: WebClient,
        digests: Digests,
        channel_id: str | None,
        cron: str,
        time_zone: str,
        language: str,
    ) -> None:
        self.client = client
        self.digests = digests
        self.channel_id = channel_id
        self.cron = cron
        self.time_zone = time_zone
        self.language = language

    def run(self) -> None:
        """Post the latest due week's digest unless some instance already did."""
        if self.channel_id is None:
            return
        period = due_week(self.cron, self.time_zone, self.digests.clock.now())
        if not self.digests.claim(period):
            return
        try:
            ts, chart = self._post(self.digests.data(period))
        except (OSError, SlackClientError) as error:
            self.digests.release(period)
            code = error.response.get("error") if isinstance(error, SlackApiError) else None
            logger.warning(
                "digest not posted, will retry",
                extra={"channel": self.channel_id, "error": code or type(error).__name__},
            )
            return
        self.digests.record(period, self.channel_id, ts, chart)
        logger.info("weekly digest posted", extra={"channel": self.channel_id, "ts": ts})

    def _post(self, data: DigestData) -> tuple[str, str | None]:
        assert self.channel_id is not None
        language = self.language
        text, blocks = digest_blocks(data, language)
        labels: dict[str, Any] = {
            kind: t(language, f"type.{kind}")
            for kind in ("incident", "existing_service", "new_service", "information")
        }
        labels.update(
            unknown=t(language, "unknown"),
            volume_title=t(language, "digest.chart_volume"),
            sla_title=t(language, "digest.chart_sla"),
        )
        png = render(data.daily, data.metrics["sla_met"], labels, text)
        upload = self.client.files_upload_v2(
            channel=self.channel_id,
            content=png,
            filename="balcao-semana.png",
            title=t(language, "digest.chart_title"),
        )
        response = self.client.chat_postMessage(channel=self.channel_id, text=text, blocks=blocks)
        files = upload.get("files") or [upload.get("file") or {}]
        return str(response["ts"]), (files[0] or {}).get("id")
