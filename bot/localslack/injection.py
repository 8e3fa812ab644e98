"""Failures and delays that tests queue up for the next calls to a Web API method."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Injection:
    """One queued fault. `error` None with a `delay` means "answer normally, but late"."""

    error: str | None
    status: int
    retry_after: int | None
    delay: float
    remaining: int


class InjectionTable:
    """Queued faults per method, used first in, first out. Not thread-safe on its own:
    the workspace calls it with its lock held."""

    def __init__(self) -> None:
        self._queues: dict[str, list[Injection]] = {}

    def add(self, method: str, injection: Injection) -> None:
        if injection.remaining < 1:
            raise ValueError(f"times must be at least 1, got {injection.remaining}")
        self._queues.setdefault(method, []).append(injection)

    def take(self, method: str) -> Injection | None:
        """Return the fault for this call of `method` and count it as used, or None."""
        queue = self._queues.get(method)
        if not queue:
            return None

        injection = queue[0]
        injection.remaining -= 1
        if injection.remaining == 0:
            queue.pop(0)
        return injection

    def clear(self) -> None:
        self._queues.clear()
