"""Targets stage: the numbers a document commits to, one row each (shared/spec/targets-guide.md).

Modules, in stage order (each imports only modules above it, flows.text, flows.lexicon,
flows.structure and flows.indicator_tables):

  model.py             Mention, Row, DocumentContext, Paragraph, ReportState: the data passed around
  patterns.py          one typed view of flows/rules/lexicon.toml (Rules) and the regexes compiled from it
  mentions.py          find_mentions(): every number with its multiplier, unit, range and comparator words
  filters.py           keep_mention(), drop_qualifiers(): dates, ordinals, names, baselines, qualifiers out
  indicator_phrase.py  the words that say what a number measures: subject, noun, fillers, lists of items
  rate_units.py        unit_of(): the mention's unit or a rate (元/人/年, 张/千人); units an indicator implies
  comparators.py       comparator_of(): ge, le, range, eq... from the number's words, its list, the words before
  timing.py            years and periods: year_in(), timing_of(), recurrence_and_total(), one-year documents,
                       heading years, a task table row's deadline cell
  report_parts.py      review and plan parts of work reports and completion notices (guide §7)
  kind.py              wording_kind(), kind_of(): target, standard or achieved
  domain.py            domain_of_row(): the section's domain unless the clause says another
  resolve.py           resolve_row(): every field of a row decided once, in the order written there
  rows.py              rows_for_sentence(): lists, indicator phrases and what a row shares with the one before
  tables.py            table_row(): a main-indicator table's target cell as a row
  extract.py           extract_targets(): the document's rows in text order, deduplicated, with stable ids

The path of one number: clauses.sentences() (flows.text) -> find_mentions() -> keep_mention()
-> rows_for_sentence() (phrase, list, shared verb) -> resolve_row() -> dedupe() -> ids.
Word lists live in flows/rules/lexicon.toml, read only through patterns.rules().
"""
from flows.targets.extract import dedupe, extract_targets, same_indicator
from flows.targets.filters import keep_mention
from flows.targets.indicator_phrase import distribute_head, split_items, strip_fillers
from flows.targets.mentions import find_mentions, read_number
from flows.targets.model import DocumentContext, Mention, Paragraph, Row
from flows.targets.rows import rows_for_sentence
from flows.targets.tables import table_row
from flows.text.clauses import sentences
from flows.text.numerals import chinese_to_number, parse_number

__all__ = ["DocumentContext", "Mention", "Paragraph", "Row", "chinese_to_number", "dedupe", "distribute_head",
           "extract_targets", "find_mentions", "keep_mention", "parse_number", "read_number", "rows_for_sentence",
           "same_indicator", "sentences", "split_items", "strip_fillers", "table_row"]
