"""The only place that writes: a DuckDB file holding documents, articles, sentences, mentions,
temporal expressions, events and quotes.

Idempotent by content hash: a document already stored is skipped; an article whose clean text is
already stored (an exact copy from another file) links its document to the stored article; a
near-duplicate (MinHash LSH over word shingles) is stored but linked to the article it copies
(``duplicate_of``), so a syndicated story is not counted as an independent source.
Each batch is written in one transaction: a crash loses at most the batch in flight, never half of it.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from warta import SCHEMA_VERSION, merge, rows
from warta.dedupe import NUM_PERM, NearDuplicateIndex
from warta.records import Analysis, Document
from warta.rows import Row, Rows

# A sentence is a slice of its article's text, so the text is not stored twice (it was a fifth of the file):
# sentence_spans keeps the offsets, and own_text only for a sentence that is not the slice it spans (none the
# pipeline makes). The view gives every sentence its text back, by the same name and columns as before.
# sentence s of article a (DuckDB counts characters from 1)
_SLICE_SQL = 'substring(a.text, s.start + 1, s."end" - s.start)'
# a sentence's text, for a query that joins sentence_spans s to articles a
SENTENCE_TEXT_SQL = f"coalesce(s.own_text, {_SLICE_SQL})"
SENTENCES_VIEW = f"""
CREATE VIEW IF NOT EXISTS sentences AS
SELECT s.article_id, s.idx, s.start, s."end", s.paragraph, {SENTENCE_TEXT_SQL} AS text
FROM sentence_spans s LEFT JOIN articles a ON a.id = s.article_id;
"""

# Version 3 kept each sentence's text in a table of its own; moving on copies its offsets to sentence_spans, a
# slice of sentences at a time (see _from_v3).
_V3_CHUNK = 100_000  # sentences: about 11 MB of their text and their articles' text at a time
_V3_SPANS = f"""
INSERT INTO sentence_spans
WITH s AS (SELECT *, rowid AS rid FROM sentences WHERE rowid >= $1 AND rowid < $2)
SELECT s.article_id, s.idx, s.start, s."end", s.paragraph,
       CASE WHEN s.text IS NOT DISTINCT FROM {_SLICE_SQL} THEN NULL ELSE s.text END
FROM s LEFT JOIN (
    SELECT id, text FROM articles WHERE id IN (SELECT unnest(list(DISTINCT article_id)) FROM s)
) a ON a.id = s.article_id
ORDER BY s.rid
"""


def _from_v3(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 3 to 4, inside the caller's transaction. A slice of sentences at a time, so that the writer's
    memory limit holds whatever the corpus's size: one statement over all of them joins every article's
    text, which ran out of the writer's 64 MB at 100,000 articles. The articles are looked up by a list of
    ids, not ``id IN (SELECT ...)``: DuckDB builds that semi-join's hash table on the articles' side, text
    and all (the same 64 MB ran out on one slice)."""
    con.execute(
        'CREATE TABLE sentence_spans (article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, '
        "paragraph INTEGER, own_text VARCHAR)"
    )
    (end,) = con.execute("SELECT coalesce(max(rowid) + 1, 0) FROM sentences").fetchone() or (0,)
    for lo in range(0, end, _V3_CHUNK):
        con.execute(_V3_SPANS, [lo, lo + _V3_CHUNK])
    con.execute("DROP TABLE sentences")
    con.execute(SENTENCES_VIEW)
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


# The older schema versions a writer moves on to SCHEMA_VERSION (Store._migrate), in place, in one
# transaction.
_MIGRATIONS: dict[str, Callable[[duckdb.DuckDBPyConnection], None]] = {"3": _from_v3}
MIGRATES_FROM = tuple(_MIGRATIONS)

