# ruff: noqa: E501 -- the stories read best one paragraph to a line, as in tests/
"""Build a hostile-input corpus for `warta analyze` (issue 8, item 1).

    python scripts/hostile_corpus.py --out /tmp/hostile            # everything, with the 50 MB inputs
    python scripts/hostile_corpus.py --out /tmp/hostile --no-big   # without them (what the tests use)
    warta analyze /tmp/hostile --db /tmp/hostile.duckdb

Every file is written by this script; every text in it was written for it (the Indonesian stories are
made up in the style of Indonesian news, the Malay and English ones in theirs). :func:`build` returns,
for each input, what warta is expected to do with it:

- ``stored``: a good article, read and stored (whatever its encoding or file name);
- ``duplicate``: read, but the same article as another input (linked, not stored again);
- ``ignored: why``: not an input at all (no message: a ``.png`` in a crawl folder, the second path to a
  file already read);
- ``skipped: reason``: one ``warta: skipped PATH: reason`` line on standard error, where ``reason``
  contains the given text.

Keys are paths relative to the folder; a JSON-lines record is ``file.jsonl#LINE``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import stat
import sys
from pathlib import Path

# --------------------------------------------------------------------------------------------- texts
# Made-up stories: the events did not happen; the shapes (dateline, outlet, "pada Senin (4/3/2024)",
# "kata ... kepada wartawan") are those of Indonesian online news.

STORIES: dict[str, str] = {
    "patroli": """Indonesia dan Australia Sepakat Perkuat Patroli Maritim

JAKARTA, KOMPAS.com - Pemerintah Indonesia dan Australia sepakat memperkuat patroli bersama di perairan selatan Nusa Tenggara setelah pertemuan tingkat menteri di Jakarta pada Senin (4/3/2024).

Menteri Luar Negeri Indonesia mengatakan bahwa kesepakatan tersebut mencakup pertukaran data kapal dan latihan penyelamatan di laut.

"Kami ingin perairan kita aman bagi nelayan kedua negara," kata menteri itu kepada wartawan.

Menurut Kementerian Luar Negeri, kedua negara juga akan membahas penanganan penyelundupan manusia pada pertemuan berikutnya bulan depan.
""",
    "meriam-air": """Filipina Protes Manuver Kapal Penjaga Pantai China

MANILA, Liputan6.com - Kementerian Luar Negeri Filipina memprotes manuver kapal penjaga pantai China di dekat Second Thomas Shoal pada Sabtu (9/3/2024).

Juru bicara kementerian tersebut mengatakan kapal China menyemprotkan meriam air ke kapal pemasok milik Filipina.

Manila memanggil duta besar China untuk meminta penjelasan, sementara Beijing menuduh Filipina memasuki wilayahnya tanpa izin.

Sejumlah negara, termasuk Amerika Serikat dan Jepang, menyatakan keprihatinan atas insiden tersebut.
""",
    "beras": """Presiden Terima Perdana Menteri Vietnam di Istana Merdeka

JAKARTA, ANTARA - Presiden Indonesia menerima kunjungan Perdana Menteri Vietnam di Istana Merdeka, Jakarta, pada Kamis (14/3/2024).

Kedua pemimpin membahas perdagangan beras dan kerja sama perikanan di Laut Natuna Utara.

Menurut juru bicara istana, Vietnam bersedia menambah pasokan beras ke Indonesia hingga akhir tahun.

Presiden juga mengundang investor Vietnam untuk menanamkan modal di kawasan industri Batang, Jawa Tengah.
""",
    "energi": """Indonesia dan Jerman Bahas Transisi Energi

BERLIN, KOMPAS.com - Menteri Energi dan Sumber Daya Mineral Indonesia bertemu dengan Menteri Ekonomi Jerman di Berlin pada Selasa (19/3/2024).

Pertemuan tersebut membahas pendanaan pembangkit listrik tenaga surya dan pensiun dini pembangkit batu bara.

Pemerintah Jerman berjanji memberikan pinjaman lunak untuk proyek energi terbarukan di Sulawesi.

Kedua menteri sepakat membentuk kelompok kerja yang akan bertemu setiap tiga bulan.
""",
    "rudal": """Korea Selatan Kecam Peluncuran Rudal Korea Utara

SEOUL, KOMPAS.com - Pemerintah Korea Selatan mengecam peluncuran rudal balistik oleh Korea Utara pada Rabu (20/3/2024).

