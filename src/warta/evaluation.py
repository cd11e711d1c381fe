"""Scoring exported events against hand-annotated gold events.

Gold is a list of mappings (YAML in practice) with ``doc`` -- a string that identifies one document, matched
against the start of the file name of each document a record lists -- ``event``, ``source``, ``target``
and optionally ``date`` (``YYYY-MM-DD``, or null when the text gives no date), ``precision``,
``modality`` and ``negated`` (the text says it did not happen: it must not be exported).
Meetings, agreements and cooperation match in either direction. A record counts once per gold
document it lists, so a merged row reported by two annotated documents can be right for both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from warta.merge import is_mutual


@dataclass
class Score:
    matched: list[dict[str, Any]] = field(default_factory=list)  # gold items found
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold items not found
    wrong: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (doc, record) matching no gold
    negated_exported: list[dict[str, Any]] = field(default_factory=list)
    correct_rows: int = 0

    @property
    def recall(self) -> float:
        n = len(self.matched) + len(self.missed)
        return len(self.matched) / n if n else 1.0

    @property
    def precision(self) -> float:
        n = self.correct_rows + len(self.wrong)
        return self.correct_rows / n if n else 1.0


def _docs_of(record: dict[str, Any], docs: set[str]) -> set[str]:
    out = set()
    for d in record["documents"]:
        name = PurePath(d.get("path") or d.get("url") or "").name
        out |= {k for k in docs if name.startswith(k)}
    return out


def _codes(side: list[dict[str, Any]]) -> set[str]:
    return {a["code"] for a in side}


def matches(record: dict[str, Any], gold: dict[str, Any]) -> bool:
    if record["event"] != gold["event"]:
        return False
    src, tgt = _codes(record["source"]), _codes(record["target"])
    g_src, g_tgt = str(gold["source"]), str(gold["target"])
    same = g_src in src and g_tgt in tgt
    if not same and is_mutual(record["event"], record.get("mode")):
        same = g_src in tgt and g_tgt in src
    if not same:
        return False
    if gold.get("modality") and record["modality"] != gold["modality"]:
        return False
    if gold.get("date"):
        if record["date"] != str(gold["date"]):
            return False
        if gold.get("precision") and record["date_precision"] != gold["precision"]:
            return False
    return True


def score(records: Iterable[dict[str, Any]], gold: list[dict[str, Any]]) -> Score:
    gold = [{**g, "doc": str(g.get("doc", g.get("seed")))} for g in gold]
    docs = {g["doc"] for g in gold}
    records = list(records)
    sc = Score()
    found: set[int] = set()
    for rec in records:
        for doc in _docs_of(rec, docs):
            hits = [i for i, g in enumerate(gold) if g["doc"] == doc and matches(rec, g)]
            if any(gold[i].get("negated") for i in hits):
                sc.negated_exported.append(rec)
            good = [i for i in hits if not gold[i].get("negated")]
            if good:
                sc.correct_rows += 1
                found.update(good)
            else:
                sc.wrong.append((doc, rec))
    for i, g in enumerate(gold):
        if g.get("negated"):
            continue
        (sc.matched if i in found else sc.missed).append(g)
    return sc
