"""``warta report``: one self-contained HTML file about a corpus, readable offline and fit to mail.

Summary, the most active dyads, the timelines of the busiest ones, the network and notable quotes (quotes
whose speakers belong to the top dyads, direct speech first). Plotly's JavaScript is inlined once, from the
plotly wheel; nothing is fetched when the file is opened.
"""

from __future__ import annotations

import html
import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import plotly.io as pio

from warta import __version__, dyad_sql
from warta.dyads import most_active, network_of
from warta.export import merged_event_count
from warta.store import duckdb_config
from warta.web import charts, data

_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; color: #212529; max-width: 1100px; margin: 20px auto;
       padding: 0 16px; }
h1 { margin-bottom: 0; } .muted { color: #6c757d; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; }
th, td { border-bottom: 1px solid #dee2e6; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f8f9fa; } td.num { text-align: right; }
section { margin-bottom: 28px; }
"""


def _e(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def _table(columns: list[str], rows: list[list[Any]], numeric: set[str] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td class='num'>{_e(v)}</td>" if c in numeric else f"<td>{_e(v)}</td>"
            for c, v in zip(columns, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _most_first(kv: tuple[str, int]) -> tuple[int, str]:
    return -kv[1], kv[0]


def build_report(
    con: Any,
    *,
    title: str,
    top: int = 15,
    timelines: int = 4,
    by: str = "month",
    include_nonstate: bool = False,
) -> str:
    with ExitStack() as stack:  # the groupings' temporary tables go when the report is made
        return _build(stack, con, title, top, timelines, by, include_nonstate)


def _build(
    stack: ExitStack, con: Any, title: str, top: int, timelines: int, by: str, include_nonstate: bool
) -> str:
    summary = data.summary(con)
    merged = merged_event_count(con)
    # one grouping of the corpus for the dyads and the network, one (IGOs and all) for the timelines
    dy = stack.enter_context(dyad_sql.Dyads(con, include_nonstate=include_nonstate))
    rows, _ = dy.aggregate()
    best = most_active(rows, top)
    nodes, edges = network_of(rows, dy.node_events())
    every = dy if include_nonstate else None
    figures: list[str] = []

    def fig_html(fig: Any) -> str:
        first = not figures
        out = pio.to_html(fig, include_plotlyjs=first, full_html=False, config={"displaylogo": False})
        figures.append(out)
        return out

    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p class='muted'>warta {__version__} report. One row per real-world event "
        "(reports from several outlets merged). Cooperation and conflict by PLOVER's quad classes; dyads are "
        f"{'all actors' if include_nonstate else 'states only'}.</p>",
        "<section><h2>Summary</h2>",
        _table(
            ["what", "count"],
            [
                ["documents read", summary["documents"]],
                [
                    "articles stored (of which near-duplicates)",
                    f"{summary['articles']} ({summary['near_duplicates']})",
                ],
                ["outlets", ", ".join(summary["outlets"]) or "—"],
                ["published", f"{summary['published_first'] or '?'} to {summary['published_last'] or '?'}"],
                [
                    "coded reports of events (negated, kept out)",
                    f"{summary['coded_events']} ({summary['negated_events']})",
                ],
                ["real-world events after merging", merged],
                [
                    "event dates",
                    f"{summary['event_date_first'] or '?'} to {summary['event_date_last'] or '?'}",
                ],
                ["actors in events", ", ".join(summary["codes"]) or "—"],
                ["quotes", summary["quotes"]],
            ],
        ),
        "</section>",
        "<section><h2>Most active dyads</h2>",
        _table(
            [
                "dyad",
                "events",
                "cooperative",
                "conflictual",
                "cooperative share",
                "Goldstein sum",
                "Goldstein mean",
                "outlets",
                "types",
                "directions",
            ],
            [
                [
                    s.label,
                    s.events,
                    s.cooperative,
                    s.conflictual,
                    "—" if s.cooperative_share is None else f"{s.cooperative_share:.0%}",
                    round(s.goldstein_sum, 2),
                    s.goldstein_mean,
                    len(s.outlets),
                    ", ".join(
                        f"{t} {n}" for t, n in sorted(s.by_type.items(), key=lambda kv: (-kv[1], kv[0]))
                    ),
                    ", ".join(f"{k} {v}" for k, v in sorted(s.directions.items())),
                ]
                for s in best
            ],
            numeric={"events", "cooperative", "conflictual", "Goldstein sum", "Goldstein mean", "outlets"},
        ),
        "</section>",
    ]
    if timelines and best:
        parts.append(
            f"<section><h2>Timelines by {_e(by)}</h2><p class='muted'>Undated reports count on the "
            "day of their report; events dated only to a month or year stay out of finer series "
            "(each title says how many).</p>"
        )
        if every is None:
            every = stack.enter_context(dyad_sql.Dyads(con, include_nonstate=True))
        for s in best[:timelines]:
            parts.append(fig_html(charts.timeline_figure(every.timeline(s.a, s.b, by=by))))
        parts.append("</section>")
    if edges:
        parts.append("<section><h2>Network</h2>")
        parts.append(fig_html(charts.network_figure(nodes, edges)))
        parts.append("</section>")
    codes = sorted({c for s in best for c in (s.a, s.b)})
    qs = data.quotes(con, codes=codes, limit=30)
    parts.append(
        "<section><h2>Notable quotes</h2><p class='muted'>Speakers of the top dyads first, direct "
        "speech first.</p>"
    )
    parts.append(
        _table(
            list(data.QUOTE_COLUMNS) + ["outlet", "published"],
            [
                [
                    q["article_id"],
                    q["sentence"],
                    q["start"],
                    q["end"],
                    q["text"],
                    (q["speaker"] or {}).get("name") if isinstance(q["speaker"], dict) else q["speaker"],
                    q["speaker_code"],
                    q["speaker_text"],
                    q["cue"],
                    q["direct"],
                    q["outlet"],
                    q["published"],
                ]
                for q in qs
            ],
            numeric={"sentence", "start", "end"},
        )
    )
    parts.append("</section></body></html>")
    return "".join(parts)


def write_report(
    db_path: str | Path,
    out_dir: str | Path,
    *,
    top: int = 15,
    timelines: int = 4,
    by: str = "month",
    include_nonstate: bool = False,
) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # the memory and threads of the other readers (512 MB, WARTA_DB_MEMORY), not DuckDB's own default of
    # most of the machine's memory: at 6.3 million events the report took 1.3 GB and 8.6 s with that, and
    # takes 700 MB and 16 s with 512 MB
    cfg = duckdb_config(read_only=True)
    threads = int(str(cfg.get("threads") or os.cpu_count() or 1))
    limits = data.Limits(timeout=0, memory=str(cfg["memory_limit"]), threads=threads)
    with data.connect(db_path, limits) as con:
        page = build_report(
            con,
            title=f"warta report: {Path(db_path).name}",
            top=top,
            timelines=timelines,
            by=by,
            include_nonstate=include_nonstate,
        )
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
