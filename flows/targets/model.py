"""What the targets stage passes around: an amount read in a sentence (Mention), a target
row (Row), what it knows of the document (DocumentContext), and what one sentence hands to
the next in its paragraph (Paragraph, ReportState)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """A number in a sentence with its multiplier, unit and comparator words."""
    start: int  # of the number, in the sentence
    end: int  # after unit and trailing comparator words
    value: float
    value_high: float | None
    unit: str
    unit_kind: str
    comparator: str
    number_text: str
    unit_end: int  # after the unit (before trailing comparator words)
    implied_unit: bool = False
    part_name: str = ""  # a share named by its place in a ratio (三次产业结构 14.7:34.3:51 -> 三次产业结构第一产业比重)


@dataclass
class Row:
    """One target row: the published fields (flows/schema.py, targets table), in their order,
    then where the number sits and what its indicator was before a list's verb was shared."""
    kind: str
    indicator: str
    value: float
    value_high: float | None
    unit: str
    unit_kind: str
    comparator: str
    target_year: int | None
    period_start: int | None
    recurrence: str
    is_cumulative: bool
    is_aspirational: bool
    domain: str
    lead_unit: str | None
    quote: str
    char_start: int
    char_end: int
    section_id: str | None = None
    number_pos: int = 0  # offset of the number in the cleaned text (for ordering)
    phrase: str = ""  # the indicator before a list's verb was shared with it (新建幼儿园6所、中小学4所)


@dataclass
class DocumentContext:
    """What the targets stage needs to know of the document as a whole."""
    doc_id: str
    plan_start_year: int | None = None
    plan_end_year: int | None = None
    issue_year: int | None = None
    single_year: int | None = None  # a one-year list or work plan: its year
    heading_years: dict | None = None  # section_id -> the year its heading (or an ancestor's) names
    doc_type: str | None = None  # documents.doc_type (government_work_report, progress_report, ...)
    doc_year: int | None = None  # the year the document is for (a January 2026 work report: 2026)
    parts: dict | None = None  # section_id -> (review|plan, year, period_start) of a report's parts (guide §7)
    report: bool | None = None  # the document reports and plans at once: parts and opening cues apply
    generic_sections: frozenset | None = None  # sections whose heading names no one domain


@dataclass
class ReportState:
    """A report's current part as said by a sentence's opening words; it carries on to the end
    of the section it was said in and into the sections under it (guide §7)."""
    section: str | None = None
    cue: tuple | None = None  # (review|plan, year, period_start)
    cue_section: str | None = None  # where the cue was said (None: before any heading)
    parent_of: dict = field(default_factory=dict)  # section_id -> its parent's, for the document's sections
    table_parts: list = field(default_factory=list)  # (start, end, part) of a progress table's cells
    review_year: int | None = None  # the year a report of no known year reviews, as its text first said


@dataclass
class Paragraph:
    """What one sentence of a line hands to the next (a new line starts a new Paragraph)."""
    report: ReportState = field(default_factory=ReportState)  # shared by the whole document
    lead: tuple | None = None  # (year, start) of a time frame opening the sentence (到2027年,): its clauses after ';'
    stated: tuple | None = None  # (year, start) the last sentence with a number stated or inherited
    inherited: tuple | None = None  # (year, start) this sentence takes from before (其中, after ';')
    previous: str = ""  # the sentence before, for a subject this one lacks
    line_before: str = ""  # the line before this paragraph's: the item it may go on reporting
    last_row: object | None = None  # the last Row of the paragraph (a 其中 sentence breaks it down)
    cue: tuple | None = None  # the report part in force for this sentence (from ReportState)
    task_first: bool = False  # a progress report's line that states its task, then reports on it
    labelled: tuple | None = None  # the part a progress report's line's label says (目标任务: / 进展情况:)
    sentences_read: int = 0  # of this line, before this one
