"""Stop 31: a tenth row batch (36 tune + 36 holdout), seeded, from texts on this machine with metadata
gold and no row gold yet; 400-6,000 chars, >= 4 numbers with units, at most one per region per split."""
import json, os, random, re
import pandas as pd
here = os.path.dirname(os.path.abspath(__file__))
c = pd.read_csv('/work/main/benchmarks/eval/metadata_corpus.csv', dtype=str).fillna('')
done = set(json.loads(l)['id'] for l in open('/work/main/benchmarks/eval/target_rows_gold.jsonl'))
T = '/work/evalcorpus/texts'
have = set(f[:-4] for f in os.listdir(T))
c = c[c.id.isin(have) & ~c.id.isin(done)].copy()
def stats(i):
    t = open(f'{T}/{i}.txt', encoding='utf-8').read()
    return len(t), len(re.findall(r'\d+(?:\.\d+)?\s*(?:%|万|亿|个|项|件|人|元|所|公里|户|家|张)', t))
st = c.id.map(stats)
c['n'] = [x[0] for x in st]; c['nums'] = [x[1] for x in st]
pool = c[(c.n >= 400) & (c.n <= 6000) & (c.nums >= 4)].sort_values('id')
rng = random.Random(20261204)
sel = []
for split, reports, others in (('holdout', 29, 7), ('tune', 18, 18)):
    p = pool[pool.split == split]
    seen = set()
    def take(df, k):
        rows = df.to_dict('records'); rng.shuffle(rows); out = []
        for r in rows:
            if len(out) == k: break
            if r['region_code'] in seen: continue
            seen.add(r['region_code']); out.append(r)
        return out
    sel += take(p[p.doc_type != 'government_work_report'], others)
    sel += take(p[p.doc_type == 'government_work_report'], reports)
keys = ['id', 'split', 'region_name', 'region_code', 'admin_level', 'doc_year', 'plan_start_year', 'plan_end_year', 'doc_type', 'script']
sel = [{k: r[k] for k in keys} for r in sel]
rng.shuffle(sel)
json.dump(sel, open(f'{here}/selection10.json', 'w'), ensure_ascii=False, indent=0)
for h in range(8):
    part = sel[h::8]
    with open(f'{here}/assign_{65 + h}.txt', 'w') as f:
        for r in part:
            f.write('\t'.join([r['id'], r['region_name'], r['region_code'], r['admin_level'], r['doc_year'],
                               r['plan_start_year'] or '-', r['plan_end_year'] or '-', r['doc_type']]) + '\n')
print(len(sel), sum(r['split'] == 'holdout' for r in sel))
