"""Synthetic Indonesian news articles for benchmarks and scale tests (never for accuracy figures).

Articles are built from hand-written sentence templates in the style of scraped Indonesian foreign news
-- datelines, titled officials of 42 states (picked as unevenly as the news names them: Indonesia, China
and the United States often, Laos or Nigeria now and then) and of international organisations, verbs of
most PLOVER types (meetings, agreements, support, accusations, rejections, threats, sanctions, protests,
aid, exercises, mobilisation, requests, attacks, releases), weekday + date expressions over five years of
publication dates, relays -- with the noise scrapers leave (image file names, "Baca Juga" links,
"Advertisement", "Populer" headline lists). The same seed gives the same corpus. Lengths average about
4 KB, as real articles do.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# (state name, minister's title + name, leader's title + name, capital, weight): the weight is how often a
# state is picked, roughly as often as Indonesian foreign news names it (a few neighbours and powers often,
# most states now and then), so that some dyads are busy and most are not, as in real news
STATES = [
    ("Indonesia", "Menteri Luar Negeri Indonesia Sugiono", "Presiden Prabowo Subianto", "Jakarta", 30),
    ("China", "Menteri Luar Negeri China Wang Yi", "Presiden Xi Jinping", "Beijing", 20),
    ("Amerika Serikat", "Menteri Luar Negeri AS Marco Rubio", "Presiden Donald Trump", "Washington", 20),
    ("Rusia", "Menteri Luar Negeri Rusia Sergei Lavrov", "Presiden Vladimir Putin", "Moskow", 14),
    (
        "Malaysia",
        "Menteri Luar Negeri Malaysia Mohamad Hasan",
        "Perdana Menteri Anwar Ibrahim",
        "Kuala Lumpur",
        10,
    ),
    (
        "Australia",
        "Menteri Luar Negeri Australia Penny Wong",
        "Perdana Menteri Anthony Albanese",
        "Canberra",
        9,
    ),
    ("Jepang", "Menteri Luar Negeri Jepang Takeshi Iwaya", "Perdana Menteri Shigeru Ishiba", "Tokyo", 8),
    ("Ukraina", "Menteri Luar Negeri Ukraina Andrii Sybiha", "Presiden Volodymyr Zelensky", "Kiev", 8),
    (
        "Israel",
        "Menteri Luar Negeri Israel Gideon Saar",
        "Perdana Menteri Benjamin Netanyahu",
        "Yerusalem",
        8,
    ),
    ("Iran", "Menteri Luar Negeri Iran Abbas Araghchi", "Presiden Masoud Pezeshkian", "Teheran", 6),
    (
        "India",
        "Menteri Luar Negeri India Subrahmanyam Jaishankar",
        "Perdana Menteri Narendra Modi",
        "New Delhi",
        6,
    ),
    (
        "Singapura",
        "Menteri Luar Negeri Singapura Vivian Balakrishnan",
        "Perdana Menteri Lawrence Wong",
        "Singapura",
        6,
    ),
    ("Korea Selatan", "Menteri Luar Negeri Korea Selatan Cho Tae-yul", "Presiden Lee Jae-myung", "Seoul", 5),
    ("Filipina", "Menteri Luar Negeri Filipina Enrique Manalo", "Presiden Ferdinand Marcos Jr", "Manila", 5),
    (
        "Arab Saudi",
        "Menteri Luar Negeri Arab Saudi Faisal bin Farhan",
        "Putra Mahkota Mohammed bin Salman",
        "Riyadh",
        5,
    ),
    ("Turki", "Menteri Luar Negeri Turki Hakan Fidan", "Presiden Recep Tayyip Erdogan", "Ankara", 4),
    ("Vietnam", "Menteri Luar Negeri Vietnam Bui Thanh Son", "Perdana Menteri Pham Minh Chinh", "Hanoi", 4),
    ("Jerman", "Menteri Luar Negeri Jerman Johann Wadephul", "Kanselir Friedrich Merz", "Berlin", 4),
    ("Prancis", "Menteri Luar Negeri Prancis Jean-Noel Barrot", "Presiden Emmanuel Macron", "Paris", 4),
    ("Inggris", "Menteri Luar Negeri Inggris David Lammy", "Perdana Menteri Keir Starmer", "London", 4),
    (
        "Thailand",
        "Menteri Luar Negeri Thailand Maris Sangiampongsa",
        "Perdana Menteri Anutin Charnvirakul",
        "Bangkok",
        3,
    ),
    (
        "Korea Utara",
        "Menteri Luar Negeri Korea Utara Choe Son-hui",
        "Pemimpin Tertinggi Kim Jong-un",
        "Pyongyang",
        3,
    ),
    ("Mesir", "Menteri Luar Negeri Mesir Badr Abdelatty", "Presiden Abdel Fattah el-Sisi", "Kairo", 3),
    (
        "Qatar",
        "Menteri Luar Negeri Qatar Mohammed bin Abdulrahman Al Thani",
        "Emir Tamim bin Hamad Al Thani",
        "Doha",
        3,
    ),
    ("Myanmar", "Menteri Luar Negeri Myanmar Than Swe", "Jenderal Min Aung Hlaing", "Naypyidaw", 3),
    ("Pakistan", "Menteri Luar Negeri Pakistan Ishaq Dar", "Perdana Menteri Shehbaz Sharif", "Islamabad", 2),
    (
        "Timor Leste",
        "Menteri Luar Negeri Timor Leste Bendito Freitas",
        "Perdana Menteri Xanana Gusmao",
        "Dili",
        2,
    ),
    (
        "Brasil",
        "Menteri Luar Negeri Brasil Mauro Vieira",
        "Presiden Luiz Inacio Lula da Silva",
        "Brasilia",
        2,
    ),
    (
        "Afrika Selatan",
        "Menteri Luar Negeri Afrika Selatan Ronald Lamola",
        "Presiden Cyril Ramaphosa",
        "Pretoria",
        2,
    ),
    ("Kanada", "Menteri Luar Negeri Kanada Anita Anand", "Perdana Menteri Mark Carney", "Ottawa", 2),
    (
        "Uni Emirat Arab",
        "Menteri Luar Negeri UEA Abdullah bin Zayed",
        "Presiden Mohamed bin Zayed",
        "Abu Dhabi",
        2,
    ),
    ("Kamboja", "Menteri Luar Negeri Kamboja Prak Sokhonn", "Perdana Menteri Hun Manet", "Phnom Penh", 2),
    (
        "Selandia Baru",
        "Menteri Luar Negeri Selandia Baru Winston Peters",
        "Perdana Menteri Christopher Luxon",
        "Wellington",
        1,
    ),
    (
        "Papua Nugini",
        "Menteri Luar Negeri Papua Nugini Justin Tkatchenko",
        "Perdana Menteri James Marape",
        "Port Moresby",
        1,
    ),
    (
        "Laos",
        "Menteri Luar Negeri Laos Thongsavanh Phomvihane",
        "Perdana Menteri Sonexay Siphandone",
        "Vientiane",
        1,
    ),
    (
        "Brunei Darussalam",
        "Menteri Luar Negeri II Brunei Erywan Yusof",
        "Sultan Hassanal Bolkiah",
        "Bandar Seri Begawan",
        1,
    ),
    ("Yordania", "Menteri Luar Negeri Yordania Ayman Safadi", "Raja Abdullah II", "Amman", 1),
    ("Italia", "Menteri Luar Negeri Italia Antonio Tajani", "Perdana Menteri Giorgia Meloni", "Roma", 1),
    ("Belanda", "Menteri Luar Negeri Belanda Caspar Veldkamp", "Perdana Menteri Dick Schoof", "Den Haag", 1),
    ("Nigeria", "Menteri Luar Negeri Nigeria Yusuf Tuggar", "Presiden Bola Tinubu", "Abuja", 1),
    (
        "Meksiko",
        "Menteri Luar Negeri Meksiko Juan Ramon de la Fuente",
        "Presiden Claudia Sheinbaum",
        "Mexico City",
        1,
    ),
    (
        "Bangladesh",
        "Menteri Luar Negeri Bangladesh Touhid Hossain",
        "Penasihat Utama Muhammad Yunus",
        "Dhaka",
        1,
    ),
]
# international organisations, as a third party: (name as a side, its head with title and name)
IGOS = [
    ("PBB", "Sekretaris Jenderal PBB Antonio Guterres"),
    ("ASEAN", "Sekretaris Jenderal ASEAN Kao Kim Hourn"),
    ("Uni Eropa", "Kepala Kebijakan Luar Negeri Uni Eropa Kaja Kallas"),
    ("NATO", "Sekretaris Jenderal NATO Mark Rutte"),
    ("Organisasi Kerja Sama Islam", "Sekretaris Jenderal OKI Hissein Brahim Taha"),
]
OUTLETS = [
    ("KOMPAS.com", "{CITY}, KOMPAS.com -"),
    ("ANTARA", "{City} (ANTARA) -"),
    ("Liputan6", "Liputan6.com, {City} -"),
    ("REPUBLIKA", "REPUBLIKA.CO.ID, {CITY} --"),
    ("EGINDO", "{City} | EGINDO.co –"),
]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

LEADS = [
    "{A_min} bertemu dengan {B_min} di {city} pada {day} untuk membahas kerja sama {topic}.",
    "{A_lead} menerima kunjungan {B_min} di {city} pada {day}.",
    "{A_min} berbicara melalui telepon dengan {B_min} pada {day} mengenai situasi {topic}.",
    "{A_lead} dan {B_lead} menandatangani nota kesepahaman kerja sama {topic} di {city} pada {day}.",
    "{A} dan {B} sepakat memperpanjang perjanjian {topic} dalam perundingan di {city} pada {day}.",
    "{A_min} menyatakan dukungan kepada {B} dalam sidang di {city} pada {day}.",
    "{A} mengecam tindakan {B} di perairan sengketa pada {day}.",
    "{A_min} menuduh {B} melanggar wilayah udara {A} pada {day}.",
    "{A} menolak usulan {B} soal {topic} yang disampaikan pada {day}.",
    "{A_lead} mengancam akan menjatuhkan sanksi kepada {B} dalam pidatonya pada {day}.",
    "{A} menjatuhkan sanksi baru terhadap {B} pada {day}.",
    "{A} memanggil duta besar {B} untuk memprotes insiden di {place} pada {day}.",
    "{A} mengirim bantuan kemanusiaan ke {B} pada {day}.",
    "{A} dan {B} menggelar latihan militer bersama di {place} sejak {day}.",
    "{A} mengerahkan pasukan ke perbatasan dengan {B} pada {day}.",
    "{A_min} mendesak {B} menghentikan uji coba rudal yang dilakukan pada {day}.",
    "Pasukan {A} menyerang pos militer {B} di dekat perbatasan pada {day}.",
    "{A} membebaskan tahanan warga {B} pada {day} setelah perundingan panjang.",
]
BODY = [
    "Kedua menteri sepakat memperluas kerja sama di bidang {topic} dan perdagangan.",
    "{A_short} mengatakan {A} siap bekerja sama dengan {B} untuk menjaga stabilitas kawasan.",
    "“Kami ingin hubungan ini naik kelas, dari perdagangan menjadi kemitraan teknologi,” kata {A_short}.",
    "Dalam pertemuan itu, {A_short} juga menyampaikan keprihatinan atas meningkatnya ketegangan di {place}.",
    "{B} menolak tuduhan tersebut dan menyebutnya tidak berdasar.",
    "Sebelumnya, {C} telah lama mendesak {B} untuk membuka akses bantuan.",
    "Bulan lalu, {A_lead} mengunjungi {C_city} dalam lawatan resmi pertamanya.",
    "{C} tidak mengecam langkah {A} tersebut.",
    "Para analis menilai hubungan {A} dan {B} membaik sejak {year}.",
    "Pemerintah {A} dijadwalkan menggelar pertemuan lanjutan dengan {B} pada {month} mendatang.",
    "Mengutip Reuters, pejabat {B} menuduh {C} memperburuk situasi di {place}.",
    "{A_short} menegaskan bahwa {B} harus menghormati hukum internasional.",
    "Kementerian Luar Negeri {B} menyatakan bahwa usulan yang diajukan oleh {C} tidak dapat diterima.",
    "Hubungan {A} dengan {C} memburuk sejak {year}, ketika kapal kedua negara bentrok di {place}.",
    "Juru bicara Kementerian Luar Negeri {B} mengatakan negaranya akan mempelajari usulan itu.",
    "Kunjungan itu merupakan bagian dari upaya {A} memperkuat diplomasi di kawasan {region}.",
    "{O_head} menyerukan {A} dan {B} menahan diri dan kembali ke meja perundingan.",
    "{C} menyatakan dukungan terhadap upaya {O} meredakan ketegangan di {place}.",
    "Pada {day2}, {B_min} juga bertemu dengan {C_min} di sela pertemuan {O}.",
    "{C} memperingatkan {B} agar tidak memperluas operasi militernya di {place}.",
]
FILLER = [
    "Kerja sama ini mencakup {f1}, {f2}, dan {f3} di {n2} provinsi.",
    "Nilai perdagangan kedua negara tahun lalu mencapai {n1} miliar dolar AS, menurut data {src}.",
    "Sejumlah pengamat dari {inst} menyebut langkah itu sebagai sinyal bagi arah kebijakan {region}.",
    "Pertemuan berlangsung {n2} jam dan dilanjutkan dengan konferensi pers bersama di {venue}.",
    "Isu {f1}, {f2}, dan {f3} juga menjadi bagian dari pembicaraan yang disebut {adj}.",
    "Sebanyak {n3} delegasi dari {n2} lembaga hadir dalam rangkaian acara di {venue}.",
    "Menurut {inst}, target investasi baru mencapai {n1} triliun rupiah hingga {year2}.",
    "Warga di sekitar {venue} menyambut rombongan dengan {adj} sejak pagi hari.",
    "Program {f2} akan dimulai dengan proyek percontohan di {n2} kota besar.",
    "Data {src} menunjukkan kunjungan wisatawan naik {n2} persen dibandingkan periode yang sama.",
]
_F = [
    "energi terbarukan",
    "infrastruktur digital",
    "pendidikan vokasi",
    "ketahanan pangan",
    "perikanan",
    "keamanan siber",
    "kesehatan publik",
    "transportasi laut",
    "industri baterai",
    "pariwisata",
    "riset kelautan",
    "perubahan iklim",
]
_INST = ["CSIS", "LIPI", "Universitas Indonesia", "lembaga kajian ISEAS", "Universitas Gadjah Mada", "BRIN"]
_VENUE = ["gedung kementerian", "istana kepresidenan", "hotel di pusat kota", "kantor kedutaan", "balai kota"]
_ADJ = ["hangat", "produktif", "alot", "terbuka", "konstruktif", "antusias"]
_SRC = ["resmi", "Badan Pusat Statistik", "kementerian perdagangan", "kedutaan besar", "bank sentral"]
NOISE = [
    "Baca Juga: Harga Cabai Melonjak Menjelang Akhir Pekan",
    "Advertisement",
    "foto_pertemuan_{n}.jpg",
    "Baca Juga :  Timnas U-23 Lolos ke Semifinal",
    "Scroll to Top",
]
POPULER = [
    "Populer",
    "Harga Emas Hari Ini Naik Tipis",
    "Senin, 12 Mei 2025 | 08:10",
    "Jadwal KRL Berubah Mulai Pekan Depan",
    "Selasa, 13 Mei 2025 | 09:45",
]
TOPICS = [
    "maritim",
    "energi",
    "pertahanan",
    "perdagangan",
    "pangan",
    "kesehatan",
    "digital",
    "pendidikan",
    "investasi",
    "perikanan",
    "pariwisata",
    "nuklir",
]
PLACES = [
    "Laut China Selatan",
    "Selat Malaka",
    "Laut Natuna Utara",
    "Semenanjung Korea",
    "Gaza",
    "Laut Hitam",
    "Tepi Barat",
    "Selat Taiwan",
    "Laut Merah",
    "Donbas",
    "Rakhine",
]
REGIONS = [
    "Asia Tenggara",
    "Indo-Pasifik",
    "Asia Selatan",
    "Timur Tengah",
    "Pasifik",
    "Eropa Timur",
    "Afrika",
]


def _short(title_name: str) -> str:
    return title_name.split()[-1]


def _states(rng: random.Random, k: int) -> list[tuple[str, str, str, str, int]]:
    """``k`` different states, each picked as often as its weight says."""
    out: list[tuple[str, str, str, str, int]] = []
    while len(out) < k:
        (s,) = rng.choices(STATES, weights=_WEIGHTS)
        if s not in out:
            out.append(s)
    return out


_WEIGHTS = [s[4] for s in STATES]
SPAN_DAYS = 5 * 365  # the publication dates: five years of news from ``start``


def _day(d: date, rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})"
    return f"{WEEKDAYS[d.weekday()]} ({d.day} {MONTHS[d.month - 1]})"


def article(i: int, rng: random.Random, start: date = date(2021, 1, 1)) -> tuple[str, date]:
    """The text of article ``i`` and its publication date."""
    a, b, c = _states(rng, 3)
    igo = rng.choice(IGOS)
    pub = start + timedelta(days=rng.randrange(SPAN_DAYS))
    ev = pub - timedelta(days=rng.randrange(0, 4))
    slots: dict[str, Any] = {
        "A": a[0],
        "B": b[0],
        "C": c[0],
        "O": igo[0],
        "O_head": igo[1],
        "A_min": a[1],
        "B_min": b[1],
        "C_min": c[1],
        "A_lead": a[2],
        "B_lead": b[2],
        "A_short": _short(a[1]),
        "city": a[3],
        "City": a[3],
        "CITY": a[3].upper(),
        "C_city": c[3],
        "day": _day(ev, rng),
        "day2": _day(ev - timedelta(days=rng.randrange(1, 6)), rng),
        "topic": rng.choice(TOPICS),
        "place": rng.choice(PLACES),
        "region": rng.choice(REGIONS),
        "year": rng.randrange(2012, pub.year),
        "month": MONTHS[rng.randrange(12)],
        "n": i,
    }
    outlet, dateline = rng.choice(OUTLETS)
    lines = [
        f"{a[0]} dan {b[0]} Bahas Kerja Sama {slots['topic'].title()}",
        NOISE[2].format(**slots),
        f"{WEEKDAYS[pub.weekday()]}, {pub.day} {MONTHS[pub.month - 1]} {pub.year} | "
        f"{rng.randrange(6, 23):02d}:{rng.randrange(60):02d} WIB",
        "",
        dateline.format(**slots) + " " + rng.choice(LEADS).format(**slots),
    ]
    body = rng.sample(BODY, 9)
    for k, sent in enumerate(body):
        fill = [
            f.format(
                f1=rng.choice(_F),
                f2=rng.choice(_F),
                f3=rng.choice(_F),
                n1=rng.randrange(2, 90),
                n2=rng.randrange(2, 40),
                n3=rng.randrange(10, 500),
                inst=rng.choice(_INST),
                venue=rng.choice(_VENUE),
                adj=rng.choice(_ADJ),
                src=rng.choice(_SRC),
                year2=pub.year + rng.randrange(1, 6),
                region=slots["region"],
            )
            for f in rng.sample(FILLER, 2 + rng.randrange(3))
        ]
        para = sent.format(**slots) + " " + " ".join(fill)
        lines += ["", para]
        if k in (2, 6):
            lines += ["", rng.choice(NOISE[:2] + NOISE[3:4])]
    if rng.random() < 0.5:
        lines += ["", *POPULER]
    lines += ["", "Bagikan :", NOISE[4]]
    return "\n".join(lines) + "\n", pub


_ONSETS = ["b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", "kh", "sy"]
_VOWELS = ["a", "i", "u", "e", "o", "a", "i", "u"]
_CODAS = ["", "", "", "n", "ng", "r", "s", "t", "k", "h", "l"]


def _novel_word(rng: random.Random) -> str:
    """A made-up word of two to four syllables: a name or a spelling the pipeline has not seen."""
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(2, 4))
    )


def novel_paragraph(rng: random.Random, words: int) -> str:
    """A paragraph that brings about ``words`` word forms unseen before: people's and institutions' names and
    figures, as real news keeps doing (a real corpus's vocabulary grows with it; the templates' does not)."""
    out, left = [], words
    while left > 0:
        first, last, org = (_novel_word(rng).title() for _ in range(3))
        figure = f"{rng.randrange(1, 999)}.{rng.randrange(1000):03d}"
        out.append(
            f"Pengamat {first} {last} dari Universitas {org} mencatat {figure} kasus di wilayah "
            f"{_novel_word(rng).title()} sepanjang tahun ini."
        )
        left -= 5
    return " ".join(out)


def corpus(n: int, seed: int = 7, *, new_words: int = 0) -> Iterator[tuple[str, str, date]]:
    """(file name, text, publication date) of ``n`` articles; ``new_words``: about so many unseen word forms
    added to each article (:func:`novel_paragraph`; 0 leaves the corpus as it always was)."""
    rng = random.Random(seed)
    for i in range(n):
        text, pub = article(i, rng)
        if new_words:
            text = text.replace(
                "\n\nBagikan :",
                "\n\n" + novel_paragraph(random.Random(f"{seed}/{i}"), new_words) + "\n\nBagikan :",
                1,
            )
        yield f"a{i:07d}.txt", text, pub


def write(
    folder: Path, n: int, seed: int = 7, *, jsonl: bool = False, per_file: int = 10_000, new_words: int = 0
) -> list[Path]:
    """Write ``n`` articles as .txt files (or JSON-lines crawls of ``per_file`` records) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    if not jsonl:
        for name, text, _ in corpus(n, seed, new_words=new_words):
            p = folder / name
            p.write_text(text, encoding="utf-8")
            out.append(p)
        return out
    fh = None
    for k, (name, text, pub) in enumerate(corpus(n, seed, new_words=new_words)):
        if k % per_file == 0:
            if fh:
                fh.close()
            out.append(folder / f"crawl{k // per_file:04d}.jsonl")
            fh = out[-1].open("w", encoding="utf-8")
        assert fh is not None
        rec = {"url": f"https://berita.example/{name}", "published": pub.isoformat(), "text": text}
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return out
