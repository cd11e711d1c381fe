"""Stand-in subjects (reciprocals, pronouns), meetings told by a noun, and how their events are dated."""

from __future__ import annotations

from datetime import date

from warta.actors import find_mentions
from warta.coder import code_article
from warta.records import Article
from warta.sentences import split
from warta.timex import find_timexes

DCT = date(2024, 3, 8)


def _article(text: str) -> Article:
    return Article(
        id="t",
        document_id="t",
        text=text,
        title=None,
        outlet=None,
        published=DCT,
        published_source="page",
        dateline=None,
        byline=None,
        language="id",
    )


def _events(text: str, pack):
    art = _article(text)
    ss = split(text, pack)
    return [
        e
        for e in code_article(art, ss, find_mentions(text, ss, pack), find_timexes(text, DCT), pack)
        if not e.negated
    ]


def _triples(evs):
    return {(e.source[0].code, e.event, e.target[0].code) for e in evs}


MEETING = (
    "Menteri Luar Negeri Jepang Yoko Kamikawa bertemu dengan Menteri Luar Negeri Korea Selatan Cho Tae-yul "
    "di Seoul pada Senin (4/3/2024)."
)


def test_reciprocal_subject_takes_the_two_parties_of_the_last_event(pack) -> None:
    evs = _events(MEETING + " Kedua menteri sepakat memperluas kerja sama pertahanan.", pack)
    agree = [e for e in evs if e.event == "AGREE"]
    assert {(e.source[0].code, e.target[0].code) for e in agree} == {("JPN", "KOR")}
    assert (
        agree[0].source[0].text == "Kedua menteri"
    )  # the words of the sentence, the codes of the antecedent
    assert agree[0].source[0].name == "Yoko Kamikawa"


def test_reciprocal_without_antecedent_is_left_alone(pack) -> None:
    assert _events("Kedua belah pihak sepakat melanjutkan perundingan bulan depan.", pack) == []


def test_saling_gives_both_directions(pack) -> None:
    evs = _events("India dan Pakistan saling menuduh melanggar gencatan senjata di Kashmir.", pack)
    assert {("IND", "ACCUSE", "PAK"), ("PAK", "ACCUSE", "IND")} <= _triples(evs)
    evs = _events(MEETING + " Keduanya saling mengkritik kebijakan ekspor.", pack)
    assert {("JPN", "ACCUSE", "KOR"), ("KOR", "ACCUSE", "JPN")} <= _triples(evs)


def test_pronoun_subject_is_the_subject_of_its_sentence(pack) -> None:
    evs = _events(
        "Menteri Luar Negeri AS Antony Blinken mengatakan dia telah memperingatkan Iran soal program nuklirnya.",
        pack,
    )
    assert ("USA", "THREATEN", "IRN") in _triples(evs)
    evs = _events(
        "Presiden Prabowo Subianto mengatakan Indonesia siap berinvestasi saat ia bertemu dengan "
        "Perdana Menteri Jepang Shigeru Ishiba.",
        pack,
    )
    meet = [e for e in evs if e.event == "CONSULT"]
    assert {(e.source[0].code, e.target[0].code) for e in meet} == {("IDN", "JPN")}
    assert meet[0].modality == "asserted"  # the speaker is the subject: not one party's claim about another


def test_pronoun_falls_back_to_the_actor_of_the_sentence_before(pack) -> None:
    evs = _events(
        "Filipina mengecam China atas insiden di perairan Scarborough. Ia juga menuduh China melanggar hukum laut.",
        pack,
    )
    assert ("PHL", "ACCUSE", "CHN") in _triples([e for e in evs if e.sentence == 1])


def test_meeting_told_by_a_noun(pack) -> None:
    evs = _events(
        "Dalam pertemuan dengan Menteri Luar Negeri Malaysia Mohamad Hasan, Menlu Sugiono mengatakan "
        "Indonesia menginginkan perundingan batas laut selesai tahun ini.",
        pack,
    )
    assert ("IDN", "CONSULT", "MYS") in _triples(evs)
    nominal = next(e for e in evs if e.verb_text == "pertemuan")
    assert (nominal.cameo, nominal.mode) == ("040", "meet")


def test_meeting_noun_with_no_partner_takes_the_other_side_of_the_meeting_told_before(pack) -> None:
    text = (
        MEETING + " Setelah pembicaraan bilateral itu, Kamikawa mengatakan Jepang mendukung latihan gabungan."
    )
    evs = _events(text, pack)
    talks = [e for e in evs if e.verb_text == "pembicaraan"]
    assert [(e.source[0].code, e.target[0].code) for e in talks] == [("JPN", "KOR")]
    assert talks[0].date == date(2024, 3, 4) and talks[0].date_source in {"episode", "paragraph"}


