"""Web pages in the shapes Chinese government portals publish documents in, for the tests and
for benchmarks/bench_readers.py.

These are SYNTHETIC layouts, written by hand after the page structure of real portals (the
national gov.cn 政策文件库, provincial TRS/集约化 platforms, old table-layout county sites in
GBK, news reposts, mobile pages): header navigation, a 当前位置 breadcrumb, the 信息公开
metadata table (索引号/发文机关/成文日期/发文字号/主题分类) in one of its usual shapes, the
正文 container under one of its usual names, share buttons, print/close links, related links
and a footer with ICP备案 and 网站标识码. The body text is taken from the seed documents
already in raw/ (no other page text is in the repository).

`pages()` returns one `Page` per layout: the bytes as served, the main text a person would
trim by hand (`gold`: the body's paragraphs, table rows as `| a | b |`), and the metadata
the page's table states.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "raw"


@dataclass
class Page:
    name: str
    layout: str
    encoding: str
    body: bytes
    gold: str
    metadata: dict = field(default_factory=dict)


def seed_lines(name: str, start: int, count: int, max_len: int = 600) -> list[str]:
    lines = [line.strip() for line in (RAW / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    return [line for line in lines[start:start + count] if len(line) <= max_len and "|" not in line]


GD = "001_87eb7983aeb7c71d.txt"
LIST = "003_eeafe6da93166177.txt"
YC = "004_a5d713ce107d1314.txt"
JM = "000_9b28159ee7d0716d.txt"
WH = "002_a0e8efce3fa665a1.txt"

META = {"index_no": "11440000006939178T/2023-00412", "topic": "劳动、人事、监察\\劳动就业",
        "issuer": "广东省人民政府办公厅", "issue_date": "2023-11-18", "doc_number": "粤府办〔2023〕20号",
        "title": "广东省人民政府办公厅关于印发广东省“民生十大工程”五年行动计划（2023—2027年）的通知"}

HEADER = """<div class="header"><div class="top-bar"><a href="/">首页</a> | <a href="/en/">English</a> |
<a href="/wza/">无障碍</a> | <a href="/login">登录</a></div>
<div class="logo"><img src="/images/logo.png" alt="某某市人民政府门户网站"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本市</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li></ul>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>"""
CRUMB = """<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/wjk/">文件库</a> &gt; <span>正文</span></div>"""
SHARE = """<div class="share bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a>
<a class="bds_qzone">QQ空间</a></div>"""
TOOLS = """<div class="print-close">【<a href="javascript:window.print()">打印本页</a>】
【<a href="javascript:window.close()">关闭窗口</a>】</div>"""
RELATED = """<div class="related xgwz"><h3>相关文件</h3><ul>
<li><a href="/a/1.html">关于进一步做好稳就业工作的通知</a><span>2023-10-12</span></li>
<li><a href="/a/2.html">关于印发全市养老服务体系建设规划的通知</a><span>2023-09-01</span></li>
<li><a href="/a/3.html">政策解读：一图读懂民生十大工程</a><span>2023-11-20</span></li>
<li><a href="/a/4.html">市政府常务会议研究部署民生实事工作</a><span>2023-08-15</span></li></ul></div>"""
FOOTER = """<div class="footer"><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
<p>主办单位：某某市人民政府办公室　承办单位：某某市政务服务数据管理局</p>
<p>网站标识码：4407000001　<a href="https://beian.miit.gov.cn">粤ICP备05070829号</a>　
<img src="/gongan.png">粤公网安备 44070302000123号</p><p>建议使用1920×1080分辨率</p></div>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>"""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def paragraphs_html(lines, style: str = "p") -> str:
    if style == "br":
        return "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + esc(line) for line in lines) + "<br>"
    if style == "indent":
        return "\n".join(f'<p style="text-indent:2em;"><span style="font-family:仿宋_GB2312;font-size:16pt">'
                         f'{esc(line)}</span></p>' for line in lines)
    return "\n".join(f"<p>\u3000\u3000{esc(line)}</p>" for line in lines)


def table_html(rows) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0">{cells}</table>'


def table_gold(rows) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in rows]


def doc(title: str, head_extra: str, body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{charset}">\n'
            f'<meta http-equiv="X-UA-Compatible" content="IE=edge">{head_extra}<title>{esc(title)}</title>\n'
            f'<link rel="stylesheet" href="/css/main.css"><style>.zoom p{{line-height:2}}</style></head>\n'
            f"<body>{body}</body></html>")


