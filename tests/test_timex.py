"""Tests for warta.timex: Indonesian temporal expressions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.records import Timex
from warta.timex import find_timexes, infer_year, parse_publication_date

D_MAY = date(2023, 5, 5)  # a Friday
D_SEP = date(2023, 9, 20)  # a Wednesday
D_APR = date(2024, 4, 9)  # a Tuesday


def tx(text: str, dct: date | None = D_SEP, **kw: object) -> list[Timex]:
    return find_timexes(text, dct, **kw)  # type: ignore[arg-type]


def only(text: str, dct: date | None = D_SEP, **kw: object) -> Timex:
    ts = tx(text, dct, **kw)
    assert len(ts) == 1, ts
    return ts[0]


def find(text: str, span: str, dct: date | None = D_SEP, **kw: object) -> Timex:
    for t in tx(text, dct, **kw):
        if t.text == span:
            return t
    raise AssertionError(f"{span!r} not found in {[t.text for t in tx(text, dct, **kw)]}")


def is_calendar(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.first_day is not None


# ---------------------------------------------------------------- the brief's examples


def test_weekday_thursday_before_friday_dct() -> None:
    t = only("Qin bertemu di India pada hari Kamis.", D_MAY)
    assert (t.text, t.type, t.value, t.precision, t.first_day) == (
        "hari Kamis",
        "DATE",
        "2023-05-04",
        "day",
        date(2023, 5, 4),
    )


def test_infer_year_from_weekday_pair() -> None:
    text = "Menteri Luar Negeri tiba di Beijing pada Selasa (9 April) untuk kunjungan dua hari."
    assert infer_year(text, today=date(2026, 11, 23)) == 2024


def test_month_alone_is_nearest_past_month() -> None:
    t = only("Lavrov terakhir kali mengunjungi Beijing pada bulan Oktober.", D_APR)
    assert (t.text, t.value, t.precision, t.first_day) == (
        "bulan Oktober",
        "2023-10",
        "month",
        date(2023, 10, 1),
    )


def test_month_with_future_cue() -> None:
    t = only("Putin akan mengunjungi China pada Oktober mendatang, kata Kremlin.", D_SEP)
    assert (t.text, t.value, t.first_day) == ("Oktober mendatang", "2023-10", date(2023, 10, 1))


def test_last_month() -> None:
    t = only("Bulan lalu, kedua menteri bertemu di Jakarta.", D_SEP)
    assert (t.value, t.precision, t.first_day) == ("2023-08", "month", date(2023, 8, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Vonis 2 Tahun Penjara untuk Mantan Menteri",
        "Sehari sebelum pertemuan itu, para diplomat berunding.",
        "Sebanyak 24 orang tewas dalam serangan itu.",
        "Partai itu unggul 12 poin dalam survei terbaru.",
        "Polisi menangkap 2020 orang? Tidak, hanya 300 orang dan 45 kendaraan.",
    ],
)
def test_no_calendar_date_from_quantities(text: str) -> None:
    assert not [t for t in tx(text) if is_calendar(t)], tx(text)


def test_vonis_is_a_duration_at_most() -> None:
    assert [(t.text, t.type, t.value) for t in tx("Vonis 2 Tahun Penjara")] == [
        ("2 Tahun", "DURATION", "P2Y")
    ]


def test_sehari_sebelum_is_not_resolved() -> None:
    ts = tx("Sehari sebelum pertemuan, Menlu tiba di Jakarta.")
    assert all(t.type == "DURATION" and t.first_day is None for t in ts)


def test_minggu_lalu_versus_hari_minggu() -> None:
    text = "Minggu lalu Presiden ke Bali, dan pada hari Minggu ia kembali ke Jakarta."
    last_week = find(text, "Minggu lalu", D_MAY)
    sunday = find(text, "hari Minggu", D_MAY)
    assert (last_week.value, last_week.precision, last_week.first_day) == (
        "2023-W17",
        "week",
        date(2023, 4, 24),
    )
    assert (sunday.value, sunday.precision) == ("2023-04-30", "day")


# ---------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    "text, span, value, precision",
    [
        ("Pertemuan digelar pada 4 Mei 2023 di Jakarta.", "4 Mei 2023", "2023-05-04", "day"),
        ("KTT ASEAN berlangsung pada tanggal 10 Mei 2023.", "tanggal 10 Mei 2023", "2023-05-10", "day"),
        ("Pada Mei 2023, kedua negara menandatangani perjanjian.", "Mei 2023", "2023-05", "month"),
        ("Rusia menyerang Ukraina pada Februari 2022.", "Februari 2022", "2022-02", "month"),
        ("Harga minyak naik sejak bulan Juni 2021.", "bulan Juni 2021", "2021-06", "month"),
        ("Kerusuhan pecah pada 19/9/2023.", "19/9/2023", "2023-09-19", "day"),
        ("Surat itu bertanggal 6/5/2023.", "6/5/2023", "2023-05-06", "day"),
        ("Data per 2023-05-04 menunjukkan kenaikan.", "2023-05-04", "2023-05-04", "day"),
        ("Indonesia merdeka pada 17 Agustus 1945.", "17 Agustus 1945", "1945-08-17", "day"),
        ("Rapat dijadwalkan ulang ke 1 Okt 2023.", "1 Okt 2023", "2023-10-01", "day"),
        ("Kesepakatan itu diteken 12 Peb 2020.", "12 Peb 2020", "2020-02-12", "day"),
        ("Pada 5 Agt 2021 ia dilantik.", "5 Agt 2021", "2021-08-05", "day"),
        ("Laporan 3 NOP 2019 itu bocor.", "3 NOP 2019", "2019-11-03", "day"),
    ],
)
def test_explicit_dates(text: str, span: str, value: str, precision: str) -> None:
    t = find(text, span)
    assert (t.type, t.value, t.precision) == ("DATE", value, precision)
    assert t.first_day is not None and t.first_day.isoformat().startswith(value[:7])


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Pemerintah telah mengalokasikan dana sejak 2020.", "2020", "2020"),
        ("Pada 2020, pandemi melanda dunia.", "2020", "2020"),
        ("Anggaran pertahanan tahun 2020 meningkat.", "tahun 2020", "2020"),
        ("Di tahun 2019, pemilu digelar serentak.", "tahun 2019", "2019"),
        ("Ia menjabat hingga 2024 mendatang.", "2024", "2024"),
        ("UU Nomor 1 Tahun 2023 tentang KUHP disahkan.", "Tahun 2023", "2023"),
    ],
)
def test_bare_year_in_temporal_context(text: str, span: str, value: str) -> None:
    t = find(text, span)
    assert (t.value, t.precision, t.first_day) == (value, "year", date(int(value), 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2020 warga mengungsi.",
        "Sekitar 2000 tentara dikerahkan ke perbatasan.",
        "Hingga 2500 orang hadir dalam unjuk rasa itu.",
        "Nomor antrean 2019 dipanggil.",
        "Ia mendapat 1998 suara.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert tx(text) == []


def test_day_month_numeric_year_from_anchor() -> None:
    t = find("Gencatan senjata berlaku pada 30/12 pukul 00.00.", "30/12 pukul 00.00")
    assert t.type == "TIME" and t.value == "2022-12-30T00:00" and t.first_day == date(2022, 12, 30)
    t = find("Kontrak berakhir pada 30/12.", "30/12", date(2024, 1, 3))
    assert t.value == "2023-12-30"


def test_publication_line_inside_text() -> None:
    t = only("JUMAT, 14 JULI 2023 | 20:13 WIB", None)
    assert (t.type, t.value, t.precision, t.first_day) == (
        "TIME",
        "2023-07-14T20:13",
        "day",
        date(2023, 7, 14),
    )


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Menlu Retno tiba di Beijing pada Selasa (9 April).", "Selasa (9 April)", "2024-04-09"),
        ("Presiden Jokowi, Selasa (19/9/2023), membuka forum.", "Selasa (19/9/2023)", "2023-09-19"),
        ("Presiden Jokowi mengatakan, Senin (18/9), bahwa ia akan hadir.", "Senin (18/9)", "2023-09-18"),
        ("Unjuk rasa berlangsung Sabtu (6/5/2023) di Monas.", "Sabtu (6/5/2023)", "2023-05-06"),
        ("Pertemuan itu berlangsung pada Kamis, 4 Mei.", "Kamis, 4 Mei", "2023-05-04"),
        ("Rapat digelar Rabu-Kamis (20-21/9).", "Rabu-Kamis (20-21/9)", "2023-09-20"),
        ("Ia berbicara pada Jum'at (15/9) di Istana.", "Jum'at (15/9)", "2023-09-15"),
    ],
)
def test_weekday_with_date(text: str, span: str, value: str) -> None:
    dct = D_APR if "April" in text else D_SEP
    t = find(text, span, dct)
    assert (t.type, t.value, t.precision) == ("DATE", value, "day")


def test_weekday_with_date_uses_weekday_to_pick_year() -> None:
    # 18/9 is a Monday in 2023 only (among 2022-2024): even with a future cue
    t = find("Presiden akan berpidato pada Senin (18/9).", "Senin (18/9)", date(2023, 9, 25))
    assert t.value == "2023-09-18"


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("Kedua menteri bertemu pada Kamis.", D_MAY, "2023-05-04"),
        ("Kedua menteri bertemu pada Jumat.", D_MAY, "2023-05-05"),  # the dct itself
        ("Kedua menteri bertemu pada Senin.", D_MAY, "2023-05-01"),
        ("Kedua menteri dijadwalkan bertemu pada Senin.", D_MAY, "2023-05-08"),
        # the dct's own weekday is that day, in the future as in the past: a week later is "Jumat depan"
        ("Kedua menteri akan bertemu pada Jumat.", D_MAY, "2023-05-05"),
        ("Kedua menteri akan bertemu pada Jumat depan.", D_MAY, "2023-05-12"),
        ("Ia tiba Kamis lalu.", D_MAY, "2023-05-04"),
        ("Ia tiba Jumat lalu.", D_MAY, "2023-04-28"),
        ("Ia berangkat Senin depan.", D_MAY, "2023-05-08"),
        ("Ia berangkat Senin pekan depan.", D_MAY, "2023-05-08"),
        ("Ia tiba Rabu pekan lalu.", D_MAY, "2023-04-26"),
        ("Ia tiba Selasa kemarin.", D_MAY, "2023-05-02"),
        ("Upacara digelar pada Minggu.", D_MAY, "2023-04-30"),
    ],
)
def test_bare_weekday(text: str, dct: date, value: str) -> None:
    ts = [t for t in tx(text, dct) if t.precision == "day"]
    assert len(ts) == 1 and ts[0].value == value, tx(text, dct)


def test_said_on_monday_that_he_will_is_past() -> None:
    # the future cue sits after "bahwa": the saying happened on the past Monday
    t = only("Presiden mengatakan pada Senin bahwa ia akan berkunjung ke Beijing.", D_SEP)
    assert t.value == "2023-09-18"


def test_future_cue_exceptions() -> None:
    assert only("Massa berkumpul di depan gedung DPR pada Kamis.", D_SEP).value == "2023-09-14"
    assert only("Bakal calon presiden itu berkampanye pada Kamis.", D_SEP).value == "2023-09-14"


def test_lowercase_minggu_is_week_not_sunday() -> None:
    t = only("Ia mengaku sudah dua minggu tidak pulang.")
    assert (t.type, t.value) == ("DURATION", "P2W")
    t = only("Pada minggu ini, harga cabai naik.", D_MAY)
    assert (t.value, t.precision) == ("2023-W18", "week")


def test_minggu_ini_at_sentence_start_is_this_week() -> None:
    t = only("Minggu ini, DPR membahas RUU Perampasan Aset.", D_MAY)
    assert (t.value, t.precision, t.first_day) == ("2023-W18", "week", date(2023, 5, 1))


def test_capitalised_minggu_mid_sentence_is_sunday() -> None:
    t = only("Paus tiba di Jakarta pada Minggu (17/9) sore.", D_SEP)
    assert (t.value, t.first_day) == ("2023-09-17TAF", date(2023, 9, 17))


# ---------------------------------------------------------------- day-month, month alone


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("KTT berlangsung pada 9 April.", D_APR, "2024-04-09"),
        ("KTT berlangsung pada 3 Oktober.", D_SEP, "2022-10-03"),  # past: latest not after dct
        ("KTT akan berlangsung pada 3 Oktober.", D_SEP, "2023-10-03"),  # future: the next one
        ("KTT berlangsung pada 3 Oktober.", date(2023, 10, 3), "2023-10-03"),
        ("Kesepakatan diteken 17 Agustus lalu.", D_SEP, "2023-08-17"),
        ("Pemilu digelar 14 Februari mendatang.", D_SEP, "2024-02-14"),
        ("Ia ditangkap pada 4 Mei tahun lalu.", D_SEP, "2022-05-04"),
        ("Ia dibebaskan pada 29 Februari.", D_SEP, "2020-02-29"),
    ],
)
def test_day_month_without_year(text: str, dct: date, value: str) -> None:
    ts = [t for t in tx(text, dct) if t.precision == "day"]
    assert [t.value for t in ts] == [value], tx(text, dct)


@pytest.mark.parametrize(
    "text, dct, span, value",
    [
        ("Harga BBM naik pada Maret.", D_SEP, "Maret", "2023-03"),
        ("Harga BBM naik pada Oktober.", D_SEP, "Oktober", "2022-10"),
        ("Harga BBM akan naik pada Oktober.", D_SEP, "Oktober", "2023-10"),
        ("Harga BBM naik sejak Juni lalu.", D_SEP, "Juni lalu", "2023-06"),
        ("Pelantikan digelar Oktober tahun depan.", D_SEP, "Oktober tahun depan", "2024-10"),
        ("Inflasi naik pada bulan September.", D_SEP, "bulan September", "2023-09"),
        ("Program berjalan Januari-Maret 2024.", D_SEP, "Januari-Maret 2024", "2024-01"),
    ],
)
def test_month_alone(text: str, dct: date, span: str, value: str) -> None:
    t = find(text, span, dct)
    assert (t.value, t.precision) == (value, "month")


def test_month_name_without_context_is_not_a_date() -> None:
    assert tx("Juni dan April adalah nama dua saksi dalam kasus itu.") == []


def test_direction_argument_overrides_cues() -> None:
    text = "KTT digelar pada 3 Oktober."
    assert only(text, D_SEP, direction="future").value == "2023-10-03"
    assert only("KTT akan digelar pada 3 Oktober.", D_SEP, direction="past").value == "2022-10-03"
    # an explicit relative word in the expression still wins
    assert only("KTT digelar 3 Oktober lalu.", D_SEP, direction="future").value == "2022-10-03"


# ---------------------------------------------------------------- relative expressions


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("Kemarin, Presiden melantik menteri baru.", "2023-09-19", "day"),
        ("Hari ini DPR menggelar rapat paripurna.", "2023-09-20", "day"),
        ("Besok Menlu bertolak ke New York.", "2023-09-21", "day"),
        ("Sidang dilanjutkan lusa.", "2023-09-22", "day"),
        ("Kemarin lusa terjadi bentrokan.", "2023-09-18", "day"),
        ("Minggu lalu, harga beras naik.", "2023-W37", "week"),
        ("Pekan lalu, harga beras naik.", "2023-W37", "week"),
        ("Rapat akan digelar minggu depan.", "2023-W39", "week"),
        ("Pekan ini pemerintah mengumumkan kebijakan baru.", "2023-W38", "week"),
        ("Bulan depan tarif listrik naik.", "2023-10", "month"),
        ("Tahun lalu ekonomi tumbuh 5,3 persen.", "2022", "year"),
        ("Tahun ini ekonomi diperkirakan tumbuh 5 persen.", "2023", "year"),
        ("Pemilu digelar tahun depan.", "2024", "year"),
        ("Ia tiba dua hari lalu.", "2023-09-18", "day"),
        ("Ia tiba tiga minggu lalu.", "2023-W35", "week"),
        ("Ia pindah ke Jakarta 5 tahun lalu.", "2018", "year"),
        ("Ia lulus sepuluh tahun yang lalu.", "2013", "year"),
        ("Kasus itu terjadi sebulan lalu.", "2023-08", "month"),
        ("Gedung itu dibangun satu abad lalu.", "1923", "year"),
        ("Hasilnya diumumkan dua hari lagi.", "2023-09-22", "day"),
    ],
)
def test_relative(text: str, value: str, precision: str) -> None:
    t = only(text, D_SEP)
    assert (t.type, t.value, t.precision) == ("DATE", value, precision)


def test_week_first_day_is_monday() -> None:
    t = only("Pekan lalu, harga beras naik.", D_SEP)
    assert t.first_day == date(2023, 9, 11) and t.first_day.isoweekday() == 1


@pytest.mark.parametrize(
    "text, value",
    [
        ("Beberapa hari lalu, polisi menangkap tersangka.", "PAST_REF"),
        ("Baru-baru ini, Menlu bertemu mitranya.", "PAST_REF"),
        ("Sebelumnya, Menlu bertemu mitranya.", "PAST_REF"),
        ("Saat ini, harga beras masih tinggi.", "PRESENT_REF"),
        ("Sekarang harga beras masih tinggi.", "PRESENT_REF"),
        ("Kini harga beras masih tinggi.", "PRESENT_REF"),
        ("Di masa depan, kerja sama akan diperluas.", "FUTURE_REF"),
    ],
)
def test_references(text: str, value: str) -> None:
    t = only(text)
    assert (t.type, t.value, t.precision, t.first_day) == ("DATE", value, None, None)


def test_recent_years_is_a_vague_duration() -> None:
    t = only("Dalam beberapa tahun terakhir, impor beras meningkat.")
    assert (t.text, t.type, t.value) == ("beberapa tahun terakhir", "DURATION", "PXY")


def test_references_are_whole_words() -> None:
    assert tx("Kinerja ekonomi membaik, kata menteri sekarangan.") == []


def test_relative_without_dct() -> None:
    vals = {
        t.text: t.value
        for t in tx("Kemarin, minggu lalu, besok, tahun ini, pada Kamis, 9 April, bulan Oktober.", None)
    }
    assert vals == {
        "Kemarin": "PAST_REF",
        "minggu lalu": "PAST_REF",
        "besok": "FUTURE_REF",
        "tahun ini": "PRESENT_REF",
        "Kamis, 9 April": "XXXX-04-09",
        "bulan Oktober": "XXXX-10",
    }
    assert all(t.first_day is None and t.precision is None for t in tx("pada hari Kamis, bulan lalu", None))
    assert only("pada hari Kamis", None).value == "XXXX-WXX-4"


# ---------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Presiden melakukan kunjungan resmi dua hari ke Jepang.", "dua hari", "P2D"),
        ("Pameran berlangsung selama empat hari.", "empat hari", "P4D"),
        ("Hubungan kedua negara terjalin satu abad.", "satu abad", "P100Y"),
        ("Masa berkabung tujuh hari ditetapkan.", "tujuh hari", "P7D"),
        ("Ia divonis 2 tahun 6 bulan penjara.", "2 tahun 6 bulan", "P2Y6M"),
        ("Perundingan berlangsung 24 jam.", "24 jam", "PT24H"),
        ("Ia menjabat selama sebelas tahun.", "sebelas tahun", "P11Y"),
        ("Konflik itu berlangsung dua puluh tahun.", "dua puluh tahun", "P20Y"),
        ("Pembangunan butuh dua puluh lima tahun.", "dua puluh lima tahun", "P25Y"),
        ("Ia dihukum seratus hari kerja sosial.", "seratus hari", "P100D"),
        ("Warga menunggu berhari-hari di posko.", "berhari-hari", "PXD"),
        ("Sejak sepekan, harga naik.", "sepekan", "P1W"),
        ("Tiga bulan ke depan pasokan aman.", "Tiga bulan ke depan", "P3M"),
        ("Seminggu kemudian ia ditangkap.", "Seminggu kemudian", "P1W"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    t = find(text, span)
    assert (t.type, t.value, t.precision, t.first_day) == ("DURATION", value, None, None)


def test_sehari_hari_is_not_a_duration() -> None:
    assert tx("Kebutuhan sehari-hari warga terpenuhi.") == []


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Festival itu digelar setiap tahun.", "setiap tahun", "P1Y"),
        ("Rapat kabinet digelar tiap minggu.", "tiap minggu", "P1W"),
        ("Warga berkumpul setiap hari Senin.", "setiap hari Senin", "XXXX-WXX-1"),
        ("Pemilu digelar tiap lima tahun.", "tiap lima tahun", "P5Y"),
        ("Ia melapor dua kali seminggu.", "dua kali seminggu", "P1W"),
    ],
)
def test_sets(text: str, span: str, value: str) -> None:
    t = find(text, span)
    assert (t.type, t.value) == ("SET", value)


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    "text, dct, span, value",
    [
        ("Rabu 20 Sep 2023 14:35 WIB", None, "Rabu 20 Sep 2023 14:35 WIB", "2023-09-20T14:35"),
        ("Ledakan terjadi pukul 20.13 WIB.", D_SEP, "pukul 20.13 WIB", "2023-09-20T20:13"),
        ("Gempa terjadi 20:13 WITA.", D_SEP, "20:13 WITA", "2023-09-20T20:13"),
        (
            "Sidang dimulai Senin (18/9) pukul 09.00 WIT.",
            D_SEP,
            "Senin (18/9) pukul 09.00 WIT",
            "2023-09-18T09:00",
        ),
        ("Ia tiba kemarin pukul 14.00.", D_SEP, "kemarin pukul 14.00", "2023-09-19T14:00"),
        ("Ia tiba pukul 8 malam.", D_SEP, "pukul 8 malam", "2023-09-20T20:00"),
        ("Ia tiba pukul 20.13 WIB.", None, "pukul 20.13 WIB", "XXXX-XX-XXT20:13"),
    ],
)
def test_times(text: str, dct: date | None, span: str, value: str) -> None:
    t = find(text, span, dct)
    assert (t.type, t.value) == ("TIME", value)
    if dct is not None or "2023" in span:
        assert t.precision == "day" and t.first_day == date.fromisoformat(value[:10])


def test_decimals_and_scores_are_not_times() -> None:
    assert tx("Inflasi 3.14 persen, skor 2-1, rasio 1/3.") == []


# ---------------------------------------------------------------- parts, seasons, ranges


@pytest.mark.parametrize(
    "text, span, value, precision",
    [
        ("Awal tahun ini, harga beras naik.", "Awal tahun ini", "2023", "year"),
        ("Kasus itu terjadi akhir bulan lalu.", "akhir bulan lalu", "2023-08", "month"),
        ("Proyek dimulai pertengahan 2022.", "pertengahan 2022", "2022", "year"),
        ("Harga naik sejak awal Mei.", "awal Mei", "2023-05", "month"),
        ("Pasokan menipis pada akhir tahun.", "akhir tahun", "2023", "year"),
        ("Mereka bertemu akhir pekan lalu.", "akhir pekan lalu", "2023-W37-WE", "week"),
        ("Kebijakan itu berlaku medio Juni 2021.", "medio Juni 2021", "2021-06", "month"),
    ],
)
def test_part_of_period(text: str, span: str, value: str, precision: str) -> None:
    t = find(text, span)
    assert (t.type, t.value, t.precision) == ("DATE", value, precision)


def test_seasons() -> None:
    t = find("Serangan balasan dimulai pada musim semi 2022.", "musim semi 2022")
    assert (t.value, t.precision, t.first_day) == ("2022-SP", "year", date(2022, 1, 1))
    assert find("Pasokan gas aman untuk musim dingin mendatang.", "musim dingin mendatang").value == "2024-WI"
    assert find("Panen gagal musim panas lalu.", "musim panas lalu").value == "2022-SU"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Konferensi berlangsung 18-21 September.", "18-21 September", "2023-09-18"),
        ("Konferensi berlangsung 18 hingga 21 September 2023.", "18 hingga 21 September 2023", "2023-09-18"),
        (
            "Pameran digelar 28 September hingga 2 Oktober 2023.",
            "28 September hingga 2 Oktober 2023",
            "2023-09-28",
        ),
        ("Periode 2019-2024 segera berakhir.", "2019-2024", "2019"),
        ("Ia menjabat dari 2014 hingga 2024.", "2014 hingga 2024", "2014"),
    ],
)
def test_ranges_are_valued_as_their_first_day(text: str, span: str, value: str) -> None:
    t = find(text, span)
    assert (t.type, t.value) == ("DATE", value)


def test_lists_are_not_ranges() -> None:
    ts = tx("Pertemuan digelar 4 Mei 2023 dan 6 Mei 2023.")
    assert [t.value for t in ts] == ["2023-05-04", "2023-05-06"]


def test_since_gives_the_anchor_of_the_period() -> None:
    assert only("Sejak 2020, harga naik.").value == "2020"
    t = only("Sejak Februari 2022, perang berkecamuk.")
    assert (t.text, t.value, t.precision) == ("Februari 2022", "2022-02", "month")


def test_decade() -> None:
    t = only("Pada tahun 1990-an, krisis moneter melanda.")
    assert (t.value, t.precision, t.first_day) == ("199", None, None)


# ---------------------------------------------------------------- publication dates


@pytest.mark.parametrize(
    "s, expected",
    [
        ("Rabu 20 Sep 2023 14:35 WIB", date(2023, 9, 20)),
        ("JUMAT, 14 JULI 2023 | 20:13 WIB", date(2023, 7, 14)),
        ("Senin, 02 Februari 2026 | 13:47", date(2026, 2, 2)),
        ("2024-04-09T10:00:00+07:00", date(2024, 4, 9)),
        ("9 April 2024", date(2024, 4, 9)),
        ("09/04/2024", date(2024, 4, 9)),
        ("Selasa (19/9/2023)", date(2023, 9, 19)),
        ("Wed, 20 Sep 2023 14:35:00 +0700", date(2023, 9, 20)),
        ("September 20, 2023", date(2023, 9, 20)),
        ("Diperbarui 20/09/2023, 10.00 WIB", date(2023, 9, 20)),
        ("Kamis, 4 Mei 2023 - 07:15 WIB", date(2023, 5, 4)),
    ],
)
def test_parse_publication_date(s: str, expected: date) -> None:
    assert parse_publication_date(s) == expected


@pytest.mark.parametrize(
    "s",
    ["", "   ", "31 Februari 2023", "13/13/2023", "Kamis", "9 April", "besok", "0000-00-00", "abc", None, 42],
)
def test_parse_publication_date_malformed(s: object) -> None:
    assert parse_publication_date(s) is None  # type: ignore[arg-type]


# ---------------------------------------------------------------- infer_year


def test_infer_year_all_pairs_must_agree() -> None:
    text = "Presiden tiba Senin (18/9). Pada Kamis, 21 September, ia kembali ke Jakarta."
    assert infer_year(text, date(2026, 11, 23)) == 2023


def test_infer_year_none_without_pairs_or_consistent_year() -> None:
    assert infer_year("Presiden tiba pada 9 April 2024.", date(2026, 11, 23)) is None
    assert infer_year("Selasa (9 April) dan Rabu (9 April).", date(2026, 11, 23)) is None


def test_infer_year_not_after_today() -> None:
    # 9 April is a Thursday in 2026 and a Tuesday in 2024
    assert infer_year("Kamis (9 April)", date(2026, 11, 23)) == 2026
    assert infer_year("Kamis (9 April)", date(2025, 11, 23)) == 2020


# ---------------------------------------------------------------- robustness (properties)

_WORDS = [
    "pada",
    "hari",
    "Kamis",
    "Minggu",
    "minggu",
    "lalu",
    "depan",
    "akan",
    "sejak",
    "tahun",
    "2020",
    "bulan",
    "Oktober",
    "Mei",
    "(",
    ")",
    "/",
    "-",
    ",",
    ".",
    "9",
    "12",
    "30",
    "2023",
    "pukul",
    "WIB",
    "20.13",
    "14:35",
    "setiap",
    "dua",
    "puluh",
    "belas",
    "sehari",
    "akhir",
    "pekan",
    "musim",
    "semi",
    "kemarin",
    "lusa",
    "ini",
    "bahwa",
    "hingga",
    "tanggal",
    "Selasa",
    "Jum'at",
    "se",
    "ber",
    "an",
    "1990-an",
    "s/d",
    "\n",
    "29",
    "Februari",
    "sekarang",
    "beberapa",
    "terakhir",
    "lagi",
    "00",
    "(30/12)",  # a weekday's date, which a relative word may follow: "Senin (30/12) kemarin"
    "(9 April)",
    "besok",
]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=30))
    seps = draw(st.lists(st.sampled_from([" ", "", "  ", "\t"]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


_dcts = st.one_of(
    st.none(), st.dates(), st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25)])
)


def _check(text: str, ts: list[Timex]) -> None:
    last = 0
    for t in ts:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.precision is None) == (t.first_day is None)
        assert t.precision in (None, "day", "week", "month", "year")


@settings(max_examples=400, deadline=None)
@given(_texts(), _dcts, st.sampled_from([None, "past", "future", "sideways"]))
def test_property_vocabulary_soup_never_raises(text: str, dct: date | None, direction: str | None) -> None:
    _check(text, find_timexes(text, dct, direction=direction))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), _dcts)
def test_property_random_text_never_raises(text: str, dct: date | None) -> None:
    _check(text, find_timexes(text, dct))
    parse_publication_date(text)
    infer_year(text, dct or date(2024, 1, 1))


@settings(max_examples=200, deadline=None)
@given(_texts(), st.dates())
def test_property_parsers_never_raise(text: str, today: date) -> None:
    d = parse_publication_date(text)
    assert d is None or isinstance(d, date)
    y = infer_year(text, today)
    assert y is None or today.year - 30 <= y <= today.year


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_property_weekday_alone_is_within_a_week(dct: date) -> None:
    for wd in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"):
        past = only(f"Ia tiba pada {wd}.", dct)
        fut = only(f"Ia akan tiba pada {wd}.", dct)
        assert past.first_day is not None and 0 <= (dct - past.first_day).days < 7
        assert fut.first_day is not None and 0 <= (fut.first_day - dct).days < 7


def test_garbage_inputs() -> None:
    assert find_timexes(None, D_SEP) == []  # type: ignore[arg-type]
    assert find_timexes("", D_SEP) == []
    assert find_timexes("pada hari Kamis", "2023-05-05")[0].value == "XXXX-WXX-4"  # type: ignore[arg-type]
    assert infer_year("Selasa (9 April)", None) is None  # type: ignore[arg-type]


def test_deictic_day_with_stated_date() -> None:
    t = only("Kemarin (19/9), Menlu Retno bertemu Menlu Wang Yi di New York.", D_SEP)
    assert (t.text, t.value) == ("Kemarin (19/9)", "2023-09-19")


# ---------------------------------------------------------------- weekday + date: direction

D_APR10 = date(2024, 4, 10)  # a Wednesday; 30/12/2024 is a Monday, 30/12/2023 a Saturday


@pytest.mark.parametrize(
    "text, span, value",
    [
        # an explicit relative word after the parenthesis is part of the expression and wins
        ("Rapat koordinasi itu digelar Senin (30/12) lalu di Bogor.", "Senin (30/12) lalu", "2023-12-30"),
        ("Gubernur akan melantik pejabat Senin (30/12) mendatang.", "Senin (30/12) mendatang", "2024-12-30"),
        ("Sidang lanjutan dibuka Senin (30/12) depan.", "Senin (30/12) depan", "2024-12-30"),
        # no relative word, past clause: the weekday may not pull the date eight months ahead
        ("Bupati meresmikan jembatan itu pada Senin (30/12).", "Senin (30/12)", "2023-12-30"),
        # a weekday matching within a week after the dct is still taken (no explicit direction)
        ("Tim SAR tiba di lokasi Kamis (11/4).", "Kamis (11/4)", "2024-04-11"),
        # ... but not against an explicit "lalu"
        ("Tim SAR tiba di lokasi Kamis (11/4) lalu.", "Kamis (11/4) lalu", "2023-04-11"),
        # the weekday picks the previous year when that lies in the past window
        ("Warga berunjuk rasa Jumat (12/5) di depan kantor DPRD.", "Jumat (12/5)", "2023-05-12"),
    ],
)
def test_weekday_date_direction(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.type, t.value, t.precision) == ("DATE", value, "day")


def test_weekday_date_relative_word_keeps_infer_year() -> None:
    assert infer_year("Rapat digelar Selasa (9/4) lalu di Jakarta.", date(2026, 11, 23)) == 2024


# ---------------------------------------------------------------- quarters, halves, semesters


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Ekspor nikel melonjak pada kuartal ketiga 2023.", "kuartal ketiga 2023", "2023-Q3"),
        ("BPS mencatat inflasi kuartal III 2023 sebesar 2,3 persen.", "kuartal III 2023", "2023-Q3"),
        ("Laba bersih perseroan pada Q3 2023 turun tajam.", "Q3 2023", "2023-Q3"),
        ("Neraca dagang triwulan III-2023 surplus.", "triwulan III-2023", "2023-Q3"),
        ("Realisasi anggaran triwulan I mencapai 20 persen.", "triwulan I", "2024-Q1"),
        ("Investasi triwulan pertama tahun ini naik.", "triwulan pertama tahun ini", "2024-Q1"),
        ("Rapor caturwulan II 2023 dibagikan.", "caturwulan II 2023", "2023-T2"),
        ("Pertumbuhan semester kedua 2023 melambat.", "semester kedua 2023", "2023-H2"),
        ("Penerimaan pajak semester I 2023 melampaui target.", "semester I 2023", "2023-H1"),
        ("Harga beras naik pada paruh kedua 2023.", "paruh kedua 2023", "2023-H2"),
        ("Defisit menyempit pada paruh pertama tahun lalu.", "paruh pertama tahun lalu", "2023-H1"),
        ("Kinerja kuartal keempat mengecewakan investor.", "kuartal keempat", "2023-Q4"),  # past: last Q4
        ("Pemerintah akan menerbitkan obligasi pada kuartal pertama.", "kuartal pertama", "2025-Q1"),
        ("Penjualan kuartal lalu turun lima persen.", "kuartal lalu", "2024-Q1"),
        ("Proyek itu rampung pada akhir kuartal ketiga 2023.", "akhir kuartal ketiga 2023", "2023-Q3"),
    ],
)
def test_year_parts(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.type, t.value, t.precision, t.first_day) == ("DATE", value, "year", date(int(value[:4]), 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Ia bekerja paruh waktu di sebuah toko.",
        "Mahasiswa semester 5 itu ditangkap polisi.",
        "Ponsel Galaxy Q3 dirilis di pasar.",
        "Separuh kedua tim menolak.",
    ],
)
def test_year_parts_negative(text: str) -> None:
    assert not any("-Q" in t.value or "-H" in t.value for t in tx(text, D_APR10))


def test_year_part_without_dct() -> None:
    assert only("Ekspor naik pada kuartal kedua.", None).value == "XXXX-Q2"


# ---------------------------------------------------------------- parts of the day


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Massa membakar pos polisi Sabtu malam.", "Sabtu malam", "2024-04-06TNI"),
        ("Kapolda menggelar jumpa pers Senin pagi di Mapolda.", "Senin pagi", "2024-04-08TMO"),
        ("Kerusuhan pecah pada Kamis (4/4) malam di Wamena.", "Kamis (4/4) malam", "2024-04-04TNI"),
        ("Kerusuhan pecah pada 5/4/2024 malam.", "5/4/2024 malam", "2024-04-05TNI"),
        ("Gempa mengguncang Cianjur pagi tadi.", "pagi tadi", "2024-04-10TMO"),
        ("Ia dilarikan ke rumah sakit tadi malam.", "tadi malam", "2024-04-09TNI"),
        ("Hujan deras mengguyur Jakarta semalam.", "semalam", "2024-04-09TNI"),
        ("Kebakaran terjadi dini hari tadi di Tambora.", "dini hari tadi", "2024-04-10TMO"),
        ("Presiden dijadwalkan tiba siang ini.", "siang ini", "2024-04-10TMI"),
        ("Demonstran membubarkan diri sore tadi.", "sore tadi", "2024-04-10TAF"),
        ("Menlu tiba di Tokyo kemarin sore.", "kemarin sore", "2024-04-09TAF"),
        ("Pesawat mendarat Minggu dini hari.", "Minggu dini hari", "2024-04-07TMO"),
        ("Rapat berlangsung Selasa malam lalu.", "Selasa malam lalu", "2024-04-09TNI"),
    ],
)
def test_parts_of_day(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.type, t.value, t.precision, t.first_day) == (
        "TIME",
        value,
        "day",
        date.fromisoformat(value[:10]),
    )


def test_part_of_day_before_clock_time_gives_the_clock_time() -> None:
    t = only("Ledakan terdengar Senin pagi pukul 06.15 WIB.", D_APR10)
    assert (t.text, t.value) == ("Senin pagi pukul 06.15 WIB", "2024-04-08T06:15")


@pytest.mark.parametrize(
    "text",
    [
        "Para pendaki menginap semalam di pos dua.",
        "Warga berjaga semalam suntuk.",
        "Ia hanya semalam di Bali.",
    ],
)
def test_semalam_as_one_night_is_not_last_night(text: str) -> None:
    assert [t for t in tx(text, D_APR10) if t.first_day] == []


def test_part_of_day_without_dct() -> None:
    assert only("Massa berkumpul Sabtu malam.", None).value == "XXXX-WXX-6TNI"


# ---------------------------------------------------------------- day of the month alone


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Gaji ke-13 cair tanggal 5 bulan ini.", "tanggal 5 bulan ini", "2024-04-05"),
        ("Surat itu dikirim tanggal 28 bulan lalu.", "tanggal 28 bulan lalu", "2024-03-28"),
        ("Pelantikan digelar tanggal 2 bulan depan.", "tanggal 2 bulan depan", "2024-05-02"),
        ("Ia ditangkap pada tanggal 5 di rumahnya.", "tanggal 5", "2024-04-05"),
        ("Ia ditangkap pada tanggal 25 di rumahnya.", "tanggal 25", "2024-03-25"),  # past: last 25th
        ("Sidang akan dilanjutkan pada tanggal 25.", "tanggal 25", "2024-04-25"),
        ("Rapat pleno digelar tgl. 3 pukul 09.00 WIB.", "tgl. 3 pukul 09.00 WIB", "2024-04-03T09:00"),
    ],
)
def test_day_of_month(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.value, t.precision, t.first_day) == (value, "day", date.fromisoformat(value[:10]))


def test_day_of_month_is_not_a_duration() -> None:
    assert [t.type for t in tx("Bantuan disalurkan tanggal 5 bulan ini.", D_APR10)] == ["DATE"]


def test_day_of_month_leaves_full_dates_alone() -> None:
    assert only("Ia lahir tanggal 5 Mei 1990.", D_APR10).value == "1990-05-05"
    assert tx("Pemungutan suara ulang tanggal 31 bulan ini.", date(2024, 2, 10)) == []  # no 31 February


# ---------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Arus mudik Idul Fitri 2024 diperkirakan padat.", "Idul Fitri 2024", "2024-04-10"),
        ("Harga daging melonjak saat Lebaran tahun lalu.", "Lebaran tahun lalu", "2023-04-22"),
        ("Jemaah salat Idul Adha 2023 memenuhi masjid.", "Idul Adha 2023", "2023-06-29"),
        ("Menjelang Natal, gereja dijaga ketat.", "Natal", "2023-12-25"),  # the nearest
        ("Pada Natal 2022 Paus menyerukan perdamaian.", "Natal 2022", "2022-12-25"),
        ("Kembang api dinyalakan saat Tahun Baru 2024.", "Tahun Baru 2024", "2024-01-01"),
        ("Warga Tionghoa merayakan Tahun Baru Imlek di Glodok.", "Tahun Baru Imlek", "2024-02-10"),
        ("Bandara Ngurah Rai ditutup saat Nyepi.", "Nyepi", "2024-03-11"),
        ("Umat Buddha memadati Borobudur pada Waisak 2023.", "Waisak 2023", "2023-06-04"),
        ("Pawai obor digelar menyambut Tahun Baru Islam.", "Tahun Baru Islam", "2024-07-07"),  # nearest
        ("Pawai obor digelar pada Tahun Baru Islam.", "Tahun Baru Islam", "2023-07-19"),  # past
        ("Pengajian digelar untuk memperingati Maulid Nabi.", "Maulid Nabi", "2023-09-28"),
        ("Libur Isra Mikraj jatuh pada hari Kamis.", "Isra Mikraj", "2024-02-08"),
        ("Upacara HUT RI ke-78 digelar di Istana.", "HUT RI ke-78", "2023-08-17"),
        ("Presiden memberi remisi pada Hari Kemerdekaan.", "Hari Kemerdekaan", "2023-08-17"),
        ("Pemerintah menetapkan Idul Fitri 1445 H pada Rabu.", "Idul Fitri 1445 H", "2024-04-10"),
        ("Polisi berjaga di gereja sejak malam Natal.", "malam Natal", "2023-12-24TNI"),
        ("Jalan tol macet saat libur Natal dan Tahun Baru.", "Tahun Baru", "2024-01-01"),
        ("Pemerintah akan menambah kereta untuk Lebaran mendatang.", "Lebaran mendatang", "2024-04-10"),
    ],
)
def test_holidays(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.value, t.precision, t.first_day) == (value, "day", date.fromisoformat(value[:10]))


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Harga pangan naik selama bulan Ramadan.", "bulan Ramadan", "2024-03-11"),
        ("Pasar takjil ramai pada Ramadan 2023.", "Ramadan 2023", "2023-03-23"),
        ("Jam kerja ASN dipangkas pada awal Ramadan.", "awal Ramadan", "2024-03-11"),
    ],
)
def test_ramadan_is_a_month_valued_at_its_first_day(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.type, t.value, t.precision, t.first_day) == ("DATE", value, "month", date.fromisoformat(value))


@pytest.mark.parametrize(
    "text",
    [
        "Gempa mengguncang kota di Natal, Brasil, Selasa.",
        "Wali kota Natal menerima delegasi.",
        "Semangat di tahun baru ini harus dijaga.",
        "Ia mengutip pemikiran Tariq Ramadan.",
        "Kedubes AS merayakan Hari Kemerdekaan AS di Jakarta.",
        "Ketua Umum Partai Bulan Bintang hadir.",
    ],
)
def test_holiday_names_that_are_not_holidays(text: str) -> None:
    assert [t for t in tx(text, D_APR10) if t.first_day and t.text != "Selasa"] == []


def test_holiday_outside_the_table_has_no_value() -> None:
    assert tx("Mudik Lebaran 2050 diprediksi padat.", D_APR10) == []
    assert only("Malam Tahun Baru 1985 dirayakan meriah.", D_APR10).value == "1984-12-31TNI"


def test_holiday_tsv_is_up_to_date_with_its_script() -> None:
    pytest.importorskip("holidays")
    pytest.importorskip("hijridate")
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_holidays.py"
    res = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


# ---------------------------------------------------------------- decades, centuries, abbreviations


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Konflik agraria meningkat sejak dekade lalu.", "dekade lalu", "201"),
        ("Tantangan abad ke-21 menuntut kerja sama.", "abad ke-21", "20"),
        ("Candi itu dibangun pada abad XIV.", "abad XIV", "13"),
        ("Perang terbesar abad lalu menewaskan jutaan orang.", "abad lalu", "19"),
    ],
)
def test_decades_and_centuries(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.type, t.value, t.precision, t.first_day) == ("DATE", value, None, None)


def test_centuries_are_not_durations_or_counts() -> None:
    assert only("Tradisi itu berumur dua abad.", D_APR10).value == "P200Y"
    assert tx("Sejarah abad pertengahan Eropa.", D_APR10) == []


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Harga cabai naik sejak pada Feb lalu.", "Feb lalu", "2024-02"),
        ("Ekspor turun sejak Okt tahun lalu.", "Okt tahun lalu", "2023-10"),
        ("Realisasi bulan Des mencapai target.", "bulan Des", "2023-12"),
    ],
)
def test_month_abbreviation_alone(text: str, span: str, value: str) -> None:
    t = find(text, span, D_APR10)
    assert (t.value, t.precision) == (value, "month")


@pytest.mark.parametrize(
    "text",
    [
        "Foto itu diambil pada Jan Ethes.",
        "Jan lalu pergi ke pasar.",
        "Nama Mei Lin dipanggil hakim.",
        "Des Alwi tiba.",
    ],
)
def test_month_abbreviation_or_name_is_not_a_month(text: str) -> None:
    assert [t for t in tx(text, D_APR10) if t.precision == "month"] == []


def test_headline_list_gives_no_calendar_date() -> None:
    text = (
        "Baca Juga:\nSehari Usai Debat, Elektabilitas Naik\nVonis 2 Tahun untuk Mantan Bupati\n"
        "Mei Lin Raih Emas\nMS Kaban: Bulan Bintang Tetap Solid\nWali Kota Natal Kunjungi Bali\n"
        "Semester Pendek Dibuka\nQ3 Jadi Andalan Pabrikan"
    )
    assert [t for t in tx(text, D_APR10) if t.first_day] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("KTT berikutnya digelar pada Desember.", "2024-12"),
        ("Pertemuan selanjutnya diagendakan pada Juni.", "2024-06"),
        ("KTT digelar pada Desember.", "2023-12"),
    ],
)
def test_next_and_scheduled_look_forward(sentence: str, value: str) -> None:
    (t,) = find_timexes(sentence, date(2024, 4, 10))
    assert t.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Q1 Senin (30/12) kemarin, awal",
        "besok tiga semester besok (30/12) kemarin, bulan Idul",
        "sebelumnya malam 9 April malam kemarin (9 April) kemarin",
        "Warga berkumpul Senin (30/12) kemarin di alun-alun.",
    ],
)
def test_a_relative_word_taken_into_a_weekday_and_date_is_not_an_expression_of_its_own(text: str) -> None:
    """ "Senin (30/12) kemarin": "kemarin" both ends the weekday-and-date expression and is a deictic day by
    itself; it is one expression (found by the fuzzer: the timexes overlapped)."""
    for dct in (date(2024, 3, 1), None):
        ts = find_timexes(text, dct)
        assert all(a.end <= b.start for a, b in zip(ts, ts[1:], strict=False)), [(t.start, t.end) for t in ts]
    joined = [t for t in find_timexes(text, date(2024, 3, 1)) if t.text.endswith("(30/12) kemarin")]
    assert len(joined) == ("(30/12) kemarin" in text)
