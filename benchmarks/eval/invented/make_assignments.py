"""Assignments for invented batches FIRST..LAST (stop 30: 19 24, then 25 30, 31 36, 37 42, 43 48 and
49 54, each run after the last): 25 regions each, none a batch before used (provinces may repeat; names
several counties share ran out after batch 20 and prefectures after batch 42: those may repeat a code used
before, never within one run); 香港, 澳门 and 台湾 are left out. Given the committed assign_1..24, `25 30`,
`31 36`, `37 42`, `43 48` and `49 54` give the committed files again; 19-24 were drawn while this script was
being fixed (two earlier draws' regions were excluded too), so the committed files are the record of them,
this script the method.

    python benchmarks/eval/invented/make_assignments.py 55 60     # writes assignments/assign_55.json …
"""
import collections
import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
regions = list(csv.DictReader(open(HERE.parents[2] / "flows" / "reference" / "regions.csv", encoding="utf-8")))
by_code = {r["code"]: r for r in regions}
used = set()
for f in (HERE / "assignments").glob("assign_*.json"):
    used |= {it["region_code"] for it in json.load(open(f, encoding="utf-8"))}
name_count = collections.Counter(r["name"] for r in regions if r["level"] == "county")


def path(r):
    p = [r["name"]]
    while r["parent_code"]:
        r = by_code[r["parent_code"]]
        p.append(r["name"])
    return " > ".join(reversed(p))


genres = ["government_work_report"] * 6 + ["other"] * 5 + ["progress_report"] * 5 + ["practical_matters_list"] * 4 \
    + ["work_plan"] * 2 + ["action_plan"] * 2 + ["implementation_opinion"] * 1
this_round = set()
first, last = int(sys.argv[1]), int(sys.argv[2])
for n in range(first, last + 1):
    out = HERE / "assignments" / f"assign_{n}.json"
    assert not out.exists(), out
    rng = random.Random(7000 + n)
    prov = [r for r in regions if r["level"] == "province" and r["code"][:2] not in ("71", "81", "82")]
    pref = [r for r in regions if r["level"] == "prefecture" and r["code"] not in used]
    if len(pref) < 8:  # prefectures ran out after batch 42: then any not drawn in this run
        pref += [r for r in regions if r["level"] == "prefecture" and r["code"] not in this_round and r not in pref]
    uniq = [r for r in regions if r["level"] == "county" and name_count[r["name"]] == 1 and r["code"] not in used]
    amb = [r for r in regions if r["level"] == "county" and name_count[r["name"]] > 1 and r["code"] not in this_round]
    pick = rng.sample(prov, 4) + rng.sample(pref, 8) + rng.sample(uniq, 9) + rng.sample(amb, 4)
    used |= {r["code"] for r in pick}
    this_round |= {r["code"] for r in pick}
    rng.shuffle(pick)
    g = genres[:]
    rng.shuffle(g)
    items = [dict(n=i + 1, region_code=r["code"], region_path=path(r), level=r["level"],
                  ambiguous_name=r["level"] == "county" and name_count[r["name"]] > 1, genre=g[i],
                  year=rng.randint(2016, 2026), script="traditional" if rng.random() < 0.3 else "simplified")
             for i, r in enumerate(pick)]
    json.dump(items, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