def test_meeting_nouns_that_tell_no_meeting(pack) -> None:
    # not adverbial, or the name after the noun names the gathering
    assert not [
        e for e in _events("Pertemuan itu penting bagi Indonesia dan Malaysia.", pack) if e.event == "CONSULT"
    ]
    evs = _events("Di sela-sela pertemuan ASEAN, Menlu Sugiono mengatakan Indonesia mendukung Myanmar.", pack)
    assert ("IDN", "CONSULT", "ASEAN") not in _triples(evs)


def test_episode_anaphora_dates_by_the_meeting_told_before(pack) -> None:
    text = (
        MEETING
        + "\n\nIndonesia memprotes Australia pekan lalu.\n\nDalam pertemuan itu, Kamikawa mendukung rencana Korea Selatan."
    )
    evs = _events(text, pack)
    support = next(e for e in evs if e.event == "SUPPORT")
    assert (support.date, support.date_precision, support.date_source) == (date(2024, 3, 4), "day", "episode")


def test_relayed_report_date_is_only_an_upper_bound(pack) -> None:
    (ev,) = _events(
        "Menlu China Wang Yi mendukung Rusia, seperti dikutip dari Reuters, Sabtu (2/3/2024).", pack
    )
    assert (ev.date, ev.date_precision, ev.date_source) == (date(2024, 3, 2), "on_or_before", "report")
    # a weekday after the relay still dates the event when it belongs to the clause
    (ev,) = [
        e
        for e in _events(
            "Mengutip Reuters Jumat, 8 Maret 2024, Menlu China bertemu Menlu Brasil pada hari Kamis.", pack
        )
        if e.event == "CONSULT"
    ]
    assert (ev.date, ev.date_source) == (date(2024, 3, 7), "timex")


def test_symmetric_verbs_with_two_parties_give_both_directions(pack) -> None:
    evs = _events("Thailand dan Kamboja bentrok di perbatasan dekat kuil Preah Vihear.", pack)
    assert {("THA", "ASSAULT", "KHM"), ("KHM", "ASSAULT", "THA")} <= _triples(evs)
    # an accusation is not symmetric: with no target there is no event
    assert not [e for e in _events("Thailand dan Kamboja mengecam.", pack) if e.event == "ACCUSE"]


def test_forces_of_two_parties_are_both_and_military(pack) -> None:
    text = (
        "Hubungan Thailand dengan Kamboja memburuk sejak 2023. Ini terjadi ketika tentara kedua negara "
        "baku tembak di perbatasan."
    )
    evs = [e for e in _events(text, pack) if e.event == "ASSAULT"]
    assert {(e.source[0].code, e.target[0].code) for e in evs} == {("THA", "KHM"), ("KHM", "THA")}
    assert {e.source[0].sector for e in evs} == {"MIL"}
    # background is still data: dated by the expression the sentence points back to, not by the article's day
    assert {(e.date, e.date_precision, e.date_source) for e in evs} == {(date(2023, 1, 1), "year", "episode")}


def test_dates_of_subordinate_clauses_and_periods_do_not_date_the_event(pack) -> None:
    # the arrival day belongs to "setelah ..."; the talks are only known to be on or before publication
    (ev,) = [
        e
        for e in _events(
            "Jepang bertemu Vietnam di Tokyo, setelah delegasi Vietnam tiba pada hari Rabu.", pack
        )
    ]
    assert ev.date_source == "publication"
    # "sejak Rabu (6/3)" opens a period: it does not date the next sentence of the paragraph
    text = "Kunjungan itu berlangsung tiga hari sejak Rabu (6/3/2024). Menlu Jepang kemudian bertemu Menlu Vietnam."
    meet = next(e for e in _events(text, pack) if e.event == "CONSULT")
    assert meet.date_source == "publication"


def test_a_later_date_after_a_done_agreement_dates_its_object(pack) -> None:
    (ev,) = [
        e
        for e in _events("Indonesia dan Vietnam sepakat menggelar latihan bersama bulan depan.", pack)
        if e.event == "AGREE"
    ]
    assert (ev.date, ev.date_source) == (DCT, "publication")
    (ev,) = [e for e in _events("Indonesia akan bertemu Vietnam bulan depan.", pack) if e.event == "CONSULT"]
    assert (ev.date, ev.date_precision, ev.modality) == (date(2024, 4, 1), "month", "intended")


def test_each_other_after_the_verb(pack) -> None:
    evs = _events("Vietnam dan Laos mendukung satu sama lain dalam forum Mekong, kata pejabat Kamboja.", pack)
    assert {(e.source[0].code, e.target[0].code) for e in evs if e.event == "SUPPORT"} == {
        ("VNM", "LAO"),
        ("LAO", "VNM"),
    }


