"""Regenerate the country/territory rows of pipeline/text/data/entities.csv from CLDR (Babel).

Run once by hand (`.venv/bin/python tools/build_countries.py`) and commit the CSV: the
catalog is data, never generated at run time. Curated rows (provenance != CLDR) are kept
as they are; the CLDR rows are replaced, so re-running is idempotent.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import babel
from babel import Locale

CSV_PATH = Path(__file__).resolve().parents[1] / "pipeline" / "text" / "data" / "entities.csv"
COLUMNS = (
    "entity_id", "entity_type", "name_en", "name_ru", "name_ko",
    "aliases_en", "aliases_ru", "aliases_ko", "wikidata_id", "provenance",
)
PROVENANCE = f"CLDR via Babel {babel.__version__}"

# CLDR pseudo-regions and groupings that are not countries or territories.
SKIP = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}

# Common variants CLDR does not carry (news usage). "Korea" alone means South Korea in news.
EXTRA: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "KR": (
        ("ROK", "S. Korea", "Republic of Korea", "the Republic of Korea", "Korea", "S.Korea"),
        ("РК", "Республика Корея", "Южная Корея", "Корея", "Корейская Республика"),
        ("대한민국", "한국", "남한", "우리나라"),
    ),
    "KP": (
        ("DPRK", "N. Korea", "N.Korea", "Democratic People's Republic of Korea"),
        ("КНДР", "Северная Корея", "Корейская Народно-Демократическая Республика"),
        ("북한", "조선", "조선민주주의인민공화국"),
    ),
    "RU": (
        ("Russian Federation", "the Russian Federation"),
        ("РФ", "Российская Федерация", "Россия"),
        ("러시아", "러시아연방"),
    ),
    "US": (("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"), ("США", "Америка"), ("미국",)),
    "GB": (("UK", "U.K.", "Britain", "Great Britain"), ("Великобритания", "Британия"), ("영국",)),
    "CN": (("People's Republic of China", "PRC"), ("КНР",), ("중국",)),
    "JP": ((), (), ("일본",)),
    "MO": (("Macao", "Macau"), ("Макао",), ("마카오",)),
    "HK": (("Hong Kong",), ("Гонконг",), ("홍콩",)),
    "CZ": (("Czech Republic",), ("Чехия",), ("체코",)),
    "MM": (("Burma",), ("Мьянма",), ("미얀마",)),
    "TW": (("Republic of China",), ("Тайвань",), ("대만",)),
    "BY": ((), ("Белоруссия",), ()),
}

# Wikidata ids filled only where certain.
QIDS = {
    "KR": "Q884", "KP": "Q423", "RU": "Q159", "CN": "Q148", "JP": "Q17", "US": "Q30", "GB": "Q145",
    "DE": "Q183", "FR": "Q142", "IN": "Q668", "CA": "Q16", "AU": "Q408", "IT": "Q38", "ES": "Q29",
    "BR": "Q155", "MX": "Q96", "UA": "Q212", "BY": "Q184", "KZ": "Q232", "UZ": "Q265", "VN": "Q881",
    "PH": "Q928", "ID": "Q252", "TH": "Q869", "SG": "Q334", "MN": "Q711", "TW": "Q865", "IR": "Q794",
    "TR": "Q43", "EG": "Q79", "IL": "Q801", "SA": "Q851", "PK": "Q843", "AF": "Q889", "PL": "Q36",
    "CZ": "Q213", "HU": "Q28", "SE": "Q34", "NO": "Q20", "FI": "Q33", "DK": "Q35", "IS": "Q189",
    "IE": "Q27", "NL": "Q55", "BE": "Q31", "CH": "Q39", "AT": "Q40", "GR": "Q41", "PT": "Q45",
    "NZ": "Q664", "AR": "Q414", "CL": "Q298", "ZA": "Q258", "GE": "Q230", "AM": "Q399",
    "AZ": "Q227", "KG": "Q813", "TJ": "Q863", "TM": "Q874", "LV": "Q211", "LT": "Q37", "EE": "Q191",
    "MY": "Q833", "IQ": "Q796", "SY": "Q858", "CU": "Q241",
}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _strip_parenthetical(name: str) -> str:
    """'Macao SAR China' / 'Макао (САР)' -> a bare form usable as an alias."""
    return re.sub(r"\s*\(.*?\)", "", name).replace(" SAR China", "").strip()


def country_rows() -> list[dict[str, str]]:
    en, ru, ko = Locale("en"), Locale("ru"), Locale("ko")
    rows = []
    for code, name_en in sorted(en.territories.items()):
        if not (len(code) == 2 and code.isalpha()) or code in SKIP:
            continue
        name_ru, name_ko = ru.territories.get(code, ""), ko.territories.get(code, "")
        extra_en, extra_ru, extra_ko = EXTRA.get(code, ((), (), ()))

        def aliases(main: str, extra: tuple[str, ...]) -> str:
            forms = [_strip_parenthetical(main), *extra]
            return "|".join(dict.fromkeys(f for f in forms if f and f != main))

        rows.append({
            "entity_id": f"gpe:{_slug(_strip_parenthetical(name_en))}",
            "entity_type": "GPE",
            "name_en": name_en, "name_ru": name_ru, "name_ko": name_ko,
            "aliases_en": aliases(name_en, extra_en),
            "aliases_ru": aliases(name_ru, extra_ru),
            "aliases_ko": aliases(name_ko, extra_ko),
            "wikidata_id": QIDS.get(code, ""),
            "provenance": PROVENANCE,
        })
    return rows


def main() -> None:
    curated: list[dict[str, str]] = []
    if CSV_PATH.exists():
        with CSV_PATH.open(encoding="utf-8", newline="") as fh:
            curated = [r for r in csv.DictReader(fh) if not r["provenance"].startswith("CLDR")]
    rows = country_rows() + curated
    with CSV_PATH.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows) - len(curated)} CLDR rows + {len(curated)} curated rows -> {CSV_PATH}")


if __name__ == "__main__":
    main()
