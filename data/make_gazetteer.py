#!/usr/bin/env python3
"""Derive Briefing's place gazetteer (data/gazetteer/) from GeoNames tables.

usage: python3 data/make_gazetteer.py [SOURCE_DIR [OUTLINES]]

SOURCE_DIR holds the GeoNames extracts (countries.tsv, admin1.tsv, cities1000.tsv.gz,
continents.json); by default ../shared/data/gazetteer beside the repository. OUTLINES is Natural
Earth's countries at 1:50m as TopoJSON (world-atlas' countries-50m.json), by default
SOURCE_DIR/../naturalearth/countries-50m.json: it gives the land that regions are the middle
of (see `region_centres`). The script writes
countries.tsv, admin1.tsv, cities.tsv and areas.tsv into data/gazetteer/, deterministically
(same input, same bytes), and checks the hand-written demonyms.tsv and ambiguous.tsv there
against what it wrote. Python 3 standard library only.

What it keeps, and why:
- coordinates rounded to 0.1 degree (at most ~8 km off: detection is scored at 161 km);
- a region's point in the middle of its land, not of its towns (see `region_centres`);
- English and ASCII spellings only: GeoNames' alternate names in other languages are dropped,
  except transliteration variants of places in countries that do not write in Latin letters
  ("Spin Buldak" beside "Spin Boldak"), and the English exonyms and historic names listed
  below ("Bombay", "Kiev", "Canton");
- in those same countries, the display name loses its transliteration marks ("Spīn Bōldak"
  becomes "Spin Boldak"), as English-language news writes it.

Everything curated by hand (aliases, historic states, regions, seas) is in the tables at the
top of this file, so that a reviewer reads it in one place.
"""

import difflib
import gzip
import json
import math
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer")
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "gazetteer")

# --- curated tables ------------------------------------------------------------------------

