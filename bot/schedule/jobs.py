"""Job entry points: APScheduler stores them by name, so they find their runtime here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.runtime import Runtime

logger = logging.getLogger(__name__)

_RUNTIMES: dict[str, Runtime] = {}


def register(holder: str, runtime: Runtime) -> None:
    _RUNTIMES[holder] = runtime


def unregister(holder: str) -> None:
    _RUNTIMES.pop(holder, None)


def closure_sweep(holder: str) -> None:
    """Send due confirmation reminders and close chamados whose grace ran out."""
    runtime = _RUNTIMES.get(holder)
    if runtime is None:
        logger.warning("scheduled job without its runtime", extra={"user": holder})
        return
    try:
        runtime.closure_jobs.run()
    except Exception:
        # A failed run is logged and the next one tries again; other jobs are unaffected.
        logger.exception("closure sweep failed")


def sla_check(holder: str) -> None:
    """Post SLA warnings (75% of a target used) and breaches, once each."""
    runtime = _RUNTIMES.get(holder)
    if runtime is None:
        logger.warning("scheduled job without its runtime", extra={"user": holder})
        return
    try:
        runtime.sla_jobs.run()
    except Exception:
        logger.exception("SLA check failed")


def survey_send(holder: str) -> None:
    """Send the satisfaction surveys whose good local time has come."""
    runtime = _RUNTIMES.get(holder)
    if runtime is None:
        logger.warning("scheduled job without its runtime", extra={"user": holder})
        return
    try:
        runtime.survey_jobs.run()
    except Exception:
        logger.exception("survey sending failed")


def weekly_digest(holder: str) -> None:
    """Post the latest due week's digest to the managers, once."""
    runtime = _RUNTIMES.get(holder)
    if runtime is None:
        logger.warning("scheduled job without its runtime", extra={"user": holder})
        return
    try:
        runtime.digest_jobs.run()
    except Exception:
        logger.exception("weekly digest failed")
