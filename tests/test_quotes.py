"""Direct quotes and speakers on text written for the tests."""

from __future__ import annotations

from warta.actors import find_mentions
from warta.quotes import find_quotes
from warta.sentences import split

TEXT = (
    "Menteri Luar Negeri Australia Penny Wong tiba di Jakarta pada Senin.\n\n"
    "“Kami ingin memperdalam kerja sama maritim dengan Indonesia,” kata Wong kepada wartawan.\n\n"
    "“Hubungan ini sangat penting bagi kawasan,” ujarnya.\n\n"
    "Presiden Prabowo Subianto mengatakan, “Indonesia menyambut baik langkah tersebut.”\n\n"
    "Menurutnya, “ASEAN harus tetap bersatu.”"
)


def _quotes(text: str, pack):
    ss = split(text, pack)
    return find_quotes(text, ss, find_mentions(text, ss, pack), pack)


def test_quotes_and_speakers(pack) -> None:
    qs = _quotes(TEXT, pack)
    got = [
        (q.text[:20], q.cue, q.speaker.code if q.speaker else None, q.speaker.name if q.speaker else None)
        for q in qs
    ]
    assert got == [
        ("Kami ingin memperdal", "kata", "AUS", "Penny Wong"),
        ("Hubungan ini sangat ", "ujarnya", "AUS", "Penny Wong"),
        ("Indonesia menyambut ", "mengatakan", "IDN", "Prabowo Subianto"),
        ("ASEAN harus tetap be", "menurutnya", "IDN", "Prabowo Subianto"),
    ]
    for q in qs:
        assert TEXT[q.start : q.end] == q.text


def test_indirect_speech(pack) -> None:
    text = (
        "Menteri Luar Negeri Jepang Yoko Kamikawa mengatakan bahwa Jepang akan menambah bantuan untuk Filipina.\n\n"
        "Menurut Kamikawa, kedua negara juga membahas keamanan maritim.\n\n"
        "Presiden Prabowo Subianto menegaskan Indonesia tidak memihak.\n\n"
        "Cuaca di Jakarta cerah pada Senin."
    )
    qs = _quotes(text, pack)
    got = [(q.direct, q.cue, q.speaker.code if q.speaker else None, q.text) for q in qs]
    assert got == [
        (False, "mengatakan", "JPN", "Jepang akan menambah bantuan untuk Filipina"),
        (False, "menurut", "JPN", "kedua negara juga membahas keamanan maritim"),
        (False, "menegaskan", "IDN", "Indonesia tidak memihak"),
    ]
    for q in qs:
        assert text[q.start : q.end] == q.text


def test_a_sentence_with_a_direct_quote_gives_no_indirect_one(pack) -> None:
    text = "Menlu Retno Marsudi mengatakan, “Indonesia siap membantu.”"
    qs = _quotes(text, pack)
    assert [q.direct for q in qs] == [True]


def test_menurut_with_a_pronoun_is_the_person_named_just_before(pack) -> None:
    text = (
        "Menteri Luar Negeri Vietnam Bui Thanh Son mengatakan Vietnam mendukung peran Indonesia.\n\n"
        "Menurut dia, perundingan kode etik harus selesai tahun depan.\n\n"
        "Menteri Luar Negeri Malaysia Mohamad Hasan menolak berspekulasi soal Ambalat. Menurutnya, hal itu "
        "menjadi wewenang tim teknis.\n\n"
        "Menurut dia, kedua negara juga akan memperluas perdagangan."
    )
    qs = _quotes(text, pack)
    assert [(q.text[:20], q.cue, q.speaker.name if q.speaker else None) for q in qs] == [
        ("Vietnam mendukung pe", "mengatakan", "Bui Thanh Son"),
        ("perundingan kode eti", "menurut", "Bui Thanh Son"),
        # the person of the sentence before, though he said nothing quoted
        ("hal itu menjadi wewe", "menurut", "Mohamad Hasan"),
        # no one named in the sentence before: the last named speaker
        ("kedua negara juga ak", "menurut", "Mohamad Hasan"),
    ]