# Only documents and articles carry a primary key: DuckDB keeps key indexes in memory, and the per-article
# rows (sentences, events) are unique by construction (an article is stored once, with all its rows, in
# one transaction), so their indexes would only grow the writer's memory with the corpus.
DDL = (
    """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, origin VARCHAR, url VARCHAR, encoding VARCHAR,
    status VARCHAR,            -- stored | duplicate | skipped
    reason VARCHAR, article_id VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, document_id VARCHAR, origin VARCHAR, url VARCHAR, title VARCHAR,
    outlet VARCHAR, published DATE, published_source VARCHAR, dateline VARCHAR, byline VARCHAR,
    language VARCHAR, relays VARCHAR[], text VARCHAR, removed_lines INTEGER,
    duplicate_of VARCHAR, similarity DOUBLE, minhash UBIGINT[], ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS sentence_spans (
    article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, paragraph INTEGER, own_text VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER, text VARCHAR, code VARCHAR,
    sector VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR);
CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR,
    precision VARCHAR, first_day DATE);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, merge_key VARCHAR, block_key VARCHAR, article_id VARCHAR, sentence INTEGER,
    event VARCHAR, mode VARCHAR, context VARCHAR, cameo VARCHAR, goldstein DOUBLE, modality VARCHAR,
    negated BOOLEAN, source JSON, target JSON, source_codes VARCHAR[], target_codes VARCHAR[],
    date DATE, date_precision VARCHAR, date_source VARCHAR, location JSON, text VARCHAR,
    verb_start INTEGER, verb_end INTEGER, verb_text VARCHAR, speaker JSON);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
    speaker JSON, speaker_code VARCHAR, speaker_text VARCHAR, cue VARCHAR, direct BOOLEAN);
"""
    + SENTENCES_VIEW
)


# what counts() counts, and where: a sentence is counted in its table, not through the view's join
_COUNTED = {t: t for t in ("documents", "articles", "mentions", "events", "quotes")} | {
    "sentences": "sentence_spans"
}

# The Arrow type the writer gives a column of each DuckDB type (see Store._arrow_types): explicit rather
# than inferred from the values, so that a column all None in a batch is typed too and DuckDB need not cast.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "UBIGINT[]": pa.list_(pa.uint64()),
}


class StoreError(RuntimeError):
    """A database problem, with a message fit for one line of output."""


@contextmanager
def writer_lock(path: str | Path) -> Iterator[None]:
    """One writer at a time: ``warta analyze`` holds ``<db>.lock`` for its whole run, so that a second one
    is refused at once with a clear message (readers are not affected; see ``Store(share=True)``)."""
    lock = Path(f"{path}.lock")
    fh = lock.open("a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        pid = fh.read().strip() or "?"
        fh.close()
        raise StoreError(
            f"{path}: another warta analyze (pid {pid}) is writing this database; wait for it to finish"
        ) from None
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


@dataclass
class WriteStats:
    stored: int = 0
    duplicates: int = 0  # exact copies of a stored article (linked, not stored again)
    near_duplicates: int = 0  # stored, but linked to the article they copy
    unchanged: int = 0  # documents already in the database
    skipped: int = 0
    events: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, other: WriteStats) -> None:
        for name in ("stored", "duplicates", "near_duplicates", "unchanged", "skipped", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reasons.update(other.reasons)


Columns = dict[str, list[Any]]


@dataclass
class _Rows:
    """The rows of one per-article table, and the article each belongs to."""

    rows: list[Row] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def add(self, article_id: str, new: Sequence[Row]) -> None:
        self.rows += new
        self.article_ids += [article_id] * len(new)

    def columns(self, names: list[str]) -> Columns:
        """``article_id``, then a column per name."""
        return {"article_id": self.article_ids, **rows.columns(names, self.rows)}


@dataclass
class _Batch:
    """The new rows of one write, turned into columns at the end (:meth:`tables`): a column is one pass
    over the batch's rows, and Arrow converts columns of a known type faster than it infers rows."""

    documents: list[Document] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)
    document_articles: list[str | None] = field(default_factory=list)
    articles: list[Row] = field(default_factory=list)
    article_documents: list[Document] = field(default_factory=list)
    duplicate_of: list[str | None] = field(default_factory=list)
    similarity: list[float | None] = field(default_factory=list)
    minhash: list[list[int] | None] = field(default_factory=list)
    sentences: _Rows = field(default_factory=_Rows)
    mentions: _Rows = field(default_factory=_Rows)
    timexes: _Rows = field(default_factory=_Rows)
    events: _Rows = field(default_factory=_Rows)
    quotes: _Rows = field(default_factory=_Rows)
    _published: dict[str, date | None] = field(default_factory=dict)  # article id -> publication date

    def add_document(self, doc: Document, status: str, reason: str | None, article_id: str | None) -> None:
        self.documents.append(doc)
        self.statuses.append(status)
        self.reasons.append(reason)
        self.document_articles.append(article_id)

    def add_article(
        self, doc: Document, art: Row, dup_of: str | None, sim: float | None, sig: list[int] | None
    ) -> None:
        self.articles.append(art)
        self._published[art[rows.ARTICLE_ID]] = art[rows.ARTICLE_PUBLISHED]
        self.article_documents.append(doc)
        self.duplicate_of.append(dup_of)
        self.similarity.append(sim)
        self.minhash.append(sig)

    def published(self, article_id: str) -> tuple[bool, date | None]:
        """Whether the batch holds this article, and its publication date."""
        if article_id not in self._published:
            return False, None
        return True, self._published[article_id]

    def tables(self, now: datetime) -> dict[str, Columns]:
        """Every table's new rows, as columns."""
        docs = self.documents
        return {
            "documents": {
                **_attribute_columns(docs, "id origin url encoding"),
                "status": self.statuses,
                "reason": self.reasons,
                "article_id": self.document_articles,
                "ingested_at": [now] * len(docs),
            },
            "articles": {
                **rows.columns(rows.ARTICLE, self.articles),
                **_attribute_columns(self.article_documents, document_id="id", origin="origin"),
                "duplicate_of": self.duplicate_of,
                "similarity": self.similarity,
                "minhash": self.minhash,
                "ingested_at": [now] * len(self.articles),
            },
            "sentence_spans": self.sentences.columns(rows.SENTENCE),
            "mentions": self.mentions.columns(rows.MENTION),
            "timexes": self.timexes.columns(rows.TIMEX),
            # merge_key is left NULL: the merge of the event's block sets it (Store._merge_blocks)
            "events": self.events.columns(rows.EVENT),
            "quotes": self.quotes.columns(rows.QUOTE),
        }


