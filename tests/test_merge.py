"""The corpus-level merge: which stored events are one real-world event."""

from __future__ import annotations

from datetime import date

from warta.merge import Dated, block_key, cluster, interval


def _d(eid: str, day: date | None, precision: str, block: str = "b", article: str = "a") -> Dated:
    return Dated(eid, block, day, precision, article)


def test_intervals() -> None:
    assert interval(date(2024, 4, 10), "week") == (date(2024, 4, 8), date(2024, 4, 14))
    assert interval(date(2024, 2, 1), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval(date(2024, 4, 10), "on_or_before") == (date(2024, 4, 3), date(2024, 4, 10))
    assert interval(None, "day") is None


def test_an_undated_report_takes_the_day_another_report_states() -> None:
    # outlet A: "bertemu pada hari Kamis" (4 May); outlet B, published 6 May, gives no date
    groups = cluster([_d("a", date(2023, 5, 4), "day"), _d("b", date(2023, 5, 6), "on_or_before", article="x")])
    assert groups["a"] == groups["b"]


def test_two_days_are_two_events_and_an_undated_report_joins_the_nearer() -> None:
    groups = cluster(
        [
            _d("mon", date(2024, 4, 1), "day"),
            _d("thu", date(2024, 4, 4), "day"),
            _d("pub", date(2024, 4, 5), "on_or_before", article="x"),
        ]
    )
    assert groups["mon"] != groups["thu"]
    assert groups["pub"] == groups["thu"]


def test_an_old_report_window_does_not_reach_back() -> None:
    groups = cluster([_d("a", date(2023, 5, 4), "day"), _d("b", date(2023, 5, 20), "on_or_before")])
    assert groups["a"] != groups["b"]


def test_months_only_merge_with_the_same_month() -> None:
    groups = cluster(
        [_d("day", date(2023, 3, 21), "day"), _d("m1", date(2023, 3, 1), "month"), _d("m2", date(2023, 3, 1), "month")]
    )
    assert groups["m1"] == groups["m2"] != groups["day"]


def test_blocks_never_mix_and_order_does_not_matter() -> None:
    evs = [
        _d("a", date(2023, 5, 4), "day", block="consult"),
        _d("b", date(2023, 5, 4), "day", block="accuse"),
        _d("c", date(2023, 5, 5), "on_or_before", block="consult"),
        _d("d", date(2023, 5, 1), "week", block="consult"),
    ]
    g1, g2 = cluster(evs), cluster(list(reversed(evs)))
    assert g1 == g2
    assert g1["a"] != g1["b"]
    assert g1["a"] == g1["c"] == g1["d"]


def test_undated_events_stay_in_their_article() -> None:
    groups = cluster([_d("a", None, "on_or_before", article="p"), _d("b", None, "on_or_before", article="q")])
    assert groups["a"] != groups["b"]


def test_block_key_direction() -> None:
    assert block_key("CONSULT", None, ["IDN"], ["JPN"], "asserted") == block_key("CONSULT", None, ["JPN"], ["IDN"], "asserted")
    assert block_key("ACCUSE", None, ["IDN"], ["JPN"], "asserted") != block_key("ACCUSE", None, ["JPN"], ["IDN"], "asserted")
    assert block_key("CONSULT", "visit", ["IDN"], ["JPN"], "asserted") != block_key("CONSULT", "visit", ["JPN"], ["IDN"], "asserted")
    assert block_key("CONSULT", None, ["IDN"], ["JPN"], "asserted") != block_key("CONSULT", None, ["IDN"], ["JPN"], "intended")
