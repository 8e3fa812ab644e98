"""The desk's scheduler: APScheduler with a database job store, run by the lease holder only."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.schedule.lease import Lease
from bot.store.database import Database

logger = logging.getLogger(__name__)

LEASE_CHECK_S = 10.0


@dataclass(frozen=True)
class JobSpec:
    """A job declared next to the code it serves: `func` is a "module:function" reference."""

    id: str
    func: str
    trigger: Any


DEFAULT_JOBS = (
    JobSpec("closure-sweep", "bot.schedule.jobs:closure_sweep", IntervalTrigger(seconds=60)),
    JobSpec("sla-check", "bot.schedule.jobs:sla_check", IntervalTrigger(seconds=60)),
    JobSpec("survey-send", "bot.schedule.jobs:survey_send", IntervalTrigger(seconds=60)),
    # Checked every ten minutes rather than at the cron time: a week missed while the bot was
    # down is posted on return, and the database claim keeps it to one post.
    JobSpec("weekly-digest", "bot.schedule.jobs:weekly_digest", IntervalTrigger(minutes=10)),
)


class DeskScheduler:
    """Starts APScheduler while this instance holds the lease, and stops it when it loses it."""

    def __init__(
        self,
        database: Database,
        lease: Lease,
        time_zone: str,
        jobs: tuple[JobSpec, ...] = DEFAULT_JOBS,
        grace_seconds: int = 3600,
    ) -> None:
        self.database = database
        self.lease = lease
        self.time_zone = time_zone
        self.jobs = jobs
        self.grace_seconds = grace_seconds
        self.scheduler: BackgroundScheduler | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def start(self) -> None:
        self.tick()
        self._thread = threading.Thread(target=self._loop, name="balcao-lease", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stopping.wait(LEASE_CHECK_S):
            try:
                self.tick()
            except Exception:
                logger.exception("scheduler lease check failed")

    def tick(self) -> None:
        """Renew or take the lease, and start or stop APScheduler to match."""
        if self.lease.acquire():
            if self.scheduler is None:
                self._start_scheduler()
        elif self.scheduler is not None:
            logger.warning(
                "scheduler lease lost; stopping jobs here", extra={"user": self.lease.holder}
            )
            self._stop_scheduler()

    def _start_scheduler(self) -> None:
        # Coalesced runs within the grace time: a job missed while the bot was down runs once
        # when it comes back.
        scheduler = BackgroundScheduler(
            jobstores={
                "default": SQLAlchemyJobStore(
                    engine=self.database.engine, tablename="apscheduler_jobs"
                )
            },
            job_defaults={
                "coalesce": True,
                "misfire_grace_time": self.grace_seconds,
                "max_instances": 1,
            },
            timezone=self.time_zone,
        )
        for job in self.jobs:
            scheduler.add_job(
                job.func,
                job.trigger,
                id=job.id,
                replace_existing=True,
                kwargs={"holder": self.lease.holder},
            )
        scheduler.start()
        self.scheduler = scheduler
        logger.info("scheduler started", extra={"user": self.lease.holder, "count": len(self.jobs)})

    def _stop_scheduler(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        was_running = self.scheduler is not None
        self._stop_scheduler()
        if was_running:
            self.lease.release()
