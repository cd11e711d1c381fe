#!/usr/bin/env python3
"""Generate ``src/warta/lang/id/states.tsv``: every state and its Indonesian names.

Sources (build time only -- the package never imports them at run time):

* CLDR via Babel: ``Locale("id").territories`` (alpha-2 -> name), source ``cldr``;
* pycountry's Indonesian gettext catalogue for ISO 3166-1 (``name``,
  ``official_name``, ``common_name``), source ``pycountry``;
* the hand-written ``ALIASES`` below (nicknames, acronyms, common spellings of
  Indonesian media), source ``alias``.

Run from the repository root (``pip install babel pycountry`` first)::

    python scripts/build_states.py            # writes the TSV
    python scripts/build_states.py --check    # exits 1 if the TSV is stale

The output is sorted and deterministic, so re-running it on the same library
versions gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id" / "states.tsv"

# CLDR territory codes that are not states (or are not in ISO 3166-1): continents
# and UN M.49 regions are numeric and dropped wholesale; these alpha codes too.
NOT_STATES = {
    "EU",  # Uni Eropa -> igos.tsv
    "EZ",  # Zona Euro
    "UN",  # Perserikatan Bangsa-Bangsa -> igos.tsv
    "QO",  # Oseania Luar
    "XA",  # pseudo-locale
    "XB",  # pseudo-locale
    "ZZ",  # unknown region
    "AC",  # Ascension (part of SHN; no ISO 3166-1 code of its own)
    "TA",  # Tristan da Cunha (part of SHN)
    "CP",  # Clipperton (no ISO 3166-1 code)
    "DG",  # Diego Garcia (part of IOT)
    "EA",  # Ceuta dan Melilla (Spain)
    "IC",  # Kepulauan Canaria (Spain)
}

# User-assigned codes that CLDR knows and ISO 3166-1 does not.
EXTRA_ALPHA3 = {"XK": "XKX"}  # Kosovo

# Generated names that are wrong, misleading or collide with common Indonesian
# words. Compared case-insensitively.
DROP_NAMES = {
    "Repulik Finlandia",  # typo in the pycountry catalogue
    "Kepemimpinan Andorra",  # mistranslation of "Principality"
    "Kepemimpinan Liechtenstein",
    "Kepemimpinan Monako",
    "Jersey",  # "jersey" = sports shirt in Indonesian; very frequent
    "Congo",  # bare Congo/Kongo is ambiguous; see ALIASES ("Kongo" -> COD)
    "Timor Timur",  # pycountry's name for TLS is the name of the former Indonesian province
    "Republik Demokrat Timor Timur",
}

# Hand-written aliases: (name, alpha-3). Kept here so the TSV can be regenerated.
ALIASES: list[tuple[str, str]] = [
    # China
    ("China", "CHN"),
    ("Cina", "CHN"),
    ("Tiongkok", "CHN"),
    ("RRT", "CHN"),
    ("RRC", "CHN"),
    ("Republik Rakyat Tiongkok", "CHN"),
    ("Republik Rakyat China", "CHN"),
    ("Republik Rakyat Cina", "CHN"),
    ("Negeri Tirai Bambu", "CHN"),
    ("China Daratan", "CHN"),
    ("Tiongkok Daratan", "CHN"),
    # United States
    ("Amerika Serikat", "USA"),
    ("Amerika", "USA"),
    ("AS", "USA"),
    ("USA", "USA"),
    ("Paman Sam", "USA"),
    ("Negeri Paman Sam", "USA"),
    # United Kingdom
    ("Inggris", "GBR"),
    ("Inggris Raya", "GBR"),
    ("Britania Raya", "GBR"),
    ("Britania", "GBR"),
    ("Kerajaan Inggris", "GBR"),
    ("Kerajaan Bersatu", "GBR"),
    ("UK", "GBR"),
    # Russia, Belarus, Ukraine
    ("Rusia", "RUS"),
    ("Federasi Rusia", "RUS"),
    ("Negeri Beruang Merah", "RUS"),
    ("Belarusia", "BLR"),
    ("Belarus", "BLR"),
    ("Belorusia", "BLR"),
    ("Ukraina", "UKR"),
    ("Ukraine", "UKR"),
    # Palestine, Israel, Middle East
    ("Palestina", "PSE"),
    ("Negara Palestina", "PSE"),
    ("Palestine", "PSE"),
    ("Arab Saudi", "SAU"),
    ("Saudi Arabia", "SAU"),
    ("Saudi", "SAU"),
    ("Uni Emirat Arab", "ARE"),
    ("UEA", "ARE"),
    ("Emirat Arab", "ARE"),
    ("Suriah", "SYR"),
    ("Syria", "SYR"),
    ("Siria", "SYR"),
    ("Irak", "IRQ"),
    ("Iraq", "IRQ"),
    ("Yaman", "YEM"),
    ("Yemen", "YEM"),
    ("Yordania", "JOR"),
    ("Jordania", "JOR"),
    ("Libanon", "LBN"),
    ("Turki", "TUR"),
    ("Turkiye", "TUR"),
    ("Türkiye", "TUR"),
    ("Katar", "QAT"),
    ("Republik Islam Iran", "IRN"),
    # Korea, Japan, Taiwan
    ("Korea Utara", "PRK"),
    ("Korut", "PRK"),
    ("DPRK", "PRK"),
    ("Republik Rakyat Demokratik Korea", "PRK"),
    ("Korea Selatan", "KOR"),
    ("Korsel", "KOR"),
    ("Republik Korea", "KOR"),
    ("Taiwan", "TWN"),
    ("Negeri Sakura", "JPN"),
    ("Negeri Matahari Terbit", "JPN"),
    # South-East Asia and Oceania
    ("Indonesia", "IDN"),
    ("Republik Indonesia", "IDN"),
    ("RI", "IDN"),
    ("NKRI", "IDN"),
    ("Tanah Air", "IDN"),  # "di Tanah Air" = in Indonesia
    ("Negeri Jiran", "MYS"),
    ("Negeri Singa", "SGP"),
    ("Negeri Gajah Putih", "THA"),
    ("Negeri Kanguru", "AUS"),
    ("Negeri Kangguru", "AUS"),
    ("Negeri Kiwi", "NZL"),
    ("Brunei Darussalam", "BRN"),
    ("Timor Leste", "TLS"),
    ("Timor-Leste", "TLS"),
    ("RDTL", "TLS"),
    ("Myanmar", "MMR"),
    ("Burma", "MMR"),
    ("Birma", "MMR"),
    ("Viet Nam", "VNM"),
    ("Filipina", "PHL"),
    # Europe
    ("Vatikan", "VAT"),
    ("Kota Vatikan", "VAT"),
    ("Takhta Suci", "VAT"),
    ("Tahta Suci", "VAT"),
    ("Kosovo", "XKX"),
    ("Prancis", "FRA"),
    ("Perancis", "FRA"),
    ("Negeri Kincir Angin", "NLD"),
    ("Republik Ceko", "CZE"),
    ("Ceska", "CZE"),
    ("Swis", "CHE"),
    ("Swiss", "CHE"),
    ("Hongaria", "HUN"),
    ("Hungaria", "HUN"),
    ("Slowakia", "SVK"),
    ("Slovakia", "SVK"),
    ("Lithuania", "LTU"),
    ("Luxemburg", "LUX"),
    ("Moldavia", "MDA"),
    ("Makedonia", "MKD"),
    ("Romania", "ROU"),
    # Central and South Asia
    ("Afghanistan", "AFG"),
    ("Kazakstan", "KAZ"),
    ("Kirgistan", "KGZ"),
    ("Kyrgyzstan", "KGZ"),
    # Africa
    ("Kongo", "COD"),  # in Indonesian news bare "Kongo" is nearly always the DRC
    ("Republik Demokratik Kongo", "COD"),
    ("RD Kongo", "COD"),
    ("Kongo-Kinshasa", "COD"),
    ("Republik Kongo", "COG"),
    ("Kongo-Brazzaville", "COG"),
    ("Pantai Gading", "CIV"),
    ("Ethiopia", "ETH"),
    ("Etiopia", "ETH"),
    ("Algeria", "DZA"),
    ("Djibouti", "DJI"),
    ("Tanjung Verde", "CPV"),
    ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"),
    # Americas
    ("Brazil", "BRA"),
    ("Kolumbia", "COL"),
    ("Chile", "CHL"),
    ("Chili", "CHL"),  # also "chili" (sauce) -- accepted, it is pycountry's form
    # Territories that also carry their own ISO code
    ("Hong Kong", "HKG"),
    ("Hongkong", "HKG"),
    ("Makau", "MAC"),
    ("Macau", "MAC"),
    ("Pulau Christmas", "CXR"),
    ("Pulau Jersey", "JEY"),  # bare "Jersey" is dropped, see DROP_NAMES
]

PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
# Parenthesised parts worth keeping as names of their own.
KEEP_PAREN = {"Burma", "Malvinas"}


def clean(name: str) -> list[str]:
    """Normalise one generated name into zero or more matchable names."""
    name = unicodedata.normalize("NFC", name).replace("\u2019", "'").strip()
    out: list[str] = []
    if "," in name:  # inverted ISO forms: "Iran, Republik Islam", "Taiwan, Provinsi China"
        return out
    # CLDR "Hong Kong DAK Tiongkok" / "Makau DAK Tiongkok"
    name = re.sub(r"\s+DAK\s+Tiongkok$", "", name)
    name = name.replace(" - ", "-")  # "Kongo - Kinshasa"
    name = name.replace("&", "dan").replace("Kep. ", "Kepulauan ")
    for inner in PAREN.findall(name):
        if inner in KEEP_PAREN:
            out.append(inner)
    name = PAREN.sub(" ", name).strip()
    name = re.sub(r"\s+", " ", name)
    if name:
        out.insert(0, name)
    return out


def generate() -> list[tuple[str, str, str]]:
    import pycountry  # build-time only
    from babel import Locale  # build-time only

    def alpha3(a2: str) -> str | None:
        if a2 in EXTRA_ALPHA3:
            return EXTRA_ALPHA3[a2]
        c = pycountry.countries.get(alpha_2=a2)
        return c.alpha_3 if c else None

    rows: dict[tuple[str, str], tuple[str, str, str]] = {}
    drop = {d.casefold() for d in DROP_NAMES}

    def add(name: str, code: str, source: str) -> None:
        key = (name.casefold(), code)
        if name.casefold() in drop or key in rows:
            return
        rows[key] = (name, code, source)

    # 1. CLDR
    for a2, label in sorted(Locale("id").territories.items()):
        if not (len(a2) == 2 and a2.isalpha()) or a2 in NOT_STATES:
            continue
        code = alpha3(a2)
        if code is None:
            continue
        for name in clean(label):
            add(name, code, "cldr")

    # 2. pycountry's Indonesian translations
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            if not english:
                continue
            translated = tr.gettext(english)
            for name in clean(translated):
                add(name, c.alpha_3, "pycountry")

    # 3. hand-written aliases
    for name, code in ALIASES:
        add(name, code, "alias")

    # A name must point to one state only.
    seen: dict[str, str] = {}
    for (folded, code), (name, _, _) in sorted(rows.items()):
        if folded in seen and seen[folded] != code:
            raise SystemExit(f"ambiguous name {name!r}: {seen[folded]} vs {code}")
        seen[folded] = code

    order = {"cldr": 0, "pycountry": 1, "alias": 2}
    return sorted(rows.values(), key=lambda r: (r[1], order[r[2]], r[0].casefold(), r[0]))


def render(rows: list[tuple[str, str, str]]) -> str:
    lines = [
        "name\tcode\tsource",
        "# Indonesian names of states -> ISO 3166-1 alpha-3 (XKX = Kosovo, user-assigned).",
        "# GENERATED by scripts/build_states.py from CLDR (Babel), pycountry's Indonesian",
        "# ISO 3166-1 catalogue and the aliases kept in that script. Edit the script, not",
        "# this file, then re-run it. ALL-CAPS names (AS, RRT, RI) match case-sensitively.",
    ]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the TSV is not up to date")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    text = render(generate())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale; run scripts/build_states.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines()) - 5} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
