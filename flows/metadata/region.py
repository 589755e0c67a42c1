"""Where: the document's own region, from the places a text names itself (guide 7), most
trusted first — title, signature, issuing body or congress session, headline, dateline, byline.
Where it names itself nowhere, flows/metadata/mentioned.py reads what it mentions. The gazetteer turns
a name into a GB/T 2260 code."""
from __future__ import annotations

import re

from flows import gazetteer, lexicon, regions
from flows.clean import heads_related_links
from flows.metadata.evidence import Evidence, followed_by
from flows.metadata.heads import title_words
from flows.text.years import YEAR


def _evidence_rules() -> dict:
    return lexicon.metadata_rules()["region_evidence"]


def _speaks_for_body(text: str, chain: list[gazetteer.Name]) -> bool:
    """The chain names who issues or speaks: 德清县人民政府, 浙江省省长, 洋县第十八届人民代表大会."""
    rules = _evidence_rules()
    end = chain[-1].end
    body = followed_by(text, end, rules["bodies"])
    if body:  # …省委的部署, …市政府的要求: the body is cited, not speaking
        return not followed_by(text, end + len(body), rules["cited_after"])
    # 第十八届人民代表大会, and written short: 海南省七届人大三次会议 (not after a two-character name:
    # 完成县十六届人大…确定的任务 is no 成县)
    session = re.match(r"(第)?[一二三四五六七八九十\d]{1,4}", text[end:end + 6])
    if session and session.group(1) is None and len(chain[-1].text) <= 2:
        return False
    return bool(session and followed_by(text, end + session.end(), rules["congress_words"]))


def cited(text: str, start: int) -> bool:
    """A name inside 《》 or right after 根据/对口/与… is cited or acted on, not the speaker."""
    before = text[max(0, start - 30):start]
    if before.rfind("《") > before.rfind("》"):
        return True
    return any(before.endswith(w) for w in _evidence_rules()["citation_leads"])


def _short_name_chains(text: str) -> list[list[gazetteer.Name]]:
    """Short names (德清, 广东) where a headline or dateline uses them: at the start of the line
    (after a year) and before a word that continues a headline (今年, 将, :, 1月11日电)."""
    rules = _evidence_rules()
    marks = re.escape(rules["headline_opening_marks"])
    lead = re.match(rf"^[{marks}]*(?:(?:19|20)\d{{2}}年?)?", text).end()
    chain = gazetteer.chain_at(text, lead, allow_short=True)
    if chain and (followed_by(text, chain[-1].end, rules["short_name_followers"])
                  or re.match(r"\d{1,2}月|(?:19|20)\d{2}年", text[chain[-1].end:])  # 1月11日电, 9月份, 2024年
                  or (not chain[-1].short and re.match(r"\d", text[chain[-1].end:]))):  # 赣州市6个老旧小区…
        return [chain]
    return []


def lone_short_name(text: str, chain: list[gazetteer.Name]) -> bool:
    """A lone two-character name (城区, 郊区, 成县, 和县) that does not speak as a body: it may be
    words of the sentence, so it counts only where it speaks (城区人民政府)."""
    return len(chain) == 1 and len(chain[0].text) <= 2 and not _speaks_for_body(text, chain)


def _a_delegation(text: str, chain: list[gazetteer.Name]) -> bool:
    return followed_by(text, chain[-1].end, _evidence_rules()["delegation_words"]) is not None


def _chains_in_title(line: str) -> list[list[gazetteer.Name]]:
    chains = [c for c in gazetteer.chains_in(line)
              if (not cited(line, c[0].start) or line.startswith("关于")) and not _a_delegation(line, c)]
    chains = [c for c in chains if not lone_short_name(line, c)]
    return chains or _short_name_chains(line)


def _chains_speaking(text: str) -> list[list[gazetteer.Name]]:
    chains = [c for c in gazetteer.chains_in(text) if _speaks_for_body(text, c) and not cited(text, c[0].start)]
    return chains


def _heading_chains(line: str) -> list[list[gazetteer.Name]]:
    """A heading inside the page that starts with the region, perhaps after a year, and names a kind
    of document (2024年上海市为民办实事项目完成情况, over a table of the year's matters)."""
    if len(line) > 40 or re.search(r"[。,;]", line) or not any(w in line for w in title_words()):
        return []
    year = re.match(YEAR, line)
    ending = year and followed_by(line, year.end(), _evidence_rules()["heading_year_endings"])
    chain = gazetteer.chain_at(line, year.end() + len(ending) if ending else 0)
    return [chain] if chain and not lone_short_name(line, chain) else []


