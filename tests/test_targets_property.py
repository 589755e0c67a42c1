"""Property tests of the targets stage: on any text it finishes in bounded time, never
raises, and every row it produces is well formed.

The stages run as flows.pipeline.build_document runs them: clean -> structure -> targets.
Three kinds of input: arbitrary Unicode; long runs of digits, punctuation (。；、|%-—)
and Chinese numerals; and real sentences of the seed documents in raw/ (split at 。) with
random insertions, deletions and replacements. Each example must finish within DEADLINE_MS.

Two worst cases the generated inputs rarely reach are pinned at the end: a sentence made of
a thousand numbers (once cubic in their count) and a list of a thousand numbers joined by 、
(the unit look-ahead once recursed per number).
"""
from __future__ import annotations

import re
import signal
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from flows import clean as clean_stage
from flows import schema
from flows import structure as structure_stage
from flows import targets as targets_stage
from flows.ingest import decode

ROOT = Path(__file__).resolve().parents[1]
DEADLINE_MS = 10000  # a guard against runaway backtracking (minutes), not a speed test: the machines are noisy
DOC_ID = "prop000000000000"
ALLOWED = {"kind": schema.KINDS, "unit_kind": schema.UNIT_KINDS, "comparator": schema.COMPARATORS,
           "recurrence": schema.RECURRENCES, "domain": schema.DOMAINS}


def extract(text: str, issue_year: int | None = 2024, plan: tuple[int | None, int | None] = (None, None)):
    clean_text = clean_stage.clean(text).clean_text
    sections = structure_stage.build_sections(DOC_ID, clean_text)
    ctx = targets_stage.DocumentContext(doc_id=DOC_ID, plan_start_year=plan[0], plan_end_year=plan[1],
                                        issue_year=issue_year)
    return clean_text, targets_stage.extract_targets(clean_text, sections, ctx)


def check_rows(clean_text: str, rows: list[dict]) -> None:
    for row in rows:
        assert clean_text[row["char_start"]:row["char_end"]] == row["quote"], row
        for column, allowed in ALLOWED.items():
            assert row[column] in allowed, (column, row)
        assert row["value"] is not None and row["value"] >= 0, row
        if row["value_high"] is not None:
            assert row["value_high"] >= row["value"], row
        assert isinstance(row["indicator"], str) and isinstance(row["unit"], str), row


CONTEXTS = st.sampled_from([(None, (None, None)), (2024, (None, None)), (2024, (2024, 2024)),
                            (2023, (2023, 2027)), (2022, (2021, 2025))])
