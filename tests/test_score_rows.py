"""The row scorer (benchmarks/score_rows.py) on invented texts: each text is built as a raw source,
its rows matched to the gold by the shared scorer, per split; a text that is missing is skipped by name."""
from __future__ import annotations

import json

from tests.eval_corpus import benchmark_script, write_corpus

GOLD_ROW = {"kind": "target", "value_high": None, "comparator": "eq", "target_year": 2024, "period_start": None,
            "recurrence": "once", "is_cumulative": False, "is_aspirational": False, "lead_unit": None, "note": ""}


def test_rows_are_scored_per_split_against_the_gold(tmp_path, capsys):
    text = "某县2024年民生实事项目\n一、新建公办幼儿园2所。\n二、城镇新增就业2000人。"
    corpus, texts = write_corpus(tmp_path, [{"id": "a", "split": "tune"}, {"id": "b", "split": "holdout"}],
                                 {"a": text})  # b has no text here
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in [
        {"id": "a", **GOLD_ROW, "indicator": "新建公办幼儿园", "value": 2, "unit": "所", "unit_kind": "count", "domain": "education"},
        {"id": "a", **GOLD_ROW, "indicator": "城镇新增就业", "value": 2000, "unit": "人", "unit_kind": "count", "domain": "employment"},
        {"id": "a", **GOLD_ROW, "indicator": "新建公办幼儿园学位", "value": 540, "unit": "个", "unit_kind": "count", "domain": "education"},
        {"id": "b", "no_rows": True}]), encoding="utf-8")
    out = tmp_path / "scores.json"
    script = benchmark_script("score_rows")
    assert script.main(["--gold", str(gold), "--corpus", str(corpus), "--texts", str(texts), "--json", str(out)]) == 0
    assert "skip b: no text at" in capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["tune"]["overall"] == {"gold": 3, "pred": 2, "matched": 2, "precision": 1.0, "recall": 2 / 3, "f1": 0.8}
    assert report["tune"]["attribute_accuracy"]["target_year"] == 1.0 and report["tune"]["attribute_accuracy"]["domain"] == 1.0
    assert report["holdout"]["overall"]["gold"] == 0
