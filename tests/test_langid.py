"""The language gate: Indonesian in, English and Malay out, with a shortcut for plainly Indonesian text."""

from __future__ import annotations

from warta.langid import check, clearly_indonesian

INDONESIAN = (
    "Menteri Luar Negeri Indonesia mengatakan bahwa pemerintah akan mengirim bantuan ke Gaza pekan "
    "depan. Menurut juru bicara kementerian, bantuan tersebut dikirim setelah permintaan dari Mesir."
)
MALAY = (
    "Menteri Luar Negeri Malaysia berkata bahawa kerajaan akan menghantar bantuan ke Gaza minggu depan. "
    "Menurut kenyataan kementerian, bantuan itu dihantar selepas permintaan daripada Mesir, kerana "
    "keadaan di sana semakin teruk dan rakyat memerlukan makanan serta ubat-ubatan dengan segera."
)
ENGLISH = (
    "Indonesia's foreign minister said on Monday that the government would send aid to Gaza next week, "
    "after a request from Egypt, according to a ministry spokesperson."
)


def test_shortcut_only_for_plain_indonesian() -> None:
    assert clearly_indonesian(INDONESIAN)
    assert not clearly_indonesian(MALAY)
    assert not clearly_indonesian(ENGLISH)
    assert not clearly_indonesian("Jakarta. Presiden.")  # too few markers: the model decides


def test_gate() -> None:
    assert check(INDONESIAN) is None
    assert "Malay" in (check(MALAY) or "")
    assert "not Indonesian" in (check(ENGLISH) or "")
    assert "too short" in (check("Foto: Antara") or "")


def test_a_brief_about_malaysia_from_an_indonesian_outlet_is_indonesian() -> None:
    brief = (
        "Perdana Menteri Malaysia Anwar Ibrahim mengkritik keras standar ganda Barat terkait Gaza. "
        "Pertemuan itu berlangsung di tengah sorotan media internasional."
    )
    assert check(brief, indonesian_outlet=True) is None
    # Malay-only words still tell Malay, whoever carries the text
    assert "Malay" in (check(MALAY, indonesian_outlet=True) or "")
    assert "not Indonesian" in (check(ENGLISH, indonesian_outlet=True) or "")