def _dateline_chains(line: str) -> list[list[gazetteer.Name]]:
    """新华网上海1月11日电, 本报德清讯, 秀山网讯: the place before the date or 讯."""
    out = []
    endings = "|".join(map(re.escape, _evidence_rules()["dateline_after"]))
    for match in re.finditer(rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:{endings})", line[:80]):
        for start in range(max(0, match.start() - 12), match.start()):
            chain = gazetteer.chain_at(line, start, allow_short=True)
            if chain and chain[-1].end == match.start():
                out.append(chain)
                break
    return out


def _a_site_of_another_place(line: str, chain: list[gazetteer.Name], opening: list[str]) -> bool:
    """A site's dateline (红山网讯: 红山 is also the landmark 乌鲁木齐's site is named for) over an opening that
    names another region, neither inside nor around the site's: the site's name is no place here."""
    if not line.startswith(tuple(_evidence_rules()["site_dateline_marks"]), chain[-1].end):
        return False
    own = set(chain[-1].codes)
    for other in (c for text in opening for c in gazetteer.chains_in(text, allow_short=True)):
        for code in other[-1].codes:
            if code not in own and not (regions.ancestor_codes(code) & own) and \
                    not any(code in regions.ancestor_codes(k) for k in own):
                return True
    return False


def _the_region_around(line: str, chain: list[gazetteer.Name]) -> list[gazetteer.Name]:
    """A dateline's city is where the bureau filed (新华网昆明1月26日电); where its line names in full a region
    around that city (…云南省两会新闻宣传组…), the news is that region's: its chain, else the dateline's."""
    own = gazetteer.resolve(chain).code
    if own is None:
        return chain
    around = regions.ancestor_codes(own)
    for other in gazetteer.chains_in(line):
        code = gazetteer.resolve(other).code
        if code in around and regions.regions()[code]["name"] in line:
            return other
    return chain


def _field_value(line: str, leads_key: str) -> str | None:
    """What a labelled line gives after its label (来源:X, 发布单位: | X |), or None for a line of no such label."""
    lead = followed_by(line, 0, _evidence_rules()[leads_key])
    return line[len(lead):].strip(" |") if lead else None


def _byline_chains(lines: list[str]) -> list[tuple[list[gazetteer.Name], str]]:
    """来源:德清县人民政府 — a byline that is a government body (a newspaper's city is not the region)."""
    out = []
    for line in lines:
        rest = _field_value(line, "byline_leads")
        if rest is not None:
            chains = [c for c in gazetteer.chains_in(rest) if c[0].start == 0 and _speaks_for_body(rest, c)]
            media = tuple(_evidence_rules()["byline_media_words"])  # a county's news centre is a newspaper
            out.extend((c, rest) for c in chains if not rest[c[-1].end:].startswith(media))
    return out


def _bylines_in(page_facts: tuple[str, ...]) -> list[str]:
    """The bylines within dropped lines of page facts (发布时间:2023-02-03 来源:邯郸市人民政府 …), each
    from its lead on."""
    leads = "|".join(map(re.escape, _evidence_rules()["byline_leads"]))
    return [line[match.start():] for line in page_facts for match in re.finditer(leads, line)]


def _publisher_chains(lines: list[str]) -> list[tuple[list[gazetteer.Name], str]]:
    """发布单位: | 杭州市农业农村局(杭州市乡村振兴局) | — the body a portal's table of page facts says issued it."""
    out = []
    for line in lines:
        rest = _field_value(line, "publisher_leads")
        if rest is not None:
            out.extend((c, rest) for c in gazetteer.chains_in(rest)[:1] if c[0].start == 0)
    return out


def _bodies_alone(lines: list[str]) -> list[str | None]:
    """For each line, the region of the body it is alone (淮阴区政府), else None."""
    def region_of(line: str) -> str | None:
        chains = _chains_speaking(line) if len(line) <= 20 else []
        return gazetteer.resolve(chains[0]).code if chains else None
    return [region_of(line) for line in lines]


def _in_a_column_of_bodies(bodies: list[str | None], i: int) -> bool:
    """The line next to this one is another region's body alone (清江浦区政府 / 淮阴区政府): a column of a
    table's responsible units, not a signature. `bodies` is _bodies_alone of the lines."""
    here = bodies[i]
    return here is not None and any(0 <= j < len(bodies) and bodies[j] not in (None, here) for j in (i - 1, i + 1))