# English names for countries that GeoNames' alias list lacks. "~" marks nothing here: country
# aliases are always usable on their own.
COUNTRY_ALIASES = {
    "AE": ["UAE"],
    "BA": ["Bosnia"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "BD": ["East Pakistan"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
    "CD": ["Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Cote d'Ivoire"],
    "CZ": ["Czech Republic"],
    "DE": ["West Germany", "Federal Republic of Germany"],
    "GB": ["U.K.", "United Kingdom"],
    "IR": ["Persia"],
    "KP": ["North Korea"],
    "KR": ["South Korea", "Korea"],
    "LK": ["Ceylon"],
    "MM": ["Burma"],
    "NL": ["Holland", "Netherlands"],
    "PS": ["Palestinian Territories", "Palestinian territories"],
    "TW": ["Formosa"],
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "VA": ["Vatican City", "Holy See"],
    "YE": ["North Yemen", "South Yemen", "Yemen Arab Republic"],
}

# Single-word aliases from GeoNames that English news uses. Other single words in its lists are
# mostly foreign-language names ("Misr", "Danmark") or plain errors ("Sikkim" for Slovakia), and
# a single word is what a detector matches most often, so only these pass. Multi-word aliases
# and acronyms pass unless listed in DROP_COUNTRY_ALIASES.
KEEP_SINGLE_WORD_ALIASES = {
    "Britain", "Emirates", "Czechia", "Hongkong", "Macau", "Burma", "Kampuchea", "Swaziland",
    "Rhodesia",
    "Netherlands", "Palestine", "Surinam", "Rumania", "Roumania", "Moldavia", "Macedonia",
    "Falklands", "Malvinas", "Faroes", "Kosova", "Curacao", "Reunion", "Caymans", "Turkiye",
    "Vatican", "Congo", "Belau", "Srilanka", "Mauretania",
}
DROP_COUNTRY_ALIASES = {
    ("AI", "French Afars and Issas"), ("BQ", "British Antarctic Territory"),
    ("CF", "Central Africa"), ("DO", "RD"), ("GE", "Gilbert and Ellice Islands"),
    ("PH", "RP"), ("KR", "Daehan Minguk"), ("GG", "Great Britain Guernsey"),
    ("IM", "I. Mannin"), ("JE", "I. Iersey"), ("JE", "Iersey I."), ("AU", "New Holland"),
    ("AU", "New Hollandia"), ("AU", "Nova Hollandia"), ("BD", "Country of Bengal"),
    ("BD", "Land of Bengal"), ("IN", "Al Hind"), ("IN", "Bharat Ganarajya"),
    ("HK", "Hong Kong, China"), ("GF", "Guiana"), ("SE", "Swedish Kingdom"),
    ("DK", "Denmark proper"), ("DK", "metropolitan Denmark"), ("CK", "Cook Group"),
    ("BM", "Devil's Isles"), ("BM", "Isle of Devils"), ("TK", "Union Islands"),
    ("NR", "Pleasant Island"), ("VG", "Virgin Islands"), ("SS", "Southern Sudan"),
    ("CY", "Greek Administration of Southern Cyprus"), ("CY", "Greek Cypriot State"),
    ("KM", "Massiwa ya komori"), ("KM", "Udzima wa Komori"), ("KM", "Union des Comores"),
    ("KM", "ouvoimoja wakomori"), ("FI", "Suomen tasavalta"), ("FI", "Republiken Finland"),
    ("EE", "Eesti Vabariik"), ("LV", "Latvijas Republika"), ("LV", "Latvejas Republika"),
    ("HK", "HKSAR"), ("SX", "Sint Martin"), ("EH", "Southern Provinces"),
    ("PW", "Pelew islands"), ("PW", "Republic of Belau"), ("NP", "Bal-po'i yul"),
    ("TH", "Prathet Thai"), ("TH", "Ratcha-anachak Thai"), ("DZ", "Dzayer"),
    ("BW", "Lefatshe la Botswana"), ("MT", "Malta"),
}
DROP_ACRONYMS = {"RD", "RP", "SRV", "HKJ", "RKS", "HIMI", "BIOT", "USMOI", "NMI", "BRD", "TCI",
                 "SGSSI", "RSA"}

# Former states. Each gets a place of its own (its ISO 3166-3 alpha-2 code, as Reuters uses
# them) marked historic, with its successors. Former *names* of a current state ("Burma",
# "Zaire") are plain aliases in COUNTRY_ALIASES instead.
HISTORIC_COUNTRIES = [
    # code, name, continent, lat, lon, successors, aliases
    ("SU", "Soviet Union", "EU", 55.8, 37.6,
     "RU UA BY MD EE LV LT GE AM AZ KZ KG TJ TM UZ",
     ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    ("DD", "East Germany", "EU", 52.5, 13.4, "DE",
     ["GDR", "German Democratic Republic"]),
    ("CS", "Czechoslovakia", "EU", 50.1, 14.4, "CZ SK",
     ["Czechoslovak Socialist Republic"]),
    ("YU", "Yugoslavia", "EU", 44.8, 20.5, "RS HR SI BA MK ME XK",
     ["Serbia and Montenegro", "Federal Republic of Yugoslavia",
      "Socialist Federal Republic of Yugoslavia"]),
]
# GeoNames rows that are former states too: re-coded or marked historic.
GEONAMES_HISTORIC = {"AN": "CW SX BQ"}   # Netherlands Antilles -> its successors
GEONAMES_REPLACED = {"CS"}               # GeoNames' "Serbia and Montenegro": see YU above

# GeoNames' own points for countries whose point in the extract is far from it (the extract
# takes another source's centre): detection is scored against GeoNames' points.
COUNTRY_POINTS = {"US": (39.76, -98.5), "CA": (60.10867, -113.64258), "AU": (-25.0, 135.0),
                  "JP": (35.68536, 139.75309)}

# Display names that read better than GeoNames' own in an English archive.
COUNTRY_DISPLAY = {"NL": "Netherlands", "PS": "Palestine", "TL": "East Timor"}

# Capitals whose name in countries.tsv is not the city's name in cities1000.
CAPITAL_CITY = {"KZ": "Astana", "PS": "Ramallah", "MN": "Ulan Bator", "MM": "Nay Pyi Taw",
                "SR": "Paramaribo", "BQ": "Kralendijk", "AG": "Saint John's",
                "GD": "Saint George's", "GG": "Saint Peter Port", "EH": "Laayoune",
                "MO": "Macau", "PW": "Ngerulmud", "AN": "", "IO": ""}

# Countries that write German: their names with umlauts are also written with e, as German
# does without them and wires did ("Duesseldorf", "Muenchen", "Baden-Wuerttemberg").
GERMAN_SPELLING = {"DE", "AT", "CH", "LI", "LU"}
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def umlauts_spelled_out(name):
    return "".join(UMLAUTS.get(ch, ch) for ch in name)


# Countries whose places GeoNames names in transliteration: display names are folded to plain
# ASCII and spelling variants among the alternate names are kept.
TRANSLITERATED = set("""
AE AF AM AZ BD BH BT BY CN DZ EG ER ET GE GR CY HK IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB
LK LY MA MM MN MO MR MV NP OM PK PS QA RU SA SD SY TH TJ TM TN TR TW UA UZ VN YE
""".split())

# English exonyms and former names of cities: (country, GeoNames name) -> aliases. The most
# populous city of that name in that country gets them.
CITY_ALIASES = {
    ("IN", "Mumbai"): ["Bombay"], ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"], ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Pune"): ["Poona"], ("IN", "Varanasi"): ["Benares", "Banaras"],
    ("IN", "Kanpur"): ["Cawnpore"], ("IN", "Vadodara"): ["Baroda"],
    ("IN", "Thiruvananthapuram"): ["Trivandrum"], ("IN", "Kochi"): ["Cochin"],
    ("IN", "Puducherry"): ["Pondicherry"], ("IN", "Mysuru"): ["Mysore"],
    ("IN", "Mangaluru"): ["Mangalore"], ("IN", "Shimla"): ["Simla"],
    ("IN", "Kozhikode"): ["Calicut"], ("IN", "Prayagraj"): ["Allahabad"],
    ("IN", "Gurugram"): ["Gurgaon"], ("IN", "Visakhapatnam"): ["Vizag"],
    ("UA", "Kyiv"): ["Kiev"], ("UA", "Odesa"): ["Odessa"], ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Lviv"): ["Lvov"], ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("UA", "Dnipro"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev"], ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Chernihiv"): ["Chernigov"], ("UA", "Rivne"): ["Rovno"],
    ("UA", "Kropyvnytskyi"): ["Kirovograd", "Kirovohrad"],
    ("UA", "Vinnytsya"): ["Vinnytsia"], ("UA", "Makiyivka"): ["Makiivka", "Makeyevka"],
    ("RU", "Saint Petersburg"): ["St Petersburg", "Leningrad"],
    ("RU", "Yekaterinburg"): ["Ekaterinburg", "Sverdlovsk"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod", "Gorky"],
    ("RU", "Volgograd"): ["Stalingrad"],
    ("BY", "Homyel'"): ["Gomel"], ("BY", "Hrodna"): ["Grodno"], ("BY", "Mahilyow"): ["Mogilev"],
    ("CN", "Beijing"): ["Peking", "Peiping"], ("CN", "Guangzhou"): ["Canton"],
    ("CN", "Nanjing"): ["Nanking"], ("CN", "Chongqing"): ["Chungking"],
    ("CN", "Tianjin"): ["Tientsin"], ("CN", "Xiamen"): ["Amoy"],
    ("CN", "Qingdao"): ["Tsingtao"], ("CN", "Ürümqi"): ["Urumchi"],
    ("CN", "Hangzhou"): ["Hangchow"], ("CN", "Kashgar"): ["Kashi"],
    ("MM", "Yangon"): ["Rangoon"], ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("VN", "Ho Chi Minh City"): ["Saigon"], ("KZ", "Astana"): ["Nur-Sultan", "Akmola"],
    ("KZ", "Almaty"): ["Alma-Ata"], ("KG", "Bishkek"): ["Frunze"],
    ("TM", "Ashgabat"): ["Ashkhabad"], ("GE", "Tbilisi"): ["Tiflis"],
    ("TR", "Istanbul"): ["Constantinople"], ("TR", "İzmir"): ["Smyrna"],
    ("IR", "Tehran"): ["Teheran"], ("IR", "Mashhad"): ["Meshed"],
    ("IQ", "Erbil"): ["Arbil", "Irbil"], ("IQ", "Basrah"): ["Basra"],
    ("IQ", "Sulaymaniyah"): ["Sulaimaniya", "Suleimaniyah"],
    ("SY", "Ar Raqqah"): ["Raqqa"],
    ("PS", "Khan Yunis"): ["Khan Younis"], ("PS", "Gaza"): ["Gaza City"],
    ("SA", "Jeddah"): ["Jiddah", "Jedda"], ("SA", "Makkah"): ["Mecca"],
    ("SA", "Madinah"): ["Medina"], ("YE", "Sanaa"): ["Sana'a"],
    ("YE", "Al Ḩudaydah"): ["Hodeidah", "Hudaydah"],
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif"], ("BD", "Dhaka"): ["Dacca"],
    ("BD", "Chattogram"): ["Chittagong"], ("NP", "Kathmandu"): ["Katmandu"],
    ("KR", "Busan"): ["Pusan"], ("KR", "Incheon"): ["Inchon"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"], ("PK", "Faisalabad"): ["Lyallpur"],
    ("PL", "Gdańsk"): ["Danzig"], ("PL", "Wrocław"): ["Breslau"], ("PL", "Kraków"): ["Cracow"],
    ("DE", "Köln"): ["Cologne"], ("DE", "Hannover"): ["Hanover"],
    ("DE", "Berlin"): ["West Berlin"], ("CH", "Basel"): ["Basle"],
    ("DE", "Braunschweig"): ["Brunswick"], ("DE", "Frankfurt am Main"): ["Frankfurt"],
    ("ES", "Sevilla"): ["Seville"], ("ES", "Zaragoza"): ["Saragossa"],
    ("ES", "A Coruña"): ["La Coruna", "Corunna"], ("PT", "Porto"): ["Oporto"],
    ("BE", "Gent"): ["Ghent"], ("BE", "Brugge"): ["Bruges"], 
    ("GR", "Thessaloníki"): ["Salonika"], ("FR", "Marseille"): ["Marseilles"],
    ("FR", "Lyon"): ["Lyons"], ("MD", "Chisinau"): ["Kishinev"],
    ("CD", "Kinshasa"): ["Leopoldville"], ("CD", "Kisangani"): ["Stanleyville"],
    ("CD", "Lubumbashi"): ["Elisabethville"], ("MA", "Fes"): ["Fez"],
    ("MA", "Marrakesh"): ["Marrakech"], ("US", "New York City"): ["New York", "NYC"],
    ("US", "Washington"): ["Washington DC", "Washington D.C."],
    ("VN", "Haiphong"): ["Hai Phong"], ("EG", "Assiut"): ["Asyut"],
    ("LB", "Sidon"): ["Saida"],
}

# More names for first-level regions. "~" marks an abbreviation that stands for the region
# only after a comma ("Atlanta, Ga.", "Paris, TX").
ADMIN1_ALIASES = {
    "PK.02": ["Baluchistan"], "PK.03": ["NWFP", "North-West Frontier Province"],
    "PK.06": ["Azad Jammu and Kashmir", "Pakistan-administered Kashmir"],
    "IN.21": ["Orissa"], "IN.39": ["Uttaranchal"], "AU.02": ["NSW"],
    "UA.13": ["Kyiv region"], "UA.11": ["Crimean peninsula"],
    "IQ.11": ["Erbil Governorate"], "DE.02": ["Bavaria"], "ES.56": ["Catalunya"],
    "ES.51": ["Andalucia"], "IT.13": ["Puglia"], "GB.NIR": ["Ulster"],
    "CA.05": ["Newfoundland"],
}
US_STATE_ABBREVIATIONS = {  # AP style, then postal codes come from us_states.json
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
    "DC": "D.C.",
}
# The older abbreviations of the Government Printing Office's style, and variants wires still
# write ("HORSHAM, Penn.", "AUSTIN, Tex."), beside AP's above.
US_STATE_OLD_ABBREVIATIONS = {
    "CA": ["Cal."], "IA": ["Ia."], "ID": ["Ida."], "KS": ["Kans."], "KY": ["Ken."],
    "ME": ["Me."], "ND": ["N.Dak.", "N. Dak."], "NE": ["Nebr."], "NM": ["N.Mex.", "N. Mex."],
    "OR": ["Oreg."], "PA": ["Penn.", "Penna."], "SD": ["S.Dak.", "S. Dak."], "TX": ["Tex."],
    "WI": ["Wisc."], "WV": ["W. Va."],
}
CANADA_ABBREVIATIONS = {
    "CA.01": ["Alta.", "AB"], "CA.02": ["B.C.", "BC"], "CA.03": ["Man.", "MB"],
    "CA.04": ["N.B.", "NB"], "CA.05": ["Nfld.", "NL"], "CA.07": ["N.S.", "NS"],
    "CA.08": ["Ont.", "ON"], "CA.09": ["P.E.I.", "PE"], "CA.10": ["Que.", "QC"],
    "CA.11": ["Sask.", "SK"],
}
# Words that make a multi-word regional alias recognisably English.
ADMIN_DESIGNATORS = {"province", "state", "region", "territory", "republic", "oblast", "krai",
                     "governorate", "district", "prefecture", "county", "islands",
                     "autonomous", "division", "department", "emirate", "municipality"}
DROP_ADMIN1_ALIASES = {("IN.12", "Kashmir"), ("AU.08", "West Coast"), ("AU.08", "West Australia")}

# Continents (GeoNames' seven, from continents.json) and well-known regions, seas and
# territories that news names but GeoNames' administrative tables do not hold. Points are
# hand-placed near the middle of each; members are countries wholly or mostly inside.
# slug, kind, name, lat, lon, continent, country, members, aliases
AREAS = [
    ("middle-east", "region", "Middle East", 29.0, 42.0, "AS", "",
     "AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE", ["Mideast", "Near East"]),
    ("persian-gulf", "sea", "Persian Gulf", 26.5, 52.0, "AS", "",
     "AE BH IQ IR KW OM QA SA", ["Gulf", "Arabian Gulf", "Gulf region", "Gulf states",
                                 "Gulf Arab states"]),
    ("balkans", "region", "Balkans", 43.0, 21.0, "EU", "",
     "AL BA BG GR HR XK ME MK RO RS SI", ["Balkan Peninsula", "Western Balkans"]),
    ("kashmir", "region", "Kashmir", 34.5, 76.0, "AS", "", "IN PK CN",
     ["Kashmir Valley", "Kashmir region"]),
    ("caribbean", "region", "Caribbean", 17.0, -72.0, "NA", "",
     "AG BS BB CU DM DO GD HT JM KN LC VC TT AI AW BQ CW GP KY MQ MS PR SX TC VG VI BL MF",
     ["West Indies", "Caribbean Sea"]),
    ("scandinavia", "region", "Scandinavia", 63.0, 14.0, "EU", "", "DK NO SE",
     ["Scandinavian Peninsula"]),
    ("nordic-countries", "region", "Nordic countries", 63.0, 16.0, "EU", "", "DK FI IS NO SE",
     ["Nordics"]),
    ("baltic-states", "region", "Baltic states", 57.0, 24.0, "EU", "", "EE LV LT",
     ["Baltics", "Baltic countries", "Baltic republics"]),
    ("benelux", "region", "Benelux", 50.8, 5.0, "EU", "", "BE NL LU", []),
    ("iberian-peninsula", "region", "Iberian Peninsula", 40.0, -4.0, "EU", "", "ES PT AD GI",
     ["Iberia"]),
    ("european-union", "region", "European Union", 50.0, 10.0, "EU", "",
     "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK",
     ["EU", "E.U."]),
    ("western-europe", "region", "Western Europe", 48.0, 5.0, "EU", "",
     "AT BE CH DE FR GB IE LI LU MC NL", []),
    ("eastern-europe", "region", "Eastern Europe", 50.0, 28.0, "EU", "",
     "BG BY CZ HU MD PL RO RU SK UA", ["East Europe"]),
    ("central-europe", "region", "Central Europe", 49.0, 15.0, "EU", "",
     "AT CH CZ DE HU LI PL SI SK", []),
    ("central-asia", "region", "Central Asia", 43.0, 65.0, "AS", "", "KG KZ TJ TM UZ", []),
    ("south-asia", "region", "South Asia", 22.0, 79.0, "AS", "", "AF BD BT IN LK MV NP PK",
     ["Indian subcontinent", "Subcontinent"]),
    ("southeast-asia", "region", "Southeast Asia", 5.0, 110.0, "AS", "",
     "BN ID KH LA MM MY PH SG TH TL VN", ["South-East Asia", "South East Asia"]),
    ("east-asia", "region", "East Asia", 35.0, 115.0, "AS", "", "CN HK JP KP KR MN MO TW",
     ["Far East"]),
    ("caucasus", "region", "Caucasus", 42.0, 45.0, "AS", "", "AM AZ GE",
     ["South Caucasus", "Transcaucasia", "Caucasus region"]),
    ("levant", "region", "Levant", 33.0, 36.0, "AS", "", "CY IL JO LB PS SY", []),
    ("arabian-peninsula", "region", "Arabian Peninsula", 23.0, 46.0, "AS", "",
     "AE BH KW OM QA SA YE", ["Arabia"]),
    ("korean-peninsula", "region", "Korean Peninsula", 37.5, 127.5, "AS", "", "KP KR", []),
    ("indochina", "region", "Indochina", 16.0, 105.0, "AS", "", "KH LA VN",
     ["Indochinese Peninsula"]),
    ("siberia", "region", "Siberia", 60.0, 100.0, "AS", "RU", "", []),
    ("kurdistan", "region", "Kurdistan", 37.0, 44.0, "AS", "", "IQ IR SY TR", []),
    ("iraqi-kurdistan", "region", "Iraqi Kurdistan", 36.2, 44.0, "AS", "IQ", "",
     ["Kurdistan Region", "Kurdistan region"]),
    ("donbas", "region", "Donbas", 48.0, 38.5, "EU", "UA", "", ["Donbass"]),
    ("sinai", "region", "Sinai Peninsula", 29.5, 33.8, "AF", "EG", "", ["Sinai"]),
    ("golan-heights", "region", "Golan Heights", 33.0, 35.8, "AS", "", "IL SY", ["Golan"]),
    ("nagorno-karabakh", "region", "Nagorno-Karabakh", 39.8, 46.75, "AS", "AZ", "",
     ["Karabakh", "Artsakh"]),
    ("south-ossetia", "region", "South Ossetia", 42.3, 44.0, "AS", "GE", "", []),
    ("darfur", "region", "Darfur", 13.0, 24.0, "AF", "SD", "", []),
    ("horn-of-africa", "region", "Horn of Africa", 8.0, 45.0, "AF", "", "DJ ER ET SO", []),
    ("sahel", "region", "Sahel", 15.0, 5.0, "AF", "", "BF ML MR NE SN TD", ["Sahel region"]),
    ("maghreb", "region", "Maghreb", 32.0, 3.0, "AF", "", "DZ LY MA MR TN", ["Maghrib"]),
    ("north-africa", "region", "North Africa", 27.0, 17.0, "AF", "", "DZ EG EH LY MA SD TN",
     ["Northern Africa"]),
    ("west-africa", "region", "West Africa", 12.0, -3.0, "AF", "",
     "BF BJ CI CV GH GM GN GW LR ML MR NE NG SL SN TG", ["Western Africa"]),
    ("east-africa", "region", "East Africa", 0.0, 37.0, "AF", "",
     "BI DJ ER ET KE RW SO SS TZ UG", ["Eastern Africa"]),
    ("central-africa", "region", "Central Africa", 2.0, 20.0, "AF", "",
     "CD CF CG CM GA GQ ST TD", []),
    ("southern-africa", "region", "Southern Africa", -23.0, 25.0, "AF", "",
     "AO BW LS MW MZ NA SZ ZA ZM ZW", []),
    ("sub-saharan-africa", "region", "Sub-Saharan Africa", 0.0, 20.0, "AF", "", "*AF-NORTH",
     ["sub-Saharan Africa"]),
    ("latin-america", "region", "Latin America", -5.0, -65.0, "", "",
     "AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PR PY SV UY VE", []),
    ("central-america", "region", "Central America", 13.0, -86.0, "NA", "",
     "BZ CR GT HN NI PA SV", []),
    ("americas", "region", "Americas", 15.0, -80.0, "", "", "*NA *SA", []),
    ("patagonia", "region", "Patagonia", -45.0, -69.0, "SA", "", "AR CL", []),
    ("amazon", "region", "Amazon rainforest", -4.0, -62.0, "SA", "", "BR BO CO EC GY PE SR VE",
     ["Amazonia", "Amazon basin"]),
    ("new-england", "region", "New England", 43.5, -71.5, "NA", "US", "", []),
    ("midwest", "region", "Midwest", 42.0, -90.0, "NA", "US", "", ["Middle West"]),
    ("silicon-valley", "region", "Silicon Valley", 37.4, -122.05, "NA", "US", "", []),
    ("arctic", "region", "Arctic", 80.0, 0.0, "", "", "", []),
    ("mediterranean", "sea", "Mediterranean", 35.0, 18.0, "", "", "",
     ["Mediterranean Sea"]),
    ("black-sea", "sea", "Black Sea", 43.4, 34.0, "", "", "", []),
    ("red-sea", "sea", "Red Sea", 20.0, 38.5, "", "", "", []),
    ("caspian-sea", "sea", "Caspian Sea", 41.7, 50.5, "", "", "", ["Caspian"]),
    ("baltic-sea", "sea", "Baltic Sea", 58.0, 20.0, "EU", "", "", []),
    ("north-sea", "sea", "North Sea", 56.0, 3.0, "EU", "", "", []),
    ("south-china-sea", "sea", "South China Sea", 12.0, 113.0, "AS", "", "", []),
    ("east-china-sea", "sea", "East China Sea", 29.0, 125.0, "AS", "", "", []),
    ("arabian-sea", "sea", "Arabian Sea", 15.0, 65.0, "AS", "", "", []),
    ("gulf-of-aden", "sea", "Gulf of Aden", 12.0, 48.0, "", "", "", []),
    ("strait-of-hormuz", "sea", "Strait of Hormuz", 26.6, 56.3, "AS", "", "",
     ["Hormuz Strait"]),
    ("taiwan-strait", "sea", "Taiwan Strait", 24.5, 119.5, "AS", "", "",
     ["Taiwan Strait"]),
    ("gulf-of-mexico", "sea", "Gulf of Mexico", 25.0, -90.0, "NA", "", "", []),
    ("english-channel", "sea", "English Channel", 50.2, -1.0, "EU", "", "", []),
    ("atlantic-ocean", "sea", "Atlantic Ocean", 0.0, -30.0, "", "", "", ["Atlantic"]),
    ("pacific-ocean", "sea", "Pacific Ocean", 0.0, -160.0, "", "", "", ["Pacific"]),
    ("indian-ocean", "sea", "Indian Ocean", -20.0, 80.0, "", "", "", []),
    ("arctic-ocean", "sea", "Arctic Ocean", 85.0, 0.0, "", "", "", []),
]
NORTH_AFRICA = {"DZ", "EG", "EH", "LY", "MA", "TN"}

# GeoNames' continent codes, and the slugs their places get here (so that "AF" stays
# Afghanistan's).
CONTINENT_SLUGS = {"AF": "africa", "AS": "asia", "EU": "europe", "NA": "north-america",
                   "SA": "south-america", "OC": "oceania", "AN": "antarctica"}

# --- helpers -------------------------------------------------------------------------------

SPECIAL_LETTERS = {
    "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "Ł": "L",
    "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i",
    "Ħ": "H", "ħ": "h", "ŋ": "ng", "ə": "e", "Ə": "E",
}
APOSTROPHES = "’‘ʼʻ`´ʹ"


def fold(text):
    """ASCII spelling of `text`: marks stripped, special letters spelled out, curly
    apostrophes straightened. Returns None if something non-Latin remains."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        if ch in APOSTROPHES:
            ch = "'"
        ch = SPECIAL_LETTERS.get(ch, ch)
        if ch == "–" or ch == "‐":
            ch = "-"
        out.append(ch)
    s = "".join(out)
    return s if s.isascii() else None


def key(text):
    """Roughly the loader's lookup key (src/gazetteer.rs, `normalize`), to drop duplicates:
    lower case, '.' and apostrophes removed, other punctuation and spaces as one space."""
    f = fold(text) or text
    words, cur = [], []
    for ch in f.lower():
        if ch.isalnum():
            cur.append(ch)
        elif ch in ".'":
            continue
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return " ".join(words)


def similar(a, b):
    return difflib.SequenceMatcher(None, key(a), key(b)).ratio()


def coord(x):
    v = round(float(x), 1)
    return "0.0" if v == 0 else f"{v:.1f}"


def clean_field(s):
    assert "\t" not in s and "\n" not in s, s
    return s


def read_tsv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


def dedup_aliases(name, aliases):
    seen = {key(name)}
    out = []
    for a in aliases:
        assert "|" not in a, a
        k = key(a.lstrip("~"))
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return out


def is_acronym(s):
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def write(name, header_lines, columns, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(clean_field(str(c)) for c in r) + "\n")
    print(f"{path}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


ATTRIBUTION = ("Derived by data/make_gazetteer.py from GeoNames (https://www.geonames.org/), "
               "CC BY 4.0. Do not edit by hand.")

# --- where a region lies ---------------------------------------------------------------------
#
# GeoNames' admin1 table has no points. A region's point should be the middle of its land, as a
# geographer (and GeoNames) places it: for a province that is mostly empty north of its towns
# (Manitoba, Quebec, South Australia) the middle of its towns is hundreds of kilometres south
# of it. Without the regions' outlines, the land of a region is taken to be the part of its
# country that lies nearer to its towns than to the country's other towns (the country's
# outline sampled on a grid, each sample given to its nearest town), and the point is the
# middle (centroid) of that land.

# Samples per outline (a country or an island group): about 5,000, on rows between 0.02 and
# 0.25 degrees apart.
LAND_SAMPLES = 5000
# A region with fewer samples than this is too small for them (or lies outside its country's
# outline, as disputed land may): the middle of the box around its towns stands instead.
MIN_LAND_SAMPLES = 20


def land_outlines(path, numeric_codes):
    """The land of each country in a world-atlas TopoJSON file, as a list of
    (ISO alpha-2 code or None, rings of (lon, lat) points). Disputed land without a code of
    its own (Somaliland, Northern Cyprus) comes with None."""
    topo = json.load(open(path, encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes):
        out = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        # A ring across the antimeridian (Chukotka, Fiji) jumps from 180 to -180: continue it
        # past 180 instead, so that it stays one shape.
        for k in range(1, len(out)):
            (x0, _), (x1, y1) = out[k - 1], out[k]
            if abs(x1 - x0) > 180:
                out[k] = (x1 - 360 * round((x1 - x0) / 360), y1)
        return out

    shapes = []
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [g.get("arcs")], "MultiPolygon": g.get("arcs")}.get(g["type"])
        if polygons:
            code = numeric_codes.get(g.get("id")) if g.get("id") else None
            shapes.append((code, [ring(r) for polygon in polygons for r in polygon]))
    return shapes


def land_samples(rings, step):
    """Points of the land inside `rings` (even-odd rule), on rows `step` degrees of latitude
    apart and as far apart along a row: (lat, lon, weight), the weight the sample's share of
    the area."""
    y0 = min(y for r in rings for _, y in r)
    crossings = {}
    for r in rings:
        for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
            if y1 == y2:
                continue
            lo, hi = min(y1, y2), max(y1, y2)
            for k in range(int((lo - y0) / step), int((hi - y0) / step) + 1):
                y = y0 + (k + 0.5) * step
                if lo <= y < hi:
                    crossings.setdefault(k, []).append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    for k in sorted(crossings):
        y = y0 + (k + 0.5) * step
        c = math.cos(math.radians(y))
        xs = sorted(crossings[k])
        for a, b in zip(xs[0::2], xs[1::2]):
            n = max(1, round((b - a) * max(c, 0.05) / step))
            for i in range(n):
                x = a + (i + 0.5) * (b - a) / n
                yield y, (x + 180) % 360 - 180, (b - a) / n * c * step


class TownGrid:
    """Towns in one-degree cells, for the nearest town to a point (distances on the local
    plane: a degree of longitude counts cos(latitude) of a degree of latitude)."""

    def __init__(self, towns):
        self.cells = {}
        for t in towns:
            self.cells.setdefault((math.floor(t["lat"]), math.floor(t["lon"])), []).append(t)

    def nearest(self, lat, lon, max_rings=20):
        c = max(math.cos(math.radians(lat)), 0.05)
        ci, cj = math.floor(lat), math.floor(lon)
        best, best_d, seen = None, math.inf, set()
        for r in range(max_rings + 1):
            rj = min(math.ceil(r / c), 180)  # as many kilometres east and west as north and south
            for i in range(ci - r, ci + r + 1):
                for j in range(cj - rj, cj + rj + 1):
                    cell = (i, (j + 180) % 360 - 180)
                    if cell in seen:
                        continue
                    seen.add(cell)
                    for t in self.cells.get(cell, ()):
                        dlon = (t["lon"] - lon + 180) % 360 - 180
                        d = (t["lat"] - lat) ** 2 + (dlon * c) ** 2
                        if d < best_d:
                            best, best_d = t, d
            if best is not None and r * r >= best_d:
                return best  # nothing outside the rings searched can be nearer
        return best


def region_centres(outlines, cities):
    """(country, admin1) -> (lat, lon) of the middle of the region's land, for the regions
    with at least MIN_LAND_SAMPLES samples of it. A sample of a country's land counts only for
    a region of that country: land nearest to a town abroad (Svalbard in Norway's outline,
    Crimea in Russia's, the desert along a border) is no region's."""
    towns = [c for c in cities if c["admin1"]]
    grid = TownGrid(towns)
    countries = {c["cc"] for c in towns}
    sums = {}
    for code, rings in outlines:
        if code is not None and code not in countries:
            continue  # land no town of the gazetteer stands for (Antarctica)
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        box = (max(xs) - min(xs)) * (max(ys) - min(ys))
        step = min(0.25, max(0.02, math.sqrt(box / LAND_SAMPLES)))
        for lat, lon, w in land_samples(rings, step):
            town = grid.nearest(lat, lon)
            if town is None or (code is not None and town["cc"] != code):
                continue
            # Summed as points on the sphere, so that a region across the antimeridian has
            # its middle there and not on the other side of the world.
            la, lo = math.radians(lat), math.radians(lon)
            s = sums.setdefault((town["cc"], town["admin1"]), [0.0, 0.0, 0.0, 0])
            s[0] += w * math.cos(la) * math.cos(lo)
            s[1] += w * math.cos(la) * math.sin(lo)
            s[2] += w * math.sin(la)
            s[3] += 1
    return {k: (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))
            for k, (x, y, z, n) in sums.items() if n >= MIN_LAND_SAMPLES}


# --- the tables ------------------------------------------------------------------------------


def build_countries(src):
    rows = []
    continent_of = {}
    for r in read_tsv(os.path.join(src, "countries.tsv")):
        code = r["iso2"]
        if code in GEONAMES_REPLACED:
            continue
        aliases = []
        extra = COUNTRY_ALIASES.get(code, [])
        for a in [r["official_name"]] + r["aliases"].split("|")[1:] + extra:
            a = a.strip()
            f = fold(a)
            if not a or f is None or "," in a or "(" in a or (code, a) in DROP_COUNTRY_ALIASES:
                continue
            if is_acronym(f) and len(f.split()) == 1:
                if f.replace(".", "") in DROP_ACRONYMS:
                    continue
            elif len(f.split()) == 1 and f not in KEEP_SINGLE_WORD_ALIASES \
                    and a not in COUNTRY_ALIASES.get(code, []):
                continue
            if len(key(f).split()) > 6:
                continue
            aliases.append(f)
        name = COUNTRY_DISPLAY.get(code, r["name"])
        if name != r["name"]:
            aliases.insert(0, r["name"])
        continent = r["continent"] or ("NA" if code == "AN" else "")
        continent_of[code] = continent
        successors = GEONAMES_HISTORIC.get(code, "")
        lat, lon = COUNTRY_POINTS.get(code, (r["lat"] or 0, r["lon"] or 0))
        rows.append([code, r["geonameid"], name, continent,
                     coord(lat), coord(lon), r["population"] or "0",
                     successors.replace(" ", "|"), "|".join(dedup_aliases(name, aliases))])
    for code, name, continent, lat, lon, successors, aliases in HISTORIC_COUNTRIES:
        continent_of[code] = continent
        rows.append([code, "0", name, continent, coord(lat), coord(lon), "0",
                     successors.replace(" ", "|"), "|".join(dedup_aliases(name, aliases))])
    rows.sort()
    # Countries without a point of their own in GeoNames (Netherlands Antilles) get one below,
    # from their cities, so every place has a point.
    return rows, continent_of


def build_admin1(src, countries):
    us = json.load(open(os.path.join(src, "us_states.json"), encoding="utf-8"))
    rows = {}
    for r in read_tsv(os.path.join(src, "admin1.tsv")):
        code = r["code"]
        if code.count(".") != 1 or r["country"] not in countries:
            continue  # second-level units some sources file here; we keep the first level
        name = r["name"]
        aliases = []
        for a in [r["asciiname"]] + r["aliases"].split("|") + ADMIN1_ALIASES.get(code, []):
            a = a.strip()
            f = fold(a)
            if not a or f is None or "," in a or "(" in a or (code, a) in DROP_ADMIN1_ALIASES:
                continue
            curated = a in ADMIN1_ALIASES.get(code, [])
            words = set(key(f).split())
            if not curated and similar(f, name) < 0.8 and not (
                    len(words) > 1 and words & ADMIN_DESIGNATORS):
                continue
            aliases.append(f)
        if r["country"] == "US":
            st = r["admin1"]
            if st in US_STATE_ABBREVIATIONS:
                aliases.append("~" + US_STATE_ABBREVIATIONS[st])
            aliases += ["~" + a for a in US_STATE_OLD_ABBREVIATIONS.get(st, [])]
            if st in us:
                aliases.append("~" + st)
        aliases += ["~" + a for a in CANADA_ABBREVIATIONS.get(code, [])]
        if r["country"] in GERMAN_SPELLING and umlauts_spelled_out(name) != name:
            aliases.append(umlauts_spelled_out(name))
        rows[code] = [code, r["geonameid"], name, aliases]
    return rows


def build_cities(src, countries, admin1):
    by_key = {}
    cities = []
    for r in read_tsv(os.path.join(src, "cities1000.tsv.gz")):
        cc = r["country"]
        if cc not in countries:
            continue
        name = r["name"]
        translit = cc in TRANSLITERATED
        display = (fold(name) or name) if translit else name
        aliases = []
        alts = [a for a in r["alt_names_latin"].split("|") if a]
        # "Gaza City" beside "Gaza": English news adds "City" to tell a city from its region.
        for a in alts:
            f = fold(a)
            if f and key(f) == key(name) + " city":
                aliases.append(f)
        if translit:
            scored = []
            for a in alts:
                f = fold(a)
                if not f or len(key(f).replace(" ", "")) < 4 or is_acronym(f) \
                        or any(c.isdigit() for c in f):
                    continue
                s = similar(f, name)
                if s >= 0.8:
                    scored.append((-s, f))
            aliases += [f for _, f in sorted(scored)]
        if display != name and fold(name) is None:
            aliases.append(name)
        # "Xalatlaco (San Juan)": the text writes the name without GeoNames' gloss.
        if "(" in display and display.index("(") > 0:
            aliases.append(display[:display.index("(")].strip())
        if cc in GERMAN_SPELLING and umlauts_spelled_out(name) != name:
            aliases.append(umlauts_spelled_out(name))
        # "St. Louis" and "Saint Louis" are both written.
        if display.startswith("Saint "):
            aliases.append("St. " + display[6:])
        elif display.startswith("St. ") or display.startswith("St "):
            aliases.append("Saint " + display.split(" ", 1)[1])
        a1 = r["admin1"] if f"{cc}.{r['admin1']}" in admin1 else ""
        city = {"id": r["geonameid"], "name": display, "cc": cc, "admin1": a1,
                "lat": float(r["lat"]), "lon": float(r["lon"]),
                "pop": int(r["population"] or 0), "aliases": aliases}
        cities.append(city)
        by_key.setdefault((cc, name), []).append(city)
        by_key.setdefault((cc, key(name)), []).append(city)
    for (cc, name), extra in CITY_ALIASES.items():
        found = by_key.get((cc, name)) or by_key.get((cc, key(name)))
        if not found:
            print(f"warning: CITY_ALIASES: no city {name!r} in {cc}", file=sys.stderr)
            continue
        max(found, key=lambda c: c["pop"])["aliases"] += extra
    return cities, by_key


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    outlines_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        src, "..", "naturalearth", "countries-50m.json")
    os.makedirs(OUT, exist_ok=True)

    country_rows, continent_of = build_countries(src)
    countries = {r[0]: r for r in country_rows}
    admin1 = build_admin1(src, countries)
    cities, by_key = build_cities(src, countries, admin1)

    # Capitals: the most populous city of the capital's name in its country.
    capital_of = {}
    for r in read_tsv(os.path.join(src, "countries.tsv")):
        cc = r["iso2"]
        name = CAPITAL_CITY.get(cc, r["capital"])
        if cc not in countries or cc in GEONAMES_REPLACED or not name:
            continue
        found = by_key.get((cc, name)) or by_key.get((cc, key(name)))
        if found:
            capital_of[cc] = max(found, key=lambda c: c["pop"])["id"]
        else:
            print(f"warning: capital {name!r} of {cc} not among its cities", file=sys.stderr)

    # Regions have no point in GeoNames' admin1 table: the middle of their land (see
    # `region_centres`), or for regions too small for the samples of it, the middle of the box
    # around their towns (the median of the towns leans towards the populated side). Their
    # population is the sum of their towns' (a floor).
    numeric_codes = {r["numeric"].zfill(3): r["iso2"]
                     for r in read_tsv(os.path.join(src, "countries.tsv")) if r["numeric"]}
    centres = region_centres(land_outlines(outlines_path, numeric_codes), cities)
    members = {}
    for c in cities:
        members.setdefault((c["cc"], c["admin1"]), []).append(c)
        members.setdefault((c["cc"], None), []).append(c)

    def middle(xs):
        xs = sorted(xs)
        return (xs[0] + xs[-1]) / 2

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2]

    admin1_rows = []
    for code, (code_, gid, name, aliases) in sorted(admin1.items()):
        cc, a1 = code.split(".")
        towns = members.get((cc, a1))
        if towns:
            lat, lon = centres.get((cc, a1)) or (middle(c["lat"] for c in towns),
                                                 middle(c["lon"] for c in towns))
            pop = sum(c["pop"] for c in towns)
        else:
            lat, lon, pop = float(countries[cc][4]), float(countries[cc][5]), 0
        admin1_rows.append([code, gid, name, coord(lat), coord(lon), pop,
                            "|".join(dedup_aliases(name, aliases))])
    for r in country_rows:
        if r[4] == "0.0" and r[5] == "0.0" and members.get((r[0], None)):
            towns = members[(r[0], None)]
            r[4] = coord(median(c["lat"] for c in towns))
            r[5] = coord(median(c["lon"] for c in towns))

    for r in country_rows:
        r.insert(7, capital_of.get(r[0], "0"))
    write("countries.tsv", [
        "Countries and former states. " + ATTRIBUTION,
        "code: ISO 3166-1 alpha-2 (former states: their ISO 3166-3 alpha-2 code, geonames_id 0);",
        "continent: GeoNames continent code; lat/lon: degrees, rounded to 0.1; capital: the",
        "geonames_id of its capital in cities.tsv (0: none); successors: set for former",
        "states only; aliases: '|'-separated English names.",
    ], ["code", "geonames_id", "name", "continent", "lat", "lon", "population", "capital",
        "successors", "aliases"], country_rows)

    write("admin1.tsv", [
        "First-level administrative regions. " + ATTRIBUTION,
        "code: country.admin1 as in GeoNames; lat/lon: the middle of the region's land (the",
        "part of its country nearer to its towns than to others), or for a small region the",
        "middle of the box around its towns;",
        "population: sum of its towns of 1,000+ (a floor); aliases: '|'-separated English",
        "names; a leading '~' marks an abbreviation that stands for the region only after",
        "a comma (\"Atlanta, Ga.\").",
    ], ["code", "geonames_id", "name", "lat", "lon", "population", "aliases"], admin1_rows)

    cities.sort(key=lambda c: (c["cc"], c["admin1"], key(c["name"]), int(c["id"])))
    city_rows, section = [], None
    for c in cities:
        if (c["cc"], c["admin1"]) != section:
            section = (c["cc"], c["admin1"])
            city_rows.append([f"[{c['cc']}.{c['admin1']}]" if c["admin1"] else f"[{c['cc']}]"])
        city_rows.append([c["id"], c["name"], coord(c["lat"]), coord(c["lon"]), c["pop"],
                          "|".join(dedup_aliases(c["name"], c["aliases"]))])
    write("cities.tsv", [
        "Cities and towns of 1,000 people or more (GeoNames cities1000). " + ATTRIBUTION,
        "A line [CC.ADMIN1] (or [CC] where GeoNames gives no region) starts the towns of that",
        "region: CC is the country, ADMIN1 the region's code in admin1.tsv. population: 0",
        "where GeoNames does not know it; aliases: '|'-separated English and ASCII spellings.",
    ], ["geonames_id", "name", "lat", "lon", "population", "aliases"], city_rows)

    # Continents from GeoNames, then the hand-placed regions and seas.
    area_rows = []
    cont = json.load(open(os.path.join(src, "continents.json"), encoding="utf-8"))
    for code, c in sorted(cont.items()):
        area_rows.append([CONTINENT_SLUGS[code], "continent", c["geonameId"], c["asciiName"],
                          coord(c["lat"]), coord(c["lng"]), code, "", "", c["population"], ""])
    current = sorted(r[0] for r in country_rows if not r[8])
    for slug, kind, name, lat, lon, continent, country, mem, aliases in AREAS:
        if mem == "*AF-NORTH":
            mem = " ".join(c for c in current if continent_of[c] == "AF" and c not in NORTH_AFRICA)
        elif mem.startswith("*"):
            conts = {m[1:] for m in mem.split()}
            mem = " ".join(c for c in current if continent_of[c] in conts)
        for m in mem.split() + ([country] if country else []):
            if m not in countries:
                sys.exit(f"AREAS: {slug}: unknown country {m}")
        area_rows.append([slug, kind, "0", name, coord(lat), coord(lon), continent, country,
                          "|".join(mem.split()), "0", "|".join(dedup_aliases(name, aliases))])
    write("areas.tsv", [
        "Continents, from GeoNames' continents.json (https://www.geonames.org/, CC BY 4.0), and",
        "well-known regions and seas placed by hand in data/make_gazetteer.py, which writes",
        "this file: edit the script, not this file.",
        "kind: continent, region or sea; continent: GeoNames continent code (empty if the",
        "area spans several); country: set when the area lies in one country; members:",
        "'|'-separated countries inside it; geonames_id 0 where there is none.",
    ], ["slug", "kind", "geonames_id", "name", "lat", "lon", "continent", "country", "members",
        "population", "aliases"], area_rows)

    check_hand_written(countries, admin1, {r[0] for r in area_rows})
    write_words(country_rows, admin1_rows, city_rows, area_rows)


# The lists of common English words (SCOWL size 35, American and British spellings, as
# Debian's wamerican-small and wbritish-small packages install them): place names that are
# also such words in lower case are marked, so that a capitalised one starting a sentence or
# a headline is not taken for the place.
WORDS = ["/usr/share/dict/american-english-small", "/usr/share/dict/british-english-small"]


def write_words(country_rows, admin1_rows, city_rows, area_rows):
    words = set()
    for path in WORDS:
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: apt-get install wamerican-small wbritish-small")
        for line in open(path, encoding="utf-8"):
            w = line.strip()
            if w and w.islower() and w.isalpha() and w.isascii():
                words.add(w)
    # Country and continent names stay names ("china", "turkey", "chad" are words too).
    never = set()
    for r in country_rows:
        for n in [r[2]] + r[-1].split("|"):
            never.add(key(n.lstrip("~")))
    for r in area_rows:
        if r[1] == "continent":
            never.add(key(r[3]))
    found = set()
    for rows, name_col in ((admin1_rows, 2), (city_rows, 1), (area_rows, 3)):
        for r in rows:
            if len(r) < 2:
                continue  # a section line of cities.tsv
            for n in [r[name_col]] + [a for a in r[-1].split("|") if a]:
                k = key(n.lstrip("~"))
                if k in words and k not in never:
                    found.add(k)
    path = os.path.join(OUT, "words.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Place names that are also common English words in lower case (\"reading\", \"mobile\",\n")
        f.write("# \"university\"). Made by data/make_gazetteer.py from SCOWL (Kevin Atkinson's word lists,\n")
        f.write("# size 35, American and British, as Debian's wamerican-small and wbritish-small install\n")
        f.write("# them; free to use and redistribute with its copyright notice, see data/README.md).\n")
        f.write("# Do not edit by hand.\n")
        f.write("word\n")
        for w in sorted(found):
            f.write(w + "\n")
    print(f"{path}: {len(found)} rows", file=sys.stderr)


def check_hand_written(countries, admin1, areas):
    """demonyms.tsv and ambiguous.tsv are written by hand: check that what they name exists."""
    bad = False
    for line in open(os.path.join(OUT, "demonyms.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("place\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 3:
            print(f"demonyms.tsv: expected 3 columns: {line!r}", file=sys.stderr)
            bad = True
        elif f[0] not in countries and f[0] not in admin1 and f[0] not in areas:
            print(f"demonyms.tsv: unknown place {f[0]!r}", file=sys.stderr)
            bad = True
    for line in open(os.path.join(OUT, "ambiguous.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 2 or f[1] not in ("word", "person", "word|person"):
            print(f"ambiguous.tsv: expected name<TAB>word|person: {line!r}", file=sys.stderr)
            bad = True
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
