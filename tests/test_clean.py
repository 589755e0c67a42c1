"""Clean stage (targets guide, section 4): the exact text every quote is cut from.

Each step on its own, with its count in fix_counts. Texts are invented for these tests;
tests/test_stages.py has one mixed example of the same steps.
"""
from __future__ import annotations

import pytest

from flows import clean

FIX_KINDS = {"pinyin_glosses", "traditional_chars", "fullwidth_chars", "cjk_spaces", "inline_markup", "clutter_lines",
             "preface_lines", "trailing_lines", "garbled_chars", "redaction_runs", "table_lines_from_tabs",
             "wrapped_lines_joined", "page_number_lines", "markup_tags", "decimal_stops", "lone_numbers_joined",
             "broken_lines_joined"}


def counts(text: str) -> dict:
    """fix_counts without the zeros."""
    return {k: v for k, v in clean.clean(text).fix_counts.items() if v}


def test_every_kind_of_fix_is_counted_even_when_zero():
    result = clean.clean("新建口袋公园6个。")
    assert result.clean_text == "新建口袋公园6个。" and result.script == "simplified"
    assert result.fix_counts == dict.fromkeys(FIX_KINDS, 0)


# ---------------------------------------------------------------- pinyin glosses

@pytest.mark.parametrize("raw,expected,glosses", [
    ("全區(qū)域推進養(yǎng)老服務", "全区域推进养老服务", 2),          # the guide's 區(qū) in a word of its own
    ("社区养（yǎng）老服务中心", "社区养老服务中心", 1),                   # full-width brackets
    ("推行一窗(chuāng)受理和一网(wǎng)通办", "推行一窗受理和一网通办", 2),
    ("保障民(min)生实事项目", "保障民生实事项目", 1),                      # toneless syllable
])
def test_inline_pinyin_glosses_are_removed(raw, expected, glosses):
    result = clean.clean(raw)
    assert result.clean_text == expected
    assert result.fix_counts["pinyin_glosses"] == glosses


@pytest.mark.parametrize("raw", [
    "建设5G(lte)基站",           # after a digit or letter, not a Chinese character
    "服务中心(Center)",          # capital letters: an English word, not pinyin
    "公园(gōngyuán)建设",        # longer than one syllable may be
    "新建社区书屋(2个)",         # a bracketed amount
])
def test_brackets_that_are_not_glosses_stay(raw):
    result = clean.clean(raw)
    assert result.clean_text == raw and result.fix_counts["pinyin_glosses"] == 0


# ---------------------------------------------------------------- traditional -> simplified

def test_traditional_text_is_converted_and_the_changed_characters_counted():
    result = clean.clean("養老機構護理型床位數")
    assert result.clean_text == "养老机构护理型床位数"
    assert result.script == "traditional"
    assert result.fix_counts["traditional_chars"] == 5  # 養 機 構 護 數


def test_one_traditional_character_in_a_long_simplified_text_does_not_make_it_traditional():
    raw = "新建社區食堂" + "新建社区食堂" * 20  # 1 changed character of 126: under the 1% threshold
    result = clean.clean(raw)
    assert result.clean_text == "新建社区食堂" * 21
    assert result.script == "simplified" and result.fix_counts["traditional_chars"] == 1


# ---------------------------------------------------------------- full-width folding

def test_full_width_digits_letters_and_punctuation_fold_to_ascii():
    raw = "ＷｉＦｉ覆盖率达到９８．５％！比例：１／３；（试点），"
    result = clean.clean(raw)
    assert result.clean_text == "WiFi覆盖率达到98.5%!比例:1/3;(试点),"
    assert result.fix_counts["fullwidth_chars"] == 18


def test_chinese_punctuation_without_an_ascii_twin_stays():
    raw = "“一老一小”《规划》〔2024〕、——。"
    assert clean.clean(raw).clean_text == raw


def test_ideographic_spaces_between_chinese_characters_are_removed():
    result = clean.clean("服务\u3000中心\u3000建设，新增 2 个")
    assert result.clean_text == "服务中心建设,新增 2 个"  # a space beside a digit is not between Chinese characters
    assert counts("服务\u3000中心\u3000建设，新增 2 个") == {"fullwidth_chars": 3, "cjk_spaces": 2}


# ---------------------------------------------------------------- redactions and garbling