def test_a_reason_clause_holds_no_target(pack) -> None:
    evs = _events(
        "Menlu Filipina mengkritik rencana itu dengan alasan bahwa hal itu menguntungkan Vietnam.", pack
    )
    assert not [e for e in evs if e.event == "ACCUSE" and e.target[0].code == "VNM"]


def test_demand_in_reported_speech(pack) -> None:
    evs = _events("Filipina bersikeras bahwa China harus menarik kapal-kapalnya dari Scarborough.", pack)
    demand = [e for e in evs if e.event == "REQUEST"]
    assert [(e.source[0].code, e.target[0].code, e.cameo) for e in demand] == [("PHL", "CHN", "100")]
    # what an actor must do has not happened
    assert not [e for e in evs if e.event == "RETREAT" and e.modality == "asserted"]


def test_unacceptable_said_by_one_party_of_another(pack) -> None:
    evs = _events("Jepang menyatakan bahwa usulan yang diajukan oleh China tidak dapat diterima.", pack)
    assert ("JPN", "REJECT", "CHN") in _triples(evs)


def test_reciprocal_prefers_two_coordinated_actors(pack) -> None:
    text = (
        "Menteri Luar Negeri Inggris David Lammy dan Menteri Luar Negeri Prancis Jean-Noel Barrot tiba di Kiev pekan ini. "
        "Menurut laporan media Barat, keduanya akan membahas bantuan pertahanan udara."
    )
    (ev,) = [e for e in _events(text, pack) if e.verb_text == "membahas"]
    assert {ev.source[0].code, ev.target[0].code} == {"GBR", "FRA"}


def test_leaders_are_people_not_blocs(pack) -> None:
    text = (
        MEETING
        + "\n\nKamikawa menegaskan bahwa keanggotaan Korea Selatan dalam BRICS tidak menjauhkannya dari "
        "Jepang dan negara-negara Barat.\n\nKedua menteri juga setuju untuk menggelar pertemuan lanjutan tahun depan."
    )
    (ev,) = [e for e in _events(text, pack) if e.event == "AGREE"]
    assert {ev.source[0].code, ev.target[0].code} == {"JPN", "KOR"}


def test_an_undated_intended_event_is_on_or_after_its_announcement(pack) -> None:
    (ev,) = [
        e
        for e in _events("Jepang akan bertemu Vietnam untuk membahas perikanan.", pack)
        if e.event == "CONSULT"
    ]
    assert (ev.modality, ev.date, ev.date_precision) == ("intended", DCT, "on_or_after")


def test_a_setting_after_di_tengah_holds_no_target(pack) -> None:
    evs = _events("Jepang berupaya memperkuat hubungan di tengah pengaruh China yang meningkat.", pack)
    assert not [e for e in evs if e.target[0].code == "CHN"]


def test_first_person_inside_a_quote_is_its_speaker(pack) -> None:
    from warta.quotes import find_quotes

    text = (
        "“Kami secara penuh mendukung Filipina dalam sengketa ini,” kata Menteri Luar Negeri Jepang Yoko "
        "Kamikawa di Manila."
    )
    art = _article(text)
    ss = split(text, pack)
    ms = find_mentions(text, ss, pack)
    evs = code_article(art, ss, ms, find_timexes(text, DCT), pack, find_quotes(text, ss, ms, pack))
    (ev,) = [e for e in evs if e.event == "SUPPORT"]
    assert (ev.source[0].code, ev.source[0].name, ev.source[0].text) == ("JPN", "Yoko Kamikawa", "Kami")
    assert ev.target[0].code == "PHL"
    # without the quotes (or outside a quotation) "kami" stays unresolved
    assert not [e for e in code_article(art, ss, ms, find_timexes(text, DCT), pack) if e.event == "SUPPORT"]


def test_reciprocal_takes_the_two_states_named_in_its_own_sentence(pack) -> None:
    # the latest event (JPN -> CHN) is not what "kedua negara" stands for: Iran and Australia are named
    # right before it, joined by "dengan"
    evs = _events(
        "Jepang mengecam China pada Senin. Hubungan Iran dengan Australia memburuk sejak 2020, ketika kapal "
        "kedua negara bentrok di Laut Merah.",
        pack,
    )
    assert {(a, b) for a, t, b in _triples(evs) if t == "ASSAULT"} == {("IRN", "AUS"), ("AUS", "IRN")}
    # not coordinated, but both named before it in its own sentence
    evs = _events(
        "Jepang mengecam China pada Senin. Ketegangan di kawasan itu, menurut Iran, juga melibatkan Australia "
        "setelah kapal kedua negara bentrok di Laut Merah.",
        pack,
    )
    assert {(a, b) for a, t, b in _triples(evs) if t == "ASSAULT"} == {("IRN", "AUS"), ("AUS", "IRN")}
