"""The ``warta`` command: a thin layer over the library (I/O, progress, tables)."""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warta import SCHEMA_VERSION, __version__
from warta.sources import InputError, discover
from warta.store import Store, StoreError, first_line, iter_rows, writer_lock

T = TypeVar("T")

if TYPE_CHECKING:
    from warta.runner import RunReport

app = typer.Typer(
    help="warta: Indonesian news to political event data (PLOVER/CAMEO), offline, evidence for each row.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(width=None if sys.stdout.isatty() else 160)  # piped tables stay readable
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.", envvar="WARTA_DB")]
DEFAULT_DB = Path("warta.duckdb")


class Fmt(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFmt(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _open(db: Path, read_only: bool = False) -> Store:
    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=name) from None


@app.command()
def version() -> None:
    """Print warta's version."""
    out.print(f"warta {__version__}")


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) or glob patterns: .txt, .html, .jsonl")
    ],
    db: DbOpt = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(help="Documents written per transaction.", min=1)] = 200,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: all cores; 1 = in this process).", min=1)
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            "--scheduler",
            help="Run the per-document stages on Dask: a scheduler address (tcp://host:8786) or 'local'.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first input that fails.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Read articles, clean them, code events and store everything in the database.

    Only documents the database does not hold yet are analysed, so adding files to a corpus and running
    again processes just the new ones.

    Example: warta analyze samples/corpus --db demo.duckdb --workers 2
    """
    from warta.lang import load_pack
    from warta.pipeline import load_resources
    from warta.runner import Hooks, batch_gc, default_workers, executor_for, run

    started = time.perf_counter()
    pack = load_pack()
    try:
        load_resources(pack)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _fail(f"language pack error: {exc}")
        raise typer.Exit(2) from None
    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}"),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    with ExitStack() as stack:
        try:
            stack.enter_context(writer_lock(db))  # one writer at a time; readers get in between batches
            store = stack.enter_context(Store(db, share=True))
        except StoreError as exc:
            _fail(str(exc))
            raise typer.Exit(2) from None
        if store.migrated_from is not None:
            sys.stderr.write(
                f"warta: {db}: moved from schema version {store.migrated_from} to {SCHEMA_VERSION}; "
                "'warta compact' gives back the space the old layout took\n"
            )
        try:
            executor = executor_for(workers or default_workers(), dask)
        except (RuntimeError, OSError, ValueError) as exc:
            _fail(f"cannot start the workers: {exc}")
            raise typer.Exit(2) from None
        batch_gc()
        stack.callback(executor.close)
        with progress:
            # the inputs are listed as the run goes, not kept (a corpus may be millions of files); the bar
            # has them counted first, a walk of the folders with nothing read
            total = (
                None if progress.disable else sum(1 for i in discover(paths) if not isinstance(i, InputError))
            )
            task = progress.add_task("files", total=total, name="")

            def skipped(e: InputError) -> None:
                _skipped(str(e))
                if strict:  # at once: not after the failures that follow it in the same file or window
                    raise _StrictStop(e)

            hooks = Hooks(
                skipped=skipped,
                warning=_warn,
                file_started=lambda p: progress.update(task, name=p.name[:40]),
                file_done=lambda p: progress.advance(task),
            )
            try:
                report = run(
                    discover(paths), store, executor, batch_size=batch_size, strict=strict, hooks=hooks
                )
            except StoreError as exc:  # e.g. a reader held the file longer than the writer waits
                _fail(str(exc))
                raise typer.Exit(2) from None
            except _StrictStop as stop:  # raised between transactions: what is stored stays whole
                _fail(f"stopped at the first failure (--strict): {stop.error}")
                raise typer.Exit(1) from None
        counts = store.counts()
    if report.stopped:
        _fail(f"stopped at the first failure (--strict): {report.first_failure}")
        raise typer.Exit(1)
    elapsed = time.perf_counter() - started
    if not quiet:
        _summary(report, counts, elapsed, db)
    raise typer.Exit(1 if report.skipped else 0)


@app.command("compact")
def compact_cmd(db: DbOpt = DEFAULT_DB) -> None:
    """Rewrite the database into a fresh file without the free space DuckDB leaves behind.

    A database after a long run is about half as large again as its data. The copy holds the same rows and
    replaces the file only once it is complete; it waits for readers to let go and is refused while
    `warta analyze` writes the database. It needs free disk space for one more copy.

    Example: warta compact --db corpus.duckdb
    """
    from warta.store import compact

    try:
        before, after = compact(db)
    except (StoreError, OSError) as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    sys.stderr.write(f"{db}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB\n")


class _StrictStop(Exception):
    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


@contextmanager
def _query(db: Path, partial: Path | None = None) -> Iterator[None]:
    """A query the database could not run ends the command with one line (out of memory says what to do)
    and exit 2; ``partial``: a file it was writing, removed so that no partial export looks whole."""
    try:
        yield
    except duckdb.Error as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        line = f"{db}: the query failed ({first_line(exc)})"
        if isinstance(exc, duckdb.OutOfMemoryException):
            hint = (
                "give DuckDB more memory (WARTA_DB_MEMORY=2GB) or narrow the query (--since/--until, --actor)"
            )
            line += "; " + hint
        _fail(line)
        raise typer.Exit(2) from None


def _fail(line: str) -> None:
    sys.stderr.write("warta: " + " ".join(line.split()) + "\n")
    sys.stderr.flush()


def _warn(line: str) -> None:
    """One line for an input that was stored but needed a fallback (a publication date it could not read)."""
    sys.stderr.write("warta: warning: " + " ".join(line.split()) + "\n")
    sys.stderr.flush()


def _skipped(line: str) -> None:
    """One line per bad input, never wrapped, so that it can be grepped."""
    sys.stderr.write("warta: skipped " + " ".join(line.split()) + "\n")
    sys.stderr.flush()


def _summary(report: RunReport, counts: dict[str, int], elapsed: float, db: Path) -> None:
    totals = report.totals
    t = Table(title=f"warta analyze → {db}", show_header=False, title_justify="left")
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("files read", str(report.files))
    t.add_row("documents read", str(report.documents))
    t.add_row("articles stored", str(totals.stored))
    t.add_row("  of which near-duplicates (linked)", str(totals.near_duplicates))
    t.add_row("exact duplicates (linked, not stored again)", str(totals.duplicates))
    t.add_row("already in the database", str(totals.unchanged))
    t.add_row("skipped", str(report.skipped))
    for reason, n in sorted(report.reasons.items(), key=lambda kv: -kv[1]):
        t.add_row(f"  {reason}", str(n))
    t.add_row("events coded (not negated)", str(totals.events))
    t.add_row(
        "database: articles / events / quotes",
        f"{counts['articles']} / {counts['events']} / {counts['quotes']}",
    )
    rate = report.documents / elapsed if elapsed else 0.0
    t.add_row("time", f"{elapsed:.1f} s ({rate:.1f} documents/s)")
    err.print(t)


def _emit(
    rows: Iterator[dict[str, Any]],
    fmt: Fmt,
    columns: list[tuple[str, str]],
    title: str,
    *,
    events: bool = False,
) -> int:
    """Write rows as a table, JSON lines or CSV (events are flattened to the export's CSV columns)."""
    from warta.export import to_csv, to_jsonl

    if fmt is Fmt.jsonl:
        plain = ({k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in rows)
        return to_jsonl(plain, sys.stdout)  # type: ignore[arg-type]
    if fmt is Fmt.csv:
        if events:
            return to_csv(rows, sys.stdout)  # type: ignore[arg-type]
        first = next(rows, None)
        if first is None:
            return 0
        return to_csv(itertools.chain([first], rows), sys.stdout, list(first))  # type: ignore[arg-type]
    t = Table(title=title, title_justify="left")
    for _, head in columns:
        t.add_column(head, overflow="fold")
    n = 0
    for r in rows:
        t.add_row(*[_cell(r, key) for key, _ in columns])
        n += 1
    out.print(t)
    return n


def _cell(r: dict[str, Any], key: str) -> str:
    val = r.get(key)
    if key in ("source", "target") and isinstance(val, list):
        return ", ".join(
            f"{a['code']}{'/' + a['sector'] if a.get('sector') else ''}"
            f"{' (' + a['name'] + ')' if a.get('name') else ''}"
            for a in val
        )
    if key == "documents" and isinstance(val, list):
        return str(len(val))
    if val is None:
        return ""
    text = str(val)
    return text if len(text) <= 140 else text[:137] + "…"


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Code on either side, e.g. CHN.")] = None,
    source: Annotated[str | None, typer.Option(help="Source actor code.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ACCUSE.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 200,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """List coded events (one row per real-world event).

    Example: warta events --actor CHN --type CONSULT --since 2023-01-01
    """
    from warta.export import EventFilter, merged_events

    flt = EventFilter(
        actor=actor,
        source=source,
        target=target,
        event=type_,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
    )
    with _open(db, read_only=True) as store, _query(db):
        _emit(
            _take(merged_events(store.con, flt), limit),
            fmt,
            [
                ("date", "date"),
                ("event", "event"),
                ("source", "source"),
                ("target", "target"),
                ("modality", "modality"),
                ("documents", "docs"),
                ("text", "evidence"),
            ],
            "events",
            events=True,
        )


def _take(rows: Iterator[dict[str, Any]], limit: int) -> Iterator[dict[str, Any]]:
    for i, r in enumerate(rows):
        if i >= limit:
            return
        yield r


@app.command()
def articles(
    db: DbOpt = DEFAULT_DB,
    outlet: Annotated[str | None, typer.Option(help="Outlet name, e.g. Republika.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before, YYYY-MM-DD.")] = None,
    text: Annotated[bool, typer.Option("--text", help="Include the clean text (jsonl/csv).")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 200,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """List stored articles with their metadata.

    Example: warta articles --outlet Republika --format jsonl --text
    """
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if since:
        where.append("a.published >= ?")
        params.append(_date(since, "--since"))
    if until:
        where.append("a.published <= ?")
        params.append(_date(until, "--until"))
    cols = (
        "a.id, a.published, a.published_source, a.outlet, a.dateline, a.byline, a.title, a.origin, a.url, "
        "a.duplicate_of, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND NOT e.negated) AS events"
    )
    if text:
        cols += ", a.text"
    sql = f"SELECT {cols} FROM articles a WHERE {' AND '.join(where)} ORDER BY a.published NULLS LAST, a.id LIMIT {limit}"  # noqa: S608,E501
    with _open(db, read_only=True) as store:
        rows = (
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()}
            for r in iter_rows(store.con, sql, params)
        )
        _emit(
            rows,
            fmt,
            [
                ("published", "published"),
                ("outlet", "outlet"),
                ("dateline", "dateline"),
                ("title", "title"),
                ("events", "events"),
                ("duplicate_of", "copy of"),
            ],
            "articles",
        )


@app.command("export")
def export_cmd(
    fmt: Annotated[
        ExportFmt, typer.Option("--format", help="jsonl (PLOVER-style), csv or parquet.")
    ] = ExportFmt.jsonl,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Output file (default: standard output).")
    ] = None,
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Code on either side, e.g. CHN.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
) -> None:
    """Export events, one real-world event per row.

    Example: warta export --format jsonl --out events.jsonl
    """
    from warta.export import EventFilter, merged_events, to_csv, to_jsonl, to_parquet

    flt = EventFilter(actor=actor, event=type_, since=_date(since, "--since"), until=_date(until, "--until"))
    if fmt is ExportFmt.parquet and out_path is None:
        raise typer.BadParameter("parquet needs a file", param_hint="--out")
    with _open(db, read_only=True) as store:
        records = merged_events(store.con, flt)
        with _query(db, partial=out_path):
            if fmt is ExportFmt.parquet:
                n = to_parquet(records, str(out_path))
            elif out_path is None:
                n = (to_jsonl if fmt is ExportFmt.jsonl else to_csv)(records, sys.stdout)  # type: ignore[arg-type]
            else:
                with out_path.open("w", encoding="utf-8", newline="") as fh:
                    n = (to_jsonl if fmt is ExportFmt.jsonl else to_csv)(records, fh)
    if out_path is not None:
        err.print(f"warta: wrote {n} events to {out_path}", highlight=False)


@app.command()
def quotes(
    db: DbOpt = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker code, e.g. RUS.")] = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--indirect", help="Only direct (“…”) or only indirect speech.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 200,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """List quotes (direct “…” and indirect "X mengatakan bahwa …") with their speakers.

    Example: warta quotes --speaker RUS --direct
    """
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if speaker:
        conds.append("q.speaker_code = ?")
        params.append(speaker.upper())
    if direct is not None:
        conds.append("q.direct = ?")
        params.append(direct)
    where = " AND ".join(conds)
    sql = f"""SELECT q.article_id, q.sentence, q.start, q."end", q.cue, q.direct, q.speaker_text,
                     json_extract_string(q.speaker, '$.name') AS speaker_name, q.speaker_code, q.text,
                     a.outlet
              FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}
              ORDER BY a.published NULLS LAST, q.article_id, q.start LIMIT {limit}"""  # noqa: S608
    with _open(db, read_only=True) as store:
        rows = iter_rows(store.con, sql, params)
        _emit(
            rows,
            fmt,
            [
                ("speaker_code", "code"),
                ("speaker_name", "speaker"),
                ("cue", "cue"),
                ("direct", "direct"),
                ("text", "quote"),
                ("outlet", "outlet"),
            ],
            "quotes",
        )


@app.command()
def timex(
    source: Annotated[str, typer.Argument(help="A text file, or - for standard input.")] = "-",
    dct: Annotated[
        str | None, typer.Option("--dct", help="Reference (publication) date, YYYY-MM-DD.")
    ] = None,
) -> None:
    """Print the temporal expressions of a text, one JSON line each (text, start, end, type, value).

    Example: echo "Menlu bertemu pada Selasa (9 April)." | warta timex --dct 2024-04-10
    """
    from warta.sources import decode
    from warta.timex import find_timexes

    anchor = _date(dct, "--dct")
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        text, _ = decode(data)
    except (OSError, ValueError) as exc:
        _fail(f"{source}: {exc}")
        raise typer.Exit(1) from None
    for t in find_timexes(text, anchor):
        rec = {
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "type": t.type,
            "value": t.value,
            "precision": t.precision,
            "first_day": t.first_day.isoformat() if t.first_day else None,
        }
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


@app.command()
def actors(
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """Who appears in the corpus, how often, and what warta resolved them to.

    Example: warta actors --limit 20
    """
    sql = f"""SELECT code, sector, name, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                     mode(text) AS example
              FROM mentions WHERE role = 'actor' AND code <> ''
              GROUP BY code, sector, name ORDER BY mentions DESC, code LIMIT {limit}"""  # noqa: S608
    with _open(db, read_only=True) as store:
        cols = ["code", "sector", "name", "mentions", "articles", "example"]
        _emit(
            iter_rows(store.con, sql),
            fmt,
            [(c, "as written" if c == "example" else c) for c in cols],
            "actors",
        )


@app.command()
def ner(
    conll: Annotated[
        Path,
        typer.Option(
            "--conll", help="CoNLL file: a token in the first column, blank lines between sentences."
        ),
    ],
) -> None:
    """Tag a CoNLL file with the statistical recogniser: each line gets a predicted IOB2 tag (PER, ORG, LOC)
    as its last column.

    Example: warta ner --conll test.conll > tagged.conll
    """
    from warta.ner import tag_conll

    try:
        tag_conll(conll, sys.stdout)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _fail(f"{conll}: cannot tag ({exc})")
        raise typer.Exit(1) from None


# ---- relations at a glance: dyads, timelines, network, dashboard, report (issue 6) -----------------------


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


IncludeIgos = Annotated[
    bool, typer.Option("--include-igos", help="Also IGOs, blocs and WST (default: states only).")
]


def _dyad_query(
    db: Path,
    query: Callable[[duckdb.DuckDBPyConnection, Any], T],
    *,
    actor: str | None = None,
    type_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
) -> T:
    """``query(con, filter)`` over the database: the dyad aggregates are computed by DuckDB
    (:mod:`warta.dyad_sql`), so no command holds the corpus's merged records."""
    from warta.dyads import PLOVER_TYPES
    from warta.export import EventFilter

    if type_ and type_.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(
            f"'{type_}' is not a PLOVER type ({', '.join(PLOVER_TYPES)})", param_hint="--type"
        )
    flt = EventFilter(
        actor=actor,
        event=type_,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        outlet=outlet,
    )
    with _open(db, read_only=True) as store, _query(db):
        return query(store.con, flt)


def _dyad_row(d: dict[str, Any]) -> dict[str, Any]:
    """A dyad aggregate flattened for a table or CSV."""
    share = d["cooperative_share"]
    return {
        "dyad": d["dyad"],
        "a": d["a"],
        "b": d["b"],
        "period": d["period"],
        "events": d["events"],
        "cooperative": d["cooperative"],
        "conflictual": d["conflictual"],
        "cooperative_share": share,
        "coop": "" if share is None else f"{share:.0%}",
        "goldstein_sum": d["goldstein_sum"],
        "goldstein_mean": d["goldstein_mean"],
        "outlets": d["outlets"],
        "documents": d["documents"],
        "types": ", ".join(f"{t} {n}" for t, n in sorted(d["by_type"].items(), key=lambda kv: -kv[1])),
        "directions": ", ".join(f"{k} {v}" for k, v in (d.get("directions") or {}).items()),
    }


def _emit_dyads(rows: list[dict[str, Any]], fmt: Fmt, title: str, *, period: bool = False) -> None:
    if fmt is Fmt.jsonl:
        from warta.export import to_jsonl

        to_jsonl(rows, sys.stdout)  # type: ignore[arg-type]
        return
    flat = [_dyad_row(r) for r in rows]
    if fmt is Fmt.csv:
        from warta.export import to_csv

        names = [c for c in (flat[0] if flat else {}) if c != "coop"]
        if flat:
            to_csv(flat, sys.stdout, names)  # type: ignore[arg-type]
        return
    cols: list[tuple[str, str]] = [("period", "period")] if period else []
    cols += [
        ("dyad", "dyad"),
        ("events", "events"),
        ("coop", "coop."),
        ("goldstein_sum", "Goldstein Σ"),
        ("goldstein_mean", "mean"),
        ("outlets", "outlets"),
        ("types", "types"),
        ("directions", "directions"),
    ]
    _emit(iter(flat), Fmt.table, cols, title)


@app.command()
def dyads(
    db: DbOpt = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="How many dyads.")] = 20,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only dyads of events with this code, e.g. CHN.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only reports by this outlet.")] = None,
    ordered: Annotated[bool, typer.Option("--ordered", help="Source→target pairs, not unordered.")] = False,
    by: Annotated[
        Period | None, typer.Option("--by", help="One row per dyad and day, week or month.")
    ] = None,
    include_igos: IncludeIgos = False,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """The most active pairs of actors: events by PLOVER type, cooperative share, Goldstein, outlets.

    One real-world event counts once (merged records). Example: warta dyads --top 10 --since 2023-01-01
    """
    from warta import dyad_sql

    def query(con: duckdb.DuckDBPyConnection, flt: Any) -> tuple[list[Any], list[Any], Counter[str]]:
        with dyad_sql.Dyads(con, flt, ordered=ordered, include_nonstate=include_igos) as d:
            best = d.top(top)
            if by is None:
                return best, [], Counter()
            return best, d.aggregate(by.value, [(s.a, s.b) for s in best])[0], d.left_out(by.value)

    best, rows, left_out = _dyad_query(
        db, query, actor=actor, type_=type_, since=since, until=until, outlet=outlet
    )
    if by is None:
        _emit_dyads([s.as_json() for s in best], fmt, f"top {top} dyads")
        return
    _emit_dyads([s.as_json() for s in rows], fmt, f"top {top} dyads by {by.value}", period=True)
    if left_out and fmt is Fmt.table:
        err.print(
            f"not in the {by.value} rows (date too coarse): "
            + ", ".join(f"{n} {p}" for p, n in sorted(left_out.items())),
            highlight=False,
        )


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. CHN.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. RUS.")],
    db: DbOpt = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="day, week or month.")] = Period.month,
    ordered: Annotated[bool, typer.Option("--ordered", help="Only A→B, not both directions.")] = False,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Draw the series to this PNG file.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write an interactive HTML chart.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv.")] = Fmt.table,
) -> None:
    """One dyad's series per period (empty periods included) and, with --png/--html, its chart.

    Example: warta timeline CHN RUS --by month --png chn-rus.png
    """
    from warta import dyad_sql

    if a.upper() == b.upper():
        raise typer.BadParameter("A and B are the same actor", param_hint="B")
    tl = _dyad_query(
        db,
        lambda con, flt: dyad_sql.timeline(con, flt, a, b, by=by.value, ordered=ordered),
        actor=a,
        since=since,
        until=until,
    )
    _emit_dyads([r.as_json() for r in tl.rows], fmt, f"{tl.as_json()['dyad']} by {by.value}", period=True)
    if fmt is Fmt.table:
        if not tl.rows:
            err.print(f"no dated events between {tl.a} and {tl.b} for a {by.value} series", highlight=False)
        if tl.left_out:
            err.print(
                f"not in the {by.value} series (date too coarse): "
                + ", ".join(f"{n} {p}" for p, n in sorted(tl.left_out.items())),
                highlight=False,
            )
    if png or html:
        from warta.web import charts

        if png:
            charts.timeline_png(tl, png)
            err.print(f"warta: wrote {png}", highlight=False)
        if html:
            charts.write_html(charts.timeline_figure(tl), html)
            err.print(f"warta: wrote {html}", highlight=False)