Kepala Staf Gabungan Korea Selatan mengatakan rudal tersebut jatuh di perairan timur semenanjung setelah terbang sekitar 600 kilometer.

Seoul meminta Pyongyang menghentikan provokasi dan kembali ke meja perundingan.

Jepang juga memprotes peluncuran itu melalui jalur diplomatik di Beijing.
""",
    "perbatasan": """Indonesia dan Malaysia Sepakati Dua Segmen Batas Darat

PONTIANAK, ANTARA - Delegasi Indonesia dan Malaysia menggelar perundingan batas darat di Pontianak, Kalimantan Barat, pada Senin (25/3/2024).

Ketua delegasi Indonesia mengatakan bahwa kedua pihak sudah menyepakati dua segmen batas yang selama ini belum jelas.

Perundingan berikutnya dijadwalkan di Kuching pada pertengahan tahun.

Warga di perbatasan berharap kesepakatan tersebut mempercepat pembangunan pos lintas batas.
""",
    "pertahanan": """India dan Indonesia Teken Kerja Sama Pertahanan

NEW DELHI, Liputan6.com - Pemerintah India dan Indonesia menandatangani nota kesepahaman kerja sama pertahanan di New Delhi pada Kamis (28/3/2024).

Menteri Pertahanan India mengatakan kesepakatan tersebut membuka jalan bagi produksi bersama kapal patroli.

Indonesia juga menyatakan minat membeli rudal jelajah buatan India.

Kedua negara akan menggelar latihan angkatan laut bersama di Samudra Hindia pada akhir tahun.
""",
    # cp1252 has all of “ ” ‘ ’ – — …
    "nikel": """Uni Eropa Kritik Larangan Ekspor Nikel

BRUSSEL, KOMPAS.com – Komisi Eropa mengkritik larangan ekspor bijih nikel yang diberlakukan Indonesia pada Selasa (2/4/2024).

“Kebijakan itu melanggar aturan perdagangan internasional,” kata juru bicara Komisi Eropa kepada wartawan.

Pemerintah Indonesia menolak tuduhan tersebut dan mengatakan hilirisasi adalah hak setiap negara berdaulat…

Menteri Perdagangan Indonesia menyebut gugatan Uni Eropa di WTO ‘tidak berdasar’ — dan berjanji akan mengajukan banding.
""",
    "myanmar": """Thailand Usulkan Pertemuan Khusus ASEAN soal Myanmar

BANGKOK, ANTARA - Pemerintah Thailand mengusulkan pertemuan khusus ASEAN untuk membahas krisis kemanusiaan di Myanmar pada Jumat (5/4/2024).

Menteri Luar Negeri Thailand mengatakan bahwa bantuan kemanusiaan harus dapat menjangkau warga di perbatasan.

Indonesia mendukung usulan tersebut dan meminta junta militer Myanmar menghentikan kekerasan.

Pertemuan itu rencananya digelar di Bangkok pekan depan.
""",
    "rafale": """Presiden Prancis Terima Menteri Pertahanan Indonesia

PARIS, KOMPAS.com - Presiden Prancis menerima Menteri Pertahanan Indonesia di Istana Élysée, Paris, pada Senin (8/4/2024).

Keduanya membahas pengiriman pesawat tempur Rafale gelombang kedua.

“Prancis adalah mitra strategis kami,” kata Menteri Pertahanan Indonesia setelah pertemuan tersebut.

Menurut Kementerian Pertahanan, enam pesawat pertama akan tiba di Indonesia awal tahun depan.
""",
    "haji": """Arab Saudi Tambah Kuota Haji Indonesia

RIYADH, ANTARA - Pemerintah Arab Saudi menambah kuota haji Indonesia sebanyak 20.000 jemaah setelah pertemuan Menteri Agama dengan Menteri Haji Arab Saudi di Riyadh pada Rabu (10/4/2024).

Menteri Agama mengatakan tambahan kuota tersebut akan diprioritaskan bagi calon jemaah lanjut usia.

Kedua pihak juga sepakat memperbaiki layanan di Mina dan Arafah.
""",
    "gandum": """Rusia Tawarkan Gandum dan Pupuk kepada Indonesia

MOSKOW, Republika - Duta Besar Indonesia untuk Rusia bertemu dengan Wakil Menteri Luar Negeri Rusia di Moskow pada Jumat (12/4/2024).

