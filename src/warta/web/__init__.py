"""The read-only dashboard (``warta serve``), its charts and the static report (``warta report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from warta.web.data import Limits


def create_app(db_path: Any, limits: Limits | None = None) -> FastAPI:
    """The dashboard app over one database file (see :mod:`warta.web.app`); ``limits`` default to the
    ``WARTA_QUERY_*`` environment variables (:meth:`warta.web.data.Limits.from_env`)."""
    from warta.web.app import create_app as _create

    return _create(db_path, limits)


__all__ = ["create_app"]
