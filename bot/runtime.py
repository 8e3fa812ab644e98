"""Assemble and run the bot: database, Slack client, listeners, worker and transport."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from sqlalchemy import text

from bot.clock import Clock, SystemClock
from bot.config import Settings, SlackMode
from bot.desk.acknowledge import Acknowledger
from bot.desk.brain import Brain, Cutoffs, build_brain, load_cached_encoder
from bot.desk.bridge import BridgeStore
from bot.desk.business_calendar import BusinessCalendar
from bot.desk.cancellation import Cancellation
from bot.desk.closure import Closure, ClosurePolicy
from bot.desk.commands import Route
from bot.desk.escalation import Handoffs
from bot.desk.first_contact import FirstContactRecorder
from bot.desk.intake import Intake, TicketKeys
from bot.desk.reclassification import Reclassification
from bot.desk.sla import SlaPolicy, parse_targets
from bot.desk.sla_watch import SlaWatch
from bot.desk.survey import SurveyPolicy, Surveys
from bot.i18n import language_for
from bot.reports.digest import Digests
from bot.schedule import jobs
from bot.schedule.lease import Lease
from bot.schedule.scheduler import DeskScheduler
from bot.slack.agents import AgentDirectory
from bot.slack.app import build_app
from bot.slack.bridge import Bridge
from bot.slack.channels import resolve_channel_ids
from bot.slack.client import make_client
from bot.slack.closure_jobs import ClosureJobs
from bot.slack.context import Services
from bot.slack.digest_jobs import DigestJobs
from bot.slack.events import dispatch
from bot.slack.first_contact import FirstContact
from bot.slack.followup import FollowUp
from bot.slack.http import HttpServer, make_wsgi_app
from bot.slack.sla_jobs import SlaJobs
from bot.slack.survey_actions import SurveyJobs
from bot.slack.translate import Scope
from bot.slack.triage import Triage
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.worker import Worker
from classifier.priority import PriorityPolicy, parse_matrix

if TYPE_CHECKING:
    from bot.localslack import LocalSlack

logger = logging.getLogger(__name__)

RECOVERY_INTERVAL_S = 60.0


class Runtime:
    """One running bot. `start()` returns once it accepts events; `stop()` shuts it down."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        sleep: Callable[[float], None] = time.sleep,
        database: Database | None = None,
        brain: Brain | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self.sleep = sleep
        self.database = database or Database(settings.database_url)
        self.brain = brain
        self.worker = Worker(settings.workers)
        self.local: LocalSlack | None = None
        self.http: HttpServer | None = None
        self.app: App | None = None
        self._socket_handler: Any = None
        self._stopping = threading.Event()
        self._recovery_thread: threading.Thread | None = None

    @property
    def mode(self) -> SlackMode:
        return self.settings.slack_mode

    def start(self) -> None:
        upgrade(self.database)
        token, secret, api_url = self._slack_credentials()
        client = make_client(token, api_url, self.sleep)

        identity = client.auth_test()
        help_ids = resolve_channel_ids(client, self.settings.help_channels)
        scope = Scope(str(identity["user_id"]), identity.get("bot_id"), set(help_ids.values()))
        if self.brain is None and self.settings.first_contact_enabled:
            self.brain = self._build_brain()
        self.services = self._services(client, scope)
        self.app = build_app(client, secret, self.services)
        self._start_transport()

        self._start_scheduler()
        self._recover()
        self._recovery_thread = threading.Thread(
            target=self._recovery_loop, name="balcao-recovery", daemon=True
        )
        self._recovery_thread.start()
        logger.info("bot started", extra={"mode": self.mode.value, "user": scope.bot_user_id})

    def _start_scheduler(self) -> None:
        """Run the timed jobs here if this instance wins the database lease."""
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        jobs.register(holder, self)
        lease = Lease(self.database, self.clock, holder)
        self.scheduler = DeskScheduler(self.database, lease, self.settings.time_zone)
        if self.settings.scheduler_enabled:
            self.scheduler.start()

    def _slack_credentials(self) -> tuple[str, str | None, str]:
        if self.mode != SlackMode.LOCAL:
            assert self.settings.slack_bot_token is not None
            return (
                self.settings.slack_bot_token,
                self.settings.slack_signing_secret,
                self.settings.slack_api_url,
            )

        from bot.localslack import LocalSlack

        self.local = LocalSlack(port=self.settings.local_api_port)
        self.local.start()
        workspace = self.local.workspace
        return workspace.bot_token, workspace.signing_secret, self.local.api_url

    def _build_brain(self) -> Brain:
        settings = self.settings
        encoder = load_cached_encoder(
            settings.embedding_model, settings.cache_dir, settings.embedding_threads
        )
        policy = PriorityPolicy(
            parse_matrix(settings.priority_matrix), frozenset(settings.vip_users)
        )
        cutoffs = Cutoffs(
            settings.in_scope_threshold,
            settings.small_talk_threshold,
            settings.kb_answer_threshold,
            settings.kb_suggest_threshold,
        )
        return build_brain(
            encoder, settings.catalogue_path, (settings.kb_dir,), policy, cutoffs=cutoffs
        )

    def _services(self, client: Any, scope: Scope) -> Services:
        settings = self.settings
        language = language_for(settings.default_locale)
        self.acknowledger = Acknowledger(
            self.database, self.clock, timedelta(hours=settings.profile_max_age_hours)
        )
        policy = self.closure_policy()
        sla = SlaPolicy(
            policy.calendar, parse_targets(settings.sla_targets), settings.sla_warn_percent / 100
        )
        handoffs = Handoffs(self.database, self.clock, policy)
        triage = self._triage(client, handoffs)
        surveys = self._timed_jobs(client, triage, policy, sla)

        first_contact = None
        if self.brain is not None:
            recorder = FirstContactRecorder(self.database, self.clock, self.brain, policy, sla)
            first_contact = FirstContact(self.brain, recorder, triage)
        triage_channels = set(triage.team_channels.values())
        if triage.default_channel:
            triage_channels.add(triage.default_channel)
        agents = AgentDirectory(client, triage_channels)
        bridge = Bridge(
            client,
            BridgeStore(self.database, self.clock, sla),
            agents,
            settings.note_prefix,
            language,
        )

        return Services(
            intake=Intake(
                self.database,
                self.clock,
                TicketKeys(settings.ticket_key_prefix, settings.ticket_key_start),
            ),
            cancellation=Cancellation(self.database, self.clock),
            followup=FollowUp(
                client, self.acknowledger, language, settings.time_zone, first_contact
            ),
            worker=self.worker,
            scope=scope,
            handoffs=handoffs,
            triage=triage,
            brain=self.brain,
            bridge=bridge,
            agents=agents,
            reclassification=self._reclassification(),
            surveys=surveys,
            digests=self.digest_jobs.digests,
            managers=AgentDirectory(
                client, [self.digest_jobs.channel_id] if self.digest_jobs.channel_id else []
            ).members,
        )

    def _timed_jobs(
        self, client: Any, triage: Triage, policy: ClosurePolicy, sla: SlaPolicy
    ) -> Surveys:
        """Build what the scheduled jobs run: closure, surveys, digest and SLA watch."""
        settings = self.settings
        self.closure_jobs = ClosureJobs(client, Closure(self.database, self.clock), triage)

        survey_policy = SurveyPolicy(
            policy.calendar,
            settings.survey_sample_rate,
            timedelta(days=settings.survey_cooldown_days),
        )
        surveys = Surveys(self.database, self.clock, survey_policy)
        self.survey_jobs = SurveyJobs(client, surveys, triage)

        managers = resolve_channel_ids(client, [settings.managers_channel])
        self.digest_jobs = DigestJobs(
            client,
            Digests(self.database, self.clock, policy.calendar),
            managers.get(settings.managers_channel),
            settings.digest_cron,
            settings.time_zone,
            language_for(settings.default_locale),
        )
        self.sla_jobs = SlaJobs(
            client, SlaWatch(self.database, self.clock, sla), triage, settings.team_leads
        )
        return surveys

    def _reclassification(self) -> Reclassification | None:
        """Corrections need the catalogue; past ones teach the classifier again at start-up."""
        if self.brain is None:
            return None
        reclassification = Reclassification(self.database, self.clock, self.brain.catalogue)
        learned = reclassification.learned_exemplars()
        for topic_id, example in learned:
            if self.brain.catalogue.topic(topic_id) is not None:
                self.brain.classifier.learn(topic_id, example)
        if learned:
            logger.info("agents' corrections loaded", extra={"count": len(learned)})
        return reclassification

    def closure_policy(self) -> ClosurePolicy:
        settings = self.settings
        calendar = BusinessCalendar.from_settings(
            settings.time_zone,
            settings.business_hours,
            settings.holiday_subdivision,
            settings.days_off,
        )
        return ClosurePolicy(
            calendar, settings.confirmation_reminder_days, settings.autoclose_grace_days
        )

    def _triage(self, client: Any, handoffs: Handoffs) -> Triage:
        """Resolve each team's triage channel; unknown ones fall back to the default channel."""
        teams = self.brain.catalogue.teams if self.brain else {}
        names = {team.triage_channel for team in teams.values() if team.triage_channel}
        resolved = resolve_channel_ids(client, {self.settings.triage_channel, *names})
        team_channels = {
            team_id: resolved[team.triage_channel]
            for team_id, team in teams.items()
            if team.triage_channel in resolved
        }
        return Triage(
            client,
            handoffs,
            self.brain,
            team_channels,
            resolved.get(self.settings.triage_channel),
            language_for(self.settings.default_locale),
            self.settings.note_prefix,
            self.settings.time_zone,
        )

    def _start_transport(self) -> None:
        assert self.app is not None
        if self.mode == SlackMode.SOCKET:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            self._socket_handler = SocketModeHandler(self.app, self.settings.slack_app_token)
            self._socket_handler.connect()
            return

        host = "127.0.0.1" if self.mode == SlackMode.LOCAL else self.settings.http_host
        port = 0 if self.mode == SlackMode.LOCAL else self.settings.http_port
        self.http = HttpServer(make_wsgi_app(self.app, self.health), host, port)
        self.http.start()
        if self.local is not None:
            self.local.connect_bot(f"http://127.0.0.1:{self.http.port}/slack/events")

    def health(self) -> dict[str, Any]:
        """Report whether the database responds; served at `/healthz`."""
        try:
            with self.database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            logger.warning(
                "health check: database unavailable", extra={"error": type(error).__name__}
            )
            return {"ok": False, "database": "unavailable", "mode": self.mode.value}
        return {"ok": True, "database": "ok", "mode": self.mode.value}

    def _recover(self) -> None:
        """Finish after-ack work that never completed (crash, Slack outage): replies, relays
        and triage cards."""
        for card in self.services.handoffs.list_missing_cards():
            self.worker.submit(
                partial(self.services.triage.post_card, card), f"repost card {card.key}"
            )
        message_ids = self.acknowledger.list_unanswered()
        if message_ids:
            logger.info("recovering unanswered messages", extra={"count": len(message_ids)})
        for message_id, route in message_ids:
            self.worker.submit(
                partial(dispatch, self.services, Route(route), message_id),
                f"recover message {message_id}",
            )

    def _recovery_loop(self) -> None:
        # Every instance runs this pass (not only the scheduler's lease holder), so its own
        # stuck work is retried; the atomic claim keeps a message from being handled twice.
        while not self._stopping.wait(RECOVERY_INTERVAL_S):
            try:
                self._recover()
            except Exception:
                logger.exception("recovery pass failed")

    def stop(self) -> None:
        self._stopping.set()
        if getattr(self, "scheduler", None) is not None:
            self.scheduler.stop()
            jobs.unregister(self.scheduler.lease.holder)
        if self._socket_handler is not None:
            self._socket_handler.close()
        if self.http is not None:
            self.http.stop()
        self.worker.shutdown()
        if self.local is not None:
            self.local.stop()
        self.database.dispose()
        logger.info("bot stopped", extra={"mode": self.mode.value})
