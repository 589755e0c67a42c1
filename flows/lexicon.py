"""Loads the language rules kept as data in flows/rules/.

Nothing here decides anything: the stages ask this module for word lists. To add a
unit, a comparator word or a domain keyword, edit flows/rules/lexicon.toml or
flows/rules/domains.csv.
"""
from __future__ import annotations

import csv
import hashlib
import tomllib
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"


@lru_cache(maxsize=None)
def rules() -> dict:
    with open(RULES_DIR / "lexicon.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=None)
def domains() -> tuple[dict, ...]:
    with open(RULES_DIR / "domains.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["keywords"] = tuple(k for k in row["keywords"].split("|") if k)
    return tuple(rows)


def domain_codes() -> list[str]:
    return [d["code"] for d in domains()]


def units() -> dict[str, list[str]]:
    return rules()["units"]


def words(section: str, key: str = "words") -> tuple[str, ...]:
    """A word list, longest first so that alternations match greedily."""
    return tuple(sorted(rules()[section][key], key=len, reverse=True))


def mapping(section: str) -> dict:
    return rules()[section]


def rules_version() -> str:
    """Hash of every rules file: part of the cache key of the stages that read them."""
    digest = hashlib.sha256()
    for path in sorted(RULES_DIR.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def metadata_rules() -> dict:
    """The words the document-metadata stage reads region, year and kind by (rules/metadata.toml)."""
    with open(RULES_DIR / "metadata.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=None)
def region_aliases() -> tuple[dict, ...]:
    """Informal names of regions that are not a short form of the official name (rules/region_aliases.csv)."""
    with open(RULES_DIR / "region_aliases.csv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
