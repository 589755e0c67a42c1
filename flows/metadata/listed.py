"""Where, continued: names a text lists that are not its own region — the addressees a notice opens
with (井冈山管理局,井冈山经开区管委会,各县(市、区)人民政府:), and a county named only in a list of its
parent's counties (the places an inspection visits: 襄都区、信都区、沙河市、巨鹿县). The words are rules
data in flows/rules/metadata.toml [region_evidence]."""
from __future__ import annotations

import re

from flows import gazetteer, lexicon, regions


def without_addressees(text: str) -> str:
    """The text without the line of addressees a notice opens with (…,各县(市、区)人民政府,市政府各部门:):
    the bodies it is sent to are below its issuer, not the issuer."""
    rules = lexicon.metadata_rules()["region_evidence"]
    lines = text.split("\n")
    for i, line in enumerate(lines[:rules["addressee_lines"]]):
        if line.rstrip().endswith(":") and any(w in line for w in rules["addressee_words"]):
            return "\n".join(lines[:i] + lines[i + 1:])
    return text


def only_among_its_siblings(text: str, code: str) -> bool:
    """Every place the text names the region in full is a list of three or more regions, all of its
    parent's (沙河市 in 襄都区、信都区、市开发区、沙河市、巨鹿县): one of the places the text goes to."""
    table = regions.regions()
    name, parent = table[code]["name"], table[code]["parent_code"]
    spots = [m.start() for m in re.finditer(re.escape(name), text)]
    if not spots:
        return False
    for start in spots:
        left = max(text.rfind(c, 0, start) for c in "\n,。;:(")
        ends = [i for i in (text.find(c, start) for c in "\n,。;:)") if i >= 0]
        names = [chain[-1] for chain in gazetteer.chains_in(text[left + 1:min(ends, default=len(text))])]
        codes = [n.codes[0] for n in names if len(n.codes) == 1]
        if len(codes) < 3 or any(table[c]["parent_code"] != parent for c in codes):
            return False
    return True
