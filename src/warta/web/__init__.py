"""The read-only dashboard (``warta serve``), its charts and the static report (``warta report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_path: Any) -> FastAPI:
    """The dashboard app over one database file (see :mod:`warta.web.app`)."""
    from warta.web.app import create_app as _create

    return _create(db_path)


__all__ = ["create_app"]
