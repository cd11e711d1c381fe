"""The runner: the same corpus through this process, a local process pool and a real Dask LocalCluster
gives the same database; incremental runs analyse only what is new."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from warta.export import merged_events
from warta.runner import LocalPool, Serial, run
from warta.store import Store
from warta.synthetic import corpus as synthetic_corpus
from warta.synthetic import write


def _export(db: Path) -> list[dict]:
    with Store(db) as st:
        return list(merged_events(st.con))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write(folder, 200, seed=11)
    return folder


def test_local_pool_and_dask_give_the_same_events(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from warta.runner import DaskExecutor

    with Store(tmp_path / "serial.duckdb") as st:
        rep = run([str(corpus)], st, Serial(), batch_size=50)
    assert rep.totals.stored == 200 and rep.skipped == 0 and rep.first_failure is None
    pool = LocalPool(2)
    try:
        with Store(tmp_path / "pool.duckdb") as st:
            run([str(corpus)], st, pool, batch_size=50)
    finally:
        pool.close()
    dask = DaskExecutor("local", 2)
    try:
        assert len(dask.client.scheduler_info()["workers"]) == 2
        with Store(tmp_path / "dask.duckdb") as st:
            run([str(corpus)], st, dask, batch_size=50)
    finally:
        dask.close()
    serial = _export(tmp_path / "serial.duckdb")
    assert len(serial) > 500
    assert _export(tmp_path / "pool.duckdb") == serial
    assert _export(tmp_path / "dask.duckdb") == serial
    del distributed


def test_incremental_run_analyses_only_new_documents(corpus: Path, tmp_path: Path) -> None:
    files = sorted(corpus.iterdir())
    db = tmp_path / "inc.duckdb"
    with Store(db) as st:
        first = run([str(f) for f in files[:150]], st, Serial())
    with Store(db) as st:
        second = run([str(corpus)], st, Serial())
    assert first.analysed == 150
    assert second.analysed == 50 and second.totals.unchanged == 150
    # the database equals the one a single run builds
    with Store(tmp_path / "once.duckdb") as st:
        run([str(corpus)], st, Serial())
    assert _export(db) == _export(tmp_path / "once.duckdb")


def test_inputs_are_read_as_the_run_goes_not_listed_first(corpus: Path, tmp_path: Path) -> None:
    from warta.runner import Hooks

    files = sorted(corpus.iterdir())[:12]
    pulled: list[int] = []
    at_start: list[int] = []

    def inputs():
        for f in files:
            pulled.append(1)
            yield f

    hooks = Hooks(file_started=lambda p: at_start.append(len(pulled)))
    with Store(tmp_path / "stream.duckdb") as st:
        rep = run(inputs(), st, Serial(), batch_size=5, hooks=hooks)
    assert rep.files == 12 and rep.totals.stored == 12
    assert at_start == list(range(1, 13))  # each file is taken from the inputs when its turn comes


def test_forked_pool_shares_the_models_and_the_writer_lets_go_of_them() -> None:
    """The writer loads py3langid and the recogniser for its forked workers to inherit, then drops them;
    the workers still tell an English page from an Indonesian one and tag names."""
    import multiprocessing

    from warta import langid, ner
    from warta.records import Document
    from warta.rows import MENTION

    if multiprocessing.get_context().get_start_method() != "fork":
        pytest.skip("workers are not forked on this platform")
    english = "The minister said on Tuesday that the government would review the agreement. " * 6
    indonesian = (
        "JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu dengan Menlu Australia Penny Wong di Jakarta "
        "pada Selasa (9/4/2024). Kedua menteri sepakat memperkuat kerja sama maritim kedua negara. "
    ) * 3
    docs = [
        Document(id="en", origin="en.txt", text=english, encoding="utf-8"),
        Document(id="id", origin="id.txt", text=indonesian, encoding="utf-8"),
    ]
    pool = LocalPool(2)
    try:
        assert langid._identifier.cache_info().currsize == 0
        assert ner._tagger.cache_info().currsize == 0
        en, ind = pool.map(docs)
    finally:
        pool.close()
    assert en.article is None and en.error and "Indonesian" in en.error
    assert ind.article is not None and ind.events
    names = {m[MENTION.index("name")] for m in ind.mentions}
    assert names >= {"Retno Marsudi", "Penny Wong"}


def test_synthetic_new_words_grow_the_vocabulary_and_leave_the_default_corpus_alone() -> None:
    plain = list(synthetic_corpus(40))
    grown = list(synthetic_corpus(40, new_words=10))
    assert [(n, d) for n, _, d in plain] == [(n, d) for n, _, d in grown]
    for (_, a, _), (_, b, _) in zip(plain, grown, strict=True):
        extra = b.replace(a.split("\n\nBagikan :")[0], "", 1)
        assert extra.startswith("\n\nPengamat ")  # one paragraph added before the share links, nothing else
        assert b.replace(extra.split("\n\nBagikan :")[0], "", 1) == a

    def vocabulary(texts: list[str]) -> set[str]:
        return {w for t in texts for w in re.findall(r"\w+", t)}

    first, second = [t for _, t, _ in grown[:20]], [t for _, t, _ in grown[20:]]
    fresh = vocabulary(second) - vocabulary(first)
    assert len(fresh) >= 20 * 10  # every article brings about ten forms the others do not have
    assert len(vocabulary([t for _, t, _ in plain[20:]]) - vocabulary([t for _, t, _ in plain[:20]])) < len(
        fresh
    )


def test_merges_during_a_run_take_at_most_a_tenth_of_it(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """On a big corpus a merge re-reads much of it: the next one waits ten times as long as the last took
    (and at least MERGE_EVERY), and a run still ends merged. A fake clock: each batch takes 60 s, each merge
    as long as the test says."""
    from warta import runner

    now = [0.0]
    monkeypatch.setattr(runner, "_clock", lambda: now[0])
    merges: list[float] = []

    class Timed(Store):
        cost = 20.0

        def write(self, *args, **kwargs):
            now[0] += 60.0
            return super().write(*args, **kwargs)

        def merge_pending(self) -> int:
            merges.append(now[0])
            now[0] += self.cost
            return super().merge_pending()

    files = sorted(corpus.iterdir())[:40]
    counts = {}
    for cost in (20.0, 100.0):
        merges.clear()
        now[0] = 0.0
        Timed.cost = cost
        with Timed(tmp_path / f"m{cost:g}.duckdb") as st:
            rep = run([str(f) for f in files], st, Serial(), batch_size=1)
            assert rep.totals.stored == 40
            pending = st.con.execute("SELECT count(*) FROM events WHERE merge_key IS NULL").fetchone()[0]
        assert pending == 0  # the last merge, at the end of the run
        during, last = merges[:-1], merges[-1]
        assert during[0] == runner.MERGE_EVERY and last == 40 * 60.0 + cost * len(during)
        gaps = [b - (a + cost) for a, b in itertools.pairwise(during)]
        assert gaps and all(runner.merge_wait(cost) <= g < runner.merge_wait(cost) + 60.0 for g in gaps)
        counts[cost] = len(during)
    assert counts[100.0] < counts[20.0]
    assert runner.merge_wait(20.0) == runner.MERGE_EVERY and runner.merge_wait(100.0) == 1000.0