def _breadcrumb(line: str) -> bool:
    """> 诸暨市人大网 > 人大信息 > 人大要闻: the site's navigation, whose site name is no signature."""
    return any(mark.strip() in line for mark in lexicon.metadata_rules()["doc_type"]["breadcrumb_marks"])


def enumerated(text: str, chain: list[gazetteer.Name]) -> bool:
    """A body named in a list of bodies (…常务副市长,溧阳市政府、金坛区政府、…负责同志回答询问), or a place in a list of
    places (确保七星关区、大方县、黔西县…): one of those a text tells of, not the one that issues or opens it."""
    body = followed_by(text, chain[-1].end, _evidence_rules()["bodies"]) or ""
    after = chain[-1].end + len(body)
    marks = _evidence_rules()["enumeration_marks"]
    # (not 自治区党委、政府: two bodies of one region)
    return (text[after:after + 1] in marks and not followed_by(text, after + 1, _evidence_rules()["bodies"])) or \
        text[max(0, chain[0].start - 1):chain[0].start] in marks


def site_name_line(lines: list[str], page_facts: tuple[str, ...]) -> str | None:
    """The site's name over its navigation, which the clean stage dropped: a body's name alone on the page's
    first line or among the dropped lines (上海市普陀区人民政府, 儋州市人民政府门户网站 / 首页 > …), or the body that
    navigation starts from (太仓市人民政府首页 > 政务公开 > …). Not who issues the text: a district's portal
    reposts its city's."""
    crumbs = [fact for fact in page_facts if _breadcrumb(fact)]
    if not crumbs:
        return None
    for line in lines[:1] + [fact for fact in page_facts if fact not in crumbs]:
        chain = next(iter(gazetteer.chains_in(line)), None)
        body = followed_by(line, chain[-1].end, _evidence_rules()["bodies"]) if chain and chain[0].start == 0 else None
        rest = line[chain[-1].end + len(body):] if body else None
        if body and (not rest or rest in _evidence_rules()["portal_name_tails"]):  # a body's name and nothing else
            return line
    starts = (re.match(_evidence_rules()["breadcrumb_site_pattern"], fact) for fact in crumbs)
    return next((match.group(1) for match in starts if match), None)


def list_item_or_site_name(line: str) -> bool:
    """An item of a list (二、打通什邡市…, 3、衡阳市人民政府《…》, · 某市召开…会议, 【相关专题】…), a site's name
    (2020-11-30 中共江苏省委新闻网) or a bar of links (内蒙古自治区人民政府 | 呼和浩特市 | 包头市): no line where a text
    names who issues it."""
    rules = _evidence_rules()
    cells = [cell.strip() for cell in line.split("|") if cell.strip()]
    tagged = line.startswith("【") and heads_related_links(line[1:].split("】", 1)[0])  # 【相关专题】厦门市两会 | …
    return bool(re.match(rules["list_item_pattern"], line)) or line.startswith(tuple(rules["link_bullets"])) or tagged or \
        line.endswith(tuple(rules["site_name_tails"])) or \
        (len(cells) >= rules["link_bar_cells"] and all(len(cell) <= rules["link_bar_cell_max"] and
                                                       gazetteer.name_at(cell, 0, allow_short=True) for cell in cells))