def test_redaction_runs_are_kept_and_counted():
    raw = "＊＊县***镇新建养老院１所，联系人：张**。"
    result = clean.clean(raw)
    assert result.clean_text == "**县***镇新建养老院1所,联系人:张**。"  # full-width ＊ folds to * too
    assert result.fix_counts["redaction_runs"] == 3


def test_question_marks_between_chinese_characters_count_as_garbled():
    result = clean.clean("新增床位??张，社区?食堂")
    assert result.clean_text == "新增床位??张,社区?食堂"
    assert result.fix_counts["garbled_chars"] == 3


# ---------------------------------------------------------------- lines and page clutter

def test_line_breaks_are_unified_and_blank_lines_dropped():
    result = clean.clean("一、目标\r\n新建公园3个。\n\n\r\n  新建绿道5公里。  \r二、措施")
    assert result.clean_text == "一、目标\n新建公园3个。\n新建绿道5公里。\n二、措施"


def test_navigation_counters_and_page_furniture_are_removed():
    raw = "\n".join([
        "当前位置：首页 > 政务公开 > 通知公告",
        "来源：某某区民政局",
        "发布时间：2025-01-06 09:30",
        "字号：大 中 小",
        "浏览次数：1024",
        "点击数：88",
        "一、目标",
        "新建社区食堂12个。",
        "上一篇：关于开展冬季送温暖活动的通知",
        "附件下载：项目清单",
        "项目清单.xlsx",
        "【打印】",
        "关闭窗口",
        "Share",
        "返回顶部",
    ])
    result = clean.clean(raw)
    # a byline's 来源 stays: it may name the body that issued the text (documents.region_code)
    assert result.clean_text == "来源:某某区民政局\n一、目标\n新建社区食堂12个。"
    assert counts(raw) == {"clutter_lines": 11, "trailing_lines": 1, "fullwidth_chars": 8, "cjk_spaces": 2}


def test_a_preface_marker_late_in_the_page_is_text_not_a_preface():
    lines = ["某某区2025年为民办实事项目", "一、教育", "新建幼儿园2所。", "二、养老", "新增养老床位300张。",
             "以下为附件说明：", "原文如下：", "三、交通", "新建公交站亭40个。", "四、就业"]
    result = clean.clean("\n".join(lines))
    assert result.fix_counts["preface_lines"] == 0
    assert result.clean_text == "\n".join(lines).replace("：", ":")


def test_body_lines_that_only_look_like_page_words_stay():
    raw = "一、措施\n来源地核查率达到100%。\n时间节点:2025年底前完成。\n收集意见建议200条。"
    assert clean.clean(raw).clean_text == raw


# Once bugs, now fixed: page-button words starting a real sentence, and a real
# full-width question mark counted as garbling.

def test_a_sentence_starting_with_a_page_button_word_is_kept():
    raw = "一、整治行动\n关闭不达标养殖场30家。\n收藏文物修缮保护10处。"
    assert clean.clean(raw).clean_text == raw


def test_a_real_question_mark_is_not_garbling():
    assert clean.clean("是否达标？由谁验收？").fix_counts["garbled_chars"] == 0


def test_a_line_of_page_buttons_is_clutter():
    result = clean.clean("新建公园3个。\n【打印】 【关闭】\n打印本页 | 关闭窗口\n收藏")
    assert result.clean_text == "新建公园3个。"
    assert result.fix_counts["clutter_lines"] == 3


def test_an_ascii_question_mark_inside_words_is_garbling():
    assert clean.clean("新建公?园3个,改造?室2间。").fix_counts["garbled_chars"] == 2


def test_tab_separated_table_lines_become_bar_tables_with_their_cells_kept():
    raw = "序号\t指标\t2022年\t2025年目标\t属性\n1\t城镇新增就业（万人）\t1.2\t1.5\t预期性\n一、主要任务"
    result = clean.clean(raw)
    assert result.clean_text == ("| 序号 | 指标 | 2022年 | 2025年目标 | 属性 |\n"
                                 "| 1 | 城镇新增就业(万人) | 1.2 | 1.5 | 预期性 |\n一、主要任务")
    assert result.fix_counts["table_lines_from_tabs"] == 2


# ---------------------------------------------------------------- lines broken at a page width

