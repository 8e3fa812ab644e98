"""The digest chart renders a PNG of the expected size from the week's series."""

from __future__ import annotations

import struct

from bot.reports.chart import render

LABELS = {
    "incident": "Incidente",
    "existing_service": "Serviço existente",
    "new_service": "Serviço novo",
    "information": "Informação",
    "unknown": "?",
    "volume_title": "Chamados por dia",
    "sla_title": "SLA (%)",
}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chart_is_a_png_of_both_panels() -> None:
    daily = {
        "2026-11-30": {"incident": 3, "information": 1},
        "2026-12-01": {"incident": 1},
        "2026-12-02": {},
        "2026-12-03": {"new_service": 2},
        "2026-12-04": {},
        "2026-12-05": {},
        "2026-12-06": {},
    }
    sla = {"P1": {"met_share": 0.5}, "P2": {"met_share": 1.0}, "P3": {"met_share": None}}

    data = render(daily, sla, LABELS, "7 chamados")

    assert png_size(data) == (1000, 400)
    assert len(data) > 10_000


def test_empty_week_still_renders() -> None:
    daily = {f"2026-12-0{day}": {} for day in range(1, 8)}

    assert png_size(render(daily, {}, LABELS, "0 chamados")) == (1000, 400)