Pertemuan itu membahas pasokan gandum dan pupuk ke Indonesia.

Rusia menawarkan pembayaran dengan mata uang lokal untuk menghindari sanksi Barat.

Pemerintah Indonesia belum memberikan jawaban atas tawaran tersebut.
""",
    "karbon": """Singapura dan Indonesia Percepat Kerja Sama Ekonomi Hijau

BOGOR, KOMPAS.com - Perdana Menteri Singapura bertemu dengan Presiden Indonesia di Istana Bogor pada Senin (15/4/2024).

Kedua pemimpin sepakat mempercepat kerja sama ekonomi hijau dan perdagangan karbon.

Singapura juga berkomitmen menambah investasi di Batam dan Bintan.

Presiden Indonesia mengatakan bahwa hubungan kedua negara berada di titik terbaik.
""",
    "asean": """Timor Leste Minta Dukungan Indonesia untuk Keanggotaan ASEAN

DILI, ANTARA - Pemerintah Timor Leste meminta dukungan Indonesia agar segera menjadi anggota penuh ASEAN dalam pertemuan di Dili pada Rabu (17/4/2024).

Menteri Luar Negeri Timor Leste mengatakan negaranya sudah memenuhi sebagian besar syarat keanggotaan.

Indonesia menyatakan dukungan dan berjanji membantu pelatihan diplomat Timor Leste.

Kedua negara juga membahas perdagangan di pos lintas batas Motaain.
""",
    "hibah": """Jepang Hibahkan Kapal Patroli kepada Bakamla

TOKYO, Liputan6.com - Pemerintah Jepang memberikan hibah kapal patroli kepada Badan Keamanan Laut Indonesia dalam upacara di Tokyo pada Jumat (19/4/2024).

Duta Besar Indonesia untuk Jepang mengatakan hibah tersebut akan memperkuat pengawasan di Laut Natuna Utara.

Jepang juga menawarkan pelatihan bagi awak kapal Indonesia.

China mengkritik hibah itu dan menuduh Jepang mencampuri urusan kawasan.
""",
    "rafah": """Mesir Buka Perlintasan Rafah untuk Bantuan Indonesia

KAIRO, KOMPAS.com - Pemerintah Mesir membuka kembali perlintasan Rafah untuk pengiriman bantuan kemanusiaan Indonesia ke Gaza pada Minggu (21/4/2024).

Duta Besar Indonesia di Kairo mengatakan 20 truk berisi makanan dan obat-obatan sudah menyeberang.

Indonesia mengecam serangan Israel terhadap warga sipil dan meminta Dewan Keamanan PBB segera bertindak.

Bantuan tahap berikutnya akan dikirim pekan depan.
""",
    "bioenergi": """Brasil Sambut Menteri Luar Negeri Indonesia

BRASILIA, KOMPAS.com - Presiden Brasil menyambut Menteri Luar Negeri Indonesia di Brasilia pada Senin (29/4/2024).

Kedua pihak membahas kerja sama bioenergi dan perdagangan daging sapi.

Brasil mendukung keanggotaan Indonesia di BRICS, sementara Indonesia menyatakan masih mempelajari tawaran tersebut.

Menurut Kementerian Luar Negeri, kedua negara akan membuka penerbangan langsung tahun depan.
""",
    "pupuk": """Kanada dan Indonesia Bahas Pasokan Kalium

OTTAWA, ANTARA - Menteri Perdagangan Indonesia bertemu dengan Menteri Perdagangan Internasional Kanada di Ottawa pada Kamis (2/5/2024).

Pertemuan tersebut membahas pasokan kalium untuk pabrik pupuk di Indonesia dan perundingan perjanjian dagang kedua negara.

Kanada berharap perundingan dapat selesai sebelum akhir tahun, sementara Indonesia meminta akses pasar yang lebih luas bagi produk kayu.
""",
    "wartawan": """Turki Kirim Tim SAR ke Lokasi Gempa di Sulawesi

ANKARA, KOMPAS.com - Pemerintah Turki mengirim tim pencarian dan penyelamatan ke lokasi gempa di Sulawesi Tengah pada Senin (6/5/2024).

Kementerian Luar Negeri Turki mengatakan bahwa tim tersebut membawa anjing pelacak dan peralatan pendeteksi korban.

