"""Which year a page is for, weighed: the candidates and features of flows/metadata/year_model.py, the
model shipped in flows/rules/year_model.json, and the script that fits it
(benchmarks/train_year_model.py), on invented texts."""
from __future__ import annotations

import json

from flows import clean, metadata
from flows.metadata import year_model
from tests.eval_corpus import fit_twice



def test_a_pages_candidates_are_its_named_years_its_posted_year_and_the_next_and_none():
    lines = ["某县2024年民生实事项目进展情况", "2023年的项目已全部完成。2024年以来,各项目稳步推进。"]
    candidates = year_model.candidate_features("progress_report", lines, lines[0], (2024, 7), None, None)
    assert sorted(candidates, key=lambda y: (y is not None, y or 0)) == [None, 2023, 2024, 2025]
    assert {"named", "in_title", "first_line:0", "count:2", "most", "latest", "after2:民生", "after2:以来",
            "posted:same", "posted:same:mid", "rule:none", "progress_report|in_title"} <= set(candidates[2024])
    assert {"named", "earliest", "before_latest", "count:1", "posted:last", "after1:的"} <= set(candidates[2023])
    assert {"unnamed", "posted:next"} <= set(candidates[2025]) and "named" not in candidates[2025]
    assert {"none", "none:candidates:3", "none:posted"} <= set(candidates[None])


def test_the_readers_answer_and_its_reader_are_features_of_every_candidate():
    lines = ["2026年某市政府工作报告", "2025年,全市地区生产总值增长5%。2026年主要预期目标是……"]
    candidates = year_model.candidate_features("government_work_report", lines, lines[0], None, 2026, "_title_year")
    assert {"rule:same", "rule:same:_title_year", "posted:none"} <= set(candidates[2026])
    assert {"rule:last", "rule:last:_title_year"} <= set(candidates[2025])


def test_the_shipped_model_weighs_features_fitted_on_the_tune_split():
    model = json.loads(year_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert model["pages"] > 500 and len(model["weights"]) > 300
    weights = model["weights"]
    # a reader's answer counts for a year, and a year only named before the one the readers chose counts against
    assert weights["rule:same"] > 0 and weights.get("rule:last", 0.0) < weights["rule:same"]


def test_a_years_evidence_says_model_where_the_model_chose_it():
    # a progress notice that names its year once, in passing; no reader answers for such a page
    text = ("某区民生实事项目进展情况公示\n区政府从8月开始,对民生实事项目进展情况进行公示。\n"
            "一、新建社区养老服务站5个,2021年上半年已完成选址,争取在本年内全部建成。")
    m = metadata.document_metadata(clean.clean(text).clean_text)
    sources, evidence = json.loads(m["metadata_sources"]), json.loads(m["metadata_evidence"])
    assert (m["doc_type"], m["doc_year"], m["plan_start_year"], m["plan_end_year"]) == ("progress_report", 2021, 2021, 2021)
    assert sources["doc_year"] == sources["plan_start_year"] == "model" and evidence["doc_year"]["where"] == "model"
    assert evidence["doc_year"]["quote"].startswith("2021年上半年")


def test_a_reports_only_year_a_base_year_of_comparisons_is_left_null():
    page = ("政府工作报告-某某日报\n过去五年,是我市发展历史上具有里程碑意义的五年。地区生产总值比2015年增长37.8%,"
            "居民人均可支配收入比2015年增长43.5%。")
    assert metadata.document_metadata(clean.clean(page).clean_text)["doc_year"] is None


def test_fitting_the_model_is_deterministic_and_reads_only_the_tune_split(tmp_path):
    pages = {
        "a": ("tune", "2024", "某市2024年民生实事项目\n一、新增城镇就业2万人。"),
        "b": ("tune", "2023", "某县2023年民生实事项目\n一、新建公办幼儿园3所。"),
        "c": ("tune", "2025", "某区2025年民生实事项目\n一、改造老旧小区10个。"),
        "d": ("tune", "2022", "2021年,全县实事全部完成。\n2022年民生实事项目如下:新建养老院1所。"),
        "h": ("holdout", "2019", "一段不该被读到的文字,2019年。"),
    }
    model = fit_twice("train_year_model", tmp_path, pages, "doc_year")
    assert model["pages"] == 4  # the holdout page was never read
    assert model["weights"]["rule:same"] > 0
