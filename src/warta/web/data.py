"""Read-only access to a warta database for the dashboard and the report.

Every request opens its own read-only DuckDB connection and closes it when done. DuckDB lets many
processes read a file at once, but a read-only open fails while another process (``warta analyze``) holds
the write lock, and a writer cannot open the file while a reader has it open. Short connections keep the
dashboard from blocking an analysis for longer than one request, and a request that finds the file locked
gets :class:`DatabaseBusy` (HTTP 503 with Retry-After); the next request simply tries again.

The connection cannot change anything: it is opened ``read_only`` (no CREATE, INSERT, DROP on the
database), with file system access and extension loading off (no COPY TO, EXPORT, ATTACH, read_csv of
another file) and its configuration locked (a statement cannot raise its own limits). :class:`Limits`
caps its memory and threads and, with ``timeout``, the time of the work done through it: a timer
interrupts the running query when the time is up (:class:`QueryTimeout`). All SQL here takes its values
as ``?`` parameters.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from warta.dyads import state_codes
from warta.store import SENTENCE_TEXT_SQL, first_line, has_table, iter_rows


class DatabaseBusy(RuntimeError):
    """The file is locked by a writer (``warta analyze``), or the server is at its limit of concurrent
    queries; retry shortly."""


class DatabaseMissing(RuntimeError):
    """No such file, or not a warta database."""


class QueryTimeout(RuntimeError):
    """The request's database work took longer than :attr:`Limits.timeout`."""


class QueryTooLarge(RuntimeError):
    """The query needed more memory than :attr:`Limits.memory`."""


@dataclass(frozen=True)
class Limits:
    """What one request may use. From the environment with :meth:`from_env`:
    ``WARTA_QUERY_TIMEOUT`` (seconds, default 10; 0 turns the limit off), ``WARTA_QUERY_MEMORY`` (a DuckDB
    size, default 1GB), ``WARTA_QUERY_THREADS`` (default 2) and ``WARTA_MAX_QUERIES`` (requests working
    on the database at once, default 4; more wait up to the timeout, then get 503)."""

    timeout: float = 10.0
    memory: str = "1GB"
    threads: int = 2
    concurrent: int = 4

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if env is None else env
        d = cls()
        return cls(
            timeout=_env_number(env, "WARTA_QUERY_TIMEOUT", d.timeout, float, minimum=0),
            memory=_env_memory(env, "WARTA_QUERY_MEMORY", d.memory),
            threads=_env_number(env, "WARTA_QUERY_THREADS", d.threads, int, minimum=1),
            concurrent=_env_number(env, "WARTA_MAX_QUERIES", d.concurrent, int, minimum=1),
        )

    def config(self) -> dict[str, Any]:
        return {"threads": self.threads, "memory_limit": self.memory, **SAFE_CONFIG}


# every connection here, limited or not (the report's has DuckDB's own memory and thread defaults)
SAFE_CONFIG: dict[str, Any] = {
    "enable_external_access": False,  # no COPY TO / EXPORT / ATTACH / reading other files
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,  # SET cannot lift the limits, nor turn external access back on
}


def _warn(msg: str) -> None:
    print(f"warta: {msg}", file=sys.stderr)


def _env_number(env: Mapping[str, str], name: str, default: Any, kind: type, *, minimum: float) -> Any:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = kind(raw.strip())
    except ValueError:
        value = None
    if value is None or value != value or value < minimum or value == float("inf"):
        _warn(f"{name}={raw!r} is not a number >= {minimum:g}; using {default}")
        return default
    return value


def _env_memory(env: Mapping[str, str], name: str, default: str) -> str:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", raw, re.IGNORECASE):
        _warn(f"{name}={raw!r} is not a size such as 512MB or 2GB; using {default}")
        return default
    return raw


