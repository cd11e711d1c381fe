"""Actor and place mentions on sentences written for the tests: the gazetteer, the statistical recogniser
for names the lexicon does not know (coded from context), name variants (rapidfuzz) and places."""

from __future__ import annotations

from warta.actors import find_mentions, gazetteer, known_person, place_of
from warta.records import Mention
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
    text = (
        "Duta Besar Jepang untuk Indonesia Masaki Yasushi mengkritik Korea Utara. "
        "Soal keanggotaan Indonesia di BRICS, Prabowo Subianto menolak tuduhan itu. "
        "Lavrov bertemu koleganya dari China, Wang Yi, di Beijing."
    )
    ms = _by_text(_mentions(text, pack))
    amb = ms["Duta Besar Jepang untuk Indonesia Masaki Yasushi"]
    assert (amb.code, amb.sector, amb.name) == ("JPN", "GOV", "Masaki Yasushi")
    assert ms["BRICS"].code == "BRICS" and ms["Prabowo Subianto"].code == "IDN"
    assert ms["China, Wang Yi"].code == "CHN"


def test_west_philippine_sea_is_a_place(pack) -> None:
    ms = _mentions("Kapal China menghadang kapal Filipina di Laut Filipina Barat.", pack)
    assert not [m for m in ms if m.code == "WST"]


def test_apposition_codes_an_unknown_person_and_the_surname_follows(pack) -> None:
    text = (
        "Chen Wei, utusan khusus China untuk Timur Tengah, tiba di Kairo pada Senin. "
        "Setelah pertemuan itu, Chen mengatakan kedua negara sepakat memperluas kerja sama."
    )
    ms = _by_text(_mentions(text, pack))
    assert (ms["Chen Wei"].code, ms["Chen Wei"].sector, ms["Chen Wei"].kind) == ("CHN", "GOV", "person")
    assert ms["Chen"].code == "CHN" and ms["Chen"].name == "Chen Wei"


def test_state_before_an_unknown_name_and_dari(pack) -> None:
    text = (
        "Ombudsman Ukraina Oksana Melnyk menuduh Rusia menahan warga sipil. "
        "Sementara itu, Andrei Sokolov dari Rusia membantah tuduhan tersebut."
    )
    ms = _mentions(text, pack)
    melnyk = next(m for m in ms if m.name == "Oksana Melnyk")
    assert melnyk.code == "UKR" and melnyk.role == "actor"
    sokolov = next(m for m in ms if m.name == "Andrei Sokolov")
    assert sokolov.code == "RUS"


def test_unknown_person_without_context_stays_uncoded(pack) -> None:
    text = "Menurut Budi Hartanto, analis politik di sebuah lembaga kajian, hubungan kedua negara membaik."
    ms = _mentions(text, pack)
    budi = [m for m in ms if m.name and "Hartanto" in m.name]
    assert budi and all(m.code == "" for m in budi)


def test_title_with_state_then_unknown_name_and_a_later_quote(pack) -> None:
    text = (
        "Juru bicara Kementerian Luar Negeri Vietnam Pham Thu Hang menyampaikan protes. "
        '"Kami menolak klaim itu," kata Pham Thu Hang kepada wartawan.'
    )
    ms = [m for m in _mentions(text, pack) if m.name == "Pham Thu Hang"]
    assert len(ms) == 2 and all((m.code, m.sector) == ("VNM", "GOV") for m in ms)


def test_name_variants_match_office_holders_token_by_token(pack) -> None:
    gz = gazetteer(pack)
    zel = known_person("Volodymir Zelenskyy", gz)
    assert zel is not None and zel.code == "UKR"
    lav = known_person("Sergey Lavrov", gz)
    assert lav is not None and lav.person == "Sergei Lavrov"
    assert known_person("Sergei Ivanov", gz) is None  # one token alike is not enough
    kim = known_person("Kim Jong Il", gz)
    assert kim is None or kim.person != "Kim Jong Un"
    text = "Presiden Ukraina Volodymyr Zelensky menerima tamu. Zelenskyi kemudian berpidato di parlemen."
    ms = _by_text(_mentions(text, pack))
    assert ms["Zelenskyi"].code == "UKR" and ms["Zelenskyi"].name == "Volodymyr Zelensky"


def test_short_chinese_surname_resolves_after_introduction(pack) -> None:
    text = "Duta Besar China untuk PBB Fu Cong berbicara di New York. Menurut Fu, sanksi tidak membantu."
    ms = _by_text(_mentions(text, pack))
    assert ms["Fu"].code == "CHN" and ms["Fu"].name == "Fu Cong"


def test_counterpart_alone_is_not_an_actor(pack) -> None:
    text = "Lavrov bertemu mitranya di Jakarta. Ia juga berbicara dengan koleganya melalui telepon."
    ms = _mentions(text, pack)
    assert not [m for m in ms if m.text.lower() in {"mitranya", "koleganya"}]
    assert [m.code for m in ms if m.role == "actor" and m.code] == ["RUS"]


def test_organisation_ending_in_a_state_and_a_city_inside_a_name(pack) -> None:
    text = (
        "Pada Selasa, Badan Keamanan Laut Filipina mengusir kapal nelayan itu. "
        "Negara-negara penandatangan Statuta Roma bertemu di Den Haag."
    )
    ms = _mentions(text, pack)
    org = next(m for m in ms if m.text == "Badan Keamanan Laut Filipina")
    assert (org.code, org.kind, org.role) == ("PHL", "org", "actor")
    assert not [m for m in ms if m.code == "ITA" and m.role == "actor"]