Pemerintah Indonesia menyampaikan terima kasih atas bantuan tersebut.

Sejumlah negara lain, termasuk Australia dan Singapura, juga menawarkan bantuan.
""",
    "hutan": """Norwegia Salurkan Dana Iklim untuk Penurunan Deforestasi

OSLO, KOMPAS.com - Pemerintah Norwegia menyalurkan dana iklim kepada Indonesia atas keberhasilan menurunkan laju deforestasi, kata Menteri Lingkungan Hidup Norwegia di Oslo pada Selasa (7/5/2024).

Menteri tersebut mengatakan bahwa pembayaran itu merupakan bagian dari kesepakatan berbasis hasil yang diteken dua tahun lalu.

Pemerintah Indonesia menyambut baik pencairan dana tersebut dan berjanji memakainya untuk rehabilitasi hutan di Kalimantan.
""",
    "baterai": """Korea Selatan Bangun Pabrik Baterai di Karawang

KARAWANG, Liputan6.com - Duta Besar Korea Selatan untuk Indonesia meresmikan pembangunan pabrik baterai kendaraan listrik di Karawang, Jawa Barat, pada Rabu (8/5/2024).

Menurut Kementerian Investasi, pabrik tersebut akan menyerap sekitar 3.000 tenaga kerja.

Pemerintah Korea Selatan mengatakan investasi itu menunjukkan kepercayaan terhadap iklim usaha di Indonesia.
""",
    "pemantau": """Pemantau Uni Eropa Nilai Pemungutan Suara Berjalan Tertib

JAKARTA, ANTARA - Tim pemantau Uni Eropa menilai pemungutan suara di sejumlah provinsi berjalan tertib, kata ketua tim tersebut di Jakarta pada Jumat (10/5/2024).

Ketua tim mengatakan bahwa petugas di tempat pemungutan suara bekerja secara profesional meskipun ada keterlambatan logistik di beberapa daerah.

Komisi Pemilihan Umum berterima kasih atas penilaian tersebut dan berjanji memperbaiki distribusi logistik.
""",
    "beasiswa": """Selandia Baru Tambah Beasiswa bagi Mahasiswa Papua

WELLINGTON, ANTARA - Pemerintah Selandia Baru menambah kuota beasiswa bagi mahasiswa asal Papua, kata Duta Besar Indonesia di Wellington pada Senin (13/5/2024).

Duta besar tersebut mengatakan bahwa tambahan beasiswa itu mencakup bidang pertanian, kehutanan, dan energi panas bumi.

Kementerian Luar Negeri Selandia Baru juga menawarkan program pelatihan singkat bagi pegawai pemerintah daerah.
""",
}

MALAY = """Kerajaan Perkukuh Kerjasama Sawit dengan Indonesia

KUALA LUMPUR, 23 April - Kerajaan Malaysia akan memperkukuh kerjasama dengan Indonesia bagi meningkatkan nilai eksport minyak sawit kedua-dua negara, kata Menteri Perladangan dan Komoditi pada hari ini.

Beliau berkata demikian selepas mengadakan pertemuan dengan rakan sejawatnya dari Jakarta di Putrajaya.

Menurut beliau, kerjasama itu ialah langkah penting bagi menghadapi peraturan baharu Kesatuan Eropah yang menyekat import minyak sawit.

"Kita perlu bersatu kerana industri ini melibatkan jutaan pekebun kecil," katanya dalam satu kenyataan.

Bagaimanapun, beliau tidak mendedahkan butiran perjanjian tersebut, iaitu sama ada ia melibatkan harga minimum atau kuota bersama.

Kementerian itu turut memaklumkan bahawa satu mesyuarat susulan akan diadakan di Kuching bulan hadapan, manakala pegawai kanan kedua-dua pihak akan bertemu minggu depan.
"""

ENGLISH = """Indonesia and Japan agree to expand maritime security ties

TOKYO (Wire) - Indonesia and Japan agreed on Tuesday to expand cooperation on maritime security, including joint coast guard patrols and the transfer of two patrol vessels, officials from both countries said after talks in Tokyo.

The foreign ministers of the two countries also discussed the situation in the South China Sea and the humanitarian crisis in Myanmar, according to a joint statement released after the meeting.

