"""Everything the listeners need, handed in once when the app is built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.desk.brain import Brain
from bot.desk.cancellation import Cancellation
from bot.desk.escalation import Handoffs
from bot.desk.intake import Intake
from bot.desk.reclassification import Reclassification
from bot.desk.survey import Surveys
from bot.reports.digest import Digests
from bot.slack.agents import AgentDirectory
from bot.slack.bridge import Bridge
from bot.slack.followup import FollowUp
from bot.slack.translate import Scope
from bot.slack.triage import Triage
from bot.worker import Worker


@dataclass
class Services:
    intake: Intake
    cancellation: Cancellation
    followup: FollowUp
    worker: Worker
    scope: Scope
    handoffs: Handoffs
    triage: Triage
    brain: Brain | None
    bridge: Bridge
    agents: AgentDirectory
    reclassification: Reclassification | None = None
    surveys: Surveys | None = None
    digests: Digests | None = None
    managers: Callable[[], frozenset[str]] = frozenset
