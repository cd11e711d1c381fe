"""The dashboard: a read-only FastAPI app over one warta database.

``create_app(db_path)`` gives the app; ``warta serve`` runs it with uvicorn on 127.0.0.1 (another address
only with ``--host``). The page (``static/index.html`` and ``app.js``) reads the JSON API beside it;
Plotly's JavaScript is served from the plotly wheel at ``/vendor/plotly.min.js``, so nothing is fetched
from the internet. Each request opens the database read-only and closes it (see :mod:`warta.web.data` for
what a writer's lock does and what the connection cannot do).

Limits, so that one request cannot take the server down: pages of at most ``MAX_PAGE`` rows; dates between
``MIN_DATE`` and ``MAX_DATE``; at most ``MAX_CODES`` codes in a list filter; short strings; a timeline of
at most ``MAX_PERIODS`` periods; and the database work of a request under :class:`warta.web.data.Limits`
(time, memory, threads, concurrent requests; from ``WARTA_QUERY_*`` environment variables). A request over
its time gets 504, over its memory 503, and bad parameters 422 -- never a 500. Every query takes its values
as parameters; no request value is ever put into SQL text.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import plotly.io as pio
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as Path_
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from warta import __version__, dyad_sql
from warta.dyads import PLOVER_TYPES, DyadStats, series
from warta.export import EventFilter, merged_event_page, merged_events
from warta.web import charts, data

MAX_PAGE = 500
REPORTS = 10  # evidence items and documents per event on a page of events (/api/events/{id} gives the rest)
MAX_CODES = 20  # codes in one list filter (/api/quotes?code=...)
MAX_PERIODS = 5000  # periods in one timeline (a daily series of 13 years)
MIN_DATE, MAX_DATE = date(1800, 1, 1), date(2199, 12, 31)
_CODE = re.compile(r"^[A-Z]{2,8}$")

Since = Annotated[date | None, Query(description="First event date, YYYY-MM-DD.")]
Until = Annotated[date | None, Query(description="Last event date, YYYY-MM-DD.")]
TypeQ = Annotated[str | None, Query(alias="type", description="PLOVER type, e.g. CONSULT.", max_length=20)]
OutletQ = Annotated[str | None, Query(description="Outlet name, e.g. Kompas.", max_length=100)]
ActorQ = Annotated[str | None, Query(description="Actor code on either side, e.g. CHN.", max_length=12)]
NonState = Annotated[bool, Query(description="Also IGOs, blocs and WST (default: states only).")]
By = Literal["day", "week", "month"]
A = Annotated[str, Query(description="First actor code, e.g. CHN.", min_length=1, max_length=12)]
B = Annotated[str, Query(description="Second actor code, e.g. RUS.", min_length=1, max_length=12)]
ByQ = Annotated[By, Query(description="day, week or month.")]
Ordered = Annotated[bool, Query(description="Only a→b (default: both directions).")]
CodesQ = Annotated[
    list[str] | None,
    Query(
        alias="code",
        description=f"Speaker codes (repeat the parameter or separate by commas), at most {MAX_CODES}.",
    ),
]


def _static() -> Path:
    return Path(str(resources.files("warta.web") / "static"))


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _unprocessable(msg: str) -> HTTPException:
    return HTTPException(status_code=422, detail=msg)


class _Codes:
    """The actor codes a request may name: the language pack's, else those in the database (looked up
    once per request, and only when a code is not the pack's)."""

    def __init__(self, con: Any) -> None:
        self.con = con
        self._db: set[str] | None = None

    def __contains__(self, code: str) -> bool:
        if code in data.pack_codes():
            return True
        if self._db is None:
            self._db = data.db_codes(self.con)
        return code in self._db


def _periods(rows: list[DyadStats], by: str) -> int:
    """How many periods a filled timeline of these rows (sorted by period) spans."""
    if not rows or rows[0].period is None or rows[-1].period is None:
        return 0
    lo, hi = rows[0].period, rows[-1].period
    if by == "day":
        return (hi - lo).days + 1
    if by == "week":
        return (hi - lo).days // 7 + 1
    return (hi.year - lo.year) * 12 + hi.month - lo.month + 1


