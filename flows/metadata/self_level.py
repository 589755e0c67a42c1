"""The level a text speaks as: its words for itself (我省, 全县, 区委…) counted once per document. A region
reader admits only regions of that level; a less trusted place that names another level is not the
text's own region."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from flows import lexicon, regions


def _self_word_counter(head: str):
    """How often head says a word for itself, not as a rank within the level above (增速全省第3, 居全市前列,
    在全省率先: that is the parent, not the text itself)."""
    ranked_in = "|".join(map(re.escape, lexicon.metadata_rules()["self_reference"]["rank_after"]))
    return lambda word: len(re.findall(rf"{re.escape(word)}(?!{ranked_in})", head))


@lru_cache(maxsize=16)
def _level_words(clean_text: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """The two groups of words for itself (我省…, 全县…) a text uses most, with their counts. Cached: the
    region readers of one document each ask for it."""
    rules = lexicon.metadata_rules()["self_reference"]
    head = clean_text[:5000]
    count = _self_word_counter(head)
    cues = Counter({group: sum(count(w) for w in words) for group, words in rules["words"].items()})
    ranked = tuple((cues.most_common() + [("", 0), ("", 0)])[:2])
    # one level said in the first person (到我县督查) over another said only of its bodies (省委省政府督查组): the
    # first person is the text's own
    first_person = {group for group, words in rules["words"].items()
                    if sum(count(w) for w in words if w.startswith(rules["first_person"])) > 0}
    if len(first_person) == 1 and ranked[0][0] not in first_person and ranked[0][1] > 0:
        group, = first_person
        return (group, ranked[0][1] + 1), ranked[0]
    if ranked[0][1] == ranked[1][1] > 0:
        # a tie (省委 ×2, 市委 ×2: 在省委、省政府和市委的坚强领导下; three ways: 省委、省政府和市委、市政府 over 区政府,
        # 全区): the words that speak as the region itself (我市, 全市) decide; the bodies may be the levels above
        speaking = tuple(rules["speaking_prefixes"])
        tied = [group for group, n in cues.most_common() if n == ranked[0][1]]
        said = {group: sum(head.count(w) for w in rules["words"][group] if w.startswith(speaking)) for group in tied}
        first, second = sorted(tied, key=lambda group: said[group], reverse=True)[:2]
        if said[first] > said[second]:
            return (first, ranked[0][1] + 1), (second, ranked[0][1])  # one more, so that it ranks first
    return ranked


def led_by_its_province(clean_text: str) -> bool:
    """A text whose words for the province are mostly its bodies (省委、省政府), never 我省 and 全省 once at most,
    that also has words for a lower level of its own (全市, 市委): a city's text that names the province
    leading it (认真落实省委、省政府和市委工作安排), not a province's."""
    rules = lexicon.metadata_rules()["self_reference"]
    count = _self_word_counter(clean_text[:5000])
    speaking = [w for w in rules["words"]["province"] if w.startswith(tuple(rules["speaking_prefixes"]))]
    first_person = sum(count(w) for w in speaking if w.startswith(rules["first_person"]))
    lower = sum(count(w) for group, words in rules["words"].items() if group != "province" for w in words)
    return first_person == 0 and sum(count(w) for w in speaking) < 2 and lower > 0


def self_level(clean_text: str):
    """The level a text speaks as (我省, 全县, 区委…): a predicate over regions-table rows that admits the
    regions of that level, with the words' count; (None, 0) when it says none or two levels equally."""
    rules = lexicon.metadata_rules()["self_reference"]
    (group, top), (_, second) = _level_words(clean_text)
    if top < 1 or top == second:
        return None, 0, None
    endings = tuple(rules["name_endings"][group])
    municipalities = set(lexicon.mapping("regions")["municipalities"])

    def admits(row: dict) -> bool:
        if group == "province":
            return row["level"] == "province" and row["name"].endswith(endings)
        if group == "city" and row["name"] in municipalities:
            return True
        if group == "district" and row["level"] == "province":
            return row["name"].endswith(tuple(rules["autonomous_region_endings"]))
        return row["level"] != "province" and row["name"].endswith(endings)

    return admits, top, group


def not_the_level_it_speaks_as(code: str, clean_text: str, where: str) -> bool:
    """A region a less trusted place named that is not of the level the text speaks as (我县, 全县,
    全省…, at least twice): a county text given a city or province named in a header, a byline or
    the opening (the site's, the newspaper's, the parent's name); a dateline or byline city over a
    text that speaks as a province or a county (新华社南京1月10日电 over 全省…: the bureau's city)."""
    admits, top, group = self_level(clean_text)
    weak = where in ("dateline", "byline", "headline")  # a place a news site's own city often takes
    if admits is None or top < (1 if weak else 2):
        return False
    row = regions.regions()[code]
    if weak:
        return not admits(row)
    return group in ("county", "district") and not admits(row) and row["level"] in ("prefecture", "province")


def level_it_speaks_as(clean_text: str) -> str | None:
    """The level of a text that names no region it can be given (redacted, never named): the one
    its words for itself say (全县, 区委 ×2 or more: county); none for 全市, which a prefecture-level
    city, a county-level city and a municipality all say, unless it writes of its counties first (各县(市、区)):
    a prefecture-level city."""
    (group, top), (_, second) = _level_words(clean_text)
    if top < 2 or top < 2 * second:  # 全省 ×7 and 全市 ×6: a city that speaks of its province too
        return None
    rules = lexicon.metadata_rules()["self_reference"]
    if group == "district" and any(e in clean_text for e in rules["autonomous_region_endings"]):
        return None  # 我区 in a text that names an autonomous region: that region's, or one of its districts'
    if group == "city" and any(w in clean_text[:5000] for w in rules["county_subordinates"]):
        return "prefecture"  # 全市 and 各县(市、区): a city over counties
    return rules["levels"].get(group)