@contextmanager
def connect(
    path: str | Path, limits: Limits | None = None, *, timeout: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``path``, under ``limits`` if given (memory, threads); with ``timeout``
    (seconds), the work done in the ``with`` block is stopped by interrupting the running query when the
    time is up, and a block that ends after that raises :class:`QueryTimeout` as well (time spent in
    Python between queries counts)."""
    path = str(path)
    config = limits.config() if limits else dict(SAFE_CONFIG)
    if not Path(path).is_file():
        raise DatabaseMissing(f"{path}: no such database; run 'warta analyze ... --db {path}' first")
    try:
        con = duckdb.connect(path, read_only=True, config=config)
    except duckdb.IOException as exc:
        msg = first_line(exc)
        if "lock" in msg.lower():
            raise DatabaseBusy(
                f"{path} is being written by another process (warta analyze?); try again in a moment"
            ) from None
        raise DatabaseMissing(f"{path}: cannot open database ({msg})") from None
    except duckdb.ConnectionException:  # this very process holds a writing connection
        raise DatabaseBusy(f"{path} is open for writing in this process; try again in a moment") from None
    except duckdb.Error as exc:
        raise DatabaseMissing(f"{path}: not a warta database ({first_line(exc)})") from None
    expired = threading.Event()
    timer = None
    if timeout:

        def stop() -> None:
            expired.set()
            con.interrupt()

        timer = threading.Timer(timeout, stop)
        timer.daemon = True
        timer.start()
    too_slow = QueryTimeout(
        f"the query took longer than {timeout:g} s (WARTA_QUERY_TIMEOUT); narrow it with since/until, "
        "actor or type"
        if timeout
        else "the query was interrupted"
    )
    started = time.monotonic()
    try:
        yield con
    except duckdb.InterruptException:
        raise too_slow from None
    except duckdb.OutOfMemoryException:
        raise QueryTooLarge(
            f"the query needs more memory than the {config.get('memory_limit', 'memory')} the server allows "
            "(WARTA_QUERY_MEMORY); narrow it with since/until, actor or type"
        ) from None
    finally:
        if timer is not None:
            timer.cancel()
        con.close()
    # the timer's thread may not have run yet when a short block ends after its time: the clock decides
    if expired.is_set() or (timeout and time.monotonic() - started >= timeout):
        raise too_slow


@lru_cache(maxsize=1)
def pack_codes() -> frozenset[str]:
    """Every actor code the language pack can give: states, IGOs and blocs, WST."""
    from warta.lang import load_pack

    igos = {r["code"] for r in load_pack().tsv("igos.tsv") if r.get("code")}
    return state_codes() | igos


def db_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT DISTINCT c FROM (SELECT unnest(source_codes) AS c FROM events "
        "UNION SELECT unnest(target_codes) AS c FROM events) WHERE c IS NOT NULL AND c <> ''"
    ).fetchall()
    return {r[0] for r in rows}


def outlets(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet <> '' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What is in the database: counts, date ranges, codes, outlets."""
    one = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),"
        " (SELECT count(*) FROM events WHERE NOT negated), (SELECT count(*) FROM events WHERE negated),"
        " (SELECT count(*) FROM quotes), (SELECT min(published) FROM articles),"
        " (SELECT max(published) FROM articles),"
        " (SELECT min(date) FROM events WHERE NOT negated), (SELECT max(date) FROM events WHERE NOT negated)"
    ).fetchone()
    assert one is not None
    keys = (
        "documents",
        "articles",
        "near_duplicates",
        "coded_events",
        "negated_events",
        "quotes",
        "published_first",
        "published_last",
        "event_date_first",
        "event_date_last",
    )
    out = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(keys, one, strict=True)}
    out["outlets"] = outlets(con)
    out["codes"] = sorted(db_codes(con))
    return out


