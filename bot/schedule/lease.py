"""A database lease so that exactly one instance runs the scheduler, with take-over."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock
from bot.store.database import Database
from bot.store.models import SchedulerLease

LEASE_NAME = "scheduler"


class Lease:
    """Held by `holder` until it expires; a live holder renews it well before that."""

    def __init__(
        self, database: Database, clock: Clock, holder: str, ttl: timedelta = timedelta(seconds=45)
    ) -> None:
        self.database = database
        self.clock = clock
        self.holder = holder
        self.ttl = ttl

    def acquire(self) -> bool:
        """Take or renew the lease; False while another live instance holds it."""
        now = self.clock.now()
        expires = now + self.ttl
        try:
            with self.database.transaction() as session:
                current = session.get(SchedulerLease, LEASE_NAME)
                if current is None:
                    session.add(
                        SchedulerLease(name=LEASE_NAME, holder=self.holder, expires_at=expires)
                    )
                    return True
                if current.holder != self.holder and current.expires_at > now:
                    return False
                # Conditional on what was read, so two instances taking over a dead holder's
                # lease at once cannot both win.
                result = session.execute(
                    update(SchedulerLease)
                    .where(
                        SchedulerLease.name == LEASE_NAME,
                        SchedulerLease.holder == current.holder,
                        SchedulerLease.expires_at == current.expires_at,
                    )
                    .values(holder=self.holder, expires_at=expires)
                    .execution_options(synchronize_session=False)
                )
                return bool(getattr(result, "rowcount", 0) == 1)
        except IntegrityError:
            return False

    def release(self) -> None:
        """Give the lease up at once, so another instance need not wait for it to expire."""
        with self.database.transaction() as session:
            session.execute(
                update(SchedulerLease)
                .where(SchedulerLease.name == LEASE_NAME, SchedulerLease.holder == self.holder)
                .values(expires_at=self.clock.now())
                .execution_options(synchronize_session=False)
            )