def create_app(db_path: str | Path, limits: data.Limits | None = None) -> FastAPI:
    """The dashboard over ``db_path``, opened read-only for each request, under ``limits`` (default:
    :meth:`warta.web.data.Limits.from_env`)."""
    db = str(db_path)
    limits = limits or data.Limits.from_env()
    slots = threading.BoundedSemaphore(limits.concurrent)
    app = FastAPI(
        title="warta dashboard",
        version=__version__,
        description="Read-only view of a warta database: merged events (one real-world event each), dyad "
        "aggregates per period, the actor network and the evidence sentence of every event.",
    )
    app.state.db_path = db
    app.state.limits = limits

    @contextmanager
    def session() -> Iterator[Any]:
        """One request's read-only connection, under the limits: waits for a free slot (503 if none comes
        within the timeout), and stops the work when it runs over its time (504)."""
        if not slots.acquire(timeout=limits.timeout or None):
            raise data.DatabaseBusy(
                f"the server is answering {limits.concurrent} queries already; try again in a moment"
            )
        try:
            with data.connect(db, limits, timeout=limits.timeout or None) as con:
                yield con
        finally:
            slots.release()

    @app.exception_handler(data.DatabaseBusy)
    async def _busy(request: Request, exc: data.DatabaseBusy) -> Response:
        return _error(request, 503, str(exc), retry=True)

    @app.exception_handler(data.DatabaseMissing)
    async def _missing(request: Request, exc: data.DatabaseMissing) -> Response:
        return _error(request, 503, str(exc), retry=False)

    @app.exception_handler(data.QueryTimeout)
    async def _timeout(request: Request, exc: data.QueryTimeout) -> Response:
        return _error(request, 504, str(exc), retry=False, title="Query too slow")

    @app.exception_handler(data.QueryTooLarge)
    async def _too_large(request: Request, exc: data.QueryTooLarge) -> Response:
        return _error(request, 503, str(exc), retry=False, title="Query too large")

    def check_code(known: Any, code: str | None, name: str) -> str | None:
        if code is None or code == "":
            return None
        c = code.strip().upper()
        if not _CODE.match(c) or c not in known:
            raise _unprocessable(
                f"{name}: unknown actor code {_quote(code)} (ISO 3166 alpha-3, an IGO code or WST)"
            )
        return c

    def check_codes(known: Any, codes: list[str] | None, name: str) -> list[str]:
        raw = [c for item in codes or [] for c in item.split(",") if c.strip()]
        if len(raw) > MAX_CODES:
            raise _unprocessable(f"{name}: {len(raw)} codes; at most {MAX_CODES} in one request")
        out = [check_code(known, c, name) for c in raw]
        return list(dict.fromkeys(c for c in out if c))

    def check_type(t: str | None) -> str | None:
        if t is None or t == "":
            return None
        if t.strip().upper() not in PLOVER_TYPES:
            raise _unprocessable(f"type: unknown PLOVER type {_quote(t)} (one of {', '.join(PLOVER_TYPES)})")
        return t.strip().upper()

    def check_dates(since: date | None, until: date | None) -> None:
        for name, d in (("since", since), ("until", until)):
            if d is not None and not MIN_DATE <= d <= MAX_DATE:
                raise _unprocessable(f"{name} ({d}) must lie between {MIN_DATE} and {MAX_DATE}")
        if since and until and since > until:
            raise _unprocessable(f"since ({since}) is after until ({until})")

    def flt(
        known: Any,
        actor: str | None,
        type_: str | None,
        since: date | None,
        until: date | None,
        outlet: str | None,
        source: str | None = None,
        target: str | None = None,
    ) -> EventFilter:
        check_dates(since, until)
        return EventFilter(
            actor=check_code(known, actor, "actor"),
            source=check_code(known, source, "source"),
            target=check_code(known, target, "target"),
            event=check_type(type_),
            since=since,
            until=until,
            outlet=outlet or None,
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> Response:
        with session():  # a locked or missing database shows its error page instead
            pass
        return HTMLResponse((_static() / "index.html").read_text(encoding="utf-8"))

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        return Response(
            _plotly_js(),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/api/meta", summary="What the database holds: counts, date ranges, codes, outlets, types")
    def meta() -> dict[str, Any]:
        with session() as con:
            out = data.summary(con)
        out["types"] = list(PLOVER_TYPES)
        out["database"] = Path(db).name
        return out

    @app.get("/api/events", summary="Merged events (one real-world event each) with their evidence")
    def api_events(
        actor: ActorQ = None,
        source: Annotated[str | None, Query(description="Source actor code.", max_length=12)] = None,
        target: Annotated[str | None, Query(description="Target actor code.", max_length=12)] = None,
        a: Annotated[
            str | None, Query(description="With b: events between a and b, either way.", max_length=12)
        ] = None,
        b: Annotated[str | None, Query(description="With a: events between a and b.", max_length=12)] = None,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        reports: Annotated[
            int,
            Query(
                ge=0,
                le=MAX_PAGE,
                description="Evidence items and documents per event (the first ones; num_evidence and "
                "num_documents count them all, /api/events/{id} pages through the rest).",
            ),
        ] = REPORTS,
    ) -> dict[str, Any]:
        with session() as con:
            known = _Codes(con)
            ca, cb = check_code(known, a, "a"), check_code(known, b, "b")
            if (ca is None) != (cb is None):
                raise _unprocessable("a and b go together: give both codes of the dyad, or neither")
            # a dyad's events all involve a: the database selects those, the pair is checked on the records
            f = flt(known, actor or ca, type_, since, until, outlet, source, target)
            total, recs = merged_event_page(
                con, f, limit=limit, offset=offset, pair=(ca, cb) if ca and cb else None
            )
            page = data.with_evidence(con, [data.trimmed(r, reports) for r in recs])
        return {"total": total, "offset": offset, "limit": limit, "events": page}

    @app.get("/api/events/{event_id}", summary="One merged event, with a page of its evidence and documents")
    def api_event(
        event_id: Annotated[str, Path_(description="The event's id (its records' id).", max_length=100)],
        limit: Annotated[
            int, Query(ge=1, le=MAX_PAGE, description=f"Reports per page, at most {MAX_PAGE}.")
        ] = MAX_PAGE,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        with session() as con:
            recs = list(merged_events(con, None, groups=[event_id]))
            if not recs:
                raise HTTPException(status_code=404, detail=f"no event {_quote(event_id)}")
            rec = data.with_evidence(con, [data.trimmed(recs[0], limit, offset)])[0]
        return {"offset": offset, "limit": limit, "event": rec}

    @app.get("/api/dyads", summary="The most active dyads, over all time or per period")
    def api_dyads(
        actor: ActorQ = None,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
        ordered: Annotated[
            bool, Query(description="Source→target pairs instead of unordered pairs.")
        ] = False,
        include_nonstate: NonState = False,
        by: Annotated[
            By | None, Query(description="day, week or month: one row per dyad and period.")
        ] = None,
        top: Annotated[
            int, Query(ge=1, le=MAX_PAGE, description=f"How many dyads, at most {MAX_PAGE}.")
        ] = 20,
    ) -> dict[str, Any]:
        with session() as con:
            f = flt(_Codes(con), actor, type_, since, until, outlet)
            with dyad_sql.Dyads(con, f, ordered=ordered, include_nonstate=include_nonstate) as d:
                best = d.top(top)
                if by is None:
                    return {"by": None, "dyads": [r.as_json() for r in best], "left_out": {}}
                # left_out: the records of every dyad too coarse for the periods, not only the top ones'
                left_out = d.left_out(by)
                rows, _ = d.aggregate(by, [(r.a, r.b) for r in best])
            return {"by": by, "dyads": [r.as_json() for r in rows], "left_out": dict(left_out)}

    def _timeline(
        a: str,
        b: str,
        by: str,
        ordered: bool,
        type_: str | None,
        since: date | None,
        until: date | None,
        outlet: str | None,
    ) -> Any:
        with session() as con:
            known = _Codes(con)
            ca, cb = check_code(known, a, "a"), check_code(known, b, "b")
            assert ca and cb
            if ca == cb:
                raise _unprocessable("a and b are the same actor")
            f = flt(known, ca, type_, since, until, outlet)
            tl = dyad_sql.timeline(con, f, ca, cb, by=by, ordered=ordered, fill=False)
            n = _periods(tl.rows, by)
            if n > MAX_PERIODS:
                raise _unprocessable(
                    f"the {by}ly series would have {n:,} periods (at most {MAX_PERIODS:,}): "
                    "use a longer period (by=week or month) or narrow since/until"
                )
            return series((tl.a, tl.b), by, ordered, tl.rows, tl.left_out)

    @app.get("/api/timeline", summary="One dyad's series: events, types, quads and Goldstein per period")
    def api_timeline(
        a: A,
        b: B,
        by: ByQ = "month",
        ordered: Ordered = False,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
    ) -> dict[str, Any]:
        return _timeline(a, b, by, ordered, type_, since, until, outlet).as_json()

    @app.get("/api/network", summary="Who interacts with whom: nodes and edges weighted by events")
    def api_network(
        actor: ActorQ = None,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
        include_nonstate: NonState = False,
    ) -> dict[str, Any]:
        with session() as con:
            f = flt(_Codes(con), actor, type_, since, until, outlet)
            nodes, edges = dyad_sql.network(con, f, include_nonstate=include_nonstate)
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/quotes", summary="Quotes with a known speaker, direct speech first")
    def api_quotes(
        codes: CodesQ = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")] = 30,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        with session() as con:
            cs = check_codes(_Codes(con), codes, "code")
            rows = data.quotes(con, codes=cs, limit=limit, offset=offset, only=bool(cs))
        return {"codes": cs, "offset": offset, "limit": limit, "quotes": rows}

    @app.get("/api/charts/timeline", summary="The timeline as a Plotly figure (JSON)")
    def chart_timeline(
        a: A,
        b: B,
        by: ByQ = "month",
        ordered: Ordered = False,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
    ) -> Response:
        tl = _timeline(a, b, by, ordered, type_, since, until, outlet)
        return Response(pio.to_json(charts.timeline_figure(tl)), media_type="application/json")

    @app.get("/api/charts/network", summary="The network as a Plotly figure (JSON)")
    def chart_network(
        actor: ActorQ = None,
        type_: TypeQ = None,
        since: Since = None,
        until: Until = None,
        outlet: OutletQ = None,
        include_nonstate: NonState = False,
    ) -> Response:
        with session() as con:
            f = flt(_Codes(con), actor, type_, since, until, outlet)
            nodes, edges = dyad_sql.network(con, f, include_nonstate=include_nonstate)
        return Response(pio.to_json(charts.network_figure(nodes, edges)), media_type="application/json")

    app.mount("/static", StaticFiles(directory=str(_static())), name="static")
    return app


def _quote(value: str) -> str:
    """A request value in a message: cut short and with its control characters escaped."""
    v = value if len(value) <= 40 else value[:40] + "…"
    return repr(v)


def _error(
    request: Request, status: int, msg: str, *, retry: bool, title: str = "Database unavailable"
) -> Response:
    headers = {"Retry-After": "2"} if retry else {}
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": msg}, status_code=status, headers=headers)
    refresh = '<meta http-equiv="refresh" content="3">' if retry else ""
    body = (
        f"<!doctype html><html><head><meta charset='utf-8'>{refresh}"
        f"<title>warta: {_esc(title.lower())}</title>"
        "<link rel='stylesheet' href='/static/style.css'></head><body><main class='error-page'>"
        f"<h1>{_esc(title)}</h1><p>{_esc(msg)}</p>"
        f"<p>{'This page tries again every 3 seconds.' if retry else ''}</p></main></body></html>"
    )
    return HTMLResponse(body, status_code=status, headers=headers)


def _esc(text: str) -> str:
    return html.escape(text)