def metadata_table_govcn(m) -> str:  # gov.cn 政策文件库: 4-column table with spaced labels
    return f"""<table class="bd1" border="0" cellpadding="0" cellspacing="1" width="100%">
<tr><td width="13%"><b>索 引 号：</b></td><td width="37%">{m['index_no']}</td>
<td width="13%"><b>主题分类：</b></td><td width="37%">{esc(m['topic'])}</td></tr>
<tr><td><b>发文机关：</b></td><td>{m['issuer']}</td><td><b>成文日期：</b></td><td>{m['issue_date'].replace('-', '年', 1).replace('-', '月') + '日'}</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">{esc(m['title'])}</td></tr>
<tr><td><b>发文字号：</b></td><td>{m['doc_number']}</td><td><b>发布日期：</b></td><td>2023-12-11</td></tr></table>"""


def metadata_inline_b(m) -> str:  # provincial platform: <td><b>label：</b>value</td>
    return f"""<div class="classify"><table><tr><td><b>索引号：</b>{m['index_no']}</td><td><b>分类：</b>{esc(m['topic'])}</td></tr>
<tr><td><b>发布机构：</b>{m['issuer']}</td><td><b>成文日期：</b>{m['issue_date']}</td></tr>
<tr><td colspan="2"><b>名称：</b>{esc(m['title'])}</td></tr>
<tr><td><b>文号：</b>{m['doc_number']}</td><td><b>发布日期：</b>2023-12-11</td></tr></table></div>"""


def metadata_ul(m) -> str:  # <ul><li><span>label：</span>value</li>
    return f"""<div class="xxgk-info"><ul class="infos">
<li><span>索引号：</span>{m['index_no']}</li><li><span>主题分类：</span>{esc(m['topic'])}</li>
<li><span>发文机关：</span>{m['issuer']}</li><li><span>成文日期：</span>{m['issue_date']}</li>
<li><span>发文字号：</span>{m['doc_number']}</li><li><span>有效性：</span>有效</li></ul></div>"""


def metadata_dl(m) -> str:  # <dl><dt>label</dt><dd>value</dd>
    return f"""<div class="xxgk-meta"><dl><dt>索引号</dt><dd>{m['index_no']}</dd><dt>发布机构</dt><dd>{m['issuer']}</dd>
<dt>成文日期</dt><dd>{m['issue_date'].replace('-', '/')}</dd><dt>文号</dt><dd>{m['doc_number']}</dd>
<dt>主题分类</dt><dd>{esc(m['topic'])}</dd></dl></div>"""


def metadata_label_cells(m) -> str:  # old county site: label and value in alternate <td>
    return f"""<table class="xxgk_table" width="100%"><tr><td class="label">索引号</td><td>{m['index_no']}</td>
<td class="label">主题分类</td><td>{esc(m['topic'])}</td></tr>
<tr><td class="label">发文机关</td><td>{m['issuer']}</td><td class="label">成文日期</td><td>{m['issue_date'].replace('-', '年', 1).replace('-', '月')}日</td></tr>
<tr><td class="label">发文字号</td><td>{m['doc_number']}</td><td class="label">发布日期</td><td>2023年12月11日</td></tr></table>"""


def _page(name, layout, encoding, text, gold_lines, metadata=None) -> Page:
    data = text.encode(encoding if encoding != "gbk" else "gb18030")
    return Page(name, layout, encoding, data, "\n".join(gold_lines), metadata or {})


