"""Calendar arithmetic for the resolver: safe construction, ISO weeks, month offsets."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any


def _mkdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError, TypeError):
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(d: date) -> tuple[str, str, date]:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", "week", _monday(d)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _as_date(d: Any) -> date | None:
    if isinstance(d, datetime):
        return d.date()
    return d if isinstance(d, date) else None