def _before_related_links(lines: list[str]) -> list[str]:
    """The lines before a page's list of related links in its second half (相关新闻 / 推荐阅读 …):
    the headlines there are other documents', and their bodies no signature of this one."""
    for i in range(len(lines) - 1, len(lines) // 2 - 1, -1):
        if heads_related_links(lines[i]):
            return lines[:i]
    return lines


def region_evidence(lines: list[str], title: str | None, title_line: str | None, issuer: str | None,
                    page_facts: tuple[str, ...] = ()) -> list[tuple[str, str, list[gazetteer.Name]]]:
    """Every place where the text names its own region, most trusted first (guide 7): the title,
    the signature, the issuing body or meeting in the opening, then a headline's, dateline's or
    byline's place. Each item: (where, the words, the chain of names)."""
    found: list[tuple[str, str, list[gazetteer.Name]]] = []
    for line in dict.fromkeys(filter(None, (title_line, title))):
        if line == title or len(line) <= _evidence_rules()["title_line_max"]:  # not the paragraph a quoted title stood in
            found += [("title", line, c) for c in _chains_in_title(line)]
    before = _before_related_links(lines)
    tail = before[-8:]
    first_line_is_site = bool(lines) and site_name_line(lines, page_facts) == lines[0]
    if first_line_is_site and len(before) <= 8:
        tail = tail[1:]  # a short page: its first line, the site's name, is no signature either
    if issuer:
        found += [("signature", issuer, c) for c in gazetteer.chains_in(issuer)[:1]]
    bodies = _bodies_alone(tail)
    for i, line in enumerate(tail):
        # a signature line: short, no sentence in it (XX县人民政府, 浙江省省长 王某某), no item of a list of
        # documents cited (3、衡阳市人民政府《关于…的实施意见》), no cell of a column of bodies (清江浦区政府 /
        # 淮阴区政府 under a table's 责任单位), no site's name (中共江苏省委新闻网), no other news's headline
        # (四川省十三届人大二次会议开幕)
        if len(line) <= 40 and not re.search(r"[。,;《]", line) and not list_item_or_site_name(line) and \
                not followed_by(line, 0, _evidence_rules()["byline_leads"]) and not _breadcrumb(line) and \
                not _in_a_column_of_bodies(bodies, i) and not line.endswith(tuple(_evidence_rules()["news_headline_endings"])):
            found += [("signature", line, c) for c in _chains_speaking(line)]
    head = lines[:15]
    found += [("publisher", words, c) for c, words in _publisher_chains(head)]
    for i, line in enumerate(head):
        if i == 0 and first_line_is_site:
            continue  # the site's name: portal.region_of_site_byline may read it
        if not followed_by(line, 0, _evidence_rules()["byline_leads"]) and not list_item_or_site_name(line) \
                and not _breadcrumb(line):  # (湖南省人民政府门户网站 > 市州动态 > 衡阳: the site's navigation)
            # A short line may go on in the next (——2021年1月12日在X自治州第十五届 / 人民代表大会…).
            joined = line + head[i + 1] if len(line) <= 40 and i + 1 < len(head) else line
            found += [("issuer", line, c) for c in _chains_speaking(joined[:300])
                      if c[0].start < len(line) and not enumerated(joined, c)]
    if head and not _breadcrumb(head[0]):  # 河北新闻网 > 唐山频道: the site's navigation, no headline
        # (nor a paper's masthead: 朝阳日报 2019年1月24日 第3版; a newspaper's city is not the region)
        masthead = _evidence_rules()["masthead_pattern"]
        found += [("headline", head[0], c) for c in _short_name_chains(head[0]) if not re.match(masthead, head[0][c[-1].end:])]
    # …or a later short line, under site clutter, that a headline's place opens (句容:凝聚奋进力量)
    for line in [line for line in head[1:6] if len(line) <= 40 and not re.search(r"[。;]", line)][:3]:
        found += [("headline", line, c) for c in _short_name_chains(line) if line.startswith(":", c[-1].end)]
    for line in head:
        found += [("heading", line, c) for c in _heading_chains(line)]
    for line in head[:6]:
        found += [("dateline", line, _the_region_around(line, c)) for c in _dateline_chains(line)
                  if not _a_site_of_another_place(line, c, head[:3] + [line])]
    found += [("byline", words, c) for c, words in _byline_chains(head + tail + _bylines_in(page_facts))]
    return found


def _congress_a_delegation_attends(lines: list[str]) -> tuple[str, Evidence] | None:
    """The region whose congress a delegation's news is about (see delegation_congress_pattern in the rules)."""
    rules = _evidence_rules()
    text = "\n".join(lines[:15])[:1500]
    for match in re.finditer(rules["delegation_congress_pattern"], text):
        before = text[max(0, match.end("level") - 12):match.end("level")]
        named = [c for c in gazetteer.chains_in(before) if c[-1].end == len(before)]  # 聊城市第十八届…
        if named:
            code = gazetteer.resolve(named[-1]).code
        else:
            delegation = gazetteer.chain_at(match.group("delegation"), 0, allow_short=True)
            code = gazetteer.resolve(delegation).code if delegation else None
            level = rules["delegation_congress_levels"][match.group("level")]
            # (a municipality's 市 is its province-level row: 市十六届人大…海淀区代表团)
            code = next((row["code"] for row in regions.ancestors(code) if row["level"] == level or (
                row["name"] in lexicon.mapping("regions")["municipalities"])), None) if code else None
        if code:
            return code, Evidence("delegation", match.group(0))
    # …or a congress named in full (上海市第十五届人民代表大会第六次会议, 上海市人代会) and, apart from it, a
    # delegation of a region inside it (会后,奉贤代表团举行团组会议; 来自奉贤区代表团的声音)
    congresses = [(chain, m) for m in re.finditer(rules["named_congress_pattern"], text)
                  for chain in gazetteer.chains_in(text[max(0, m.start() - 12):m.start()])
                  if chain[-1].end == min(12, m.start())]  # the name that ends where the congress begins
    owners = {code: m for chain, m in congresses if (code := gazetteer.resolve(chain).code)}
    for delegation in re.finditer("|".join(map(re.escape, rules["delegation_words"])), text) if owners else ():
        before = text[max(0, delegation.start() - 8):delegation.start()]  # (来自奉贤区代表团: the name ending there)
        chain = next((c for c in gazetteer.chains_in(before, allow_short=True) if c[-1].end == len(before)), None)
        code = gazetteer.resolve(chain).code if chain else None
        owner = next((o for o in owners if code and o in regions.ancestor_codes(code)), None)
        if owner:
            return owner, Evidence("delegation", owners[owner].group(0))
    return None


def _the_longer_name_it_stands_for(code: str, context: str) -> str:
    """矿区人民政府 on a page that names 包头市白云鄂博矿区 elsewhere: a region whose name (矿区, 阳泉's) is the end of
    another's the page names with its parent or its body is that one's short form, not itself (not 老城区改造
    in a text of 晋城's 城区: a word)."""
    name = regions.regions()[code]["name"]
    longer = {gazetteer.resolve(chain).code for chain in gazetteer.chains_in(context)
              if chain[-1].text != name and chain[-1].text.endswith(name)
              and (len(chain) > 1 or _speaks_for_body(context, chain))} - {None}
    return longer.pop() if len(longer) == 1 else code


def find_region(lines: list[str], title: str | None, title_line: str | None, issuer: str | None,
                context: str, page_facts: tuple[str, ...] = (),
                admits=None) -> tuple[str | None, str | None, Evidence | None, str | None]:
    """(region name, GB/T 2260 code, evidence, warning). The most trusted kind of place that names a
    region decides; a later name of the same kind that lies inside it refines it (湖州市 … 德清县
    人民政府); a name several regions share is settled by the level the text speaks as (`admits`: 通化 in
    通化:今年市政府将… is the city, not 通化县), else left null with a warning. News of a delegation at a
    congress is the congress's, whatever the delegation's name in its title."""
    congress = _congress_a_delegation_attends(lines)
    if congress:
        return regions.regions()[congress[0]]["name"], congress[0], congress[1], None
    evidence = region_evidence(lines, title, title_line, issuer, page_facts)
    for where in dict.fromkeys(w for w, _, _ in evidence):
        chosen = None
        ambiguous = None
        for kind, words, chain in evidence:
            if kind != where:
                continue
            resolution = gazetteer.resolve(chain, context)
            if resolution.code is None:
                ambiguous = ambiguous or (words, resolution)
                continue
            if chosen is None:
                chosen = (words, resolution)
            elif chosen[1].code in regions.ancestor_codes(resolution.code):
                chosen = (words, resolution)  # inside the region named first: more specific
        if chosen:
            words, resolution = chosen
            code = _the_longer_name_it_stands_for(resolution.code, context)
            return regions.regions()[code]["name"], code, Evidence(where, words), None
        if ambiguous:
            words, resolution = ambiguous
            of_its_level = [c for c in resolution.ambiguous if admits is not None and admits(regions.regions()[c])]
            if not of_its_level and admits is not None:  # (湖南日报长沙1月10日讯 in a text that speaks as a province:
                # 长沙市 or 长沙县, both in the 湖南 its words name, which is of that level)
                named = {code for c in gazetteer.chains_in(words, allow_short=True) for code in c[-1].codes}
                of_its_level = sorted({a for c in resolution.ambiguous for a in regions.ancestor_codes(c)
                                       if a in named and admits(regions.regions()[a])})
            if len(of_its_level) == 1:
                return regions.regions()[of_its_level[0]]["name"], of_its_level[0], Evidence(where, words), None
            names = ", ".join(f"{c} {'/'.join(a['name'] for a in reversed(regions.ancestors(c)))}"
                              for c in resolution.ambiguous)
            warning = (f"region '{resolution.name.text}' ({where}: {words[:40]}) is the name of several regions "
                       f"({names}) and the text names none of their parents: region_code left null")
            return resolution.name.text, None, Evidence(where, words), warning
    return None, None, None, None
