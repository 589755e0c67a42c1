"""Regenerate flows/reference/towns.csv: the township-level divisions (镇, 乡, 街道, 苏木) of every
county, by name, for reading a document's county from the towns it names (flows/metadata/region.py).

Not run by the build (the build reads the committed towns.csv). Source: the National Bureau of
Statistics' 统计用区划代码 (codes for statistical use) as of 2022-10-31, as compiled in the GitHub
repository modood/Administrative-divisions-of-China (WTFPL licence), file dist/streets.csv at
commit 57a0aa9 (sha256 of the file below). To refresh, save a newer dist/streets.csv and run

    python flows/reference/make_towns.py path/to/streets.csv

Kept: rows whose county code (areaCode) is a county of regions.csv (development zones and other
statistical areas without a GB/T 2260 code are dropped) and whose name ends with one of the
town_endings of flows/rules/metadata.toml (镇, 乡, 街道, 苏木) and has at least three characters.
"""
from __future__ import annotations

import csv
import hashlib
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_SHA256 = "831dc1c483079cee166717118e57f4b69ef6212c699dbd4bff868b59513ac14b"  # dist/streets.csv @ 57a0aa9


def main(source: str) -> int:
    data = Path(source).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    print(f"{source}: sha256 {digest}" + ("" if digest == SOURCE_SHA256 else " (not the file towns.csv was made from)"))
    with open(HERE.parent / "rules" / "metadata.toml", "rb") as handle:  # the endings the reader looks for
        endings = tuple(tomllib.load(handle)["region_names"]["town_endings"])
    counties = {r["code"] for r in csv.DictReader(open(HERE / "regions.csv", encoding="utf-8")) if r["level"] == "county"}
    rows = csv.DictReader(data.decode("utf-8").splitlines())
    kept, dropped = [], 0
    for row in rows:
        name, county = row["name"].strip(), row["areaCode"].strip()
        if county in counties and name.endswith(endings) and len(name) >= 3:
            kept.append((row["code"].strip(), name, county))
        else:
            dropped += 1
    kept.sort()
    with open(HERE / "towns.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name", "county_code"])
        writer.writerows(kept)
    print(f"towns.csv: {len(kept)} towns kept, {dropped} rows dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
