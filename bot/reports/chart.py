"""The digest's chart: chamados per day by request type, and SLA met per priority (PNG)."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: render to memory only

import matplotlib.pyplot as plt

TYPES = ("incident", "existing_service", "new_service", "information", "unknown")
COLOURS = ("#e63946", "#457b9d", "#2a9d8f", "#e9c46a", "#adb5bd")


def render(
    daily: dict[str, dict[str, int]], sla_met: dict[str, Any], labels: dict[str, str], title: str
) -> bytes:
    """Draw both panels and return the PNG bytes; `labels` names the types and axes."""
    figure, (volume, sla) = plt.subplots(
        1, 2, figsize=(10, 4), dpi=100, gridspec_kw={"width_ratios": [3, 2]}
    )
    days = list(daily)
    bottom = [0] * len(days)
    for kind, colour in zip(TYPES, COLOURS, strict=True):
        values = [daily[day].get(kind, 0) for day in days]
        if any(values):
            volume.bar(
                [day[5:] for day in days],
                values,
                bottom=bottom,
                color=colour,
                label=labels.get(kind, kind),
            )
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    volume.set_title(labels["volume_title"])
    if any(bottom):
        volume.legend(fontsize=8)

    priorities = ["P1", "P2", "P3", "P4"]
    shares = [round(100 * (sla_met.get(p, {}).get("met_share") or 0)) for p in priorities]
    sla.bar(priorities, shares, color="#457b9d")
    sla.set_ylim(0, 100)
    sla.set_title(labels["sla_title"])
    figure.suptitle(title)
    figure.tight_layout()

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()
