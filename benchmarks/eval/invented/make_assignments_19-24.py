"""Assignments for invented batches 19-24 (stop 30): 25 regions each, none used in batches 1-18 (provinces may repeat)."""
import csv, json, glob, random, collections
regions = list(csv.DictReader(open('/work/main/flows/reference/regions.csv', encoding='utf-8')))
by_code = {r['code']: r for r in regions}
used = set()
for f in glob.glob('/work/evalcorpus/invented/assign_*.json'):
    used |= {it['region_code'] for it in json.load(open(f))}
name_count = collections.Counter(r['name'] for r in regions if r['level'] == 'county')
def path(r):
    p = [r['name']]
    while r['parent_code']:
        r = by_code[r['parent_code']]; p.append(r['name'])
    return ' > '.join(reversed(p))
genres = ['government_work_report'] * 6 + ['other'] * 5 + ['progress_report'] * 5 + ['practical_matters_list'] * 4 \
    + ['work_plan'] * 2 + ['action_plan'] * 2 + ['implementation_opinion'] * 1
this_round = set()
for n in range(19, 25):
    rng = random.Random(7000 + n)
    prov = [r for r in regions if r['level'] == 'province' and r['code'][:2] not in ('71', '81', '82')]  # no 民生实事 genre there
    pref = [r for r in regions if r['level'] == 'prefecture' and r['code'] not in used]
    uniq = [r for r in regions if r['level'] == 'county' and name_count[r['name']] == 1 and r['code'] not in used]
    # shared names ran out after batch 20: those may repeat a code used before, never within this round
    amb = [r for r in regions if r['level'] == 'county' and name_count[r['name']] > 1 and r['code'] not in this_round]
    pick = rng.sample(prov, 4) + rng.sample(pref, 8) + rng.sample(uniq, 9) + rng.sample(amb, 4)
    used |= {r['code'] for r in pick}; this_round |= {r['code'] for r in pick}
    rng.shuffle(pick)
    g = genres[:]; rng.shuffle(g)
    items = [dict(n=i + 1, region_code=r['code'], region_path=path(r), level=r['level'],
                  ambiguous_name=r['level'] == 'county' and name_count[r['name']] > 1, genre=g[i],
                  year=rng.randint(2016, 2026), script='traditional' if rng.random() < 0.3 else 'simplified')
             for i, r in enumerate(pick)]
    json.dump(items, open(f'/work/evalcorpus/invented/assign_{n}.json', 'w'), ensure_ascii=False, indent=1)
    print(n, collections.Counter(it['script'] for it in items))