def test_state_after_a_place_and_comma_is_where_the_place_is(pack) -> None:
    ms = _by_text(_mentions("Para menteri berkumpul di Goa, India, untuk pertemuan itu.", pack))
    assert ms["Goa"].role == "place" and ms["Goa"].code == "IND"
    assert ms["India"].role == "place"


def test_false_actors_from_common_words_stay_uncoded(pack) -> None:
    text = (
        "Juga pada Bulan Mei, harga beras naik. Qin bukan nama yang disebut di sini. "
        "Baca Juga: Populer hari ini."
    )
    assert [m for m in _mentions(text, pack) if m.role == "actor" and m.code] == []


def test_places_resolve_offline_and_a_country_alone_has_no_coordinates(pack) -> None:
    ms = _by_text(_mentions("Para menteri bertemu di Wiesbaden, Jerman, lalu terbang ke Singapura.", pack))
    wies = place_of(ms["Wiesbaden"], pack)
    assert wies is not None and (wies.name, wies.code) == ("Wiesbaden", "DEU") and wies.lat is not None
    sg = place_of(ms["Singapura"], pack)
    assert sg is not None and sg.code == "SGP" and sg.lat is None and sg.lon is None
    treaty = Mention(0, 12, "Statuta Roma", "", None, "Statuta Roma", "place", role="place")
    assert place_of(treaty, pack) is None  # a name the recogniser found is not the city inside it


def test_title_for_a_place_gives_the_state_and_weekdays_are_cut_off_names(pack) -> None:
    text = (
        "Gubernur Odesa Yuriy Kravets mengatakan tiga rumah rusak akibat serangan drone. "
        "Kravets meminta warga tetap waspada, seperti dilaporkan Interfax Senin malam."
    )
    ms = _mentions(text, pack)
    kravets = [m for m in ms if m.name == "Yuriy Kravets"]
    assert len(kravets) == 2 and all((m.code, m.sector) == ("UKR", "GOV") for m in kravets)
    assert not [m for m in ms if m.text.endswith("Senin")]


def test_the_office_a_document_introduces_wins_for_later_mentions(pack) -> None:
    text = (
        "Sekretaris Jenderal NATO Jens Stoltenberg membuka pertemuan para menteri pertahanan. "
        "Menurut Stoltenberg, aliansi akan menambah pasukan di sayap timur."
    )
    ms = _by_text(_mentions(text, pack))
    assert ms["Stoltenberg"].code == "NATO" and ms["Stoltenberg"].name == "Jens Stoltenberg"


def test_igo_after_di_is_where_and_compass_compounds_are_not_actors(pack) -> None:
    from warta.actors import find_mentions
    from warta.sentences import split

    def roles(text: str) -> list[tuple[str, str, str]]:
        return [(m.text, m.code, m.role) for m in find_mentions(text, split(text, pack), pack)]

    assert ("PBB", "UN", "place") in roles("Perwakilan Israel di PBB menuduh Iran mempersenjatai milisi.")
    assert ("Utusan khusus PBB", "UN", "actor") in roles("Utusan khusus PBB bertemu junta Myanmar.")
    assert not [r for r in roles("Jalur MRT Timur-Barat dibiayai pinjaman Jepang.") if r[1] == "WST"]
    assert ("Barat", "WST", "actor") in roles("Rusia kembali mengecam Barat atas sanksi baru.")


def test_letters_that_lower_case_to_two_keep_the_offsets(pack) -> None:
    """ "İ".lower() is two characters: matches after it must still land on the original text."""
    assert [(a, b, e.code) for a, b, e in gazetteer(pack).find("İİİ Rusia")] == [(4, 9, "RUS")]
    text = "Presiden Turki bertemu Presiden Rusia di İstanbul pada Senin. Rusia dan Turki sepakat berdagang."
    ms = _mentions(text, pack)
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert {"TUR", "RUS"} <= {m.code for m in ms if m.role == "actor"}


def test_last_word_is_the_search_it_replaces() -> None:
    import random
    import re

    from warta.lang import WHITE_SPACE, last_word

    assert set(WHITE_SPACE) == {chr(c) for c in range(0x110000) if chr(c).isspace()}
    pattern = re.compile(r"(\w+)[\s,]*$")
    rng = random.Random(4)
    alphabet = list("ab_1 ,\n\t\u00a0.-é٣\u2028")
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        m = pattern.search(s)
        assert last_word(s, WHITE_SPACE + ",") == (m.group(1) if m else ""), repr(s)


def test_a_name_with_several_offices_takes_the_one_held_on_the_articles_day(pack) -> None:
    from datetime import date

    text = "Stoltenberg mengatakan aliansi akan terus mendukung Ukraina. Rutte juga hadir di Brussel."
    ss = split(text, pack)

    def codes(when):
        return {m.text: m.code for m in find_mentions(text, ss, pack, when) if m.kind == "person"}

    assert codes(date(2023, 7, 11)) == {"Stoltenberg": "NATO", "Rutte": "NLD"}
    assert codes(date(2025, 6, 24)) == {"Stoltenberg": "NOR", "Rutte": "NATO"}
    assert codes(None) == {"Stoltenberg": "NOR", "Rutte": "NLD"}  # no date: each name's first row, as before
