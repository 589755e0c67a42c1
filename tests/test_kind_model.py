"""The kind of an untitled page: the model shipped in flows/rules/kind_model.json (flows/metadata/kind_model.py)
and the script that fits it (benchmarks/train_kind_model.py), on invented texts."""
from __future__ import annotations

import json

import pytest

from flows import clean, metadata
from flows.metadata import kind_model
from tests.eval_corpus import fit_twice

KINDS = ["action_plan", "government_work_report", "implementation_opinion", "other", "practical_matters_list",
         "progress_report", "work_plan"]


def test_the_shipped_model_reads_every_kind_from_a_pages_opening_grams():
    model = json.loads(kind_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert model["kinds"] == KINDS and model["gram_sizes"] == [2, 3] and model["opening_chars"] == 1200
    assert len(model["grams"]) == 5000 and all(len(counts) == len(KINDS) for counts in model["grams"].values())
    assert sum(model["documents"]) == model["trained_on"] > 2000  # the tune split


@pytest.mark.parametrize("opening, kind", [
    ("一、2024年工作回顾\n过去一年,面对复杂严峻的外部环境,全市上下坚持稳中求进工作总基调,地区生产总值增长5.5%。"
     "一般公共预算收入增长4.2%,城乡居民人均可支配收入分别增长4.8%和6.1%。\n二、2025年工作安排\n2025年是“十四五”规划收官之年。",
     "government_work_report"),
    ("截至12月底,市政府年初确定的10件民生实事项目已全部完成年度目标任务。其中,新增城镇就业3.2万人,完成年度计划的"
     "107%;新建社区养老服务中心12个,完成年度计划的120%;改造老旧小区56个,全部完工。", "progress_report"),
])
def test_an_untitled_pages_kind_is_the_kind_its_opening_reads_most_like(opening, kind):
    cleaned = clean.clean(opening)
    assert kind_model.kind_of_opening(cleaned.clean_text) == kind
    m = metadata.document_metadata(cleaned.clean_text)
    assert (m["doc_type"], json.loads(m["metadata_sources"])["doc_type"]) == (kind, "model")


@pytest.mark.parametrize("page, kind, source", [
    # news of the session that goes on to what the report says: the report's summary, read from the text
    ("1月8日上午,某市第十六届人民代表大会第四次会议开幕。市长张某代表市人民政府向大会作政府工作报告。报告指出,过去一年,"
     "全市地区生产总值增长5.6%,城镇新增就业3.1万人。报告提出,2025年全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。",
     "government_work_report", "text"),
    # the report's own opening, in the first person
    ("各位代表:\n现在,我代表市人民政府,向大会报告工作,请予审议,并请市政协委员和其他列席人员提出意见。\n"
     "一、2024年工作回顾\n过去一年,面对复杂严峻的外部环境,全市上下坚持稳中求进工作总基调,地区生产总值增长5.5%。",
     "government_work_report", "text"),
    # an opening that reports the year's plan on the government's behalf: the plan report, or for part of a year
    # a progress report
    ("各位代表:\n受县人民政府委托,现将全县2022年国民经济和社会发展计划执行情况及2023年计划(草案)报告如下,请予审议。\n"
     "一、2022年计划执行情况\n全县地区生产总值增长4.1%。", "work_plan", "text"),
    ("主任、各位副主任、秘书长、各位委员:\n受区人民政府委托,向区人大常委会报告2019年上半年国民经济和社会发展计划执行情况,"
     "请予审议。\n上半年,全区实现地区生产总值增长6.2%。", "progress_report", "text"),
    # the congress's resolution on the report is not the report: no rule says, the model reads it
    ("某区第三届人民代表大会第五次会议听取和审议了区长张某所作的政府工作报告。会议充分肯定过去一年的工作,同意报告提出的2025年"
     "发展主要目标,决定批准这个报告。", "other", "model"),
])
def test_an_untitled_pages_kind_read_from_its_text(page, kind, source):
    m = metadata.document_metadata(clean.clean(page).clean_text)
    assert (m["doc_type"], json.loads(m["metadata_sources"])["doc_type"]) == (kind, source)


def test_a_title_that_names_its_kind_decides_before_the_model():
    text = "某市2025年民生实事项目清单\n各位代表:\n现在,我代表市人民政府,向大会报告工作,请予审议。"
    m = metadata.document_metadata(clean.clean(text).clean_text)
    assert (m["doc_type"], json.loads(m["metadata_sources"])["doc_type"]) == ("practical_matters_list", "text")


def test_fitting_the_model_is_deterministic_and_reads_only_the_tune_split(tmp_path):
    pages = {
        "a": ("tune", "government_work_report", "各位代表:现在,我代表县人民政府向大会报告工作。过去一年,全县经济稳中向好。"),
        "b": ("tune", "government_work_report", "各位代表:现在,我代表区人民政府向大会报告工作。过去一年,全区经济稳中有进。"),
        "c": ("tune", "government_work_report", "各位代表:现在,我代表市人民政府向大会报告工作。过去一年,全市经济持续向好。"),
        "d": ("tune", "progress_report", "截至目前,今年的民生实事项目已全部完成,完成年度计划的110%。"),
        "e": ("tune", "progress_report", "截至11月底,今年的民生实事项目已完成9件,完成年度计划的95%。"),
        "f": ("tune", "progress_report", "截至10月底,今年的民生实事项目已完成8件,完成年度计划的90%。"),
        "h": ("holdout", "other", "一段不该被读到的文字。"),
    }
    model = fit_twice("train_kind_model", tmp_path, pages, "doc_type")
    assert model["kinds"] == ["government_work_report", "progress_report"] and model["trained_on"] == 6
    assert "不该" not in "".join(model["grams"])  # the holdout text was never read


def test_an_untitled_list_whose_opening_tells_its_matters_are_done_is_a_progress_report():
    page = ("2月19日,记者从市政府办公室获悉,2020年市政府十方面民生实事项目已全部如期完成。\n一、就业创业。新增城镇就业3.5万人。\n"
            "二、教育。新建改扩建幼儿园12所。\n三、养老。新建居家养老服务照料中心30个。")
    cleaned = clean.clean(page).clean_text
    assert kind_model.kind_of_opening(cleaned) == "practical_matters_list"  # what the opening reads like…
    m = metadata.document_metadata(cleaned)
    assert (m["doc_type"], json.loads(m["metadata_sources"])["doc_type"]) == ("progress_report", "model")  # …as it tells