def pages() -> list[Page]:
    out = []
    m = META
    # 1 gov.cn 政策文件库 style
    lines = seed_lines(GD, 17, 14)
    body = f"""{HEADER}{CRUMB}<div class="wrap"><div class="policyLibraryOverview_header">{metadata_table_govcn(m)}</div>
<div class="article oneColumn pub_border"><h1>{esc(m['title'])}</h1>
<div class="pages-date">2023-12-11 16:32 来源： 广东省人民政府网站 <span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="pages_content" id="UCAP-CONTENT">{paragraphs_html(lines)}</div>{SHARE}{TOOLS}</div>{RELATED}</div>{FOOTER}"""
    out.append(_page("govcn_policy_library", "gov.cn policy library: bd1 metadata table, #UCAP-CONTENT", "utf-8",
                     doc(m["title"], '<meta name="ArticleTitle" content="x">', body), lines, m))
    # 2 provincial 集约化 platform: inline <b> labels, div.zw
    lines = seed_lines(GD, 31, 12)
    body = f"""{HEADER}{CRUMB}<div class="main"><div class="left">{metadata_inline_b(m)}
<div class="article"><div class="title"><h3>{esc(m['title'])}</h3></div>
<div class="zw">{paragraphs_html(lines)}</div>
<div class="zw-att">附件：<a href="/att/1.pdf">1.重点任务分工表.pdf</a></div></div>{SHARE}</div>
<div class="right sidebar"><h4>热点专题</h4><ul><li><a>学习贯彻党的二十大精神</a></li><li><a>优化营商环境</a></li></ul></div></div>{FOOTER}"""
    out.append(_page("province_classify_zw", "provincial platform: inline <b> labels, div.zw, sidebar", "utf-8",
                     doc(m["title"], "", body), lines, m))
    # 3 old TRS county site in GBK, label cells table, TRS_Editor
    lines = seed_lines(YC, 9, 10)
    mm = {**m, "issuer": "盐城市人民政府", "doc_number": "盐政发〔2022〕45号", "issue_date": "2022-08-16",
          "index_no": "014103917/2022-00145"}
    body = f"""{HEADER}{CRUMB}<table width="1000" align="center"><tr><td class="bt_content">{metadata_label_cells(mm)}
<div class="bt_title">關於進一步保障和改善民生的實施意見</div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">{paragraphs_html(lines, 'indent')}</div></div></td></tr></table>
{TOOLS}{RELATED}{FOOTER}"""
    out.append(_page("county_trs_gbk", "county TRS site in GBK: label/value cells, .TRS_Editor", "gbk",
                     doc("盐城市人民政府", "", body, "gb2312"), lines, mm))
    # 4 Wuhan-style: <ul><li><span> metadata, div.view.TRS_UEDITOR
    lines = seed_lines(WH, 8, 12)
    mw = {**m, "issuer": "武汉市人民政府", "doc_number": "武政〔2022〕2号", "issue_date": "2022-01-24"}
    body = f"""{HEADER}{CRUMB}<div class="article-box">{metadata_ul(mw)}<h2 class="title">{esc("武漢市人民政府關於進一步推進民生保障提效公共服務提質的實施意見")}</h2>
<div class="article-meta">发布时间：2022-02-08 浏览次数：<span id="count">1024</span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">{paragraphs_html(lines)}</div>{SHARE}
<div class="qrcode">扫一扫在手机打开当前页<img src="/qr.png"></div></div>{RELATED}{FOOTER}"""
    out.append(_page("city_ul_view", "city site: <ul><li><span> metadata, .view.TRS_UEDITOR, qrcode", "utf-8",
                     doc("武汉市人民政府", "", body), lines, mw))
    # 5 Jiangsu-style GBK with #zoom and CMS comments
    lines = seed_lines(YC, 20, 8)
    body = f"""{HEADER}{CRUMB}<div class="con">{metadata_label_cells(mm)}
<div class="title">关于进一步保障和改善民生的实施意见</div><div class="fbrq">发布日期：2022-08-18　来源：市政府办公室</div>
<div id="zoom"><!--<$[信息内容]>begin-->{paragraphs_html(lines)}<!--<$[信息内容]>end--></div>
<div class="fontsize">【字号 <a>大</a> <a>中</a> <a>小</a>】</div>{TOOLS}</div>{FOOTER}"""
    out.append(_page("jiangsu_zoom_gbk", "GBK site: #zoom with CMS comments, label cells", "gbk",
                     doc("关于进一步保障和改善民生的实施意见", "", body, "gbk"), lines, mm))
    # 6 legacy table layout, <br> paragraphs, <font>, GB2312, no metadata table
    lines = seed_lines(GD, 24, 6)
    body = f"""<table width="100%"><tr><td>{HEADER}</td></tr><tr><td>{CRUMB}</td></tr>
<tr><td><table width="960"><tr><td width="200" class="leftmenu"><a>政务动态</a><br><a>通知公告</a><br><a>政策法规</a></td>
<td class="content_txt"><font face="宋体" size="3">{paragraphs_html(lines, 'br')}</font></td></tr></table></td></tr>
<tr><td>{FOOTER}</td></tr></table>"""
    out.append(_page("legacy_tables_br_gb2312", "legacy nested-table layout, <br> paragraphs, GB2312", "gbk",
                     doc("政策文件", "", body, "gb2312"), lines))
    # 7 news repost: source and editor lines, 原文如下, share, related news, no metadata
    lines = seed_lines(GD, 37, 10)
    body = f"""{HEADER}<div class="breadcrumb">当前位置：<a>首页</a> &gt; <a>资讯</a> &gt; <a>政策</a></div>
<div class="news-detail"><h1>广东印发民生十大工程五年行动计划</h1>
<div class="news-info">来源：南方网　作者：记者 李明　时间：2023-12-12 10:02:01　热度：<span>358</span></div>
<div class="article-content"><p>据广东省人民政府网站消息，省政府办公厅近日印发行动计划。原文如下：</p>{paragraphs_html(lines)}
<p class="editor">（责任编辑：王芳）</p></div>{SHARE}
<div class="prev-next"><p>上一篇：<a>全省推进充电基础设施建设</a></p><p>下一篇：<a>省人社厅发布就业新政</a></p></div>
<div class="hot-news related"><h3>热门推荐</h3><ul><li><a>多地出台稳就业新举措</a></li><li><a>养老服务迎来新变化</a></li>
<li><a>托育服务纳入民生实事</a></li></ul></div></div>{FOOTER}"""
    gold = ["据广东省人民政府网站消息，省政府办公厅近日印发行动计划。原文如下："] + lines + ["（责任编辑：王芳）"]
    out.append(_page("news_repost", "news repost: source/editor lines, prev/next, hot news, no metadata table", "utf-8",
                     doc("广东印发民生十大工程五年行动计划_南方网", "", body), gold))
    # 8 Zhejiang-style <dl> metadata, #zoom.article-conter
    lines = seed_lines(GD, 44, 8)
    body = f"""{HEADER}{CRUMB}<div class="bt-box">{metadata_dl(m)}<div class="article-title">{esc(m['title'])}</div>
<div id="zoom" class="article-conter">{paragraphs_html(lines)}</div>
<div class="bt-share share">分享：<a>微信</a><a>微博</a></div>{TOOLS}</div>{RELATED}{FOOTER}"""
    out.append(_page("dl_metadata_zoom", "<dl><dt>/<dd> metadata, #zoom.article-conter", "utf-8",
                     doc(m["title"], "", body), lines, m))
    # 9 meta-tag portal (national website standard) with #mainText holding an indicator table
    lines = seed_lines(GD, 18, 4)
    rows = [["指标", "2022年", "2027年", "属性"], ["城镇新增就业人数（万人）", "[550]", "[550]", "预期性"],
            ["每千人口拥有3岁以下婴幼儿托位数（个）", "2.1", "4.5", "预期性"],
            ["养老机构护理型床位占比（%）", "50", "60", "约束性"]]
    body = f"""{HEADER}{CRUMB}<div class="container"><div class="detail"><h1>{esc(m['title'])}</h1>
<div id="mainText">{paragraphs_html(lines[:2])}{table_html(rows)}{paragraphs_html(lines[2:])}</div>{SHARE}</div>{RELATED}</div>{FOOTER}"""
    head = (f'<meta name="ArticleTitle" content="{esc(m["title"])}"><meta name="PubDate" content="2023-12-11 16:32">'
            f'<meta name="ContentSource" content="{m["issuer"]}"><meta name="SiteName" content="广东省人民政府门户网站">')
    out.append(_page("meta_tags_indicator_table", "<meta> ArticleTitle/PubDate, #mainText with an indicator table",
                     "utf-8", doc(m["title"], head, body), lines[:2] + table_gold(rows) + lines[2:],
                     {"title": m["title"], "issuer": m["issuer"]}))
    # 10 GBK article_con with attachment list, font buttons, print/close inside the container
    lines = seed_lines(JM, 10, 10)
    body = f"""{HEADER}{CRUMB}<div class="article_box"><h2>江門市“民生十大工程”行動計劃</h2>
<div class="article_info">發佈時間：2025-04-09　字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="article_con">{paragraphs_html(lines)}<p>【打印本页】【关闭窗口】</p></div>
<div class="fj"><p>附件：</p><p><a href="/u/1.docx">江门市民生十大工程重点任务.docx</a></p></div>{SHARE}</div>{FOOTER}"""
    out.append(_page("article_con_gbk", "GBK: .article_con with print/close inside, attachment list", "gbk",
                     doc("江门市人民政府", "", body, "GBK"), lines))
    # 11 mobile page: <section>/<article>
    lines = seed_lines(WH, 30, 8)
    body = f"""<header class="m-header"><a class="back">返回</a><span>武汉发布</span></header>
<section class="m-detail"><h1>关于进一步推进民生保障提效公共服务提质的实施意见</h1>
<div class="m-meta">2022-02-08 来源：武汉市人民政府</div><article class="m-article">{paragraphs_html(lines)}</article>
<div class="m-share share">分享到朋友圈</div></section>
<footer class="m-footer"><p>鄂ICP备05003317号</p><p>网站标识码：4201000001</p></footer>"""
    out.append(_page("mobile_article", "mobile page: <section>, <article>, <footer>", "utf-8",
                     doc("武汉发布", '<meta name="viewport" content="width=device-width">', body), lines))
    # 12 practical-matters list: the body is mostly a table
    rows = [["序号", "项目名称", "主要内容", "牵头单位"]] + [
        [str(n), name, content, lead] for n, (name, content, lead) in enumerate([
            ("稳岗就业", "新增城镇就业2.7万人，城镇登记失业率控制在3.5%以内。", "市人社局"),
            ("托育服务", "新增普惠性托位1200个，建成社区嵌入式托育点10个。", "市卫健委"),
            ("老年助餐", "新建老年食堂（助餐点）50个，服务老年人10万人次。", "市民政局"),
            ("放心家政", "培训家政服务人员1.24万人次，新增家政服务人员5000人。", "市商务局"),
            ("城镇老旧小区改造", "改造城镇老旧小区60个，惠及居民1.2万户。", "市住建局")], start=1)]
    intro = ["为切实办好民生实事，经市人民代表大会票决，确定2024年民生实事项目如下：", "一、项目清单"]
    outro = ["二、工作要求", "各牵头单位要细化实施方案，明确时间节点，确保年底前全部完成。"]
    mx = {**m, "issuer": "某某市人民政府办公室", "doc_number": "某府办〔2024〕8号", "issue_date": "2024-03-28",
          "title": "关于印发2024年民生实事项目的通知"}
    body = f"""{HEADER}{CRUMB}<div class="detail-wrap">{metadata_govcn_like(mx)}
<div class="detail-content TRS_Editor">{paragraphs_html(intro)}{table_html(rows)}{paragraphs_html(outro)}</div>{TOOLS}</div>{RELATED}{FOOTER}"""
    out.append(_page("matters_list_table", "a list of practical matters as a table in .TRS_Editor", "utf-8",
                     doc(mx["title"], "", body), intro + table_gold(rows) + outro, mx))
    return out