PARAGRAPHS = [
    "关于印发东江县养老服务提升行动方案的通知",
    "到2026年,全县新建社区养老服务站点20个,改造提升乡镇敬老院8所,养老机构护理型床位占比达到60%以上;"
    "培训养老护理员500人次,每千名老年人拥有社会工作者不少于1名。",
    "(一)完善设施网络。推进社区嵌入式养老服务设施建设,新建老年食堂15个、助餐点30个,为特殊困难老年人家庭"
    "实施适老化改造600户,补助标准最高不超过3000元/户,年底前完成全部改造任务。",
    "(二)加强人才队伍。每年组织开展养老护理员职业技能竞赛1次,对获奖人员给予一次性奖励,"
    "推动养老护理员持证上岗率达到90%,引导高校毕业生到养老机构就业。",
]


def test_lines_broken_at_the_page_width_are_joined_back():
    width, lines = 22, []
    for paragraph in PARAGRAPHS:  # as a PDF gives them: broken at the width, first line indented
        lines += [("\u3000\u3000" if i == 0 else "") + paragraph[i: i + width] for i in range(0, len(paragraph), width)]
    result = clean.clean("\n".join(lines))
    assert result.clean_text.split("\n") == PARAGRAPHS
    assert result.fix_counts["wrapped_lines_joined"] == len(lines) - len(PARAGRAPHS)


def test_equally_long_headings_and_their_sentences_are_not_joined():
    text = "\n".join(f"（{n}）促进高校毕业生等青年群体就业创业\n全年新增就业{n}百人。" for n in "一二三四五六七八九十")
    result = clean.clean(text)
    assert result.fix_counts["wrapped_lines_joined"] == 0
    assert len(result.clean_text.split("\n")) == 20


def test_a_short_document_is_never_taken_for_a_wrapped_one():
    text = "一、目标\n新增城镇就业1.2万人\n城镇调查失业率控制在5.5%以内"
    assert clean.clean(text).clean_text == text.replace("、目标", "、目标")


def test_page_numbers_between_the_halves_of_a_sentence_are_dropped_before_joining():
    width, lines = 22, []
    for paragraph in PARAGRAPHS:
        lines += [("\u3000\u3000" if i == 0 else "") + paragraph[i: i + width] for i in range(0, len(paragraph), width)]
    lines.insert(3, "— 1 —")
    lines.insert(8, "第2页 共3页")
    result = clean.clean("\n".join(lines))
    assert result.clean_text.split("\n") == PARAGRAPHS
    assert result.fix_counts["page_number_lines"] == 2


def test_image_references_and_empty_links_go_and_the_rest_of_their_line_stays():
    result = clean.clean("![]() ![]() 2月25日下午,代表们开展分组讨论。\n![](/Files261/Pic/2021-11/28/2021112801.jpg)\n"
                   "11月28日,大会开幕。[](/Files/a.jpg)新增城镇就业5500人。")
    assert result.clean_text == "2月25日下午,代表们开展分组讨论。\n11月28日,大会开幕。新增城镇就业5500人。"
    assert result.fix_counts["inline_markup"] == 4


def test_a_line_of_page_facts_with_a_view_counter_is_clutter():
    text = "www.example.gov.cn  2018-01-26 09:18  阅读:596155次  作者:某某\n全年新增城镇就业1200人。\n阅读全文:新增就业1200人。"
    assert clean.clean(text).clean_text == "全年新增城镇就业1200人。\n阅读全文:新增就业1200人。"


def test_a_pages_tags_left_in_its_text_end_lines_and_go():
    raw = ('文号 :某政发〔2018〕13号\n<p>各市、县人民政府:</p><p> 现将《某某省城乡居民增收实施方案》印发给你们。</p>'
           '<p style="text-align: right;"> 某某省人民政府</p><p><br/></p><p style="text-align: center;">'
           '<strong>某某省城乡居民增收实施方案</strong></p><p>&nbsp;新增就业5万人。</p>')
    result = clean.clean(raw)
    assert result.clean_text.split("\n") == ["文号 :某政发〔2018〕13号", "各市、县人民政府:", "现将《某某省城乡居民增收实施方案》印发给你们。",
                                             "某某省人民政府", "某某省城乡居民增收实施方案", "新增就业5万人。"]
    assert result.fix_counts["markup_tags"] == 15  # 6 <p>, 6 </p>, <br/>, <strong>, </strong>


def test_a_lone_angle_bracket_is_no_markup():
    assert clean.clean("收入比 <5 倍的家庭 <p> 占比下降。").fix_counts["markup_tags"] == 0


