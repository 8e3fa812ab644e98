"""Priority from impact × urgency, with a configurable matrix (ITIL style, P1 highest)."""

from __future__ import annotations

from dataclasses import dataclass

from classifier.catalogue import RequestType
from classifier.cues import has_wide_impact, urgency_cue

LEVELS = ("high", "medium", "low")

# Rows: impact high, medium, low. Columns: urgency high, medium, low.
DEFAULT_MATRIX: tuple[tuple[str, ...], ...] = (
    ("P1", "P2", "P3"),
    ("P2", "P3", "P4"),
    ("P3", "P4", "P4"),
)


def parse_matrix(text: str) -> tuple[tuple[str, ...], ...]:
    """Read 'P1,P2,P3;P2,P3,P4;P3,P4,P4' (rows = impact high→low, columns = urgency)."""
    rows = tuple(tuple(cell.strip().upper() for cell in row.split(",")) for row in text.split(";"))
    valid = {"P1", "P2", "P3", "P4"}
    if len(rows) != 3 or any(len(row) != 3 or not set(row) <= valid for row in rows):
        raise ValueError(
            f"priority matrix must be 3 rows of 3 values P1-P4 separated by ';', got {text!r}"
        )
    return rows


@dataclass(frozen=True)
class Priority:
    """A priority with the impact and urgency it came from, so it can be explained."""

    level: str
    impact: str
    urgency: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PriorityPolicy:
    matrix: tuple[tuple[str, ...], ...] = DEFAULT_MATRIX
    vip_user_ids: frozenset[str] = frozenset()

    def assess(self, text: str, request_type: RequestType, user_id: str | None) -> Priority:
        """Derive impact and urgency from the words, the request type and the requester."""
        reasons: list[str] = []

        impact = "low" if request_type == RequestType.INFORMATION else "medium"
        if has_wide_impact(text):
            impact, reasons = "high", [*reasons, "impact:many_people"]
        elif user_id in self.vip_user_ids:
            impact, reasons = _raise(impact), [*reasons, "impact:vip"]

        urgency = "medium"
        cue = urgency_cue(text)
        if cue is not None:
            urgency, reasons = cue, [*reasons, f"urgency:{cue}"]

        level = self.matrix[LEVELS.index(impact)][LEVELS.index(urgency)]
        return Priority(level, impact, urgency, tuple(reasons))


def _raise(level: str) -> str:
    return LEVELS[max(0, LEVELS.index(level) - 1)]
