"""Running the per-document stages over a corpus: in this process, on a local process pool, or as Dask
tasks on a cluster -- the pipeline itself (:func:`warta.pipeline.analyse`) is the same function in all
three.

Documents stream from the inputs in windows of a bounded size; the documents of a window the database
already holds are dropped before any analysis (an incremental run only analyses what is new); the rest
are analysed by the chosen executor and come back **in input order** to the one writer, which stores
them in batches. Memory is bounded by the window, not by the corpus, and the database does not depend
on which worker finished first.
"""

from __future__ import annotations

import gc
import itertools
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from warta import rows
from warta.records import Document
from warta.rows import Rows
from warta.sources import InputError, discover, read
from warta.store import Store, WriteStats, reason_group

AHEAD = 1  # windows analysed ahead of the one being written
# seconds between merges during a run (and one at its end): the merge re-reads every event of the blocks
# new events fall in, so after every batch it would cost a busy corpus more than the analysis; until
# then, readers see a new event as a row of its own
MERGE_EVERY = 300.0
# ... and at least ten times as long as the last merge took: a merge re-reads its blocks whole, so on a big
# corpus it grows with everything stored (9 s at 100,000 synthetic articles, about 90 s at a million) and
# the workers wait while the writer merges; this keeps merging under a tenth of the run
MERGE_SHARE = 0.1


_clock = time.monotonic  # the merges' clock (a test runs a fake one)


def merge_wait(took: float) -> float:
    """Seconds from the end of a merge that took ``took`` seconds to the next one during a run."""
    return max(MERGE_EVERY, took / MERGE_SHARE)


# the pipeline, and the unpickling of its results in the writer, make millions of small objects, hardly
# any in a reference cycle; at CPython's default thresholds (700, 10, 10) the cyclic collector took three
# quarters of the writer's unpickling time and several per cent of the analysis
GC_THRESHOLDS = (50_000, 20, 100)


def batch_gc() -> None:
    """Tune this process's cyclic garbage collector for a long batch run: what is loaded so far (modules,
    language pack, models) is frozen out of its scans, and it runs about seventy times less often.
    Reference counting still frees almost everything at once; only cyclic garbage waits longer."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class Executor(Protocol):
    def map(self, docs: list[Document]) -> Iterator[Rows]:
        """The analyses of ``docs`` as the rows the store writes, in their order; the work starts at the
        call, results are read lazily."""
        ...

    def close(self) -> None: ...


# ---------------------------------------------------------------------------------------- executors


def _parts(docs: list[Document], size: int) -> list[list[Document]]:
    """A window cut into tasks of ``size`` documents."""
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def _analyse_many(docs: list[Document]) -> list[Rows]:
    from warta.pipeline import analyse

    return [rows.of(analyse(d)) for d in docs]


def _analyse_remote(docs: list[Document]) -> list[Rows]:
    """:func:`_analyse_many` in a worker, in rows (cheap to pickle, see :mod:`warta.rows`); the document's
    own text does not travel back (the writer has the document and stores only its metadata; an HTML
    page can be many times its article)."""
    from warta.pipeline import analyse

    return [rows.of(an, replace(an.document, text="")) for an in map(analyse, docs)]


def _rejoin(docs: list[Document], results: Iterable[Rows]) -> Iterator[Rows]:
    """The rows of a remote executor with the writer's own documents put back, in input order."""
    for doc, r in zip(docs, results, strict=True):
        yield r._replace(document=doc)


class Serial:
    """In this process."""

    def map(self, docs: list[Document]) -> Iterator[Rows]:
        return iter(_analyse_many(docs))

    def close(self) -> None:
        pass


def _warm() -> None:
    from warta.lang import load_pack
    from warta.pipeline import load_resources

    load_resources(load_pack())
    batch_gc()


class LocalPool:
    """A pool of ``workers`` processes on this machine; each loads the language pack once.

    Where workers are forked (Linux), this process loads the models before it starts them and lets go of
    them after: the workers share one copy of the models' pages instead of each loading its own (about
    105 MB a worker: py3langid's model and the name recogniser's), and the writer does not keep them."""

    def __init__(self, workers: int, chunk: int = 8) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from warta import langid, ner

        self.chunk = chunk
        context = multiprocessing.get_context()
        forked = context.get_start_method() == "fork"
        if forked:
            langid.load_model()
            ner.load_model()
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm, mp_context=context)
        if forked:
            # with "fork", the first task starts every worker at once (concurrent.futures does not start
            # forked workers on demand), so the models can go once it is done
            self.pool.submit(int).result()
            langid.unload_model()
            ner.unload_model()

    def map(self, docs: list[Document]) -> Iterator[Rows]:
        results = self.pool.map(_analyse_remote, _parts(docs, self.chunk))
        return _rejoin(docs, (an for result in results for an in result))

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """Dask tasks, one per partition of a window; ``address`` is a scheduler (``tcp://host:8786``) or
    ``local`` for a LocalCluster of ``workers`` single-threaded worker processes on this machine."""

    def __init__(self, address: str, workers: int, chunk: int = 16) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - depends on the install
            raise RuntimeError("Dask is not installed: pip install 'warta[dask]'") from None
        self.chunk = chunk
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)
            # our own workers: load the language pack up front and tune their collector as the pool's
            # (a user's cluster is left as its owner set it up)
            self.client.run(_warm)
        else:
            self.client = Client(address)

    def map(self, docs: list[Document]) -> Iterator[Rows]:
        futures = self.client.map(_analyse_remote, _parts(docs, self.chunk), pure=False)
        # in submission order: the writer sees the input order
        return _rejoin(docs, (an for fut in futures for an in fut.result()))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def executor_for(workers: int, dask: str | None) -> Executor:
    if dask:
        return DaskExecutor(dask, max(1, workers))
    if workers <= 1:
        return Serial()
    return LocalPool(workers)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------- the run