# The sentences of some articles, their text read from the articles as the `sentences` view does. Not the view
# itself: DuckDB does not push an IN list through its join, and would read every article's text (a second
# for a million articles) where this reads the few asked for.
_EVIDENCE_SENTENCES = f"""
SELECT s.article_id, s.idx, s.start, s."end", {SENTENCE_TEXT_SQL} AS text
FROM (SELECT * FROM sentence_spans WHERE article_id IN (SELECT unnest($1))) s
LEFT JOIN (SELECT id, text FROM articles WHERE id IN (SELECT unnest($1))) a ON a.id = s.article_id
"""
# a database of schema version 3 (which a reader does not move on) has the sentences' text in a table
_EVIDENCE_SENTENCES_V3 = (
    'SELECT article_id, idx, start, "end", text FROM sentences WHERE article_id IN (SELECT unnest($1))'
)


def trimmed(rec: dict[str, Any], limit: int, offset: int = 0) -> dict[str, Any]:
    """``rec`` with its reports ``offset`` to ``offset + limit``: that slice of its evidence and of its
    documents. ``num_evidence`` and ``num_documents`` still count them all, so that an event reported by
    700 articles costs a page 10 sentences, not 700, and the reader sees how many more there are."""
    return {
        **rec,
        "num_evidence": len(rec["evidence"]),
        "evidence": rec["evidence"][offset : offset + limit],
        "documents": rec["documents"][offset : offset + limit],
    }


def with_evidence(con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add to each evidence item its sentence text, the verb span within that sentence and the
    document's outlet and title, so that a reader sees why warta coded the event."""
    ids = sorted({ev["document"] for r in records for ev in r["evidence"]})
    if not ids:
        return records
    sents = {
        (row["article_id"], row["idx"]): row
        for row in iter_rows(
            con, _EVIDENCE_SENTENCES if has_table(con, "sentence_spans") else _EVIDENCE_SENTENCES_V3, [ids]
        )
    }
    arts = {
        row["id"]: row
        for row in iter_rows(
            con, "SELECT id, title, outlet, published FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        )
    }
    out = []
    for r in records:
        evidence = []
        for ev in r["evidence"]:
            s = sents.get((ev["document"], ev["sentence"]))
            a = arts.get(ev["document"]) or {}
            item = dict(ev)
            item["outlet"] = a.get("outlet")
            item["title"] = a.get("title")
            if s is not None:
                item["sentence_text"] = s["text"]
                vs, ve = ev["verb"]
                if vs is not None and ve is not None and s["start"] <= vs <= ve <= s["end"]:
                    item["verb_in_sentence"] = [vs - s["start"], ve - s["start"]]
                else:
                    item["verb_in_sentence"] = None
            else:
                item["sentence_text"] = None
                item["verb_in_sentence"] = None
            evidence.append(item)
        out.append({**r, "evidence": evidence})
    return out


QUOTE_COLUMNS = (
    "article_id",
    "sentence",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_code",
    "speaker_text",
    "cue",
    "direct",
)


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    codes: list[str] | None = None,
    limit: int = 30,
    offset: int = 0,
    only: bool = False,
) -> list[dict[str, Any]]:
    """Quotes with a speaker code, direct speech first; with ``codes``, speakers among those codes first
    (with ``only``, no other speakers)."""
    sql = """SELECT q.article_id, q.sentence, q.start, q."end", q.text, q.speaker, q.speaker_code,
                    q.speaker_text, q.cue, q.direct, a.outlet, a.published
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.speaker_code IS NOT NULL AND q.speaker_code <> ''
               AND (NOT ? OR list_contains(?, q.speaker_code))
             ORDER BY list_contains(?, q.speaker_code) DESC, q.direct DESC, a.published NULLS LAST,
                      q.article_id, q.start
             LIMIT ? OFFSET ?"""
    cs = list(codes or [])
    rows = []
    for row in iter_rows(con, sql, [bool(only), cs, cs, limit, offset]):
        sp = row.get("speaker")
        row["speaker"] = json.loads(sp) if isinstance(sp, str) and sp else sp
        if hasattr(row.get("published"), "isoformat"):
            row["published"] = row["published"].isoformat()
        rows.append(row)
    return rows