"We share an interest in open and safe sea lanes," the Japanese minister told reporters, adding that the vessels would be delivered by the end of next year.
"""

COUNTRIES = [
    "Afganistan",
    "Afrika Selatan",
    "Aljazair",
    "Amerika Serikat",
    "Arab Saudi",
    "Argentina",
    "Australia",
    "Austria",
    "Bangladesh",
    "Belanda",
    "Belgia",
    "Brasil",
    "Brunei Darussalam",
    "Bulgaria",
    "Chili",
    "China",
    "Denmark",
    "Ekuador",
    "Etiopia",
    "Filipina",
    "Finlandia",
    "Ghana",
    "Hungaria",
    "India",
    "Inggris",
    "Irak",
    "Iran",
    "Irlandia",
    "Italia",
    "Jepang",
    "Jerman",
    "Kamboja",
    "Kanada",
    "Kazakhstan",
    "Kenya",
    "Kolombia",
    "Korea Selatan",
    "Kuba",
    "Laos",
    "Malaysia",
    "Meksiko",
    "Mesir",
    "Myanmar",
    "Nigeria",
    "Norwegia",
    "Pakistan",
    "Peru",
    "Polandia",
    "Portugal",
    "Prancis",
    "Qatar",
    "Rusia",
    "Selandia Baru",
    "Singapura",
    "Spanyol",
    "Swedia",
    "Swiss",
    "Thailand",
    "Timor Leste",
    "Tiongkok",
    "Turki",
    "Ukraina",
    "Uni Emirat Arab",
    "Vietnam",
    "Yordania",
    "Yunani",
]
N_COUNTRIES = 10_000


def countries_article(n: int = N_COUNTRIES, per_sentence: int = 100) -> str:
    """A conference story whose middle is ``n`` country names, ``per_sentence`` to a sentence."""
    names = [COUNTRIES[i % len(COUNTRIES)] for i in range(n)]
    lists = []
    for i in range(0, n, per_sentence):
        chunk = names[i : i + per_sentence]
        lists.append(f"Delegasi dari {', '.join(chunk[:-1])} dan {chunk[-1]} tiba pada hari pertama.")
    return (
        "Konferensi Perdamaian Dihadiri Ribuan Delegasi\n\n"
        "BANDUNG, KOMPAS.com - Pemerintah Indonesia membuka konferensi perdamaian internasional di Bandung "
        "pada Senin (22/4/2024).\n\n"
        "Menurut panitia, pendaftaran delegasi dibuka sejak bulan lalu dan sejumlah negara mengirim lebih "
        "dari satu rombongan.\n\n"
        + " ".join(lists)
        + "\n\nMenteri Luar Negeri Indonesia mengatakan bahwa konferensi tersebut menjadi yang terbesar "
        "sejak Konferensi Asia Afrika.\n"
    )


def _html_page(story: str, *, head: str = "", before: str = "", after: str = "") -> str:
    """A news page: title, date meta tag, navigation, the story as <p>s in an <article>, a footer."""
    title, *paras = [p.strip() for p in story.strip().split("\n\n")]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        f"<title>{title}</title>{head}</head><body>{before}"
        '<nav><a href="/">Beranda</a> <a href="/internasional">Internasional</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Hak cipta dilindungi undang-undang.</footer>{after}</body></html>"
    )


# ---------------------------------------------------------------------------------------------- build


def build(folder: Path, *, big: bool = True) -> dict[str, str]:
    """Write the corpus under ``folder`` (created if need be) and return {relative path: expected}."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)
    expect: dict[str, str] = {}

    def put(rel: str, data: bytes | str, outcome: str) -> Path:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[rel] = outcome
        return path

    # good articles, plain UTF-8
    put("baik/patroli.txt", STORIES["patroli"], "stored")
    put("baik/meriam-air.txt", STORIES["meriam-air"], "stored")
    put(
        "baik/rafah.html",
        _html_page(STORIES["rafah"], head='<meta name="date" content="2024-04-21">'),
        "stored",
    )
    put("baik/berita Jakarta.txt", STORIES["beras"], "stored")  # a space in the name
    put("baik/берлин é ñ 北京.txt", STORIES["energi"], "stored")  # non-ASCII name
    put("baik/wartawan.txt", STORIES["wartawan"].replace("\n", "\r\n"), "stored")  # Windows line ends
    try:  # a name that is not UTF-8 at all (Latin-1 e-acute); some file systems refuse it
        raw_name = os.fsencode(folder) + b"/baik/nama-\xe9.txt"
        with open(raw_name, "wb") as fh:
            fh.write(STORIES["hibah"].encode("utf-8"))
        expect[os.fsdecode(raw_name)[len(str(folder)) + 1 :]] = "stored"
    except (OSError, UnicodeError):
        pass

    # empty and nearly empty
    put("kosong/kosong.txt", b"", "skipped: empty file")
    put("kosong/spasi.txt", b"  \t\n\r\n   \n", "skipped: empty file")
    put("kosong/spasi-unicode.txt", "\u00a0\u3000\u200b\n\u2003\ufeff\n", "skipped: empty file")
    put("kosong/bom-saja.txt", b"\xef\xbb\xbf", "skipped: empty file")
    put("kosong/kosong.html", "<html><body>  </body></html>", "skipped: no article text")

    # binary
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    put("biner/gambar.txt", png, "skipped: binary file")
    put("biner/acak.txt", bytes(rng.randrange(256) for _ in range(20_000)), "skipped: binary file")
    put("biner/foto.png", png, "ignored: not a .txt/.html/.jsonl file")
    put("biner/acak.html", bytes(rng.randrange(1, 256) for _ in range(20_000)), "skipped: binary file")

    # NUL bytes: near the start, and only after the first 8 KB (a text file padded after a crash)
    put(
        "nul/nul-awal.txt",
        STORIES["gandum"].encode().replace(b" ", b"\x00", 5),
        "skipped: binary file (NUL bytes)",
    )
    long_story = (
        STORIES["karbon"]
        + "\n"
        + "\n".join(
            f"Catatan redaksi {i}: artikel ini diperbarui untuk menambahkan keterangan dari pejabat terkait."
            for i in range(120)
        )
    )
    put("nul/nul-akhir.txt", long_story.encode() + b"\x00" * 4096, "skipped: binary file (NUL bytes)")

    # encodings
    bad_utf8 = STORIES["rafale"].encode("utf-8")
    bad_utf8 = bad_utf8.replace(b"Keduanya", b"Kedua\xffnya", 1).replace(b"strategis", b"strat\xe2\x80gis", 1)
    put("enkode/utf8-rusak.txt", bad_utf8, "stored")  # two bad bytes in UTF-8 text: replaced, not cp1252
    put("enkode/utf16-bom.txt", STORIES["rudal"].encode("utf-16"), "stored")
    put("enkode/utf16le-tanpa-bom.txt", STORIES["perbatasan"].encode("utf-16-le"), "stored")
    put("enkode/utf16be-tanpa-bom.txt", STORIES["pertahanan"].encode("utf-16-be"), "stored")
    put("enkode/cp1252-kutip.txt", STORIES["nikel"].encode("cp1252"), "stored")  # “smart quotes”
    put("enkode/utf16-ganjil.txt", STORIES["rudal"].encode("utf-16")[:-1], "skipped: invalid utf-16")

    # size
    head = STORIES["myanmar"].split("\n\n")[1] + " "
    one_line = (head * (1_048_576 // len(head) + 1))[:1_048_576]
    put("ukuran/satu-baris-1mb.txt", one_line, "skipped: text too long")
    filler = "".join(f'<li><a href="/kanal/{i}">Kanal {i}</a></li>' for i in range(18_000))
    state = json.dumps({"props": {"items": [{"id": i, "slug": f"berita-{i}"} for i in range(8000)]}})
    page = _html_page(
        STORIES["asean"],
        head=f'<script id="__STATE__" type="application/json">{state}</script>',
        before=f'<ul class="menu">{filler}</ul>',
    ).replace("\n", " ")
    assert "\n" not in page and len(page) > 1_000_000
    put("ukuran/satu-baris-1mb.html", page, "stored")  # a minified page: one 1 MB line, a real story
    if big:
        para = (STORIES["myanmar"].split("\n\n")[2] + "\n\n").encode()
        with (folder / "ukuran/artikel-50mb.txt").open("wb") as fh:
            for _ in range(50 * 1024 * 1024 // len(para) + 1):
                fh.write(para)
        expect["ukuran/artikel-50mb.txt"] = "skipped: file too large"
        with (folder / "ukuran/baris-50mb.jsonl").open("wb") as fh:
            fh.write(b'{"url": "https://contoh.test/besar", "text": "')
            for _ in range(50 * 1024 * 1024 // len(para) + 1):
                fh.write(para.replace(b"\n", b" "))
            fh.write(b'"}\n')
            fh.write(
                json.dumps({"url": "https://contoh.test/kecil", "text": STORIES["pemantau"]}).encode() + b"\n"
            )
        expect["ukuran/baris-50mb.jsonl#1"] = "skipped: JSON line too large"
        expect["ukuran/baris-50mb.jsonl#2"] = "stored"

    # HTML
    deep = 5000
    put(
        "html/bersarang-dalam.html",
        _html_page(STORIES["hutan"], before="<div>" * deep, after="</div>" * deep),
        "stored",
    )
    put(
        "html/bersarang-tanpa-tutup.html",
        "<html><body>" + "<div><span>" * deep + "<p>Teks</p></body></html>",
        "skipped: no article text",
    )
    css = "".join(f".k{i}{{color:#{i % 999:03d};margin:{i % 17}px}}" for i in range(3000))
    js = "".join(f"var v{i}='Pemerintah mengatakan bahwa menteri bertemu';" for i in range(3000))
    put(
        "html/hanya-skrip.html",
        f"<html><head><style>{css}</style><script>{js}</script></head>"
        f"<body><script>{js}</script><style>{css}</style><noscript></noscript></body></html>",
        "skipped: no article text",
    )
    put("html/tanpa-html.txt", _html_page(STORIES["pupuk"]), "stored")  # HTML in a .txt: sniffed

    # language
    put("bahasa/english.txt", ENGLISH, "skipped: not Indonesian")
    put("bahasa/melayu.txt", MALAY, "skipped: not Indonesian")
    put("bahasa/negara-10000.txt", countries_article(), "stored")

    # JSON lines: good records among broken ones
    lines: list[tuple[bytes, str]] = [
        (
            b"\xef\xbb\xbf"
            + json.dumps(
                {
                    "url": "https://contoh.test/haji",
                    "title": "Kuota haji",
                    "published": "2024-04-10",
                    "outlet": "Antara",
                    "text": STORIES["haji"].split("\n\n", 1)[1],
                }
            ).encode(),
            "stored",
        ),  # a UTF-8 BOM before the first record (Windows tools write one)
        (b'{"url": "https://contoh.test/2", "text": "Pemerintah mengatakan bahwa', "skipped: malformed JSON"),
        (b"[1, 2, 3]", "skipped: not an object"),
        (b'"hanya sebuah string"', "skipped: not an object"),
        (b"42", "skipped: not an object"),
        (b"null", "skipped: not an object"),
        (json.dumps({"url": "https://contoh.test/5", "title": "Tanpa isi"}).encode(), "skipped: no 'text'"),
        (json.dumps({"url": "https://contoh.test/6", "text": 12345}).encode(), "skipped: no 'text'"),
        (b'{"url": "https://contoh.test/7", "text": "\xff\xfe teks"}', "skipped: not UTF-8"),
        (
            b'{"views": ' + b"9" * 5000 + b', "text": "Pemerintah mengatakan bahwa"}',
            "skipped: malformed JSON",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "skipped: malformed JSON"),
        (
            json.dumps({"url": "https://contoh.test/gandum", "text": STORIES["gandum"] + "\udc80"}).encode(),
            "stored",
        ),  # a lone surrogate escape (\\udc80) in a string: replaced, the record kept
        (
            json.dumps(
                {
                    "url": "https://contoh.test/brasil",
                    "outlet": "Kompas",
                    "html": _html_page(STORIES["bioenergi"]),
                }
            ).encode()
            + b"\r",
            "stored",
        ),
        (b"", ""),  # a blank line: nothing
        (b'{"url": "https://contoh.test/akhir", "text": "Menteri', "skipped: malformed JSON"),  # no newline
    ]
    body = b"\n".join(raw for raw, _ in lines)
    put("jsonl/crawl.jsonl", body, "")
    del expect["jsonl/crawl.jsonl"]
    for lineno, (_, outcome) in enumerate(lines, start=1):
        if outcome:
            expect[f"jsonl/crawl.jsonl#{lineno}"] = outcome
    gz = gzip.compress(json.dumps({"text": STORIES["pupuk"]}).encode() + b"\n", mtime=0)
    put("jsonl/terkompresi.jsonl", gz, "skipped: gzip")
    csv = "judul,tanggal,isi\n" + "".join(
        f"Berita {i},2024-04-{i % 28 + 1:02d},teks {i}\n" for i in range(60)
    )
    put("jsonl/bukan-json.jsonl", csv, "skipped: not a JSON-lines file")
    put("jsonl/kosong.jsonl", b"\n\n  \n", "skipped: empty file")
    put("jsonl/biner.jsonl", bytes(rng.randrange(256) for _ in range(20_000)), "skipped: binary file")
    ps = (
        json.dumps({"url": "https://contoh.test/beasiswa", "text": STORIES["beasiswa"]}, ensure_ascii=False)
        + "\r\n"
        + '{"url": "https://contoh.test/rusak", "text": '
        + "\r\n"
    )
    put("jsonl/powershell.jsonl", ps.encode("utf-16"), "")  # UTF-16 LE with a BOM and CRLF, as PowerShell 5
    expect["jsonl/powershell.jsonl#1"] = "stored"
    expect["jsonl/powershell.jsonl#2"] = "skipped: malformed JSON"
    del expect["jsonl/powershell.jsonl"]

    # links and special files
    links = folder / "tautan"
    links.mkdir(exist_ok=True)
    for name, target in (
        ("a.txt", "b.txt"),
        ("b.txt", "a.txt"),
        ("diri.txt", "diri.txt"),
        ("hilang.txt", "tidak-ada.txt"),
        ("salinan.txt", "../baik/patroli.txt"),
        ("induk", ".."),
        ("baik-lagi", "../baik"),
    ):
        (links / name).symlink_to(target)
    expect["tautan/a.txt"] = "skipped: symbolic link loop"
    expect["tautan/b.txt"] = "skipped: symbolic link loop"
    expect["tautan/diri.txt"] = "skipped: symbolic link loop"
    expect["tautan/hilang.txt"] = "skipped: broken symbolic link"
    expect["tautan/salinan.txt"] = "ignored: the same file as baik/patroli.txt"
    expect["tautan/induk"] = "skipped: symbolic link loop"
    expect["tautan/baik-lagi"] = "ignored: the same folder as baik/"
    if Path("/dev/zero").exists():
        (links / "nol.txt").symlink_to("/dev/zero")
        expect["tautan/nol.txt"] = "skipped: not a regular file"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "tautan/pipa.txt")  # opening it would block forever
        expect["tautan/pipa.txt"] = "skipped: not a regular file"

    # unreadable file and folder (root reads them anyway: then the story is stored)
    locked = put("terkunci/terkunci.txt", STORIES["myanmar"], "")
    locked.chmod(0)
    expect["terkunci/terkunci.txt"] = "stored" if _readable(locked) else "skipped: cannot read file"
    inner = put("terkunci/map/di-dalam.txt", STORIES["baterai"], "")
    del expect["terkunci/map/di-dalam.txt"]
    inner.parent.chmod(0)
    if _readable(inner.parent):
        expect["terkunci/map/di-dalam.txt"] = "stored"
    else:
        expect["terkunci/map"] = "skipped: cannot read folder"
    return dict(sorted(expect.items()))


def _readable(path: Path) -> bool:
    try:
        if path.is_dir():
            os.listdir(path)
        else:
            with path.open("rb") as fh:
                fh.read(1)
        return True
    except OSError:
        return False


def unlock(folder: Path) -> None:
    """Give back the permissions :func:`build` took away (so that the folder can be removed)."""
    for rel in ("terkunci/map", "terkunci/terkunci.txt"):
        p = folder / rel
        if p.exists() or p.is_symlink():
            p.chmod(stat.S_IRWXU if p.is_dir() else stat.S_IRUSR | stat.S_IWUSR)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder to create the corpus in (must not exist)")
    ap.add_argument("--no-big", action="store_true", help="leave out the 50 MB inputs")
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        ap.error(f"{args.out} exists and is not empty")
    expect = build(args.out, big=not args.no_big)
    for rel, outcome in expect.items():
        sys.stdout.write(f"{rel}\t{outcome}\n")
    n_bad = sum(v.startswith("skipped") for v in expect.values())
    n_good = sum(v == "stored" for v in expect.values())
    sys.stderr.write(f"wrote {len(expect)} inputs to {args.out}: {n_good} to store, {n_bad} to skip\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