def test_dropped_lines_of_page_facts_near_the_top_are_kept_aside_for_the_metadata_stage():
    result = clean.clean("视察民生实事\n发布时间:2023-02-03 来源:邯郸市人民政府\n2月1日,代表视察了民生实事。\n")
    assert result.page_facts == ("发布时间:2023-02-03 来源:邯郸市人民政府",)
    assert str(result.page_date) == "2023-02-03"
    assert "来源" not in result.clean_text


def test_a_login_box_and_a_navigation_bar_are_page_clutter():
    text = clean.clean("登录\n用户名\n密码\n验证码\n忘记密码 注册账号\n平台首页 开放目录 开放数据 API服务 数据分析\n"
                       "赣州市6个老旧小区改造项目获得中央补助\n近日,赣州市获得中央预算内资金。\n").clean_text
    assert text.startswith("赣州市6个老旧小区改造项目")


def test_a_repeated_pinyin_gloss_is_removed_whole():
    assert clean.clean("加快构建以(yi)(yi)先进(jin)制造业(ye)(ye)为(wei)骨干的现代化产业体系。").clean_text == "加快构建以先进制造业为骨干的现代化产业体系。"


def test_a_sites_greeting_is_page_clutter():
    text = clean.clean("您好 ,欢迎您来到邯郸之窗! \n2021年河北省石家庄10件惠民实事公布!\n惠民实事是改善民生的重要工作。\n").clean_text
    assert text.startswith("2021年河北省石家庄10件惠民实事公布")


def test_a_news_sites_tagline_is_page_clutter():
    text = clean.clean("安徽热线 - 安徽地区最专业的新闻资讯网站!\n专题询问 会不会“问了也白问”\n我省于2011年首次开展专题询问。\n").clean_text
    assert "安徽" not in text


def test_a_download_pages_first_line_is_the_documents_title_without_its_file_ending():
    text = "\n".join(["諸城市重大突發事件應急保障體系建設行動計劃方案(2021-2022年)(18頁).docx", "下載文檔", "上傳人:Le****97",
                      "1、為提高突發事件應急保障能力和水平,結合我市實際,制定本計劃。", "附件1.xlsx"])
    lines = clean.clean(text).clean_text.split("\n")
    assert lines[0] == "诸城市重大突发事件应急保障体系建设行动计划方案(2021-2022年)"
    assert not any(line.endswith(".xlsx") for line in lines)  # a later attachment link is still clutter


def test_a_photos_caption_line_is_clutter():
    text = "\n".join(["【资料图】", "资料图:浙江省人大推进工作交流会现场。", "1月16日,全体代表对民生实事完成情况进行了满意度测评。"])
    assert clean.clean(text).clean_text.split("\n") == ["1月16日,全体代表对民生实事完成情况进行了满意度测评。"]


def test_a_lines_indent_garbled_to_question_marks_is_dropped_and_a_questions_marks_kept():
    from flows import clean
    assert clean.clean("标题\n????2017年,该县全力以赴\n有问题吗??\n").clean_text == "标题\n2017年,该县全力以赴\n有问题吗??"


def test_full_stops_written_for_decimal_points_are_read_as_points():
    # a repost that writes every decimal point as 。 (增长11。2%): between digits they are points
    result = clean.clean("地方公共财政预算收入42。74亿元,增长11。2%;社会消费品零售总额230。28亿元。3月起实施。")
    assert result.clean_text == "地方公共财政预算收入42.74亿元,增长11.2%;社会消费品零售总额230.28亿元。3月起实施。"
    assert result.fix_counts["decimal_stops"] == 3
    # one such stop alone is a sentence's end before a number, and stays
    assert clean.clean("全年建成5。3月起开工。").clean_text == "全年建成5。3月起开工。"


def test_a_forum_posters_profile_box_is_page_clutter():
    text = "关于2024年民生实事的讨论\n奋斗\n  • 签到天数: 866 天\n\n    [LV.10]以坛为家III\n全年新建幼儿园5所。"
    assert clean.clean(text).clean_text == "关于2024年民生实事的讨论\n奋斗\n全年新建幼儿园5所。"


def test_a_year_whose_digits_a_copy_split_with_a_space_is_one_year():
    text = clean.clean("截至6月底,201 7年省委确定的项目进展顺利;20 17年;共120 3年;第3 2021年").clean_text
    assert text == "截至6月底,2017年省委确定的项目进展顺利;2017年;共120 3年;第3 2021年"


def test_a_line_of_page_facts_with_a_click_counter_is_clutter():
    raw = "发布日期:2019-02-15 18:20:17 来源: 作者: 点击:854次 字号:增大 减小\n今年新建社区食堂12个。"
    assert clean.clean(raw).clean_text == "今年新建社区食堂12个。"


