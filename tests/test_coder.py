"""First-version event coder on sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from warta.actors import find_mentions
from warta.coder import code_article
from warta.records import Article
from warta.sentences import split
from warta.timex import find_timexes

DCT = date(2024, 3, 8)


def _events(text: str, pack, *, keep_negated: bool = False):
    art = Article(
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
    ss = split(text, pack)
    evs = code_article(art, ss, find_mentions(text, ss, pack), find_timexes(text, DCT), pack)
    return [e for e in evs if keep_negated or not e.negated]


def _triples(evs):
    return {(e.source[0].code, e.event, e.target[0].code) for e in evs}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Presiden Prabowo Subianto bertemu dengan Perdana Menteri Australia Anthony Albanese di Canberra.",
            ("IDN", "CONSULT", "AUS"),
        ),
        (
            "Filipina mengecam tindakan kapal penjaga pantai China di Laut China Selatan.",
            ("PHL", "ACCUSE", "CHN"),
        ),
        ("Amerika Serikat menjatuhkan sanksi baru terhadap Iran.", ("USA", "SANCTION", "IRN")),
        ("Korea Selatan mendesak Korea Utara menghentikan uji coba rudal.", ("KOR", "REQUEST", "PRK")),
        ("Jepang mendukung upaya ASEAN menyelesaikan krisis di Myanmar.", ("JPN", "SUPPORT", "ASEAN")),
        ("Indonesia mengirim bantuan kemanusiaan ke Palestina melalui Mesir.", ("IDN", "AID", "PSE")),
    ],
)
def test_active_sentences(pack, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_events(sentence, pack))


def test_passive_with_oleh_swaps_source_and_target(pack) -> None:
    evs = _events("Rencana perdamaian Ukraina ditolak oleh Rusia pekan lalu.", pack)
    assert ("RUS", "REJECT", "UKR") in _triples(evs)


def test_negation_gives_no_exported_event(pack) -> None:
    assert _events("Malaysia tidak mengecam Myanmar atas serangan itu.", pack) == []
    assert _events("Malaysia tak mengutuk Myanmar.", pack) == []
    negated = _events("India menolak mengutuk Rusia.", pack, keep_negated=True)
    assert negated and all(e.negated for e in negated if e.event != "REJECT")
    assert not [e for e in _events("India menolak mengutuk Rusia.", pack) if e.event in {"ACCUSE", "PROTEST"}]


def test_modality(pack) -> None:
    (ev,) = _events("Presiden Prancis akan mengunjungi Indonesia bulan depan.", pack)
    assert ev.modality == "intended"
    (ev,) = _events("Iran diduga mengirim senjata kepada Rusia.", pack)
    assert ev.modality == "alleged"


def test_coordinated_sources(pack) -> None:
    evs = _events("Rusia dan India mengecam Amerika Serikat.", pack)
    assert {("RUS", "ACCUSE", "USA"), ("IND", "ACCUSE", "USA")} <= _triples(evs)


def test_reported_speech_codes_the_inner_clause(pack) -> None:
    evs = _events("Menlu Retno Marsudi mengatakan bahwa China mengecam Filipina.", pack)
    assert ("CHN", "ACCUSE", "PHL") in _triples(evs)
    assert ("IDN", "ACCUSE", "PHL") not in _triples(evs)


def test_event_date_from_sentence_else_publication(pack) -> None:
    (ev,) = _events("Menlu Jepang bertemu Menlu Korea Selatan di Seoul pada Senin (4/3/2024).", pack)
    assert (ev.date, ev.date_precision, ev.date_source) == (date(2024, 3, 4), "day", "timex")
    assert ev.location is not None and ev.location.name == "Seoul"
    (ev,) = _events("Jepang memprotes China.", pack)
    # nothing dates it but the page: it happened on the publication day or before, not surely on it
    assert (ev.date, ev.date_precision, ev.date_source) == (DCT, "on_or_before", "publication")


def test_evidence_offsets(pack) -> None:
    text = "Ada kabar lain. Vietnam memprotes China atas insiden di Laut China Selatan."
    (ev,) = _events(text, pack)
    assert text[ev.verb_start : ev.verb_end] == ev.verb_text == "memprotes"
    assert ev.text == "Vietnam memprotes China atas insiden di Laut China Selatan."


def test_date_inside_the_object_does_not_date_the_event(pack) -> None:
    (ev,) = _events("Pakistan mendesak India menghormati kesepakatan gencatan senjata Februari 2021.", pack)
    assert (ev.date, ev.date_source) == (DCT, "publication")
    (ev,) = _events("Pakistan memprotes India pada Senin (4/3/2024).", pack)
    assert ev.date == date(2024, 3, 4)


def test_joint_action_of_coordinated_subjects(pack) -> None:
    evs = _events("Jepang dan Indonesia sepakat memperluas kerja sama energi bersih.", pack)
    assert {(e.source[0].code, e.target[0].code) for e in evs if e.event in {"AGREE", "COOPERATE"}} == {
        ("JPN", "IDN")
    }
    # a visit keeps its direction and needs a target
    assert _events("Jepang dan Indonesia mengunjungi.", pack) == []


def test_meetings_merge_whatever_the_direction(pack) -> None:
    from warta.rows import block_key as merge_key

    (a,) = _events(
        "Presiden Prabowo bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo pada Kamis (7/3/2024).", pack
    )
    (b,) = _events(
        "Perdana Menteri Jepang Shigeru Ishiba bertemu Presiden Prabowo di Tokyo pada Kamis (7/3/2024).", pack
    )
    assert (a.source[0].code, b.source[0].code) == ("IDN", "JPN")
    assert merge_key(a) == merge_key(b)
    (c,) = _events("Amerika Serikat mengecam China pada Kamis (7/3/2024).", pack)
    (d,) = _events("China mengecam Amerika Serikat pada Kamis (7/3/2024).", pack)
    assert merge_key(c) != merge_key(d)  # accusations keep their direction


def test_date_from_earlier_in_the_paragraph(pack) -> None:
    text = (
        "Menlu China Wang Yi tiba di Moskow pada Senin (4/3/2024). Wang kemudian bertemu Menlu Rusia Sergei Lavrov.\n\n"
        "Jepang memprotes China."
    )
    evs = _events(text, pack)
    meet = next(
        e for e in evs if e.event == "CONSULT" and e.target[0].code == "RUS" and e.verb_text == "bertemu"
    )
    assert (meet.date, meet.date_source) == (date(2024, 3, 4), "paragraph")
    protest = next(e for e in evs if e.source[0].code == "JPN")
    assert protest.date_source == "publication"  # another paragraph: not the same episode
    evs = _events(
        "Menlu China Wang Yi tiba di Moskow pada Senin (4/3/2024). Sebelumnya, Wang bertemu Menlu Rusia Sergei Lavrov.",
        pack,
    )
    before = next(e for e in evs if e.verb_text == "bertemu")
    assert before.date_source == "publication"  # "sebelumnya" opens another episode


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Uni Eropa menjatuhkan paket sanksi baru terhadap Rusia.", ("EU", "SANCTION", "RUS")),
        ("Indonesia mengirim 50 ton bantuan kemanusiaan ke Palestina.", ("IDN", "AID", "PSE")),
        ("Amerika Serikat memberlakukan tarif impor 25 persen terhadap Kanada.", ("USA", "SANCTION", "CAN")),
    ],
)
def test_words_inside_a_verb_phrase(pack, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_events(sentence, pack))


def test_names_and_verbs_break_a_verb_phrase(pack) -> None:
    # "mengirim ... bantuan" must not jump over a name or another verb
    evs = _events("Indonesia mengirim Retno membahas bantuan untuk Palestina.", pack)
    assert not [e for e in evs if e.event == "AID"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the target's title is the pattern's last words: the mention begins inside the verb phrase
        (
            "Kementerian Luar Negeri Indonesia memanggil duta besar China untuk memprotes insiden di Natuna.",
            ("IDN", "ACCUSE", "CHN"),
        ),
        ("Kemlu RI memanggil Dubes Australia untuk menyampaikan protes.", ("IDN", "ACCUSE", "AUS")),
        ("Indonesia membebaskan tahanan warga Malaysia setelah perundingan.", ("IDN", "RETREAT", "MYS")),
        # a withdrawal's target is the country it leaves; "besarnya" is "besar" with "-nya"
        ("China menarik duta besarnya dari Lithuania.", ("CHN", "SANCTION", "LTU")),
        ("China memanggil pulang duta besarnya dari Lithuania.", ("CHN", "SANCTION", "LTU")),
        ("Amerika Serikat menarik pasukan dari Afghanistan.", ("USA", "RETREAT", "AFG")),
        ("Rusia mengusir duta besar Estonia.", ("RUS", "SANCTION", "EST")),
    ],
)
def test_diplomatic_summons_recalls_and_withdrawals(
    pack, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_events(sentence, pack))


def test_from_is_a_target_only_for_withdrawals(pack) -> None:
    # "dari Jakarta" is where the aid leaves from, not its target
    assert _triples(_events("Indonesia mengirim bantuan dari Jakarta ke Palestina.", pack)) == {
        ("IDN", "AID", "PSE")
    }


def test_an_enclitic_does_not_change_a_roots_affix_class() -> None:
    from warta.coder import affix_class

    assert affix_class("besarnya") == affix_class("besar") == ("0", "")
    assert affix_class("bertanya")[0] == "B"  # a root ending in "-nya" keeps its prefix


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the country of the place an attack strikes is its target
        ("Rusia menyerang Kharkiv pada Senin malam.", ("RUS", "ASSAULT", "UKR")),
        ("Israel melancarkan serangan udara ke Jalur Gaza.", ("ISR", "ASSAULT", "PSE")),
        ("Rusia melancarkan serangan rudal ke ibu kota Ukraina.", ("RUS", "ASSAULT", "UKR")),
        ("Rusia melancarkan serangan rudal ke Kyiv.", ("RUS", "ASSAULT", "UKR")),
        # after "ke", for any event: "berkunjung ke Jakarta" is a visit to Indonesia
        ("Menlu Australia Penny Wong berkunjung ke Jakarta pada Selasa.", ("AUS", "CONSULT", "IDN")),
    ],
)
def test_a_place_struck_or_gone_to_names_the_target(
    pack, sentence: str, expected: tuple[str, str, str]
) -> None:
    evs = _events(sentence, pack)
    assert expected in _triples(evs)
    hit = next(e for e in evs if _triples([e]) == {expected})
    assert hit.target[0].name is None and hit.target[0].sector is None  # a city, not a person or an office


def test_a_place_where_or_without_a_country_is_no_target(pack) -> None:
    assert _triples(_events("Rusia menyerang Ukraina di Kharkiv.", pack)) == {("RUS", "ASSAULT", "UKR")}
    # a sea has no country; a direct-object place is a target only for attacks
    assert not _events("Filipina mengirim kapal ke Laut China Selatan.", pack)
    assert not [e for e in _events("Jepang mengecam Kharkiv.", pack) if e.target[0].code == "UKR"]


def test_an_outcome_wished_after_agar_is_intended(pack) -> None:
    evs = _events("Indonesia mendesak Israel agar segera menarik pasukan dari Gaza.", pack)
    assert {(e.event, e.modality) for e in evs} == {("REQUEST", "asserted"), ("RETREAT", "intended")}
    evs = _events("Agar perang berakhir, Rusia menarik pasukan dari Kherson.", pack)
    assert [(e.event, e.modality) for e in evs] == [("RETREAT", "asserted")]  # the comma closes the wish


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jepang telah menyampaikan protes keras kepada Korea Utara.", {("JPN", "ACCUSE", "PRK")}),
        ("Jepang mengajukan keberatan terhadap rencana Korea Selatan.", {("JPN", "ACCUSE", "KOR")}),
        # "Ketua DPR AS" is a title and a state (it was one title with no country), and "ke Taiwan" belongs
        # to the visit, not to the title nor to the objection
        (
            "Kementerian Luar Negeri China menyatakan keberatan atas kunjungan Ketua DPR AS ke Taiwan.",
            {("CHN", "ACCUSE", "USA")},
        ),
        ("Kementerian Luar Negeri China mengecam kunjungan Ketua DPR ke Taiwan.", set()),
    ],
)
def test_objections_and_what_a_place_after_another_actor_belongs_to(
    pack, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(sentence, pack)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Indonesian ministry's abbreviation alone is Indonesia's ...
        ("Kemlu memanggil Duta Besar Rusia.", {("IDN", "ACCUSE", "RUS")}),
        ("Juru bicara Kemlu Lalu Muhamad Iqbal mengecam Israel.", {("IDN", "ACCUSE", "ISR")}),
        # ... unless the article gave it another country
        (
            "Kemlu China mengecam Filipina. Kemlu juga menuduh Amerika Serikat memprovokasi.",
            {("CHN", "ACCUSE", "PHL"), ("CHN", "ACCUSE", "USA")},
        ),
        # a spelled-out title still needs its country
        ("Kementerian Luar Negeri mengecam Israel.", set()),
    ],
)
def test_a_home_title_alone_names_its_country(pack, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _triples(_events(text, pack)) == expected


def test_a_verb_between_two_titles_keeps_them_apart(pack) -> None:
    text = "Kemlu memanggil Duta Besar Rusia."  # was one mention, "Kemlu memanggil Duta Besar Rusia"
    ms = find_mentions(text, split(text, pack), pack)
    assert [(m.text, m.code) for m in ms] == [("Kemlu", "IDN"), ("Duta Besar Rusia", "RUS")]
    # one word that is not a verb or a preposition still joins a title to its state
    assert _triples(_events("Presiden terpilih AS bertemu Presiden China Xi Jinping.", pack)) == {
        ("USA", "CONSULT", "CHN")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is discussed is not who with
        ("Menlu Rusia dan Menlu China membahas Ukraina di Moskow.", {("RUS", "CONSULT", "CHN")}),
        ("Menlu Australia membahas situasi Myanmar dengan Menlu Thailand.", {("AUS", "CONSULT", "THA")}),
        ("Dewan Keamanan PBB bersidang untuk membahas ketegangan antara Iran dan Israel.", set()),
    ],
)
def test_a_topic_verbs_object_is_not_its_partner(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_actors_along_with_bersama_are_not_targets(pack) -> None:
    # who acts along with the subject is not what an order or a criticism is aimed at ...
    text = "Presiden Korsel Yoon Suk Yeol memerintahkan militernya menyiapkan respons tegas bersama AS dan Jepang."
    assert not _events(text, pack)
    assert _triples(_events("Inggris mengecam Rusia bersama Prancis dan Jerman.", pack)) == {
        ("GBR", "ACCUSE", "RUS")
    }
    # ... but the partner of a joint action is
    assert _triples(_events("Indonesia menggelar latihan militer bersama Australia.", pack)) == {
        ("IDN", "COOPERATE", "AUS")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event noun right after a verb is its object: its parties are its own, not the verb's subject
        (
            "China mengutuk serangan udara Israel ke Gaza.",
            {("CHN", "ACCUSE", "ISR"), ("ISR", "ASSAULT", "PSE")},
        ),
        (
            "Korea Utara mengecam latihan militer gabungan Amerika Serikat dan Korea Selatan.",
            {("PRK", "ACCUSE", "USA"), ("PRK", "ACCUSE", "KOR"), ("USA", "COOPERATE", "KOR")},
        ),
        ("Korea Utara mengecam latihan militer gabungan itu.", set()),
        # where the attack goes is the attack's, and its attacker comes after "oleh": the condemnation is
        # of Israel, not of Palestine
        ("China mengutuk serangan udara ke Gaza oleh Israel.", {("CHN", "ACCUSE", "ISR")}),
        (
            "Para menteri ASEAN mengecam serangan udara militer Myanmar terhadap desa di Sagaing.",
            {("ASEAN", "ACCUSE", "MMR")},
        ),
    ],
)
def test_an_event_noun_after_a_verb_has_its_own_parties(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two parties who sign bind each other; so do two armies that exchange fire
        (
            "Presiden Joko Widodo dan Perdana Menteri Anthony Albanese menandatangani nota kesepahaman di Canberra.",
            {("IDN", "SUPPORT", "AUS"), ("AUS", "SUPPORT", "IDN")},
        ),
        ("Indonesia menandatangani perjanjian dagang dengan Uni Eropa.", {("IDN", "SUPPORT", "EU")}),
        (
            "Tentara Thailand dan Kamboja saling tembak di perbatasan.",
            {("THA", "ASSAULT", "KHM"), ("KHM", "ASSAULT", "THA")},
        ),
    ],
)
def test_signing_and_exchanging_fire_go_both_ways(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_a_currency_is_not_a_state(pack) -> None:
    evs = _events("Jepang akan memberikan hibah senilai 10 juta dolar AS kepada Filipina.", pack)
    assert _triples(evs) == {("JPN", "AID", "PHL")}  # not JPN -> USA
    assert _triples(_events("Israel kembali menggempur Gaza selatan.", pack)) == {("ISR", "ASSAULT", "PSE")}


def test_a_currencys_state_is_no_mention_and_no_work_for_the_recogniser(pack, monkeypatch) -> None:
    from warta import ner

    text = "Jepang memberikan hibah senilai 10 juta dolar AS kepada Filipina."
    calls: list[list[str]] = []
    monkeypatch.setattr(ner, "tag", lambda toks, *a, **k: calls.append(toks) or ["O"] * len(toks))
    ms = find_mentions(text, split(text, pack), pack)
    assert [m.text for m in ms] == ["Jepang", "Filipina"]
    assert not calls  # "AS" was explained (a currency), so the recogniser had nothing to look at


def test_phone_talks_and_an_invitation_to_visit(pack) -> None:
    evs = _events(
        "Presiden Joko Widodo melakukan pembicaraan telepon dengan Presiden Ukraina Volodymyr Zelensky.", pack
    )
    assert {(e.event, e.mode) for e in evs} == {("CONSULT", "phone")}
    # an invited visit has not happened yet; one made at an invitation has
    evs = _events(
        "Presiden Filipina Ferdinand Marcos Jr. mengundang Presiden Prabowo untuk berkunjung ke Manila.", pack
    )
    assert [(e.event, e.modality) for e in evs] == [("CONSULT", "intended")]
    evs = _events("Atas undangan Presiden Marcos, Presiden Prabowo berkunjung ke Manila.", pack)
    assert [(e.event, e.modality) for e in evs] == [("CONSULT", "asserted")]


def test_an_actor_right_after_an_event_noun_owns_it(pack) -> None:
    # Russia's condition is Ukraine's withdrawal, and it leaves no country: no event, not RETREAT RUS -> UKR
    text = (
        "Peskov menambahkan bahwa syarat Rusia tetap sama, yakni penarikan pasukan Ukraina dari empat wilayah "
        "yang diklaim Moskow."
    )
    assert not _events(text, pack)
    assert _triples(_events("Serangan udara Israel ke Gaza menewaskan 20 orang.", pack)) == {
        ("ISR", "ASSAULT", "PSE")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the actor of a trailing speech tag said it; it is not the target
        ("AS akan mengirim bantuan militer ke Filipina, ujar Menlu Jepang.", {("USA", "AID", "PHL")}),
        ("China mengerahkan kapal perang ke Laut China Selatan, kata juru bicara militer Filipina.", set()),
        (
            "Rusia menjatuhkan sanksi terhadap Jepang, menurut kantor berita Ukraina.",
            {("RUS", "SANCTION", "JPN")},
        ),
        # the accuser of a passive accusation is not the target of the deed it alleges
        ("Israel dituduh melakukan genosida oleh Afrika Selatan.", {("ZAF", "ACCUSE", "ISR")}),
    ],
)
def test_a_speech_tag_and_a_passive_agent_are_no_targets(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_a_lower_case_sector_word_does_not_hold_a_place_back(pack) -> None:
    # "militer" of "bantuan militer" is no actor of its own that "ke Filipina" could belong to
    evs = _events("Jepang mengirim bantuan militer ke Filipina.", pack)
    assert {(e.source[0].code, e.cameo, e.target[0].code) for e in evs} == {("JPN", "072", "PHL")}
    assert not _events("China mengecam kunjungan Ketua DPR ke Taiwan.", pack)  # a title still does


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran dijatuhi sanksi oleh Amerika Serikat.", {("USA", "SANCTION", "IRN")}),
        ("Rusia dikenai sanksi baru oleh Uni Eropa.", {("EU", "SANCTION", "RUS")}),
        (
            "Menlu Sugiono menghubungi Menlu Arab Saudi untuk membahas situasi di Gaza.",
            {("IDN", "CONSULT", "SAU")},
        ),
        (
            "Thailand dan Kamboja saling tuding atas bentrokan di perbatasan.",
            {("THA", "ACCUSE", "KHM"), ("KHM", "ACCUSE", "THA")},
        ),
        (
            "Rusia dan Ukraina saling serang dengan drone.",
            {("RUS", "ASSAULT", "UKR"), ("UKR", "ASSAULT", "RUS")},
        ),
        ("Belanda menghentikan ekspor senjata ke Israel.", {("NLD", "SANCTION", "ISR")}),
        ("Pasukan Rusia merebut kota Avdiivka dari Ukraina.", {("RUS", "COERCE", "UKR")}),
    ],
)
def test_passive_sanctions_contacts_mutual_blame_arms_halts_and_seizures(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_an_offer_to_host_is_intended(pack) -> None:
    evs = _events("Turki menawarkan diri menjadi tuan rumah perundingan antara Rusia dan Ukraina.", pack)
    assert evs and {e.modality for e in evs} == {"intended"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visitor received is a hosted visit; aid received is not
        (
            "Presiden Joko Widodo menerima Menteri Luar Negeri China Wang Yi di Istana Bogor.",
            {("IDN", "CONSULT", "CHN")},
        ),
        ("Indonesia menerima bantuan dari Jepang.", set()),
        ("Presiden Mesir menerima telepon dari Presiden AS Donald Trump.", {("EGY", "CONSULT", "USA")}),
        ("Iran membalas serangan Israel dengan meluncurkan ratusan rudal.", {("IRN", "ASSAULT", "ISR")}),
        # who comes after "saat" is no target: each signatory binds the other
        (
            "Vietnam dan China menandatangani 14 perjanjian kerja sama saat kunjungan Xi Jinping ke Hanoi.",
            {("VNM", "SUPPORT", "CHN"), ("CHN", "SUPPORT", "VNM")},
        ),
    ],
)
def test_hosting_calls_received_retaliation_and_time_clauses(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kremlin membantah laporan bahwa Putin akan bertemu Zelensky.",
        "Rusia membantah telah menyerang Ukraina pada pekan lalu.",
    ],
)
def test_a_denied_act_is_negated(pack, text: str) -> None:
    evs = _events(text, pack, keep_negated=True)
    assert evs and all(e.negated for e in evs)
    assert not _events(text, pack)


def test_a_states_waters_are_a_place(pack) -> None:
    # "di perairan Malaysia" says where, as "di Malaysia" does; "ke perairan Taiwan" is where the ships go
    assert not _events("Pemerintah RI mengutuk penembakan terhadap WNI di perairan Malaysia.", pack)
    assert _triples(_events("China mengerahkan kapal perang ke perairan Taiwan.", pack)) == {
        ("CHN", "MOBILIZE", "TWN")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent of a passive relative clause ("yang dimediasi Qatar") is no party to the two sides' act
        (
            "Israel dan Hamas menyepakati pertukaran tahanan yang dimediasi Qatar dan Mesir.",
            {("ISR", "AGREE", "PSE")},
        ),
        (
            "Armenia dan Azerbaijan menandatangani perjanjian damai yang ditengahi oleh Amerika Serikat.",
            {("ARM", "SUPPORT", "AZE"), ("AZE", "SUPPORT", "ARM")},
        ),
        # a partner after an active relative clause still is one
        (
            "Rusia dan China sepakat memperkuat kerja sama yang saling menguntungkan dengan Iran.",
            {
                ("RUS", "AGREE", "IRN"),
                ("CHN", "AGREE", "IRN"),
                ("RUS", "COOPERATE", "IRN"),
                ("CHN", "COOPERATE", "IRN"),
            },
        ),
        (
            "Perdana Menteri India Narendra Modi menyambut Presiden Prabowo di New Delhi.",
            {("IND", "CONSULT", "IDN")},
        ),
        ("Presiden Prancis Emmanuel Macron mengakui negara Palestina.", {("FRA", "SUPPORT", "PSE")}),
        (
            "Iran menangguhkan kerja sama dengan Badan Energi Atom Internasional.",
            {("IRN", "SANCTION", "IAEA")},
        ),
    ],
)
def test_mediators_hosts_recognition_and_suspensions(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_a_tariff_threat_is_a_sanctions_threat(pack) -> None:
    evs = _events(
        "Presiden AS Donald Trump mengancam akan mengenakan tarif 50 persen terhadap Uni Eropa.", pack
    )
    assert [(e.event, e.cameo, e.target[0].code) for e in evs] == [("THREATEN", "1312", "EU")]


def test_a_greeting_with_no_visitor_after_it_is_no_verb_at_all(pack) -> None:
    # "disambut dengan upacara" receives no actor: it must not swallow the talks after it
    text = (
        "Presiden Prabowo bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo. Prabowo disambut dengan "
        "upacara militer sebelum kedua pemimpin mengadakan pembicaraan empat mata."
    )
    assert {(e.sentence, e.event) for e in _events(text, pack)} == {(0, "CONSULT"), (1, "CONSULT")}


def test_a_date_in_a_relative_clause_of_an_earlier_act_does_not_date_the_event(pack) -> None:
    text = "Pakistan mendesak India menghormati kesepakatan yang telah disepakati kedua negara pada Februari 2021."
    evs = _events(text, pack)
    assert [(e.event, e.date, e.date_precision) for e in evs] == [("REQUEST", DCT, "on_or_before")]
    evs = _events("Indonesia dan Vietnam menandatangani perjanjian batas ZEE pada Februari 2021.", pack)
    assert {(e.date, e.date_precision) for e in evs} == {(date(2021, 2, 1), "month")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "-nya": its own ambassador, called home (a recall); another state's ambassador called in is a summons
        ("Rusia memanggil duta besarnya untuk Israel sebagai protes.", ("SANCTION", "161", "ISR")),
        ("Lithuania memanggil dubesnya dari Beijing.", ("SANCTION", "161", "CHN")),
        ("China memanggil duta besar Lithuania.", ("ACCUSE", "114", "LTU")),
    ],
)
def test_calling_ones_own_ambassador_is_a_recall(pack, text: str, expected: tuple[str, str, str]) -> None:
    assert [(e.event, e.cameo, e.target[0].code) for e in _events(text, pack)] == [expected]


def test_a_reciprocal_object_is_the_two_parties_told_before(pack) -> None:
    text = (
        "Israel melancarkan serangan udara ke Iran pada Jumat. Presiden AS Donald Trump mendesak kedua negara "
        "menghentikan pertempuran."
    )
    assert {t for t in _triples(_events(text, pack)) if t[1] == "REQUEST"} == {
        ("USA", "REQUEST", "ISR"),
        ("USA", "REQUEST", "IRN"),
    }
    # one of "both sides" is the speaker's own: a call on all, no request to the other
    text = (
        "Menlu China Wang Yi bertemu Menlu Rusia Sergei Lavrov. Wang meminta kedua belah pihak menahan diri."
    )
    assert {t[1] for t in _triples(_events(text, pack))} == {"CONSULT"}


def test_states_coordinated_after_di_are_both_places(pack) -> None:
    assert not _events("Kemlu RI meminta WNI di Iran dan Israel meningkatkan kewaspadaan.", pack)
    assert _triples(_events("Indonesia mengirim bantuan ke Palestina dan Lebanon.", pack)) == {
        ("IDN", "AID", "PSE"),
        ("IDN", "AID", "LBN"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act in the "untuk" complement of a negated verb is not done
        (
            "Indonesia belum memutuskan untuk bergabung dengan latihan militer bersama AS.",
            ("COOPERATE", True, None),
        ),
        # a use of force told as a purpose is intended
        ("AS mengirim kapal induk untuk menyerang Iran.", ("ASSAULT", False, "intended")),
        ("China sedang mempertimbangkan untuk mengirim senjata ke Rusia.", ("AID", False, "intended")),
        # "Menurut X, ...": X's claim about others is alleged; about itself it stays asserted
        ("Menurut pejabat Ukraina, Rusia menyerang Kharkiv pada Senin.", ("ASSAULT", False, "alleged")),
        ("Menurut Kremlin, Presiden Putin bertemu Xi Jinping di Moskow.", ("CONSULT", False, "asserted")),
        ("Turki dikabarkan telah memasok drone kepada Ukraina.", ("AID", False, "alleged")),
    ],
)
def test_negated_purposes_intended_force_and_according_to(
    pack, text: str, expected: tuple[str, bool, str | None]
) -> None:
    evs = _events(text, pack, keep_negated=True)
    kind, negated, modality = expected
    assert [(e.event, e.negated) for e in evs] == [(kind, negated)]
    if modality:
        assert evs[0].modality == modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China menangguhkan impor makanan laut dari Jepang.", {("CHN", "SANCTION", "JPN")}),
        ("Vietnam mengajukan protes diplomatik kepada China.", {("VNM", "ACCUSE", "CHN")}),
        ("Presiden Putin menyampaikan ucapan selamat kepada Prabowo.", {("RUS", "SUPPORT", "IDN")}),
        ("Australia dan Indonesia akan menggelar dialog 2+2 di Canberra.", {("AUS", "CONSULT", "IDN")}),
        ("Indonesia dan Uni Eropa menyelesaikan perundingan IEU-CEPA.", {("IDN", "CONSULT", "EU")}),
    ],
)
def test_import_bans_protest_notes_congratulations_and_talks(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_what_two_sides_agree_to_do_is_intended(pack) -> None:
    evs = _events("Indonesia dan Jepang sepakat memperluas kerja sama di bidang energi.", pack)
    assert {(e.event, e.modality) for e in evs} == {("AGREE", "asserted"), ("COOPERATE", "intended")}
    evs = _events("Jepang dan Indonesia sepakat menggelar pertemuan 2+2 di Jakarta akhir tahun ini.", pack)
    assert {(e.event, e.modality) for e in evs} == {("AGREE", "asserted"), ("CONSULT", "intended")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # three or more doing a joint act: between each two; a gulf named after a state is a place
        (
            "China, Rusia dan Iran menggelar latihan militer bersama di Teluk Oman.",
            {("CHN", "COOPERATE", "RUS"), ("CHN", "COOPERATE", "IRN"), ("RUS", "COOPERATE", "IRN")},
        ),
        # Indonesian-only titles name Indonesia when nothing beside them names a country
        (
            "Panglima TNI bertemu dengan Kepala Staf Angkatan Darat AS di Jakarta.",
            {("IDN", "CONSULT", "USA")},
        ),
        ("Rusia mengembalikan 500 tawanan perang kepada Ukraina.", {("RUS", "RETREAT", "UKR")}),
        ("India menangguhkan perjanjian air Indus dengan Pakistan.", {("IND", "SANCTION", "PAK")}),
        (
            "Korea Selatan menembakkan tembakan peringatan ke arah tentara Korea Utara.",
            {("KOR", "MOBILIZE", "PRK")},
        ),
    ],
)
def test_joint_acts_of_three_home_titles_prisoners_treaties_and_warning_shots(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_the_deed_an_accusation_tells_is_alleged(pack) -> None:
    evs = _events("Kremlin menuduh Kiev menyerang Belgorod.", pack)
    assert {(e.event, e.source[0].code, e.target[0].code, e.modality) for e in evs} == {
        ("ACCUSE", "RUS", "UKR", "asserted"),
        ("ASSAULT", "UKR", "RUS", "alleged"),
    }
    # a purpose after the accused is no deed of theirs: "mendesak X untuk ..." is still a complement
    evs = _events("Rusia menuduh Ukraina untuk menyerang Belgorod.", pack)
    assert {e.event for e in evs} == {"ACCUSE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare attack noun with its owner right after it, and a target after "ke" or "terhadap"
        ("Serangan Rusia ke Kharkiv menewaskan tujuh warga sipil.", {("RUS", "ASSAULT", "UKR")}),
        ("Serangan drone Rusia terhadap Odesa menewaskan dua orang.", {("RUS", "ASSAULT", "UKR")}),
        ("Rusia melakukan serangan ke Kharkiv pada Jumat malam.", {("RUS", "ASSAULT", "UKR")}),
        # an attack noun without its owner is what the subject talks about, not what it does
        ("Amerika Serikat menyebut serangan siber China terhadap jaringan listrik sebagai ancaman.", set()),
        ("Hamas mengecam serangan udara ke Rafah.", set()),
        ("Presiden Iran dilarikan ke rumah sakit akibat serangan jantung.", set()),
    ],
)
def test_an_attack_noun_is_coded_with_its_owner_only(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_not_only_is_no_negation_and_restraint_is_no_detention(pack) -> None:
    evs = _events("Amerika Serikat bukan hanya mengecam, tetapi juga menjatuhkan sanksi kepada Iran.", pack)
    assert {(e.event, e.negated) for e in evs} == {("ACCUSE", False), ("SANCTION", False)}
    evs = _events("Jepang tidak sekadar mendukung Filipina.", pack, keep_negated=True)
    assert [(e.event, e.negated) for e in evs] == [("SUPPORT", False)]
    # the plain negation still negates
    evs = _events("Jepang tidak mendukung Filipina.", pack, keep_negated=True)
    assert [(e.event, e.negated) for e in evs] == [("SUPPORT", True)]
    evs = _events("Vietnam menahan diri untuk tidak mengecam China.", pack, keep_negated=True)
    assert [(e.event, e.negated) for e in evs] == [("ACCUSE", True)]
    assert _triples(_events("Polisi Malaysia menahan dua warga Indonesia.", pack)) == {
        ("MYS", "COERCE", "IDN")
    }


def test_an_expelled_attache_and_a_reported_plan(pack) -> None:
    (e,) = _events("Pemerintah Inggris dikabarkan akan mengusir atase militer Rusia.", pack)
    assert (e.event, e.source[0].code, e.target[0].code) == ("SANCTION", "GBR", "RUS")
    # alleged, and still to come: dated from the publication on, not before it
    assert (e.modality, e.date, e.date_precision) == ("alleged", DCT, "on_or_after")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two parties written as a pair are both parties, a joint statement's "bersama" no companion
        (
            "China memprotes pernyataan bersama Indonesia-Jepang soal Laut China Selatan.",
            {("CHN", "ACCUSE", "IDN"), ("CHN", "ACCUSE", "JPN")},
        ),
        (
            "AS-Korea Selatan menggelar latihan militer gabungan di Semenanjung Korea.",
            {("USA", "COOPERATE", "KOR")},
        ),
        # subjects joined by "bersama" both act
        (
            "Indonesia bersama Malaysia mengecam serangan Israel ke Rafah.",
            {("IDN", "ACCUSE", "ISR"), ("MYS", "ACCUSE", "ISR"), ("ISR", "ASSAULT", "PSE")},
        ),
        # "bersama" after the verb still brings a companion, not a target
        ("Indonesia mengirim bantuan ke Gaza bersama Malaysia.", {("IDN", "AID", "PSE")}),
    ],
)
def test_pairs_joint_exercises_and_subjects_acting_together(
    pack, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(_events(text, pack)) == expected


def test_a_comparison_since_a_year_does_not_date_the_event_and_shelling_is_an_attack(pack) -> None:
    (e,) = _events("Kanselir Jerman Olaf Scholz mengunjungi Kyiv untuk pertama kalinya sejak 2022.", pack)
    assert (e.event, e.date, e.date_precision) == ("CONSULT", DCT, "on_or_before")
    # a "sejak" date that is no baseline still dates what it governs
    (e,) = _events("Rusia menyerang Ukraina sejak Februari 2022.", pack)
    assert (e.date, e.date_precision) == (date(2022, 2, 1), "month")
    evs = _events("Militer Thailand menembaki posisi pasukan Kamboja di perbatasan.", pack)
    assert _triples(evs) == {("THA", "ASSAULT", "KHM")}