@dataclass
class RunReport:
    """What a run did, in counts: a run over millions of inputs keeps no per-input record (each failure
    went to ``Hooks.skipped`` as it happened)."""

    files: int = 0
    documents: int = 0
    analysed: int = 0
    skipped: int = 0  # inputs (files, records) not stored, for ``reasons``
    reasons: Counter[str] = field(default_factory=Counter)  # reason (without its details) -> inputs
    first_failure: InputError | None = None
    totals: WriteStats = field(default_factory=WriteStats)
    stopped: bool = False

    def fail(self, err: InputError) -> None:
        self.skipped += 1
        self.reasons[reason_group(err.reason)] += 1
        if self.first_failure is None:
            self.first_failure = err


@dataclass
class Hooks:
    """What the caller wants to hear about as the run goes (the CLI prints these)."""

    skipped: Callable[[InputError], None] = lambda e: None
    warning: Callable[[str], None] = lambda line: None
    file_started: Callable[[Path], None] = lambda path: None
    file_done: Callable[[Path], None] = lambda path: None


def iter_documents(
    inputs: Iterable[Path | InputError], report: RunReport, hooks: Hooks
) -> Iterator[Document]:
    for item in inputs:
        if isinstance(item, InputError):
            report.fail(item)
            hooks.skipped(item)
            continue
        report.files += 1
        hooks.file_started(item)
        for doc in read(item):
            report.documents += 1
            if isinstance(doc, InputError):
                report.fail(doc)
                hooks.skipped(doc)
                continue
            yield doc
        hooks.file_done(item)


def run(
    inputs: Iterable[Path | InputError] | Iterable[str],
    store: Store,
    executor: Executor,
    *,
    batch_size: int = 200,
    strict: bool = False,
    hooks: Hooks | None = None,
) -> RunReport:
    """Analyse every new document under ``paths`` and store it; see the module docstring."""
    hooks = hooks or Hooks()
    report = RunReport()
    items: Iterator[Path | InputError | str] = iter(inputs)
    first = next(items, None)
    if first is not None:
        items = itertools.chain([first], items)
        if isinstance(first, str):  # paths, folders and globs, expanded as the run goes
            items = discover(str(x) for x in items)
    window: list[Document] = []
    pending: deque[Iterator[Rows]] = deque()  # windows handed to the executor, oldest first

    def submit() -> None:
        known = store.known_documents([d.id for d in window])
        fresh = [d for d in window if d.id not in known]
        report.totals.unchanged += len(window) - len(fresh)
        pending.append(executor.map(fresh) if fresh else iter(()))
        window.clear()

    next_merge = _clock() + MERGE_EVERY

    def drain() -> bool:
        """Store the oldest window in flight (at most ``batch_size`` documents: one transaction); False
        when --strict says stop."""
        nonlocal next_merge
        analyses = list(pending.popleft())
        for an in analyses:
            report.analysed += 1
            for note in an.warnings:
                hooks.warning(f"{an.document.origin}: {note}")
            if an.error:
                err = InputError(an.document.origin, an.error)
                report.fail(err)
                hooks.skipped(err)
        if analyses:
            report.totals.add(store.write(analyses, merge_now=False))
        if _clock() >= next_merge:
            started = _clock()
            store.merge_pending()
            next_merge = _clock() + merge_wait(_clock() - started)
        store.release()  # readers (warta serve) may look in until the next batch
        return not (strict and report.skipped)

    go_on = True
    for doc in iter_documents(items, report, hooks):  # type: ignore[arg-type]
        window.append(doc)
        if strict and report.skipped:
            go_on = False
            break
        if len(window) >= batch_size:
            submit()  # the workers analyse this window while the writer stores the one before
            if len(pending) > AHEAD and not drain():
                go_on = False
                break
    if go_on and window and not (strict and report.skipped):
        submit()
    while go_on and pending:
        go_on = drain()
    store.merge_pending()  # also what a killed run left unmerged
    report.stopped = strict and bool(report.skipped)
    return report
