"""Actor and place mentions on sentences written for the tests."""

from __future__ import annotations

from warta.actors import find_mentions
from warta.sentences import split


def _mentions(text: str, pack):
    return find_mentions(text, split(text, pack), pack)


def _by_text(ms):
    return {m.text: m for m in ms}


def test_title_country_name_compose(pack) -> None:
    text = (
        "Menteri Luar Negeri Jepang Yoko Kamikawa bertemu Menlu RI Retno Marsudi di Tokyo. "
        "Kamikawa menyampaikan terima kasih kepada Retno."
    )
    ms = _by_text(_mentions(text, pack))
    a = ms["Menteri Luar Negeri Jepang Yoko Kamikawa"]
    assert (a.code, a.sector, a.name, a.role) == ("JPN", "GOV", "Yoko Kamikawa", "actor")
    b = ms["Menlu RI Retno Marsudi"]
    assert (b.code, b.sector) == ("IDN", "GOV")
    assert ms["Tokyo"].role == "place"
    assert ms["Kamikawa"].code == "JPN" and ms["Kamikawa"].name == "Yoko Kamikawa"  # surname later on
    assert ms["Retno"].code == "IDN"


def test_metonyms_igos_and_the_west(pack) -> None:
    text = (
        "Kremlin menuduh negara-negara Barat memperpanjang perang, sementara Gedung Putih membela NATO. "
        "Perserikatan Bangsa-Bangsa menyerukan gencatan senjata di wilayah barat Ukraina."
    )
    ms = _by_text(_mentions(text, pack))
    assert (ms["Kremlin"].code, ms["Kremlin"].sector) == ("RUS", "GOV")
    assert ms["negara-negara Barat"].code == "WST"
    assert ms["Gedung Putih"].code == "USA"
    assert ms["NATO"].code == "NATO"
    assert ms["Perserikatan Bangsa-Bangsa"].code == "UN"
    assert "barat" not in ms  # a compass direction is not the West


def test_places_after_prepositions_are_not_actors(pack) -> None:
    text = "Tiongkok mengirim kapal ke Laut China Selatan, sedangkan Filipina memprotes dari Manila."
    ms = _by_text(_mentions(text, pack))
    assert ms["Tiongkok"].code == "CHN" and ms["Tiongkok"].role == "actor"
    assert ms["Filipina"].code == "PHL" and ms["Filipina"].role == "actor"
    assert ms["Manila"].role == "place"
    assert ms["Laut China Selatan"].role == "place"


def test_military_sector_and_aliases(pack) -> None:
    text = "Pasukan Rusia menyerang Kharkiv. Juru bicara Kremlin Dmitri Peskov membantah tuduhan Kyiv."
    ms = _by_text(_mentions(text, pack))
    assert (ms["Pasukan Rusia"].code, ms["Pasukan Rusia"].sector) == ("RUS", "MIL")
    peskov = next(m for t, m in ms.items() if "Peskov" in t)
    assert peskov.code == "RUS" and peskov.name == "Dmitry Peskov"


def test_boilerplate_words_are_not_actors(pack) -> None:
    text = "Baca Juga berita Populer hari ini. Bulan Mei lalu harga naik, kata Sumber Foto Advertisement."
    ms = _mentions(text, pack)
    assert [m for m in ms if m.role == "actor" and m.code] == []


def test_ambassador_keeps_sending_state_and_apposition_needs_dari(pack) -> None:
    text = ("Duta Besar Jepang untuk Indonesia Masaki Yasushi mengkritik Korea Utara. "
            "Soal keanggotaan Indonesia di BRICS, Prabowo Subianto menolak tuduhan itu. "
            "Lavrov bertemu koleganya dari China, Wang Yi, di Beijing.")
    ms = _by_text(_mentions(text, pack))
    amb = ms["Duta Besar Jepang untuk Indonesia Masaki Yasushi"]
    assert (amb.code, amb.sector, amb.name) == ("JPN", "GOV", "Masaki Yasushi")
    assert ms["BRICS"].code == "BRICS" and ms["Prabowo Subianto"].code == "IDN"
    assert ms["China, Wang Yi"].code == "CHN"


def test_west_philippine_sea_is_a_place(pack) -> None:
    ms = _mentions("Kapal China menghadang kapal Filipina di Laut Filipina Barat.", pack)
    assert not [m for m in ms if m.code == "WST"]
