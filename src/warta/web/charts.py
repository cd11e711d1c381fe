"""Charts of dyads: Plotly figures (for HTML files, the report and the dashboard) and matplotlib PNGs.

PNGs are drawn with matplotlib rather than Plotly + Kaleido: Kaleido 1.x renders through an installed
Chrome (and offers to download one), so a PNG would depend on a browser; matplotlib draws offline with
nothing but the wheel. The Plotly JavaScript always comes from the plotly wheel, never from a CDN.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from warta.dyads import Timeline

COOP = "#2b8a3e"
CONFLICT = "#c92a2a"
NEUTRAL = "#495057"


def _share_colour(share: float | None) -> str:
    """Green for all cooperation, red for all conflict, grey in between or unknown."""
    if share is None:
        return "#868e96"
    r0, g0, b0 = 0xC9, 0x2A, 0x2A
    r1, g1, b1 = 0x2B, 0x8A, 0x3E
    r, g, b = (round(x0 + (x1 - x0) * share) for x0, x1 in ((r0, r1), (g0, g1), (b0, b1)))
    return f"#{r:02x}{g:02x}{b:02x}"


def _left_out_note(tl: Timeline) -> str:
    if not tl.left_out:
        return ""
    parts = ", ".join(f"{n} {p}" for p, n in sorted(tl.left_out.items()))
    return f" — not in this {tl.by} series (date too coarse): {parts}"


def timeline_figure(tl: Timeline) -> go.Figure:
    """Cooperative events up, conflictual down (PLOVER quads), the Goldstein sum as a line."""
    x = [r.period.isoformat() for r in tl.rows if r.period]
    coop = [r.cooperative for r in tl.rows]
    conf = [-r.conflictual for r in tl.rows]
    gold = [round(r.goldstein_sum, 2) for r in tl.rows]
    types = ["<br>".join(f"{t} {n}" for t, n in r.by_type.most_common()) or "no events" for r in tl.rows]
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=coop,
        name="cooperative",
        marker_color=COOP,
        customdata=types,
        hovertemplate="%{x}<br>%{y} cooperative<br>%{customdata}<extra></extra>",
    )
    fig.add_bar(
        x=x,
        y=conf,
        name="conflictual",
        marker_color=CONFLICT,
        customdata=types,
        hovertemplate="%{x}<br>%{y} conflictual<br>%{customdata}<extra></extra>",
    )
    fig.add_scatter(
        x=x,
        y=gold,
        name="Goldstein sum",
        mode="lines+markers",
        yaxis="y2",
        line={"color": NEUTRAL, "width": 2},
    )
    total = sum(r.events for r in tl.rows)
    fig.update_layout(
        title={
            "text": f"{tl.a}{'→' if tl.ordered else '–'}{tl.b} by {tl.by}: {total} events"
            f"{_left_out_note(tl)}",
            "font": {"size": 14},
        },
        barmode="relative",
        xaxis={"title": tl.by, "type": "date"},
        yaxis={"title": "events (conflict below 0)"},
        yaxis2={"title": "Goldstein sum", "overlaying": "y", "side": "right", "tickmode": "sync"},
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 50, "r": 50, "t": 50, "b": 40},
        height=380,
        template="plotly_white",
    )
    return fig


def circle_layout(nodes: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, the busiest first (at the top), clockwise: stable and dependency-free."""
    n = max(len(nodes), 1)
    return {
        node["code"]: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
        for i, node in enumerate(nodes)
    }