@app.command()
def network(
    db: DbOpt = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    include_igos: IncludeIgos = False,
    png: Annotated[Path | None, typer.Option("--png", help="Draw the network to this PNG file.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write an interactive HTML chart.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows of the edge table.")] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", help="table, jsonl or csv (the edges).")] = Fmt.table,
) -> None:
    """Who interacts with whom: the dyads as edges weighted by events, as a table and a picture.

    Example: warta network --include-igos --png network.png
    """
    from warta import dyad_sql

    nodes, edges = _dyad_query(
        db,
        lambda con, flt: dyad_sql.network(con, flt, include_nonstate=include_igos),
        type_=type_,
        since=since,
        until=until,
    )
    rows = [
        {
            **e,
            "cooperative_share": e["cooperative_share"],
            "coop": "" if e["cooperative_share"] is None else f"{e['cooperative_share']:.0%}",
        }
        for e in edges[:limit]
    ]
    if fmt is Fmt.table:
        _emit(
            iter(rows),
            fmt,
            [
                ("a", "a"),
                ("b", "b"),
                ("weight", "events"),
                ("coop", "coop."),
                ("goldstein_mean", "Goldstein mean"),
                ("outlets", "outlets"),
            ],
            f"network: {len(nodes)} actors, {len(edges)} dyads",
        )
        busiest = ", ".join(f"{n['code']} {n['events']}" for n in nodes[:10])
        err.print(f"busiest actors (events): {busiest}", highlight=False)
    else:
        _emit(iter([{k: v for k, v in r.items() if k != "coop"} for r in rows]), fmt, [], "network")
    if png or html:
        from warta.web import charts

        if png:
            charts.network_png(nodes, edges, png)
            err.print(f"warta: wrote {png}", highlight=False)
        if html:
            charts.write_html(charts.network_figure(nodes, edges), html)
            err.print(f"warta: wrote {html}", highlight=False)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[
        str,
        typer.Option(
            help="Address to bind; 127.0.0.1 keeps it on this machine. Limits: WARTA_QUERY_TIMEOUT (s), "
            "WARTA_QUERY_MEMORY, WARTA_QUERY_THREADS, WARTA_MAX_QUERIES."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """The read-only dashboard: filters, dyad timeline, network, events with their evidence; JSON API at
    /api/... (OpenAPI at /docs). Works offline.

    Example: warta serve --db news.duckdb --port 8000
    """
    import uvicorn

    from warta.web import create_app

    if not db.is_file():
        _fail(f"{db}: no such database; run 'warta analyze ... --db {db}' first")
        raise typer.Exit(2)
    if not _loopback(host):
        _warn(
            f"serving on {host}, which other machines can reach: the dashboard has no login; "
            "use --host 127.0.0.1 (the default) unless that is meant"
        )
    err.print(f"warta: serving {db} read-only at http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def report(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write index.html into.")],
    db: DbOpt = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="Dyads in the table.")] = 15,
    timelines: Annotated[int, typer.Option(min=0, help="Timelines drawn (the busiest dyads).")] = 4,
    by: Annotated[Period, typer.Option("--by", help="Period of the timelines.")] = Period.month,
    include_igos: IncludeIgos = False,
) -> None:
    """A static HTML report of the corpus (summary, top dyads, timelines, network, notable quotes): one
    self-contained file with Plotly inlined, readable offline, fit to mail.

    Example: warta report --db news.duckdb --out report/
    """
    from warta.web.data import DatabaseBusy, DatabaseMissing
    from warta.web.report import write_report

    try:
        path = write_report(
            db, out_dir, top=top, timelines=timelines, by=by.value, include_nonstate=include_igos
        )
    except (DatabaseBusy, DatabaseMissing) as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    err.print(f"warta: wrote {path}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
