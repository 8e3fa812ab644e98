"""A small thread pool for the work that runs after Slack has been acknowledged."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger(__name__)


class Worker:
    """Runs jobs in background threads and can report when all of them have finished."""

    def __init__(self, threads: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="balcao-work")
        self._pending = 0
        self._idle = threading.Condition()

    def submit(self, job: Callable[[], None], name: str) -> None:
        with self._idle:
            self._pending += 1
        self._executor.submit(self._run, job, name)

    def _run(self, job: Callable[[], None], name: str) -> None:
        try:
            job()
        except Exception:
            # One failed job must not take the pool down; the recovery pass retries the
            # message, because its reply stays pending in the database.
            logger.exception("background job failed: %s", name)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Block until no job is queued or running; return False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)