def network_figure(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> go.Figure:
    pos = circle_layout(nodes)
    top = max((e["weight"] for e in edges), default=1)
    fig = go.Figure()
    mids_x, mids_y, mids_text = [], [], []
    for e in edges:
        (x0, y0), (x1, y1) = pos[e["a"]], pos[e["b"]]
        fig.add_scatter(
            x=[x0, x1],
            y=[y0, y1],
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"width": 1 + 7 * e["weight"] / top, "color": _share_colour(e["cooperative_share"])},
        )
        mids_x.append((x0 + x1) / 2)
        mids_y.append((y0 + y1) / 2)
        share = "–" if e["cooperative_share"] is None else f"{e['cooperative_share']:.0%}"
        mids_text.append(
            f"{e['a']}–{e['b']}: {e['weight']} events, {share} cooperative, "
            f"Goldstein mean {e['goldstein_mean']}"
        )
    fig.add_scatter(
        x=mids_x,
        y=mids_y,
        mode="markers",
        marker={"size": 8, "opacity": 0},
        text=mids_text,
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
    )
    biggest = max((nd["events"] for nd in nodes), default=1)
    fig.add_scatter(
        x=[pos[nd["code"]][0] for nd in nodes],
        y=[pos[nd["code"]][1] for nd in nodes],
        mode="markers+text",
        text=[nd["code"] for nd in nodes],
        textposition="top center",
        customdata=[[nd["events"], nd["partners"]] for nd in nodes],
        hovertemplate="%{text}: %{customdata[0]} events with %{customdata[1]} partners<extra></extra>",
        marker={
            "size": [10 + 25 * nd["events"] / biggest for nd in nodes],
            "color": ["#1c7ed6" if nd["state"] else "#f59f00" for nd in nodes],
            "line": {"width": 1, "color": "white"},
        },
        showlegend=False,
    )
    fig.update_layout(
        title={"text": f"{len(nodes)} actors, {len(edges)} dyads", "font": {"size": 14}},
        xaxis={"visible": False, "range": [-1.3, 1.3]},
        yaxis={"visible": False, "range": [-1.3, 1.3], "scaleanchor": "x"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=460,
        template="plotly_white",
    )
    return fig


def write_html(fig: go.Figure, path: str | Path) -> None:
    """A self-contained HTML file: Plotly's JavaScript inlined from the wheel, no CDN."""
    fig.write_html(str(path), include_plotlyjs=True, full_html=True)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def timeline_png(tl: Timeline, path: str | Path) -> None:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 4), dpi=120)
    labels = [r.period.isoformat() for r in tl.rows if r.period]
    xs = range(len(labels))
    ax.bar(xs, [r.cooperative for r in tl.rows], color=COOP, label="cooperative")
    ax.bar(xs, [-r.conflictual for r in tl.rows], color=CONFLICT, label="conflictual")
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_ylabel("events (conflict below 0)")
    ax2 = ax.twinx()
    ax2.plot(xs, [r.goldstein_sum for r in tl.rows], color=NEUTRAL, marker="o", label="Goldstein sum")
    ax2.set_ylabel("Goldstein sum")
    step = max(1, len(labels) // 12)
    ax.set_xticks(list(xs)[::step], labels[::step], rotation=45, ha="right", fontsize=8)
    total = sum(r.events for r in tl.rows)
    ax.set_title(
        f"{tl.a}{'→' if tl.ordered else '–'}{tl.b} by {tl.by}: {total} events{_left_out_note(tl)}",
        fontsize=10,
    )
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(str(path))
    plt.close(fig)


def network_png(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], path: str | Path) -> None:
    plt = _pyplot()
    pos = circle_layout(nodes)
    fig, ax = plt.subplots(figsize=(8, 8), dpi=120)
    top = max((e["weight"] for e in edges), default=1)
    for e in edges:
        (x0, y0), (x1, y1) = pos[e["a"]], pos[e["b"]]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=_share_colour(e["cooperative_share"]),
            linewidth=0.8 + 6 * e["weight"] / top,
            alpha=0.8,
            zorder=1,
        )
    biggest = max((nd["events"] for nd in nodes), default=1)
    for nd in nodes:
        x, y = pos[nd["code"]]
        ax.scatter(
            [x],
            [y],
            s=80 + 600 * nd["events"] / biggest,
            zorder=2,
            color="#1c7ed6" if nd["state"] else "#f59f00",
            edgecolors="white",
        )
        ax.annotate(nd["code"], (x, y), textcoords="offset points", xytext=(0, 12), ha="center", fontsize=9)
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(
        f"{len(nodes)} actors, {len(edges)} dyads (width = events, green = cooperative, red = conflictual)",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(str(path))
    plt.close(fig)