def _attribute_columns(records: Sequence[Any], attrs: str = "", **renamed: str) -> Columns:
    """A column per attribute of ``records`` named in ``attrs`` (space-separated; the column is named like
    it) and one per keyword (``column="attribute"``)."""
    pairs = [*((a, a) for a in attrs.split()), *renamed.items()]
    return {name: list(map(attrgetter(attr), records)) for name, attr in pairs}


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, where the C library has it (looked up among the symbols already loaded:
    ``find_library`` would start ldconfig to find the library)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, TypeError, AttributeError):  # not glibc (macOS, musl); Windows takes no None
        return None


def give_back_heap() -> None:
    """Hand the C heap's free pages back to the system. After the near-duplicate index of a million
    articles is read, about 90 MB of freed Arrow and numpy buffers stay in the heap otherwise."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=8)
def _valid_memory_limit(limit: str) -> bool:
    """Whether DuckDB takes ``limit`` as a memory limit (asked once per value: a connection costs 30 ms)."""
    try:
        duckdb.connect(":memory:", config={"memory_limit": limit}).close()
    except duckdb.Error:
        return False
    return True


WRITER_MEMORY_MB = 64  # the writer's DuckDB memory, beyond what its key indexes need (writer_memory_mb)
KEY_BYTES = 64  # memory per primary key: 1M documents and 1M articles needed 96-128 MB in all (64 did not do)


ID_LIST = 500  # ids looked up per query


def id_lists(ids: Sequence[str]) -> Iterator[list[str]]:
    """``ids`` in parts of at most ``ID_LIST``, for ``list_contains(?, id)``: DuckDB looks a list of values up
    in the primary key's index, so the cost follows the ids, not the table. ``id IN (SELECT unnest(?))``
    hash-joins against a scan of the whole table: for 200 ids, 1.1 / 3.5 / 27.5 ms among 10,000 / 100,000 /
    a million documents, against 2.0 / 2.8 / 2.9 ms (and 3.0 / 3.6 / 4.1 ms as ``IN (?, ?, ...)``)."""
    for lo in range(0, len(ids), ID_LIST):
        yield list(ids[lo : lo + ID_LIST])


def writer_memory_mb(keys: int) -> int:
    """The writer's memory limit (MB) for a database of ``keys`` documents and articles. DuckDB keeps the
    primary keys' indexes in memory and an insert reads them, so a fixed 64 MB ran out at a million
    articles; the limit grows with them (76 MB at 100,000 articles, 186 MB at a million)."""
    return WRITER_MEMORY_MB + keys * KEY_BYTES // 2**20


def duckdb_config(read_only: bool) -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB's settings for a reader or the writer (read once, when the store is opened).

    A bounded buffer pool keeps the writer's memory flat on a large corpus (DuckDB spills to disk), and
    one thread: the cores belong to the analysis workers, and every DuckDB thread holds buffers of its
    own. Both cost the writer nothing measurable (30,000 articles stored in 34-38 s with 1 or 2 threads,
    64 or 128 MB) and take 30-60 MB off its peak. Readers (export, events) get 512 MB: an export sorts
    every event under its filter, and DuckDB's sort of their text did not fit 128 MB at 100,000 articles
    (it ran in 512 MB for 6.3 million events, a million articles' worth)."""
    limit = os.environ.get("WARTA_DB_MEMORY", "512MB" if read_only else f"{WRITER_MEMORY_MB}MB")
    if not _valid_memory_limit(limit):
        raise StoreError(f"WARTA_DB_MEMORY={limit!r}: give an amount of memory such as 64MB or 1GB")
    cfg: dict[str, str | bool | int | float | list[str]] = {"memory_limit": limit}
    threads = os.environ.get("WARTA_DB_THREADS", "" if read_only else "1").strip()
    if threads:
        if not threads.isdigit() or int(threads) < 1:
            raise StoreError(f"WARTA_DB_THREADS={threads!r}: give a number of threads, 1 or more")
        cfg["threads"] = int(threads)
    return cfg


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False, share: bool = False) -> None:
        """Open (and for writing, create) a warta database.

        ``share``: the writer lets go of the file between batches (:meth:`release`) once it has held it for
        ``HOLD`` seconds, so that readers in other processes -- ``warta serve``, ``warta events`` -- get in
        while a long analysis runs; it takes the file back at its next batch, waiting up to ``WAIT``
        seconds for a reader to finish. (Letting go checkpoints the database: after every batch that cost
        the writer 0.45 ms an article, a third of its work on a two-core machine.) A reader waits up to
        ``READER_WAIT`` seconds for a writer to let go.
        """
        self.path = str(path)
        self.read_only = read_only
        self.share = share and not read_only
        self._con: duckdb.DuckDBPyConnection | None = None
        self._held_since = 0.0
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database; run 'warta analyze' first")
        self._config = duckdb_config(read_only)
        # the writer's limit follows the database's size, unless the user set one (WARTA_DB_MEMORY)
        self._fit = not read_only and not os.environ.get("WARTA_DB_MEMORY", "").strip()
        self._memory_mb = WRITER_MEMORY_MB
        self._con = self._connect()
        self.migrated_from: int | None = None  # the schema version this writer moved the file on from
        if not read_only:
            self._migrate()
            self._con.execute(DDL)
            self._check_version()
            self._fit_memory(self._con)
        self._lsh: NearDuplicateIndex | None = None
        self._types: dict[str, dict[str, pa.DataType]] = {}

    WAIT = 60.0
    HOLD = 5.0
    READER_WAIT = 3 * HOLD

    def _connect(self) -> duckdb.DuckDBPyConnection:
        wait = self.WAIT if self.share else self.READER_WAIT if self.read_only else 0.0
        deadline = time.monotonic() + wait
        while True:
            try:
                con = duckdb.connect(self.path, read_only=self.read_only, config=self._config)
                self._held_since = time.monotonic()
                return con
            except duckdb.IOException as exc:
                msg = first_line(exc)
                if "lock" not in msg.lower():
                    raise StoreError(f"{self.path}: cannot open database ({msg})") from None
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{self.path}: the database is in use by another warta process; wait for it to finish"
                    ) from None
                time.sleep(0.05)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: not a warta database ({first_line(exc)})") from None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self._connect()
            self._memory_mb = WRITER_MEMORY_MB  # a new connection starts from the configured limit
            self._fit_memory(self._con)
        return self._con

    def _fit_memory(self, con: duckdb.DuckDBPyConnection) -> None:
        """Give the writer the memory its key indexes need (:func:`writer_memory_mb`)."""
        if not self._fit:
            return
        row = con.execute(
            "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM articles)"
        ).fetchone()
        mb = writer_memory_mb(row[0] if row else 0)
        if mb != self._memory_mb:
            con.execute(f"SET memory_limit = '{int(mb)}MB'")
            self._memory_mb = mb

    def release(self) -> None:
        """Let other processes read the file until the next call that needs it (shared writers that have
        held it ``HOLD`` seconds)."""
        held = time.monotonic() - self._held_since
        if self.share and self._con is not None and held >= self.HOLD:
            self._con.close()
            self._con = None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Move a database of an older schema this warta knows on to :data:`SCHEMA_VERSION`, in place and in
        one transaction (a failure leaves it as it was). The space the old rows took is given back by
        ``warta compact``."""
        version = schema_version(self.con)
        if version not in _MIGRATIONS:
            return
        try:
            with self._transaction():
                _MIGRATIONS[version](self.con)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot move the database from schema version {version} to {SCHEMA_VERSION} "
                f"({first_line(exc)})"
            ) from None
        self.migrated_from = int(version)

    def _check_version(self) -> None:
        version = schema_version(self.con)
        if version is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(version) != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema version {version}, this warta writes {SCHEMA_VERSION}; "
                "use a new --db file"
            )

    # ---- reading helpers -------------------------------------------------------------------------
    def known_documents(self, ids: list[str]) -> set[str]:
        """Which of these document ids the database holds (a skipped one is tried again)."""
        sql = "SELECT id FROM documents WHERE status <> 'skipped' AND list_contains(?, id)"
        return self._present(sql, ids)

    def _stored_articles(self, ids: list[str]) -> set[str]:
        """Which of these article ids the database holds."""
        return self._present("SELECT id FROM articles WHERE list_contains(?, id)", ids)

    def _present(self, sql: str, ids: list[str]) -> set[str]:
        return {r[0] for r in self._by_ids(sql, ids)}

    def _by_ids(self, sql: str, ids: list[str]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` (its one parameter: a list of ids) for ``ids``, a query per ``ID_LIST``."""
        for part in id_lists(ids):
            yield from self.con.execute(sql, [part]).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _near_index(self) -> NearDuplicateIndex:
        if self._lsh is None:
            # the index keeps keys and band hashes; the signatures stay in the database until needed. In the
            # table's order, not sorted: a query's answer does not depend on the order (ties go to the
            # smaller key), and sorting a million signatures (512 bytes each) needs more memory than the
            # writer's limit (an incremental run on a million articles stopped there, out of memory)
            self._lsh = NearDuplicateIndex(fetch=self._signatures)
            reader = self.con.sql(
                "SELECT id, minhash FROM articles "  # noqa: S608 -- a constant, not user input
                f"WHERE minhash IS NOT NULL AND len(minhash) = {int(NUM_PERM)}"
            ).to_arrow_reader(20_000)
            # in slices of 10 MB: never the whole corpus's signatures as Python lists; at a million articles
            # slices of 50,000 peaked 90 MB higher (604 MB against 515) and read in 5.5 s against 5.9
            for batch in reader:
                flat = batch.column(1).flatten().to_numpy()
                sigs = flat.astype(np.uint64, copy=False).reshape(-1, NUM_PERM)
                self._lsh.add_many(batch.column(0).to_pylist(), sigs)
            give_back_heap()
        return self._lsh

    def _signatures(self, ids: list[str]) -> dict[str, list[int]]:
        """The stored MinHash signatures of these articles."""
        sql = "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND list_contains(?, id)"
        return dict(self._by_ids(sql, ids))

    def counts(self) -> dict[str, int]:
        out = {}
        for name, table in _COUNTED.items():
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            out[name] = row[0] if row else 0
        return out

    # ---- writing ------------------------------------------------------------------------------------
    def write(self, analyses: Sequence[Analysis | Rows], *, merge_now: bool = True) -> WriteStats:
        """Store one batch (analyses, or their :mod:`warta.rows`) in one transaction. ``merge_now``: also
        re-run the merge of the blocks its events fall in (in the same transaction); a long run leaves
        that to :meth:`merge_pending`."""
        stats = WriteStats()
        now = datetime.now(UTC).replace(tzinfo=None)
        batch = _Batch()
        items = [x if isinstance(x, Rows) else rows.of(x) for x in analyses]
        known = self.known_documents([x.document.id for x in items])
        batch_docs: set[str] = set()
        batch_articles: set[str] = set()
        lsh = self._near_index()
        stored = self._stored_articles([x.article[rows.ARTICLE_ID] for x in items if x.article is not None])
        try:
            lsh.prefetch(x.minhash for x in items if x.minhash)  # stored candidates: one query
            for x in items:
                doc = x.document
                if doc.id in known or doc.id in batch_docs:
                    stats.unchanged += 1
                    continue
                batch_docs.add(doc.id)
                if x.article is None:
                    stats.skipped += 1
                    stats.reasons[reason_group(x.error or "unknown")] += 1
                    batch.add_document(doc, "skipped", x.error, None)
                    continue
                art_id = x.article[rows.ARTICLE_ID]
                if art_id in batch_articles or art_id in stored:
                    stats.duplicates += 1
                    batch.add_document(doc, "duplicate", "same text as a stored article", art_id)
                    continue
                batch_articles.add(art_id)
                stats.stored += 1
                batch.add_document(doc, "stored", None, art_id)
                sig = x.minhash or []
                dup_of, sim = lsh.query(sig) if sig else (None, None)
                if dup_of:
                    stats.near_duplicates += 1
                if sig:
                    lsh.add(art_id, sig)
                batch.add_article(doc, x.article, dup_of, sim, sig or None)
                batch.sentences.add(art_id, x.sentences)
                batch.mentions.add(art_id, x.mentions)
                batch.timexes.add(art_id, x.timexes)
                events = x.events
                if dup_of:
                    # a syndicated copy reports the original's story: events dated only by the copy's own
                    # publication day take the original's, so that they merge with the original's events
                    orig = self._published(dup_of, batch)
                    if orig:
                        events = [_redated(e, orig) for e in events]
                stats.events += sum(not e[rows.EVENT_NEGATED] for e in events)
                batch.events.add(art_id, events)
                batch.quotes.add(art_id, x.quotes)
            tables = batch.tables(now)
            with self._transaction():
                # a previously skipped document that now succeeds replaces its old row
                ids = tables["documents"]["id"]
                for part in id_lists(ids):
                    self.con.execute("DELETE FROM documents WHERE list_contains(?, id)", [part])
                for table, columns in tables.items():
                    self._insert(table, columns)
                if merge_now:
                    self._merge_blocks(sorted(set(tables["events"]["block_key"])))
        except BaseException as exc:  # nothing stored: the batch's articles leave the index too
            for art_id in batch_articles:
                lsh.remove(art_id)
            if isinstance(exc, duckdb.OutOfMemoryException):
                raise StoreError(
                    f"{self.path}: the writer ran out of its memory ({first_line(exc)}); nothing of this "
                    "batch was stored, what was stored before is kept: give it more with WARTA_DB_MEMORY=1GB "
                    "and run again (stored documents are not read twice)"
                ) from None
            raise
        finally:
            lsh.forget()
        if stats.stored or stats.duplicates or stats.skipped:
            self._fit_memory(self.con)
        return stats

    def merge_pending(self) -> int:
        """Merge every block that holds an event not merged yet (stored by ``write(merge_now=False)``, or
        left by a run that was killed). Returns the number of blocks merged.

        The events of those blocks are copied in one scan into a temporary table sorted by block
        (:meth:`_select_for_merge`), then merged a slice at a time (about ``MERGE_CHUNK`` events, whole
        blocks; of each, only the runs new events fall in, :meth:`_merged_slices`); the changed keys are
        written back every ``MERGE_FLUSH`` of them, one transaction each. Reading each part with its own scan
        of the events made the merge quadratic (642 s for 2.9 million events of a 6.3-million-event
        database), and one transaction for all of it kept every changed key in memory until the commit,
        which ran out of the writer's memory there. A flush holds whole blocks and a block's grouping depends
        on its events only, so a run killed between two leaves complete blocks merged and the others pending
        (their new events have no key), which the next run merges."""
        blocks = [
            r[0]
            for r in self.con.execute(
                "SELECT DISTINCT block_key FROM events WHERE merge_key IS NULL ORDER BY 1"
            ).fetchall()
        ]
        if not blocks:
            return 0
        con = self.con
        # the changed keys wait in the database, not in Python, for the next flush (DuckDB spills them)
        con.execute("CREATE OR REPLACE TEMP TABLE warta_merge_keys (id VARCHAR, merge_key VARCHAR)")
        try:
            self._select_for_merge(blocks)
            waiting = 0
            for keys in self._merged_slices():
                con.execute("INSERT INTO warta_merge_keys SELECT id, merge_key FROM keys")
                waiting += keys.num_rows
                if waiting >= self.MERGE_FLUSH:
                    self._flush_merge_keys()
                    waiting = 0
            if waiting:
                self._flush_merge_keys()
        except duckdb.OutOfMemoryException as exc:
            raise StoreError(
                f"{self.path}: the merge ran out of the writer's memory ({first_line(exc)}); every event is "
                "stored and the blocks merged so far are kept: give it more with WARTA_DB_MEMORY=1GB and run "
                "again to merge the rest"
            ) from None
        finally:
            con.execute("DROP TABLE IF EXISTS warta_merging")
            con.execute("DROP TABLE IF EXISTS warta_merge_keys")
        return len(blocks)

    MERGE_FLUSH = 200_000  # changed merge keys written back in one transaction

    def _flush_merge_keys(self) -> None:
        """Write the waiting keys (whole blocks) to the events, in one transaction."""
        with self._transaction():
            self.con.execute(
                "UPDATE events SET merge_key = k.merge_key FROM warta_merge_keys k WHERE events.id = k.id"
            )
            self.con.execute("DELETE FROM warta_merge_keys")

    MERGE_CHUNK = 20_000  # events read (whole blocks) and merge keys written back at a time

    def _merge_blocks(self, blocks: list[str]) -> None:
        """Re-run the merge (:func:`warta.merge.cluster`) over the events of these blocks that new events
        may regroup and store each event's group, in the caller's transaction. A block's grouping is a pure
        function of its events, so the database does not depend on the order documents came in, nor on
        batches, runs or crashes."""
        if not blocks:
            return
        self._select_for_merge(blocks)  # a failure rolls the caller's transaction back, this table too
        for keys in self._merged_slices():  # noqa: B007 -- read by DuckDB's replacement scan
            self.con.execute(
                "UPDATE events SET merge_key = keys.merge_key FROM keys WHERE events.id = keys.id"
            )
        self.con.execute("DROP TABLE warta_merging")

    def _select_for_merge(self, blocks: list[str]) -> None:
        """Copy the events of these blocks into the temporary table ``warta_merging``, in block order: one
        scan of the events (a scan for each slice made the merge quadratic), which DuckDB sorts within its
        memory limit, spilling what does not fit."""
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE warta_merging AS "
            "SELECT id, block_key, date, date_precision, article_id, merge_key FROM events "
            "WHERE block_key IN (SELECT unnest(?)) ORDER BY block_key",
            [blocks],
        )

    def _merged_slices(self) -> Iterator[pa.Table]:
        """The merge of ``warta_merging`` a few blocks at a time (about ``MERGE_CHUNK`` events; a bigger
        block alone), so that memory, DuckDB's and Python's, is bounded by the largest block, not the corpus:
        for each slice, the events whose key it changes, with their new key (slices that change none are left
        out). Of each slice only the runs new events fall in are read into Python and re-merged
        (:func:`warta.merge.runs_sql`). A slice is a range of block keys, which DuckDB finds in the table's
        row groups from their minimum and maximum."""
        con = self.con
        sizes = con.execute("SELECT block_key, count(*) FROM warta_merging GROUP BY 1 ORDER BY 1").fetchall()
        query = merge.runs_sql("warta_merging WHERE block_key BETWEEN $1 AND $2")
        first, held = None, 0
        for k, (block, n) in enumerate(sizes):
            if first is None:
                first = block
            held += n
            if k + 1 < len(sizes) and held + sizes[k + 1][1] <= self.MERGE_CHUNK:
                continue
            rows = con.execute(query, [first, block]).fetchall()
            first, held = None, 0
            keys = _changed_keys(rows)
            del rows
            if keys.num_rows:
                yield keys

    def _published(self, article_id: str, batch: _Batch) -> date | None:
        held, published = batch.published(article_id)
        if held:
            return published
        found = self.con.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
        return found[0] if found else None

    def _insert(self, table: str, columns: Columns) -> None:
        if not next(iter(columns.values())):  # no rows
            return
        types = self._arrow_types(table)
        schema = pa.schema([(name, types[name]) for name in columns])
        batch = pa.Table.from_pydict(columns, schema=schema)  # noqa: F841 -- read by DuckDB's replacement scan
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM batch")  # noqa: S608

    def _arrow_types(self, table: str) -> dict[str, pa.DataType]:
        """The Arrow type of each column of ``table``, from its DuckDB type (asked once per Store)."""
        if table not in self._types:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()  # noqa: S608 -- a constant
            self._types[table] = {row[0]: _ARROW_TYPES[row[1]] for row in described}
        return self._types[table]


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the connection's database has a table (not a view) of this name."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND database_name = current_database()",
        [name],
    ).fetchone()
    return bool(found and found[0])


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The database's schema version as ``meta`` records it (None for a file that records none)."""
    if not has_table(con, "meta"):
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else None


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (DuckDB's run over several), or its type when it has none."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def compact(path: str | Path) -> tuple[int, int]:
    """Rewrite the database into a fresh file: the same tables, keys and rows, without the free blocks
    DuckDB's checkpoints leave behind (a database after a long run is about half as large again as its
    data). Done under the writer lock, as one copy that replaces the file only once it is complete: a
    compaction that fails or is killed leaves the database as it was. Readers that have the old file open
    keep reading it. Returns the file's size in bytes before and after."""
    db = Path(path)
    if not db.is_file():
        raise StoreError(f"{db}: no such database; run 'warta analyze' first")
    try:  # a warta database of this version, before anything is written to it
        probe = duckdb.connect(str(db), read_only=True)
        try:
            row = probe.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            probe.close()
    except duckdb.Error as exc:
        raise StoreError(f"{db}: cannot compact, not a warta database ({first_line(exc)})") from None
    if row is None or row[0] not in (str(SCHEMA_VERSION), *MIGRATES_FROM):  # an older one is moved on first
        known = ", ".join([*MIGRATES_FROM, str(SCHEMA_VERSION)])
        raise StoreError(f"{db}: cannot compact, not a warta database of schema version {known}")
    tmp = db.with_name(db.name + ".compact")
    db_wal, tmp_wal = Path(f"{db}.wal"), Path(f"{tmp}.wal")
    with writer_lock(db):
        for leftover in (tmp, tmp_wal):  # from a compaction that was killed
            leftover.unlink(missing_ok=True)
        before = db.stat().st_size
        store = Store(db, share=True)  # waits for readers to let go, as the writer does
        try:
            con = store.con
            con.execute("CHECKPOINT")
            (source,) = con.execute("SELECT current_database()").fetchone() or ("memory",)
            con.execute(f"ATTACH {_sql_string(str(tmp))} AS warta_compact")
            try:
                alias = '"' + source.replace('"', '""') + '"'
                con.execute(f"COPY FROM DATABASE {alias} TO warta_compact")
            finally:
                con.execute("DETACH warta_compact")
        except duckdb.Error as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{db}: cannot compact ({first_line(exc)})") from None
        finally:
            store.close()
        if db_wal.exists() or tmp_wal.exists():  # not checkpointed: the copy might miss what the log holds
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{db}: cannot compact, its write-ahead log was not folded in; try again")
        os.replace(tmp, db)
        return before, db.stat().st_size


def _redated(event: Row, day: date) -> Row:
    """An event row dated ``day`` if its own date is only its article's publication day."""
    if event[rows.EVENT_DATE_SOURCE] != "publication":
        return event
    d = rows.EVENT_DATE
    return (*event[:d], day, *event[d + 1 :])


def reason_group(reason: str) -> str:
    """The kind of a failure, for the summary: the reason without its particulars."""
    return reason.split(" (")[0]


_DATED_FIELDS = itemgetter(slice(0, 5))  # a merge row's id, block_key, date, date_precision, article_id


def _changed_keys(rows: list[tuple[Any, ...]]) -> pa.Table:
    """The merge (:func:`warta.merge.cluster`) of these whole blocks' events (rows of id, block_key, date,
    date_precision, article_id, merge_key): the events whose key it changes, with their new key."""
    groups = merge.cluster(map(merge.Dated._make, map(_DATED_FIELDS, rows)))
    changed = [(r[0], groups[r[0]]) for r in rows if groups[r[0]] != r[5]]
    return pa.table({"id": [c[0] for c in changed], "merge_key": [c[1] for c in changed]})


def iter_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> Iterator[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    while True:
        chunk = cur.fetchmany(1000)
        if not chunk:
            return
        for row in chunk:
            yield dict(zip(names, row, strict=True))
