"""Property test of the whole per-document pipeline on generated Indonesian-like news text: no internal
error, and every offset it stores points at the words it claims (evidence must be traceable)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.pipeline import analyse
from warta.records import Document

WORDS = [
    "Menteri Luar Negeri China Wang Yi",
    "Presiden Prabowo Subianto",
    "Rusia",
    "Amerika Serikat",
    "Jepang",
    "Kedua belah pihak",
    "keduanya",
    "ia",
    "dia",
    "pasukan mereka",
    "PBB",
    "ASEAN",
    "Barat",
    "Kremlin",
    "bertemu dengan",
    "mengecam",
    "menolak mengutuk",
    "tidak akan",
    "bersedia",
    "mendesak",
    "menuduh",
    "sepakat",
    "bentrok",
    "saling",
    "mengatakan bahwa",
    "kata",
    "menurut",
    "bersikeras bahwa",
    "harus",
    "dalam pertemuan dengan",
    "pada Selasa (9 April)",
    "kemarin",
    "bulan lalu",
    "sejak 2020",
    "Jumat depan",
    "Senin (30/12) lalu",
    "pada kuartal III 2023",
    "Idul Fitri",
    "di Jakarta",
    "ke Beijing",
    "di PBB",
    "seperti dikutip dari Reuters,",
    "Baca Juga:",
    "Advertisement",
    ",",
    ".",
    "“",
    "”",
    "(",
    ")",
    "-",
    "\n\n",
    "dan",
    "yang",
    "untuk",
    "itu",
    "tersebut",
    "kerja sama",
    "sanksi",
    "bantuan",
    "Tiongkok",
    "Moskow",
]


@st.composite
def articles(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=8, max_value=120))
    return "JAKARTA, KOMPAS.com - " + " ".join(draw(st.sampled_from(WORDS)) for _ in range(n))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_pipeline_never_fails_and_offsets_hold(text: str) -> None:
    an = analyse(Document(id="p", origin="prop.txt", text=text))
    assert an.error is None or not an.error.startswith("internal error"), an.error
    if an.article is None:
        return
    body = an.article.text
    for s in an.sentences:
        assert body[s.start : s.end] == s.text
    for m in an.mentions:
        assert 0 <= m.start < m.end <= len(body) and body[m.start : m.end] == m.text
    for t in an.timexes:
        assert body[t.start : t.end] == t.text
    for e in an.events:
        assert body[e.verb_start : e.verb_end] == e.verb_text
        assert e.text in body and e.source and e.target
        assert e.date_precision in {"day", "week", "month", "year", "on_or_before", "on_or_after"}
    for q in an.quotes:
        assert body[q.start : q.end] == q.text


@given(
    st.text(
        alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000\u200bab")), max_size=30
    )
)
def test_one_space_is_the_regex_it_replaces(text: str) -> None:
    """Article ids are computed from the text with its white space made single spaces: the fast version
    must give what ``re.sub`` always gave, or a re-run would store every article again."""
    import re

    from warta.pipeline import one_space

    assert one_space(text) == re.sub(r"\s+", " ", text)