def test_a_pages_list_of_related_links_in_its_second_half_goes_with_its_heading():
    raw = "\n".join(["一图读懂|2022年市政府民生实事项目来了!",
                     "日前,市政府正式公布2022年度民生实事项目,共10大类35项。",
                     "【教育】新建、改扩建中小学和幼儿园18所,新增学位1.6万个。",
                     "【养老】新增养老床位1200张,建设老年助餐点60个。",
                     "往期推荐",
                     "江苏发布:今年省级民生实事清单公布",
                     "春节假期我市接待游客超百万人次"])
    result = clean.clean(raw)
    assert result.clean_text.split("\n")[-1] == "【养老】新增养老床位1200张,建设老年助餐点60个。"
    assert result.fix_counts["trailing_lines"] == 3
    # a marker in the first half is a heading of the page's own text, and a sentence under it stays
    early = clean.clean("相关新闻\n今年新建社区食堂12个。\n新增养老床位1200张。")
    assert early.clean_text == "相关新闻\n今年新建社区食堂12个。\n新增养老床位1200张。"


def test_a_number_on_a_line_of_its_own_joins_its_sentence_again():
    """A PDF extraction that puts each number on its own line: where the line after goes on with what the number
    counts (a unit, 左右, punctuation), the three lines are one; a table dumped a cell a line stays as it is."""
    text = "\n".join(["预计全年地区生产总值增长", "3.5%", "左右。全社会用电量增长", "4%", "。金融机构存贷款余额分别增长",
                      "10.2%", "、", "9.2%", ",分别提高", "9.9", "个、", "3.1", "个百分点。减税降费", "322", "亿元。"])
    result = clean.clean(text)
    assert result.clean_text == ("预计全年地区生产总值增长3.5%左右。全社会用电量增长4%。金融机构存贷款余额分别增长10.2%、9.2%,"
                                 "分别提高9.9个、3.1个百分点。减税降费322亿元。")
    assert result.fix_counts["lone_numbers_joined"] == 7
    table = "\n".join(["指标", "2023年", "地区生产总值", "4026.6", "一般公共预算收入", "303.4", "城镇化率", "58.6",
                       "新增就业", "3.2", "粮食产量", "50.1"])
    assert clean.clean(table).fix_counts["lone_numbers_joined"] == 0


def test_a_page_view_counter_among_page_facts_is_clutter():
    text = "政府工作报告\n- 信息来源: | 阅读量:328次\n各位代表:\n现在,我代表市人民政府向大会报告工作。"
    assert "328" not in clean.clean(text).clean_text


def test_a_sentence_broken_after_a_joiner_or_before_a_number_is_one_line_again():
    """A page that breaks a sentence after a list's joiner (分别增长9.1%、 / 8.7%) or a line of prose before a
    number and what it counts (发布机会清单 / 323 项): one line; a heading or a date after a title stays apart."""
    broken = clean.clean("财政总收入25.1亿元,其中地方财政收入17.1亿元,分别增长9.1%、\n8.7%;完成固定资产投资165.8亿元。\n"
                         "对接产业链头部企业和关键环节企业982家,赴京沪港深等城市专题推介,发布机会清单\n323项,引进落地项目507个。")
    assert broken.clean_text == ("财政总收入25.1亿元,其中地方财政收入17.1亿元,分别增长9.1%、8.7%;完成固定资产投资165.8亿元。\n"
                                 "对接产业链头部企业和关键环节企业982家,赴京沪港深等城市专题推介,发布机会清单323项,引进落地项目507个。")
    assert broken.fix_counts["broken_lines_joined"] == 2
    apart = "关于印发2024年全市民生实事项目安排意见的通知各区县人民政府\n2024年1月10日\n一、新建幼儿园10所,\n二、新增托位300个。"
    assert clean.clean(apart).fix_counts["broken_lines_joined"] == 0


def test_a_list_numbered_without_stops_is_not_joined_as_page_wrapped_lines():
    """01 改造…20个 / 02 新建…: items of about one length look like a page's width; the next number opens a new item."""
    items = [f"{n:02d} 新建改造城区老旧小区配套设施{n}个" for n in range(1, 16)]
    cleaned = clean.clean("候选项目如下:\n" + "\n".join(items) + "\n").clean_text
    assert [line for line in cleaned.split("\n") if line[:2].isdigit()] == items
