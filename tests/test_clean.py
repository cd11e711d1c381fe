"""Cleaner, sentence splitter, language gate and near-duplicate signatures on text written for the tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta import dedupe, langid
from warta.clean import clean, match_dateline
from warta.sentences import split

PAGE = """Internasional
foto_menlu_bertemu.JPG
Jepang dan Indonesia Sepakati Kerja Sama Energi Bersih
Menlu Jepang menyambut Menlu RI di Tokyo
Senin, 12 Februari 2024 | 09:41 WIB
Penulis: Dewi Anggraini | Editor: Hasan Basri
TOKYO, KOMPAS.com - Menteri Luar Negeri Jepang Yoko Kamikawa menerima kunjungan Menteri Luar Negeri
Indonesia Retno Marsudi di Tokyo pada Senin (12/2/2024).

Baca juga: Harga Emas Antam Hari Ini Turun Rp 5.000

Kedua menteri membahas transisi energi dan pendanaan proyek pembangkit listrik tenaga surya di Jawa.
Loading...
"Kami ingin memperluas investasi di Indonesia," kata Kamikawa kepada wartawan.
Kedua menteri membahas transisi energi dan pendanaan proyek pembangkit listrik tenaga surya di Jawa.
Advertisement
Topik Pilihan
Polemik Impor Gula
3 jam lalu
Jadwal Liga Champions Pekan Ini
5 jam lalu
(dwi/has)
"""


def test_page_noise_removed_and_metadata_taken(pack) -> None:
    c = clean(PAGE, pack)
    assert c.title == "Jepang dan Indonesia Sepakati Kerja Sama Energi Bersih"
    assert c.dateline == "Tokyo" and c.outlet == "Kompas"
    assert c.byline == "Dewi Anggraini"
    assert c.date_text and c.date_text.startswith("Senin, 12 Februari 2024")
    assert c.paragraphs[0].startswith("Menteri Luar Negeri Jepang Yoko Kamikawa menerima kunjungan")
    assert (
        "Indonesia Retno Marsudi di Tokyo pada Senin (12/2/2024)." in c.paragraphs[0]
    )  # wrapped line rejoined
    assert c.text.count("Kedua menteri membahas transisi energi") == 1  # repeated paragraph stored once
    assert '"Kami ingin memperluas investasi di Indonesia," kata Kamikawa kepada wartawan.' in c.paragraphs
    for noise in (
        "Baca juga",
        "Loading",
        "Advertisement",
        "Polemik Impor Gula",
        "jam lalu",
        "(dwi/has)",
        ".JPG",
        "Topik Pilihan",
        "Menlu Jepang menyambut",
        "Internasional",
        "Penulis",
    ):
        assert noise not in c.text, noise
    assert len(c.paragraphs) == 3


def test_story_without_header_or_dateline(pack) -> None:
    text = (
        "Presiden Filipina mendesak China menghentikan manuver kapal penjaga pantainya di perairan sengketa.\n\n"
        "Manila memanggil duta besar China untuk menyampaikan protes resmi atas insiden tersebut."
    )
    c = clean(text, pack)
    assert c.title is None and c.dateline is None
    assert len(c.paragraphs) == 2


def test_title_hint_from_html_or_jsonl_is_not_story(pack) -> None:
    text = "Rusia Tuding Barat Picu Krisis\nMOSKOW - Kremlin menuduh negara-negara Barat memperpanjang perang di Ukraina."
    c = clean(text, pack, title_hint="Rusia Tuding Barat Picu Krisis")
    assert c.title == "Rusia Tuding Barat Picu Krisis"
    assert c.text.startswith("Kremlin menuduh")


def test_datelines() -> None:
    cases = {
        "JAKARTA, KOMPAS.com - Presiden bertemu dengan para menteri di istana.": ("Jakarta", "KOMPAS.com"),
        "REPUBLIKA.CO.ID, KAIRO -- Mesir membuka perbatasan Rafah untuk bantuan kemanusiaan.": (
            "Kairo",
            "REPUBLIKA.CO.ID",
        ),
        "Seoul | EGINDO.co – Korea Selatan memprotes uji coba rudal terbaru Korea Utara.": (
            "Seoul",
            "EGINDO.co",
        ),
        "WASHINGTON, DC - Gedung Putih mengumumkan sanksi baru terhadap perusahaan Rusia.": (
            "Washington, DC",
            None,
        ),
        "JAKARTA (ANTARA) - Indonesia mengirim bantuan kemanusiaan ke Gaza melalui Mesir.": (
            "Jakarta",
            "ANTARA",
        ),
        "Liputan6.com, Jakarta - Kementerian Luar Negeri memanggil duta besar Australia.": (
            "Jakarta",
            "Liputan6.com",
        ),
    }
    for para, (place, outlet) in cases.items():
        m = match_dateline(para)
        assert m is not None, para
        assert m[0] == place and m[1] == outlet
    for para in (
        "Rusia - China memperkuat hubungan dagang tahun ini.",
        "Baca Juga - Berita lain hari ini di sini.",
        "Indonesia dan Malaysia - dua negara serumpun - sepakat berunding.",
    ):
        assert match_dateline(para) is None, para


def test_sentence_split_offsets_and_hard_cases(pack) -> None:
    text = (
        "Dr. Budi Santoso dari PT. Pindad Tbk. tiba pukul 10.00 WIB. “Kami siap. Kami datang,” kata Budi. "
        "Ia bertemu Rizky C. Septania di Jl. Merdeka No. 5. Situs REPUBLIKA.CO.ID melaporkannya.\n\n"
        "Paragraf kedua dimulai di sini! Benarkah? Ya."
    )
    ss = split(text, pack)
    assert [s.text for s in ss] == [
        "Dr. Budi Santoso dari PT. Pindad Tbk. tiba pukul 10.00 WIB.",
        "“Kami siap. Kami datang,” kata Budi.",
        "Ia bertemu Rizky C. Septania di Jl. Merdeka No. 5.",
        "Situs REPUBLIKA.CO.ID melaporkannya.",
        "Paragraf kedua dimulai di sini!",
        "Benarkah?",
        "Ya.",
    ]
    assert all(text[s.start : s.end] == s.text for s in ss)
    assert [s.paragraph for s in ss] == [0, 0, 0, 0, 1, 1, 1]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('abcAB .,!?“”"\n-–|:/0123456789')), max_size=400))
def test_cleaner_and_splitter_never_fail(pack, text: str) -> None:
    c = clean(text, pack)
    ss = split(c.text, pack)
    for s in ss:
        assert 0 <= s.start < s.end <= len(c.text)
        assert c.text[s.start : s.end] == s.text


def test_language_gate() -> None:
    assert (
        langid.check(
            "Pemerintah Indonesia menyatakan akan mengirim bantuan kemanusiaan ke Gaza melalui "
            "Mesir setelah bertemu dengan perwakilan Liga Arab di Kairo."
        )
        is None
    )
    assert "not Indonesian" in (
        langid.check(
            "The government said it would send humanitarian aid to Gaza via "
            "Egypt after meeting Arab League envoys in Cairo."
        )
        or ""
    )
    assert "too short" in (langid.check("Dunia") or "")


def test_near_duplicate_signature() -> None:
    a = (
        "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Australia di Jakarta untuk membahas "
        "kerja sama maritim, perdagangan, pendidikan dan keamanan kawasan Indo-Pasifik dalam pertemuan tahunan."
    )
    b = a.replace("Jakarta", "Jakarta, Indonesia,")
    c = "Korea Utara kembali meluncurkan rudal balistik ke arah Laut Jepang pada Minggu pagi, kata militer Korea Selatan."
    idx = dedupe.NearDuplicateIndex()
    idx.add("a", dedupe.signature(a))
    assert idx.query(dedupe.signature(b))[0] == "a"
    assert idx.query(dedupe.signature(c)) == (None, None)


def test_baca_juga_alone_introduces_linked_headlines(pack) -> None:
    text = (
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto bertemu Perdana Menteri Jepang di Tokyo pada Kamis pagi waktu setempat.\n\n"
        "Baca Juga\n\nMenlu Sugiono Bertemu Menlu Jepang, Bahas Persiapan Kunjungan Presiden\n\n"
        "Harga Beras Naik Lagi di Pasar Induk Cipinang\n\n"
        "Kedua pemimpin membahas kerja sama energi, pertahanan dan perdagangan dalam pertemuan selama dua jam itu."
    )
    c = clean(text, pack)
    assert len(c.paragraphs) == 2
    assert "Menlu Sugiono" not in c.text and "Harga Beras" not in c.text


def test_a_long_run_of_stops_splits_like_a_short_one(pack) -> None:
    """A stop run is matched from its first character without backtracking (it was quadratic)."""
    from warta.sentences import split

    text = "Rusia membantah tuduhan itu" + "." * 30_000 + " China menyerukan dialog. Ukraina menolak."
    got = [s.text for s in split(text, pack)]
    assert len(got) == 3 and got[1] == "China menyerukan dialog." and got[0].endswith("...")
    assert [s.text for s in split("Satu... Dua?! Tiga.", pack)] == ["Satu...", "Dua?!", "Tiga."]


def test_an_agency_sign_off_is_dropped_and_recorded_as_a_relay(pack) -> None:
    text = (
        "Iran Luncurkan Rudal ke Israel\n"
        "TEHERAN - Iran meluncurkan ratusan rudal ke arah Israel pada Jumat malam, kata militer Israel.\n"
        "(afp/rtr)\n"
    )
    c = clean(text, pack)
    assert c.relays == ["AFP", "Reuters"]
    assert "(afp" not in c.text
    c = clean(text.replace("(afp/rtr)", "(reuters)"), pack)
    assert c.relays == ["Reuters"] and "(reuters)" not in c.text
    # staff initials are no agency
    assert clean(text.replace("(afp/rtr)", "(nds/dil)"), pack).relays == []