def metadata_govcn_like(m) -> str:
    return metadata_table_govcn(m)


def holdout_pages() -> list[Page]:
    """Three more layouts written after flows/readers.py was, and not used to tune it: the honest
    part of benchmarks/bench_readers.py (【label】 metadata paragraphs, a page split over two
    containers beside a link column, unlabelled nested divs with <br> lines)."""
    m = META
    lines = seed_lines(GD, 40, 8)
    items = "".join(f"<li><a>推荐文章{i}：关于做好某项工作的通知</a></li>" for i in range(8))
    return [
        _page("holdout_bracket_labels_gbk", "【索引号】 paragraphs, .article-text, 【收藏】【打印】【关闭】", "gbk", doc("x", "", f"""{HEADER}
<div class="crumbs">您现在的位置：<a>首页</a> > <a>政府文件</a></div><div class="w1200"><div class="detail-meta">
<p><span>【索引号】</span>{m['index_no']}</p><p><span>【发文机关】</span>{m['issuer']}</p><p><span>【发文字号】</span>{m['doc_number']}</p></div>
<div class="detail-body"><div class="article-text">{paragraphs_html(lines)}</div></div>
<div class="detail-foot">【<a>收藏</a>】【<a>打印</a>】【<a>关闭</a>】</div></div>{FOOTER}""", "gbk"), lines),
        _page("holdout_split_body", "body split over two containers, a column of links", "utf-8", doc("x", "", f"""{HEADER}
<div id="main"><div class="contLeft"><div class="contText"><h2>{esc(m['title'])}</h2>
<div class="contInfo">信息来源：省政府办公厅 发布时间：2023-12-11</div><div class="contMain">{paragraphs_html(lines[:5])}</div>
<div class="contMain2">{paragraphs_html(lines[5:])}</div></div></div><div class="contRight"><ul>{items}</ul></div></div>{FOOTER}"""),
              lines),
        _page("holdout_div_soup", "unlabelled nested divs, <br> lines, <font> title", "utf-8", doc("x", "", f"""<div>{HEADER}</div>
<div><div><div><font size=4><b>{esc(m['title'])}</b></font></div><div>{'<br>'.join(esc(line) for line in lines)}</div></div></div>
<div>{FOOTER}</div>"""), lines),
    ]
