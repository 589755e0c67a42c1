"""What kind: the doc_type a title, a headline or a page's opening says."""
from __future__ import annotations

from flows import lexicon


def doc_type(title: str | None) -> str:
    rules = lexicon.metadata_rules()["doc_type"]
    if title and any(w in title for w in rules["about_a_document"]):
        return "other"  # a reading, an open letter, a press conference: about the document, not it
    for keyword, code in rules["order"]:
        if title and keyword in title:
            return code
    return "other"


def doc_type_from_opening(lines: list[str]) -> str | None:
    """A page with no title says what it is in its opening: 向大会报告工作 (a work report),
    完成情况 (a completion notice), 办好十件民生实事 (a list)."""
    opening = "\n".join(lines[:40])[:800]
    for keyword, code in lexicon.metadata_rules()["doc_type"]["opening_cues"]:
        if keyword in opening:
            return code
    return None


def delivers_a_report(lines: list[str]) -> bool:
    """The opening tells of a work report being delivered (省长…作政府工作报告): a news page that
    summarises the report, even under a headline that quotes what the report says was done."""
    opening = "\n".join(lines[:12])[:1200]
    return any(cue in opening for cue in lexicon.metadata_rules()["doc_type"]["report_delivery_cues"])