SETTINGS = dict(deadline=DEADLINE_MS,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ------------------------------------------------------------------ (a) arbitrary Unicode

@settings(max_examples=300, **SETTINGS)
@given(text=st.text(max_size=2000), context=CONTEXTS)
def test_arbitrary_unicode(text, context):
    clean_text, rows = extract(text, context[0], context[1])
    check_rows(clean_text, rows)


# ------------------------------------------------------------------ (b) long runs

# Characters and short tokens of the number-heavy shapes: digits, the punctuation that splits
# or joins numbers, Chinese numerals, and a few unit, comparator and scope words around them.
RUN_TOKENS = (list("0123456789") + list("。；;、|%-—–~.,:()（）“”\n *") +
              list("零〇一二两三四五六七八九十百千万亿余多") +
              ["‰", "个百分点", "万人", "亿元", "个", "人次", "户", "张", "所", "家", "元/人/月", "/10万",
               "以上", "以内", "左右", "不低于", "达到", "力争", "累计", "每年", "每千人口", "其中", "分别",
               "均", "各", "年", "年底", "2024—2027年", "到2025年", "“十四五”", "1.", "(一)", "一、",
               "第", "岁及以上", "****"])
long_runs = st.lists(st.tuples(st.sampled_from(RUN_TOKENS), st.integers(min_value=1, max_value=30)),
                     min_size=1, max_size=40).map(lambda parts: "".join(token * n for token, n in parts))
long_text = st.text(alphabet="".join(sorted(set("".join(RUN_TOKENS)))), min_size=100, max_size=1500)


@settings(max_examples=300, **SETTINGS)
@given(text=st.one_of(long_runs, long_text), context=CONTEXTS)
@example(text="1、2、3、4、5个" * 20, context=(2024, (None, None)))
@example(text="两万一千二百三十四万五千六百七十八亿" * 10, context=(2024, (None, None)))
@example(text="||||" * 200 + "1|2|3%|" * 50, context=(2024, (2024, 2024)))
@example(text="30%-40%—50%~60%" * 20, context=(2023, (2023, 2027)))
def test_long_runs_of_numbers_and_punctuation(text, context):
    clean_text, rows = extract(text, context[0], context[1])
    check_rows(clean_text, rows)


# ------------------------------------------------------------------ (c) mutated seed sentences

@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    out = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        text, _ = decode(path.read_bytes(), path.name)
        out += [s.strip() for s in re.split("。", text) if len(s.strip()) >= 4]
    return tuple(out)


MUTATION_CHARS = st.one_of(st.characters(), st.sampled_from(list("0123456789%‰、。；|-—万亿千百十两余个人户元年*“”()")))


@st.composite
def mutated_seed_sentence(draw):
    sentences = seed_sentences()
    text = draw(st.sampled_from(sentences))
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        pos = draw(st.integers(min_value=0, max_value=len(text)))
        op = draw(st.sampled_from(("insert", "delete", "replace")))
        if op == "insert":
            text = text[:pos] + draw(MUTATION_CHARS) + text[pos:]
        elif op == "delete" and text:
            pos = min(pos, len(text) - 1)
            text = text[:pos] + text[pos + 1:]
        elif text:
            pos = min(pos, len(text) - 1)
            text = text[:pos] + draw(MUTATION_CHARS) + text[pos + 1:]
    return text


def test_seed_sentences_are_read():
    assert len(seed_sentences()) > 200


@settings(max_examples=400, **SETTINGS)
@given(text=mutated_seed_sentence(), context=CONTEXTS)
def test_mutated_seed_sentences(text, context):
    clean_text, rows = extract(text, context[0], context[1])
    check_rows(clean_text, rows)


# ------------------------------------------------------------------ worst cases (known gaps)

class _Timeout(Exception):
    pass


def _run_with_alarm(text: str, seconds: float):
    def handler(signum, frame):
        raise _Timeout(f"extract_targets took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return extract(text)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_dense_sentence_within_deadline():
    clean_text, rows = _run_with_alarm("1%" * 1000, DEADLINE_MS / 1000)
    check_rows(clean_text, rows)


def test_long_dun_list_does_not_raise():
    clean_text, rows = extract("1、" * 999 + "1个")
    check_rows(clean_text, rows)


# ------------------------------------------------------------------ (d) indicator tables

TABLE_CELLS = st.sampled_from(["指标", "指标名称", "2020年", "2025年", "目标值", "基期值", "单位", "万人", "%", "[5]",
                               "≥55", "城镇新增就业(万人)", "", "—", "3-5", "5-3", "4.5", "类别", "牵头单位", "市民政局",
                               "<5.5", "〔25〕", "[25", "abc", "率", "每千人口托位数(个)", "1,200"])
TABLE_LINES = st.lists(TABLE_CELLS, max_size=7).map(lambda cells: "| " + " | ".join(cells) + " |")


@settings(max_examples=300, **SETTINGS)
@given(text=st.lists(st.one_of(TABLE_LINES, st.text(max_size=20)), min_size=1, max_size=12).map("\n".join),
       context=CONTEXTS)
def test_table_like_lines(text, context):
    clean_text, rows = extract(text, context[0], context[1])
    check_rows(clean_text, rows)
