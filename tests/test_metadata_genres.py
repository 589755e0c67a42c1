"""Where, when and what kind, for every genre (issue 9): invented texts in the shapes real pages
take — news reposts with a headline, dateline and byline, people's-congress sessions, signature
lines, work reports, completion notices — in simplified and traditional script.
Region codes are the real GB/T 2260 codes of the regions table."""
from __future__ import annotations

import json

import pytest

from flows import clean, metadata


def meta(text: str, kind: str | None = None) -> dict:
    """The metadata of an invented page, read as the pipeline reads it (the page's date from a dropped line of
    page facts); `kind`, a manifest's doc_type, for a test of what follows from a kind, not of the kind."""
    cleaned = clean.clean(text)
    return metadata.document_metadata(cleaned.clean_text, {"doc_type": kind} if kind else None,
                                      page_date=cleaned.page_date, page_facts=cleaned.page_facts,
                                      page_footer=cleaned.page_footer)


def where(m: dict, field: str = "region_code") -> str:
    return json.loads(m["metadata_evidence"])[field]["where"]


# ---------------------------------------------------------------- region: the most specific level

@pytest.mark.parametrize("head, code, level", [
    ("南京市鼓楼区2024年民生实事项目清单\n一、新增托位300个。", "320106", "county"),
    ("湖州市德清县人民政府办公室关于印发2024年民生实事项目的通知\n各乡镇人民政府:", "330521", "county"),
    ("浙江省德清县2024年十件民生实事\n一、新建养老服务中心2个。", "330521", "county"),
    ("德清县人民政府关于2024年民生实事项目的通知\n各乡镇:", "330521", "county"),
    ("德清今年将办好十件民生实事\n记者从县政府获悉,今年将新建城市书房5家。", "330521", "county"),
    ("赣州:2024年民生实事清单出炉\n一、新增城镇就业3万人。", "360700", "prefecture"),
    ("赣州市2024年民生实事清单\n一、新增城镇就业3万人。", "360700", "prefecture"),
    ("2026年重庆市政府工作报告\n各位代表:", "500000", "province"),
    ("北京市朝阳区2025年重要民生实事项目\n一、新增养老家庭照护床位500张。", "110105", "county"),
    # an autonomous county or prefecture by its place and its ending, its peoples left off
    ("1月8日上午,关岭自治县第十七届人民代表大会第二次会议在县会议中心开幕。\n大会听取了政府工作报告。", "520424", "county"),
    ("湘西自治州2018年十件民生实事\n一、新建乡镇卫生院5所。", "433100", "prefecture"),
])
def test_names_short_and_with_their_parents_resolve_to_the_most_specific_code(head, code, level):
    m = meta(head)
    assert (m["region_code"], m["admin_level"]) == (code, level)


def test_a_name_several_regions_share_is_null_with_a_warning_unless_a_parent_is_named():
    m = meta("鼓楼区2024年民生实事项目\n一、新增托位300个。")
    assert m["region_code"] is None and m["region_name"] == "鼓楼区"
    assert len(m["warnings"]) == 1 and "鼓楼区" in m["warnings"][0] and "320106" in m["warnings"][0]
    settled = meta("鼓楼区2024年民生实事项目\n福州市鼓楼区人民政府\n2024年2月1日")
    assert settled["region_code"] == "350102" and settled["warnings"] == []


def test_a_county_naming_its_province_or_a_city_naming_its_district_keeps_its_own_region():
    county = meta("\n".join([
        "德清县人民政府关于印发德清县2024年民生实事项目的通知",
        "根据浙江省人民政府关于民生实事的部署,结合我县实际,现将项目印发给你们。",
        "一、新建城市书房5家。",
        "德清县人民政府", "2024年3月1日"]))
    assert county["region_code"] == "330521"
    city = meta("\n".join([
        "关于印发湖州市2024年民生实事项目的通知",
        "一、在吴兴区新建公办幼儿园2所(吴兴区人民政府负责)。",
        "湖州市人民政府办公室", "2024年3月1日"]))
    assert city["region_code"] == "330500"


def test_a_peoples_congress_session_names_the_region_and_the_year():
    m = meta("\n".join([
        "十件民生实事项目确定",
        "1月18日,洋县第十八届人民代表大会第三次会议票决产生2024年十件民生实事项目。",
        "一、新建农村公路50公里。"]))
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("610723", "practical_matters_list", 2024)
    assert where(m) == "issuer"


def test_a_governors_signature_line_names_the_province():
    m = meta("\n".join([
        "政府工作报告",
        "——2025年1月14日在省第十四届人民代表大会第三次会议上",
        "各位代表:",
        "现在,我代表省人民政府,向大会报告工作。",
        "一、2024年工作回顾",
        "过去一年,地区生产总值增长5.1%。",
        "浙江省省长 王某某"]))
    assert (m["region_code"], m["admin_level"], m["doc_type"], m["doc_year"]) == (
        "330000", "province", "government_work_report", 2025)
    assert where(m) == "signature"


def test_a_news_dateline_names_the_region_when_nothing_else_does():
    m = meta("\n".join([
        "这十件事,今年要办好",
        "新华网上海1月11日电 今年将新增养老床位3000张、新建社区食堂50家。"]))
    assert (m["region_code"], m["doc_type"]) == ("310000", "practical_matters_list")
    assert where(m) == "dateline"


def test_a_byline_that_is_a_government_body_names_the_region_a_newspaper_does_not():
    items = [f"{i}、新建城市书房{i}家。" for i in range(1, 11)]
    body = meta("\n".join(["2024这十件事", "来源:德清县人民政府", *items]))
    assert (body["region_code"], where(body)) == ("330521", "byline")
    paper = meta("\n".join(["2024这十件事", "来源:渭南日报", *items]))
    assert paper["region_code"] is None


def test_the_headline_beats_the_news_sites_city():
    m = meta("\n".join([
        "首页 > 渭南新闻 > 县区动态",
        "潼关县今年将办好十件民生实事",
        "2月1日,记者在潼关县第十九届人民代表大会第三次会议上获悉,2024年,潼关县将扎实干好十件民生实事。",
        "来源:渭南日报"]))
    assert m["region_code"] == "610522"
    assert m["doc_year"] == 2024


def test_traditional_script_with_site_clutter():
    m = meta("\n".join([
        "首頁 | 新聞中心 | 縣區動態",
        "潼關縣今年將辦好十件民生實事",
        "2月1日,記者在潼關縣第十九屆人民代表大會第三次會議上獲悉,2024年,潼關縣將扎實幹好十件民生實事。"]))
    assert (m["region_code"], m["doc_year"], m["doc_type"]) == ("610522", 2024, "practical_matters_list")


# ---------------------------------------------------------------- when and what kind

def test_a_work_report_delivered_in_january_plans_for_that_year():
    m = meta("\n".join([
        "政府工作报告",
        "——2026年1月20日在德清县第十八届人民代表大会第六次会议上",
        "一、2025年工作回顾", "过去一年,全县地区生产总值增长6%。",
        "二、2026年工作安排", "今年经济社会发展的主要预期目标是:地区生产总值增长5.5%左右。",
        "德清县人民政府"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("government_work_report", 2026, "330521")
    assert (m["plan_start_year"], m["plan_end_year"]) == (2026, 2026)


def test_a_work_report_title_with_its_year():
    m = meta("2026年重庆市政府工作报告\n各位代表:\n过去一年,全市新增城镇就业70万人。")
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("government_work_report", 2026, "500000")


def test_a_work_report_without_a_date_plans_for_the_year_after_the_one_it_reviews():
    m = meta("\n".join([
        "赣州市人民政府工作报告",
        "一、2023年工作回顾", "过去一年,全市新增城镇就业5万人。",
        "二、今年的工作安排", "新增城镇就业5万人以上。"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("government_work_report", 2024, "360700")


def test_a_completion_notice_reports_on_the_year_it_names():
    m = meta("\n".join([
        "关于2024年阳东区十件民生实事完成情况的通报",
        "2024年区十件民生实事共25项内容,已全部完成年度任务。",
        "阳江市阳东区人民政府办公室", "2025年1月10日"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"], m["admin_level"]) == (
        "progress_report", 2024, "441704", "county")


def test_a_multi_year_plan_has_a_period_and_no_single_year():
    m = meta("江门市“民生十大工程”行动计划(2023-2027年)\n一、总体目标")
    assert (m["doc_year"], m["plan_start_year"], m["plan_end_year"], m["doc_type"]) == (None, 2023, 2027, "action_plan")


def test_an_opinion_on_carrying_out_a_work_report_is_not_the_report():
    m = meta("关于落实2024年政府工作报告重点工作分工的意见\n各镇人民政府:")
    assert m["doc_type"] == "work_plan"


def test_a_redacted_city_stays_null():
    m = meta("**市2024年实施50项民生实事落实方案\n各县、****政府:\n一、新增城镇就业2.7万人。")
    assert (m["region_code"], m["region_name"], m["doc_year"]) == (None, None, 2024)


def test_a_report_that_reviews_a_named_year_plans_for_the_next():
    m = meta("\n".join([
        "省十二届人大六次会议开幕",
        "黑龙江省第十二届人民代表大会第六次会议今天开幕,省长向大会作政府工作报告。",
        "报告在回顾我省2016年工作时说,全省城镇新增就业60万人。"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("government_work_report", 2017, "230000")


def test_a_title_broken_over_two_lines_and_an_informal_region_name():
    letter = meta("关于征集2025年石门市政府\n民生实事项目致全市人民的公开信\n广大市民朋友们:")
    assert (letter["title"], letter["doc_type"], letter["doc_year"]) == (
        "关于征集2025年石门市政府民生实事项目致全市人民的公开信", "other", 2025)
    report = meta("2023年新疆自治区政府工作报告\n一、过去五年工作回顾")
    assert (report["region_code"], report["doc_type"], report["doc_year"]) == ("650000", "government_work_report", 2023)


def test_progress_on_a_work_report_and_an_annual_plan_report_are_not_the_report():
    progress = meta("济南市市中区2025年《政府工作报告》主要工作任务推进情况\n一、经济发展")
    assert (progress["doc_type"], progress["doc_year"], progress["region_code"]) == ("progress_report", 2025, "370103")
    plan = meta("关于淄博市周村区2020年国民经济和社会发展计划执行情况与2021年计划草案的报告\n各位代表:")
    assert (plan["doc_type"], plan["doc_year"], plan["region_code"]) == ("work_plan", 2021, "370306")


def test_a_text_that_only_says_its_level_takes_the_region_of_that_level_it_names_most():
    news = meta("\n".join([
        "【资料图】",
        "民生无小事。",
        "吉林,一项项温暖的举措书写民生答卷。2023年全省50项民生实事全面完成。",
        "吉林将继续办好民生实事,吉林人民的获得感不断增强。"]))
    assert (news["region_code"], news["admin_level"], where(news)) == ("220000", "province", "mentions")
    # a county text that names its province more often than itself is still not the province's
    county = meta("\n".join([
        "县政府召开常务会议",
        "会议传达了浙江省、浙江省委的部署,浙江省要求各地办好实事。",
        "全县将新建城市书房5家。"]))
    assert county["region_code"] is None


def test_a_breadcrumb_is_no_title_and_a_lists_year_stands_before_its_matters():
    m = meta("\n".join([
        "您当前所在位置: 首页 > 政府信息公开 > 重点工作",
        "民生无小事,枝叶总关情,一项项饱含温度的举措书写着有温度的民生答卷,全县人民的获得感不断增强。",
        "2022年全县50项民生实事全面完成,成效明显。"]))
    assert (m["title"], m["doc_type"], m["doc_year"]) == (None, "progress_report", 2022)


# ---------------------------------------------------------------- autonomous counties, 文号, spaced years

@pytest.mark.parametrize("name, short", [
    ("石柱土家族自治县", "石柱"), ("秀山土家族苗族自治县", "秀山"), ("延边朝鲜族自治州", "延边"),
    ("伊犁哈萨克自治州", "伊犁"),
    ("本溪满族自治县", "本溪满族"),  # 本溪 is 本溪市
    ("河南蒙古族自治县", "河南蒙古族"),  # 河南 is the province
])
def test_an_autonomous_area_goes_by_its_place_name_unless_another_region_has_it(name, short):
    from flows import regions

    assert regions.short_name(name) == short


def test_a_county_news_site_dateline_and_an_issued_documents_number_name_the_county():
    news = meta("酉阳网讯 3月2日上午,县第十九届人大第二次会议举行全体会议,听取了县人民政府工作报告。")
    assert (news["region_code"], where(news)) == ("500242", "dateline")  # 酉阳土家族苗族自治县
    reading = meta("\n".join([
        "《县级民生实事项目实施方案》政策解读",
        "日前,县政府办公室印发了《县级民生实事项目实施方案》(彭水府办发〔2023〕5号,以下简称《方案》)。",
        "一、起草背景"]))
    assert (reading["region_code"], where(reading)) == ("500243", "doc_number")  # 彭水苗族土家族自治县


def test_a_number_the_text_cites_does_not_name_its_region():
    m = meta("\n".join([
        "关于做好养老服务工作的实施意见",
        "为贯彻落实《关于印发养老服务工作方案的通知》(彭水府办发〔2023〕5号),提出如下意见:",
        "一、扩大服务供给"]))
    assert m["region_code"] is None


def test_an_opinion_of_no_stated_period_is_for_the_year_of_its_own_number():
    m = meta("\n".join([
        "湛府〔2022〕12号",
        "湛江市人民政府关于促进创业带动就业的实施意见",
        "各县(市、区)人民政府,市府直属各单位:",
        "为贯彻落实《广东省人民政府关于印发…的通知》(粤府〔2023〕7号),提出如下意见:",
        "政策执行至2024年12月31日。"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("implementation_opinion", 2022, "440800")
    plan = meta("\n".join([
        "某政办发〔2022〕25号",
        "云南省人民政府办公厅关于印发云南省“十四五”养老服务体系规划的通知",
        "规划期为2021—2025年。"]))
    assert (plan["doc_year"], plan["plan_start_year"], plan["plan_end_year"]) == (None, 2021, 2025)


def test_a_report_news_gives_the_year_of_the_report_it_names_and_a_spaced_year_is_a_year():
    report = meta("(本网讯)日前,山西省人民政府省长在山西省第十三届人民代表大会第二次会议上,"
                  "代表省人民政府作2019年山西省政府工作报告。\n报告说,过去一年全省民生投入持续增加。")
    assert (report["doc_year"], report["region_code"]) == (2019, "140000")
    assert clean.clean("审议了 2024 年重点民生实事候选项目;表格 2020 年 2025 年").clean_text == \
        "审议了2024年重点民生实事候选项目;表格 2020 年 2025 年"


def test_a_county_text_that_names_only_its_towns_takes_the_county_they_are_in():
    m = meta("今年的十件民生实事由代表票决产生。市人大常委会组织代表察看了淮川街道、集里街道、社港镇的项目,"
             "又到荷花街道、官渡镇了解进度。")
    # 浏阳市 (it speaks as a city: three towns); 荷花街道, 官渡镇 exist elsewhere too
    assert (m["region_code"], where(m)) == ("430181", "towns")
    two_counties = meta("县人大常委会组织代表察看了淮川街道、社港镇的项目,又到武康街道、乾元镇了解进度。")
    assert two_counties["region_code"] is None
    province = meta("省政府召开常务会议,全省各地要办好民生实事。省人大代表察看了淮川街道、社港镇的项目。")
    assert province["region_code"] is None


def test_news_of_a_session_that_deliberates_the_report_is_about_it_and_still_has_its_year():
    session = meta("3月1日上午,出席县第九届人大四次会议的各位代表分组讨论,审议县政府工作报告和计划报告,"
                   "并讨论2026年民生实事候选项目,大家围绕教育、医疗、养老等话题踊跃发言。")
    assert (session["doc_type"], session["doc_year"]) == ("other", 2026)
    opening = meta("某县第九届人民代表大会第四次会议开幕\n县长代表县政府向大会作《政府工作报告》。"
                   "2026年,全县将新增城镇就业1500人。")
    assert opening["doc_type"] == "government_work_report"


def test_news_of_a_report_being_delivered_is_the_report_even_under_a_headline_of_what_was_done():
    m = meta("\n".join([
        "新闻网", "两会专题",
        "湖南:30项重点民生实事全部完成",
        "2025年01月15日09:20 | 来源:新闻网",
        "1月15日上午,湖南省第十四届人民代表大会第四次会议开幕,省长作政府工作报告。",
        "报告说,过去一年30项重点民生实事全部完成,城镇新增就业45万人。"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("government_work_report", 2025, "430000")


# ---------------------------------------------------------------- a fourth batch of shapes (stop 18)

def test_a_congress_session_written_short_names_the_region_over_the_news_datelines_city():
    # 甘肃省十四届人大二次会议: the session's province, not the city the news was filed in
    m = meta("甘肃以代表票决方式确定省级民生实事\n\n本报兰州1月25日讯(记者 张某)1月25日,甘肃省十四届人大二次会议"
             "第三次全体会议票决产生2024年省级民生实事项目。")
    assert (m["region_code"], m["admin_level"], where(m)) == ("620000", "province", "issuer")


def test_a_press_conference_on_what_was_done_is_a_progress_report_and_one_that_publishes_the_list_is_the_list():
    done = meta("宜良县举行2023年“十件民生实事”落实情况新闻发布会\n\n近日,宜良县举行新闻发布会,介绍2023年十件民生实事"
                "落实情况:全年新增城镇就业3200人。")
    assert done["doc_type"] == "progress_report"
    published = meta("刚刚,2024年十件民生实事新闻发布会在西宁举行\n\n记者获悉,我省2024年民生实事安排方案已正式印发。")
    assert published["doc_type"] == "practical_matters_list"


def test_news_of_a_government_executive_meeting_is_other_even_when_it_hears_the_plan_draft():
    m = meta("李某某主持召开县政府第12次常务会议\n\n会议议题:一、关于2025年计划草案的汇报;二、关于2025年民生实事征集情况的汇报。"
             "\n1月3日,临朐县县长李某某主持召开县政府第12次常务会议。")
    assert m["doc_type"] == "other"


def test_a_plan_called_a_scheme_for_several_years_is_a_multi_year_plan():
    m = meta("临安区人民政府办公室关于印发《临安区促进托育服务发展行动实施方案(2024—2026年)》的通知\n各镇人民政府:")
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2024, 2026)
    yearly = meta("临安区2024年养老服务工作方案\n各镇人民政府:")
    assert yearly["doc_type"] == "work_plan"


def test_progress_by_the_third_quarter_is_a_progress_report():
    m = meta("前三季度我县民生实事稳步推进\n2024年,县政府民生实事共10类30项,截至三季度末,已有12项提前完成全年任务。")
    assert m["doc_type"] == "progress_report"


def test_a_news_report_on_a_work_report_that_looks_back_on_a_year_plans_for_the_next():
    m = meta("中新网 合肥1月20日电 (记者 王某)1月20日,安徽省第十四届人民代表大会第二次会议在合肥开幕。安徽省省长作政府工作报告。\n"
             "过去的一年,安徽经济持续恢复。\n回望2023年,全省地区生产总值增长5.8%。")
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("340000", "government_work_report", 2024)


def test_a_title_broken_over_three_lines_is_read_whole():
    m = meta("临湘市人民政府关于公开征集\n2025年民生实事项目的\n公告\n为更好地倾听民声,市政府决定向社会公开征集2025年度民生实事项目。")
    assert m["title"] == "临湘市人民政府关于公开征集2025年民生实事项目的公告"
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("430682", "other", 2025)


@pytest.mark.parametrize("sentences", [
    "2023年,全县上下在市委和县委的坚强领导下,攻坚克难。" * 2,   # 和县 is a county of Anhui
    "2023年,全县上下较好完成县十五届人大一次会议确定的目标任务。",  # 成县 is a county of Gansu
    "2023年,全县上下统筹城乡和县域经济发展,建成县级医院2所。" * 2,
])
def test_a_one_character_county_name_is_not_read_out_of_running_text(sentences):
    m = meta("政府工作报告\n各位代表:\n" + sentences)
    assert m["region_code"] is None


def test_a_bureau_heads_report_at_a_work_meeting_is_not_the_government_work_report():
    meeting = meta("3月2日,市政府召开2024年全市民政工作会议,回顾总结2023年工作,研究部署2024年任务。副市长出席会议并讲话,"
                   "市民政局局长作工作报告。")
    assert (meeting["doc_type"], meeting["doc_year"]) == ("other", 2024)
    report = meta("1月8日,荆州市第六届人民代表大会第三次会议开幕。市长王某代表荆州市人民政府作工作报告。"
                  "报告指出,过去一年全市地区生产总值增长6%。")  # (proceedings alone would be news of the session)
    assert report["doc_type"] == "government_work_report"


def test_an_opinion_on_a_programme_called_a_project_is_an_opinion():
    m = meta("市政府办公厅关于推进老旧小区“暖心工程”建设的实施意见\n各区人民政府:")
    assert m["doc_type"] == "implementation_opinion"


def test_a_reading_of_the_review_part_of_a_work_report_is_for_the_year_the_report_plans():
    m = meta("2024“两会”解读政府工作报告要点之一:2023年工作回顾\n2023年,是我县发展极不平凡的一年。")
    assert (m["doc_type"], m["doc_year"]) == ("other", 2024)


def test_a_text_that_sets_out_the_years_work_is_a_work_plan():
    m = meta("2024年是实施“十四五”规划的关键一年。根据上级部门工作要求,现对2024年全市民政工作做出如下安排。\n一、总体思路")
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2024)


@pytest.mark.parametrize("text, kind", [
    ("宜昌市第七届人民代表大会第三次会议听取和审议了市人民政府市长所作的政府工作报告。会议同意报告提出的2024年主要目标,"
     "决定批准这个报告。", "other"),  # a resolution that approves the report
    ("咸宁市人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知\n各县(市、区)人民政府:", "work_plan"),
    ("孝昌今年将实施10项民心工程\n1月20日,孝昌县第十届人民代表大会第三次会议投票表决了今年要实施的10项民心工程。",
     "practical_matters_list"),
    ("2024年随州为民办实事项目公开征求意见\n拟列入2024年为民办实事项目清单共30件,欢迎市民建言献策。", "other"),
    ("会议听取了各代表团审查县人民政府工作报告的情况汇报\n4月2日上午,县十八届人大三次会议主席团举行第二次会议。", "other"),
    ("通山县人民政府办公室关于印发《通山县提升居家养老服务能力的实施办法》的通知\n各乡镇人民政府:", "work_plan"),
])
def test_more_kinds_read_from_the_title_or_the_opening(text, kind):
    assert meta(text)["doc_type"] == kind


def test_a_digest_of_a_report_titled_with_the_year_it_reviews_is_for_the_next_year():
    m = meta("《政府工作报告》摘要(一):2023年全县经济社会发展各项目标任务全面完成\n1月18日,县长在作《政府工作报告》时回顾了2023年工作。")
    assert (m["doc_type"], m["doc_year"]) == ("government_work_report", 2024)
    abstract = meta("政府工作报告(摘要)\n一、2020年主要工作和成效\n2020年是极不平凡的一年。全省经济稳中向好。")
    assert abstract["doc_year"] == 2021


def test_news_of_a_session_that_names_last_years_execution_and_this_years_draft_plan_is_for_the_plan_year():
    m = meta("4月28日上午\n会议听取了各代表团审查区人民政府工作报告、区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告的情况汇报。")
    assert m["doc_year"] == 2024


def test_an_autonomous_prefecture_by_its_place_and_zhou_is_more_specific_than_its_province():
    m = meta("(贵州省)2022年黔东南州人民政府工作报告(全文)\n政府工作报告\n州人民政府州长\n各位代表:")
    assert (m["region_code"], m["admin_level"]) == ("522600", "prefecture")


@pytest.mark.parametrize("text, kind", [
    ("2023年青海省委省政府10件民生实事如期全面高质量完成\n记者从新闻发布会上获悉,10件民生实事全部完成。", "progress_report"),
    ("吉林省人民政府关于印发《2024年\n省〈政府工作报告〉任务分解\n和责任分工方案》的通知\n各市人民政府:", "work_plan"),
    ("各位代表:\n受区人民政府委托,现向大会报告南开区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展"
     "计划草案,请予审议。", "work_plan"),
])
def test_kinds_of_reports_from_the_title_or_the_opening(text, kind):
    assert meta(text)["doc_type"] == kind


def test_a_pinyin_gloss_with_a_space_inside_is_removed_before_the_opening_is_read():
    m = meta("——2017年1月20日在青海省第十二届人民代表大会(huì )第五次会(huì )议上\n各位代表:\n现在,我代表省人民政府,向大会(huì )报告工作。")
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("630000", "government_work_report", 2017)


@pytest.mark.parametrize("text", [
    "为更好地倾听民声,按照民生实事人大代表票决项目征集办法,决定面向社会公开征集2026年县级民生实事项目。现就有关事项公告如下:"
    "\n一、征集时间\n2025年9月20日至10月20日。\n\n石泉县发展和改革局\n2025年9月20日",
    "我县召开2026年《政府工作报告》意见征求座谈会\n12月29日,县长主持召开座谈会,广泛征求社会各界代表意见建议。",
    "12月10日,县政府向县人大常委会征求对《政府工作报告》(征求意见稿)的意见建议。",
    "鹤山市始终将群众的需求放在首位,扎实推进2025年十件民生实事的遴选工作。\n一是规范遴选流程。出台《鹤山市十件民生实事遴选和"
    "办理工作规范》,明确遴选范围。",
])
def test_calls_for_matters_and_forums_on_a_draft_are_about_documents(text):
    m = meta(text)
    assert m["doc_type"] == "other"


def test_a_call_for_next_years_matters_is_for_next_year():
    m = meta("面向社会公开征集2026年县级民生实事项目。现就有关事项公告如下:\n一、征集时间\n2025年9月20日至10月20日。"
             "\n\n石泉县发展和改革局\n2025年9月20日")
    assert m["doc_year"] == 2026


def test_a_form_field_is_not_a_title():
    m = meta("赣县区人民政府面向社会各界公开征集2025年度民生实事建议项目。\n1.民生实事项目名称\n2.提出该项民生实事的理由")
    assert m["title"] is None and m["doc_type"] == "other"


def test_a_report_that_cites_a_central_forum_is_still_the_report():
    m = meta("——2023年1月5日在疏勒县第十七届人民代表大会第三次会议上\n各位代表:\n现在,我代表县人民政府向大会作工作报告。"
             "认真落实第三次中央新疆工作座谈会精神。")
    assert m["doc_type"] == "government_work_report"


def test_a_question_that_teases_is_not_the_title():
    m = meta("今年为民办实事的20项清单中有你关心的吗?\n不如再来回顾一下,去年都完成了哪些项目吧。\n"
             "2023年省委和省政府为民办实事项目全面完成\n近日,省委、省政府通报了2023年为民办实事项目实施情况。")
    assert (m["title"], m["doc_type"], m["doc_year"]) == ("2023年省委和省政府为民办实事项目全面完成", "progress_report", 2023)


def test_a_pages_section_label_is_not_the_title():
    m = meta("政策解读\n今年将办好十件民生实事\n记者从县政府获悉,2025年县政府将办好十件民生实事。")
    assert m["title"] == "今年将办好十件民生实事"


def test_an_autonomous_prefecture_whose_place_name_a_city_also_has_goes_by_place_and_zhou():
    m = meta("文山州人民政府办公室关于征集2026年重大民生实事项目的公告\n各县(市)人民政府:")
    assert (m["region_code"], m["admin_level"]) == ("532600", "prefecture")


def test_a_prefecture_that_speaks_as_zhou_is_the_one_it_names_most():
    m = meta("一、2018年工作回顾\n2018年,全州上下攻坚克难,甘南州经济平稳增长。州委、州政府带领全州各族群众,甘南州脱贫攻坚取得决定性进展。")
    assert (m["region_code"], m["admin_level"]) == ("623000", "prefecture")


def test_a_county_name_that_opencc_would_change_is_kept():
    m = meta("面向社会各界公开征集乾县2025年民生实事项目。根据中共乾县县委的意见,全县征集工作即日开始。")
    assert m["region_code"] == "610424"


def test_a_city_that_names_a_county_level_city_of_its_own_twice_is_left_unsaid():
    # 乐清's notice of the province's, 温州's and its own matters: 市委市政府 could be either city
    m = meta("2022年度省市县三级民生实事共计120项,在市委市政府高度重视下全部完成。\n省级民生实事30项;温州市民生实事45项,"
             "温州市完成情况良好;乐清市民生实事45项,乐清市全部完成。温州市、温州市表彰。")
    assert m["region_code"] == "330382"  # its own city, not the parent 温州 (330300)


def test_a_title_that_starts_with_guanyu_goes_on_in_its_next_line():
    m = meta("关于2019年政府为民办好10件实事\n落实情况的调查报告\n为了解区政府承诺办好10件实事的落实情况,区政协进行了调查。")
    assert m["title"] == "关于2019年政府为民办好10件实事落实情况的调查报告"
    assert m["doc_type"] == "progress_report"


def test_a_plan_named_by_its_five_year_period_is_for_that_period_and_a_multi_year_plan():
    m = meta("郑州市贯彻落实〈“十四五”就业促进规划〉实施方案\n为落实国家《“十四五”就业促进规划》(2018—2030年远景)的部署,制定本方案。")
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2021, 2025)


@pytest.mark.parametrize("title, kind", [
    ("2019年济南市30件民生实事基本完成落实", "progress_report"),
    ("烟台市促进高质量充分就业若干措施", "work_plan"),
])
def test_more_title_kinds(title, kind):
    assert meta(title + "\n各区、市人民政府:")["doc_type"] == kind


@pytest.mark.parametrize("text, kind", [
    # the headline names only the matters; the opening tells how far they got
    ("去年投入8亿元办民生实事\n3月5日,某县人大常委会听取和审议了县政府关于2025年民生实事项目办理情况的报告。",
     "progress_report"),
    ("2026年民生实事安排\n年初,区政府印发《2026年民生实事安排》。截至一季度,30件民生实事已有18件开始实施。",
     "progress_report"),
    ("我市民生实事项目稳步推进\n截至9月底,全市12件民生实事已完成8件。", "progress_report"),
    ("某市晒出2025年“民生账本”\n1月10日,全市民生实事总结推进会召开。", "progress_report"),
    ("区政府2025年“民生十件实事”项目由区人大代表票决产生。今年以来,区人大常委会将民生十件实事专项监督"
     "作为重要内容。11月,调研组深入镇街了解项目推进情况。", "progress_report"),
    # a new list that says how the last one ended is still the list
    ("2026年十件民生实事出炉\n截至去年12月底,2025年的10件民生实事已全部完成。今年将新增托位500个。",
     "practical_matters_list"),
    ("人大代表票决产生2026年民生实事项目\n截至2025年12月底,上年项目完成投资2.4亿元。", "practical_matters_list"),
])
def test_a_page_about_the_matters_that_tells_how_far_they_got_is_a_progress_report(text, kind):
    assert meta(text)["doc_type"] == kind


@pytest.mark.parametrize("text, code", [
    # a two-character county name that opens a title before a month or a year
    ("萧县9月份民生工程进展情况\n全县30项民生实事中,截至9月底已完成19项。", "341322"),
    ("和县2024年十件民生实事\n一、新建城市书房2家。", "340523"),
    # 宁 written 甯 by a round trip through traditional script
    ("政府工作报告\n——2024年1月23日在辽甯省第十四届人民代表大会第二次会议上\n各位代表:", "210000"),
    # a heading inside the page names the list's region (2024年上海市为民办实事项目完成情况)
    ("今年实施了十方面34项为民办实事项目,目前所有项目均已提前完成全年目标任务。这些项目您还满意吗?"
     "欢迎参与评议,评议结果将作为下一年立项的重要参考,期待您的参与。\n通过什么渠道参与评议?\n"
     "2024年上海市为民办实事项目完成情况\n序号 | 项目 | 完成情况", "310000"),
])
def test_a_region_named_where_a_heading_names_it(text, code):
    assert meta(text)["region_code"] == code


def test_a_heading_of_another_region_inside_a_county_text_does_not_outrank_its_issuer():
    m = meta("德清县人民政府关于2024年民生实事项目完成情况的通报\n各乡镇:\n湖州市2024年民生实事项目完成情况\n一、新增托位")
    assert m["region_code"] == "330521"


@pytest.mark.parametrize("text, year", [
    # session news that names no year but the plan-period year it reviews
    ("1月13日,某区第十六届人民代表大会第八次会议开幕。区长代表区人民政府向大会报告政府工作。"
     "过去一年,全区完成了区十六届人大七次会议确定的主要目标任务,实现了“十三五”圆满收官。", 2021),
    ("某市第十五届人民代表大会第六次会议开幕,市长作政府工作报告。过去一年,我们实现了“十四五”良好开局。", 2022),
    # a progress report on a year's matters that names next year's too
    ("今年实施了34项为民办实事项目。对2024年某市为民办实事项目开展满意度评议工作,评议结果将作为"
     "2025年为民办实事立项的重要参考。\n2024年为民办实事项目完成情况", 2024),
    # a report's date line whose separators were lost (——20231124日在…)
    ("关于县十九届人大二次会议期间代表意见建议办理情况的报告\n——20231124日在县人大常委会第十四次会议上\n"
     "县人大常委会主任,各位副主任:", 2023),
])
def test_the_year_a_text_gives_without_writing_it_plainly(text, year):
    assert meta(text)["doc_year"] == year


def test_a_plan_period_a_report_looks_forward_to_is_not_the_one_it_reviewed():
    # 为…开局打牢基础 is the next period, not a review: the explicit year decides
    m = meta("2025年工作安排\n2025年是“十四五”规划收官之年,要为实现“十五五”良好开局打牢基础。")
    assert m["doc_year"] == 2025


def test_a_period_a_text_looks_forward_to_gives_no_year():
    m = meta("某区召开会议\n会议要求,奋力冲刺,为实现“十五五”良好开局打牢基础。")
    assert m["doc_year"] is None


def test_a_report_that_estimates_the_year_just_ending_is_for_the_next():
    m = meta("区人民政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、过去五年工作回顾\n"
             "过去的五年,我们圆满完成各项目标任务。预计,2016年全区地区生产总值达到3480亿元,是2011年的1.6倍,"
             "年均增长7.5%;一般公共预算收入是2011年的1.8倍;居民人均可支配收入是2011年的1.5倍。")
    assert (m["doc_type"], m["doc_year"]) == ("government_work_report", 2017)


@pytest.mark.parametrize("text, kind", [
    ("昨天,参加市人大会议的代表在代表团全体会议上对2025年度市政府民生实事项目实施情况进行满意度测评。"
     "结果显示,满意率达98%。", "progress_report"),
    ("某县第十八届人民代表大会第五次会议各代表团召开第三次会议,代表们审议政府工作报告,酝酿候选人。", "other"),
])
def test_session_news_and_the_evaluations_held_at_a_session(text, kind):
    assert meta(text)["doc_type"] == kind


def test_the_sites_footer_is_not_the_documents_signature():
    m = meta("某网消息 12月11日至12日,儋州市人大常委会组织代表开展集中视察活动,了解2024年民生实事项目实施情况。\n"
             "市人大常委会主任参加视察。\n版权所有:海南省人大常委会办公厅\n地址:海口市国兴大道69号\n琼ICP备14001308号")
    assert (m["region_code"], m["admin_level"]) == ("460400", "prefecture")


def test_a_headline_that_names_no_kind_stands_over_the_documents_own_title():
    m = meta("自治区人民政府发布通知\n某某自治区人民政府关于下达2020年\n自治区国民经济和社会发展计划的通知\n"
             "各盟行政公署、市人民政府:\n《2020年自治区国民经济和社会发展计划》已经审议通过,现予下达。")
    assert m["doc_type"] == "work_plan"


def test_a_resolution_stays_a_resolution_whatever_title_it_quotes():
    m = meta("某市第十三届人民代表大会第四次会议关于政府工作报告的决议\n政府工作报告\n会议同意报告提出的2019年目标。")
    assert m["doc_type"] == "other"


def test_a_report_page_with_no_heading_is_the_work_report_by_its_review():
    m = meta("一、2024年工作回顾\n过去一年,在地委的坚强领导下,全区经济平稳增长。预计地区生产总值增长6%。\n"
             "二、2025年主要任务\n坚持稳中求进。")
    assert (m["doc_type"], m["doc_year"]) == ("government_work_report", 2025)


@pytest.mark.parametrize("text, year, issued", [
    # a signature date whose 年月日 the page lost: one split of 626 is a date (6 June 26 is, 62 June is not)
    ("某县人民政府办公室关于印发《某县养老服务实施办法》的通知\n各乡镇人民政府:\n现印发给你们。\n"
     "某县人民政府办公室\n2023626\n某县养老服务实施办法", 2023, "2023-06-26"),
    # a portal's metadata table kept as text
    ("文号: 某政办发〔2023〕47号成文日期: 2023-06-26\n发布单位: 县政府办\n"
     "某县人民政府办公室关于印发《某县养老服务实施办法》的通知\n各乡镇人民政府:", 2023, "2023-06-26"),
])
def test_signature_dates_as_pages_garble_or_tabulate_them(text, year, issued):
    m = meta(text)
    assert (m["doc_year"], str(m["issue_date"])) == (year, issued)


def test_a_date_line_whose_lost_separators_allow_two_dates_is_no_date():
    assert metadata.date_of_line("2023111") is None  # 1 November or 11 January
    assert str(metadata.date_of_line("20231124")) == "2023-11-24"


def test_a_report_that_reviews_a_whole_plan_period_is_for_the_year_after_it():
    m = meta("政府工作报告\n各位代表:\n我代表省人民政府,向大会报告工作。\n“十三五”时期工作回顾\n"
             "过去五年,全省经济实力大幅提升。")
    assert m["doc_year"] == 2021


@pytest.mark.parametrize("text", [
    # the portal's own name over a county's news: the site's city is not the document's region
    "湖州市人民政府门户网站\n首页 > 县区动态\n我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年民生实事工作。全县十件民生实事。",
    "欢迎访问湖州市人民政府网站\n我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年全县民生实事工作。",
    "网站主办:湖州市人民政府办公室\n我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年全县民生实事工作。",
    # a byline or dateline that names the city over a text that speaks as a county
    "来源:湖州市人民政府\n我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年民生实事工作。全县十件民生实事。",
    "湖州讯 我县召开民生实事推进会。3月5日,县政府召开会议,部署2024年全县十件民生实事工作。",
])
def test_a_city_named_by_the_site_or_a_byline_over_a_county_text_is_not_its_region(text):
    assert meta(text)["region_code"] is None


def test_an_autonomous_region_that_speaks_of_the_whole_region_keeps_its_name():
    assert meta("广西壮族自治区人民政府\n全区十件民生实事。全区将新建幼儿园。")["region_code"] == "450000"


@pytest.mark.parametrize("text, code", [
    # the news agency's bureau city is not the region of a provincial or county text
    ("新华社南京1月10日电 记者从省政府获悉,今年全省将办好十件民生实事。全省新增养老床位1万张,省政府将加大投入。", None),
    ("人民网杭州1月5日电 今年,德清县将办好十件民生实事,全县新建幼儿园3所。", "330521"),
    # …but is where the text speaks as that city
    ("新华网上海1月11日电 上海市今年将办好十件民生实事,全市新增养老床位。", "310000"),
    ("南京日报讯 记者从市政府获悉,今年全市将办好十件民生实事,全市新增托位5000个。", "320100"),
])
def test_a_datelines_city_counts_only_where_the_text_speaks_as_a_city(text, code):
    assert meta(text)["region_code"] == code


@pytest.mark.parametrize("text", [
    # a related-news list under a county's news: its headlines are not the signature
    "我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年全县民生实事工作。全县十件民生实事有序推进。\n"
    "相关新闻\n湖州市人民政府召开常务会议\n湖州市政府党组召开会议",
    # the site's footer: who runs the site
    "我县召开民生实事推进会\n3月5日,县政府召开会议,部署2024年全县民生实事工作。全县十件民生实事有序推进。\n"
    "湖州市人民政府办公室主办\n联系电话:0572-1234567",
])
def test_the_pages_tail_is_not_the_signature_of_a_county_text(text):
    assert meta(text)["region_code"] is None


@pytest.mark.parametrize("text, code", [
    # a province named once, and no other, by a text that speaks as a province
    ("今年为民办实事的25项清单中有你关心的吗?不如再来回顾一下2021年,福建都完成了哪些项目吧。\n"
     "近日,省委、省政府发布关于2021年为民办实事项目实施情况的通报。全省29项为民办实事项目全面完成。", "350000"),
    # a county's short name once is no evidence: 会同 (together with) is a county too
    ("关于2023年10月份民生实事项目进展情况的通报\n各乡镇:\n县发改委要会同县督查落实办对相关工作进行督查。"
     "全县65件民生实事已完成26件。县政府将加强调度。", None),
])
def test_a_region_named_once_by_a_text_that_names_itself_nowhere_else(text, code):
    assert meta(text)["region_code"] == code


def test_a_text_that_names_no_region_still_says_its_level():
    m = meta("关于2024年民生实事项目进展情况的通报\n各乡镇:\n截至10月底,全县65件民生实事已完成26件。县政府将加强调度,"
             "县督查室跟踪督办。")
    assert (m["region_code"], m["admin_level"]) == (None, "county")


def test_a_text_that_speaks_of_its_city_and_its_province_alike_says_no_level():
    m = meta("解读\n全市生产总值增长8%,增幅居全省第一位;全市投资增长13%,居全省前列;全市消费增长10%,全省第二。")
    assert m["admin_level"] == "unknown"


@pytest.mark.parametrize("head", ["王忠林在市十六届人大二次会议上的政府工作报告解读", "前三季度我市民生实事加快推进"])
def test_words_of_a_sentence_are_never_a_region_name(head):
    assert meta(head + "\n全市民生实事稳步推进。")["region_name"] is None


def test_a_short_name_two_regions_share_is_the_one_written_in_full_nearby():
    m = meta("河北:18项民生工程提前或超额完成年度目标任务\n从“河北省‘我为群众办实事’——20项民生工程推进落实情况”"
             "新闻发布会上获悉,今年以来,全省大力实施20项民生工程。")
    assert m["region_code"] == "130000"  # 河北省, not 天津's 河北区


def test_a_review_heading_with_words_between_year_and_review():
    m = meta("市人民政府市长\n各位代表:\n现在,我代表市人民政府,向大会报告工作。\n一、2019年和今年以来工作回顾\n"
             "2019年是全市发展史上具有里程碑意义的一年。")
    assert m["doc_year"] == 2020


@pytest.mark.parametrize("text, code", [
    ("2024年政府工作报告\n——在科右前旗第十八届人民代表大会第三次会议上\n各位代表:", "152221"),
    ("达茂旗2025年民生实事\n全旗新建幼儿园1所。", "150223"),
])
def test_banners_go_by_their_abbreviations(text, code):
    assert meta(text)["region_code"] == code


@pytest.mark.parametrize("text, kind, year", [
    ("市人民政府办公室关于分解落实《政府工作报告》的通知\n各区、镇,市政府各部门:\n2017年是新一届政府开局之年,做好政府工作意义重大。",
     "work_plan", 2017),
    ("各区人民政府,市人民政府各部门:\n2017年,是新一届市人民政府的开局之年。现将《2017年市〈政府工作报告〉确定的主要目标任务"
     "责任分解方案》印发给你们,请认真贯彻执行。", "work_plan", 2017),
    ("2019年某县人民政府工作报告(全文)\n——在某县第十七届人民代表大会第四次会议上 县长某某(2020年1月8日)\n各位代表:",
     "government_work_report", 2020),
])
def test_duty_splits_dated_reports_and_reports_read_as_made(text, kind, year):
    m = meta(text)
    assert m["doc_type"] == kind
    if year:
        assert m["doc_year"] == year


def test_a_city_report_led_by_the_province_speaks_as_the_city():
    # 省委 ×2 and 市委 ×2 tie; 全市 speaks as the city, which it names twice by its short name
    m = meta("各位代表:\n一、2018年工作回顾\n刚刚过去的一年,在省委、省政府和市委的坚强领导下,全市上下奋力拼搏,"
             "武汉发展史上具有里程碑意义。圆满完成了市十四届人大二次会议确定的目标任务,省委巡视反馈问题整改到位,"
             "市委部署全面落实,大武汉建设迈出新步伐,武汉综合实力显著增强。")
    assert (m["region_code"], m["admin_level"]) == ("420100", "prefecture")


def test_a_feature_with_no_heading_that_tells_how_far_the_years_matters_got_is_a_progress_report():
    m = meta("2025年,某县明确将10大类34个子项目分解到16个县直部门,扎实推进为民办实事工作。\n"
             "县民族小学滨江校区揭牌并投入使用。截至目前土建项目开工率达到80%以上。")
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2025)


@pytest.mark.parametrize("text, year", [
    ("1月29日下午,某县第十七届人民代表大会第五次会议隆重开幕。县长代表县人民政府作政府工作报告,回顾了“十四五”"
     "发展成就和2025年主要工作。", 2026),
    ("某省:18项民生工程提前完成年度目标任务\n2021年11月19日18:09 | 来源:某某网\n今年以来,全省大力实施20项民生工程。"
     "截至目前,18项民生工程提前完成年度目标任务。", 2021),
    # a completion notice dated the year after its matters keeps their year
    ("2024年全县民生实事项目全面完成\n2025年01月06日 | 来源:某某网\n2024年,全县10件民生实事全部完成。", 2024),
])
def test_years_of_reviews_and_of_progress_in_course(text, year):
    assert meta(text)["doc_year"] == year


@pytest.mark.parametrize("text, code", [
    # a county report that names itself only in the words it speaks of itself in
    ("2025年发展目标和重点工作\n按照县委全会部署,全县上下团结奋斗,为建设现代化强县、为民族复兴伟业贡献正定力量。"
     "县委、县政府将狠抓落实。", "130123"),
    # a parent city so framed in a county text is not its region
    ("2025年发展目标和重点工作\n全县上下团结奋斗,县委、县政府将狠抓落实,推动德阳高质量发展。", None),
])
def test_a_region_named_only_in_the_words_a_text_speaks_of_itself_in(text, code):
    assert meta(text)["region_code"] == code


@pytest.mark.parametrize("text, kind, year", [
    ("县人大代表围绕《政府工作报告》进行分组讨论\n1月14日下午,参加县第十八届人民代表大会第一次会议的代表分组讨论。"
     "报告部署了2022年重点工作。", "other", 2022),
    ("【原标题】某某主持召开自治区政府第四次全体(扩大)会议\n会议讨论通过政府工作报告、2024年国民经济和社会发展计划执行情况"
     "与2025年计划草案,提请自治区人大会议审议。", "other", 2025),
    ("市人大财经委员会会议审查计划和预算草案\n昨日上午,市十二届人大七次会议财经委员会会议召开。会议审查了《2019年国民经济和社会发展计划执行情况与2020年"
     "国民经济和社会发展计划草案的报告》。", "other", 2020),
])
def test_news_of_deliberations_and_meetings_on_the_drafts_is_about_them(text, kind, year):
    m = meta(text)
    assert (m["doc_type"], m["doc_year"]) == (kind, year)


def test_the_work_plan_for_a_years_matters_is_a_work_plan():
    m = meta("关于印发《自治州2025年十件民生实事工作方案》的通知\n各县市人民政府:\n现将方案印发给你们。")
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2025)


@pytest.mark.parametrize("text, kind", [
    # a session's agenda names the plan and report it examines: news of the session
    ("为期3天的省十三届人大二次会议今日开幕。会议将听取和审议省人民政府工作报告,审查和批准省2018年国民经济和社会发展"
     "计划执行情况与2019年国民经济和社会发展计划草案的报告。", "other"),
    # …unless it tells of the report delivered
    # the plan report itself names its draft without an agenda verb before it
    ("各位代表:\n受市人民政府委托,现将2024年国民经济和社会发展计划执行情况与2025年计划草案提请大会审查。", "work_plan"),
])
def test_a_sessions_agenda_is_news_of_the_session(text, kind):
    assert meta(text)["doc_type"] == kind


@pytest.mark.parametrize("text, kind, year", [
    ("民生无小事。刚刚过去的2020年,市委、市政府实施36个为民办实事项目,35个项目顺利完成。今年,全市继续开展为民办实事"
     "工作,将实施39个具体项目。39个为民办实事项目如下:\n1。 新改扩建20所公办幼儿园;\n2。 打造14个区域性养老服务中心工程;",
     "practical_matters_list", 2021),
    ("关于某省2021年国民经济和社会发展计划\n执行情况与2022年国民经济和社会发展\n计划的报告\n某省人民代表大会审议通过\n"
     "一、2021年国民经济和社会发展计划执行情况", "work_plan", 2022),
    ("【速看】某市今年全力办好10件民生实事\n来源:某某晚报 • 2023-02-24 09:45:53\n记者从市“两会”上获悉,今年市政府将全力办好"
     "10件民生实事。", "practical_matters_list", 2023),
])
def test_lists_plan_reports_and_news_dated_by_their_source_line(text, kind, year):
    m = meta(text)
    assert (m["doc_type"], m["doc_year"]) == (kind, year)


@pytest.mark.parametrize("text, kind, year", [
    ("原标题:省政府召开全体会议讨论政府工作报告\n12月28日,省长主持召开省政府全体会议,讨论拟提请省人大会议审议的《政府工作报告"
     "(讨论稿)》。会议指出,2019年是新中国成立70周年。", "other", 2019),
    ("10月17日,我县召开2020年度县政府工作报告重点工作和民生实事专题调度会议。\n县领导要求确保2020年圆满收官。", "other", 2020),
    ("一、2019年和今年以来工作回顾\n过去一年,全区经济社会发展取得新成绩,全面完成区人大会议确定的年度主要任务。", "government_work_report",
     2020),
    ("各镇人民政府,区政府各部门:\n为深入贯彻落实区第十八届人民代表大会第四次会议精神,全面完成好《政府工作报告》中确定的2021年"
     "各项工作任务,现将《<政府工作报告>任务分解表》印发给你们。\n某区人民政府办公室\n2021年1月25日", "work_plan", 2021),
])
def test_meetings_on_the_report_report_pages_and_duty_splits(text, kind, year):
    m = meta(text)
    assert (m["doc_type"], m["doc_year"]) == (kind, year)


@pytest.mark.parametrize("text, kind", [
    ("关于做好2018年政府工作报告主要目标任务和为民办实事的通知\n各乡镇人民政府:\n将各项工作任务分解,现就有关事宜通知如下:",
     "work_plan"),
    ("某市人民政府关于切实做好2020年市政府重点工作的通知\n各区人民政府:\n现就做好2020年重点工作通知如下:", "work_plan"),
    # the congress will follow the voted matters (跟踪监督): a vote, not progress
    ("定了!2025年某区重点民生实事项目票决出炉\n出席区人民代表大会的全体代表投出关键一票,票决出的10个重点民生实事项目"
     "为监督重点,跟踪监督。", "practical_matters_list"),
])
def test_notices_that_set_the_reports_tasks_and_vote_news(text, kind):
    assert meta(text)["doc_type"] == kind


@pytest.mark.parametrize("text, year", [
    ("湖北省第十四届人民代表大会第三次会议\n湖北省第十四届人民代表大会第三次会议于2025年1月16日至20日在武汉召开。"
     "2024年11月29日,省人大常委会决定召开本次会议。", 2025),
    ("各位代表:\n现在,我代表市人民政府向大会报告工作。\n2015年,预计实现地区生产总值376亿元,增长11%。", 2016),
])
def test_session_dates_and_estimates(text, year):
    assert meta(text)["doc_year"] == year


def test_a_plans_projection_is_no_estimate_of_the_year_reviewed():
    m = meta("1月12日,省第十四届人民代表大会第一次会议开幕。在政府工作报告中,全省提出,2023年预计新增财政支出15亿元。")
    assert m["doc_year"] != 2024  # 2023年预计新增… plans 2023; it does not review it


# ---------------------------------------------------------------- year: the page's own date, a portal's head

@pytest.mark.parametrize("page, year", [
    # session news that names no year but the page's: its date line is page furniture, dropped, and read
    ("区人大代表围绕《政府工作报告》进行分组讨论\n发布日期:2021-02-09\n作者:办公室\n"
     "2月3日下午,参加某某区第九届人民代表大会第五次会议的代表分成12个代表团进行分组讨论。", 2021),
    ("阅读提示\n刊发时间:2019-02-21 A2版 作者:\n2月19日,市五届人大三次会议开幕,市长在所作的政府工作报告中"
     "回顾了过去一年的工作。", 2019),
    # a progress report of this year's matters (今年十件实事) in course: the page's date
    ("欢迎访问某某县人大网站!\n县人大视察县政府十件实事落实情况\n"
     "发布时间:2022-10-12 09:30 信息来源:县人大常委会 阅读次数:\n"
     "10月10日,视察组对县政府今年十件实事落实情况进行了视察。", 2022),
])
def test_a_news_page_with_no_year_in_its_text_takes_the_date_its_page_gives(page, year):
    cleaned = clean.clean(page)
    assert "发布" not in cleaned.clean_text and "刊发" not in cleaned.clean_text  # still page furniture
    assert meta(page)["doc_year"] == year


def test_a_completion_notice_does_not_take_its_page_date_when_it_names_the_year_it_reports():
    page = ("关于2022年民生实事完成情况的通报\n发布日期:2023-01-10\n2022年,全市十件民生实事全面完成。")
    assert meta(page)["doc_year"] == 2022


def test_a_portals_metadata_table_gives_an_opinions_number_and_so_its_year():
    page = "\n".join(["当前位置 > 首页 > 信息公开 > 政府文件", "014000000/2022-00021", "市政府文件", "其他",
                      "某某市人民政府", "2022-04-11", "2022-04-12", "某政发规〔2022〕5号", "有效",
                      "市政府关于印发《关于加快发展普惠托育服务的实施意见》的通知", "某政发规〔2022〕5号",
                      "各镇政府,市政府各部门:", "《关于加快发展普惠托育服务的实施意见》已经市政府常务会议审议通过。"])
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("implementation_opinion", 2022)


def test_a_number_an_opinion_cites_in_its_text_is_not_its_own():
    page = "\n".join(["关于加快发展普惠托育服务的实施意见", "各镇政府,市政府各部门:", "为贯彻落实国家有关部署,结合我市实际,",
                      "现提出如下意见。", "一、总体要求", "二、主要任务", "三、保障措施", "四、组织实施",
                      "根据省政府有关文件精神:", "某政发〔2019〕8号"])
    assert meta(page)["doc_year"] is None


def test_a_sites_list_headings_beside_the_article_are_not_its_title():
    page = "\n".join(["养老服务规划更新", "养老服务规划推荐", "养老服务规划热门", "某某市养老服务发展“十四五”规划",
                      "2023-12-22 07:04:35", "“十四五”时期是我市养老服务体系建设的关键时期。"])
    m = meta(page)
    assert (m["title"], m["plan_start_year"], m["plan_end_year"]) == ("某某市养老服务发展“十四五”规划", 2021, 2025)


def test_a_list_year_that_opens_the_sentence_naming_its_matters():
    page = ("2025年,某某旗立足当地实际与群众需求,聚焦改善居住环境、强化民生保障、优化教育服务等关键领域,"
            "通过征集民意、征求人大代表建议等方式精筛细选,确定实施3项民生实事项目。\n该旗拟投入资金153万元,新建公厕1处。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("practical_matters_list", 2025)


def test_an_html_pages_published_date_reaches_the_year_of_its_news(tmp_path):
    # The portal's info line is read into the page's metadata and taken out of the text: the year of
    # session news that names none is still the page's (invented page, in a real portal's shape).
    from flows.ingest import SourceRecord, read_source
    from flows.pipeline import build_document
    body = ("<p>2月3日下午,参加某某县第十八届人民代表大会第三次会议的代表分成10个代表团,围绕县人民政府工作报告"
            "进行分组讨论。代表们一致认为,报告客观总结了过去一年的工作,提出的目标任务符合实际。</p>")
    page = ('<html><head><meta charset="utf-8"><title>县人大代表分组讨论政府工作报告</title></head><body>'
            '<div class="con"><p class="con-title">县人大代表分组讨论政府工作报告</p>'
            '<div class="small-title"><span>发布日期：2024-02-05</span><span>信息来源：县人大办</span></div>'
            f'<div class="main-txt">{body}</div></div></body></html>')
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    document = build_document(read_source(SourceRecord(path.name, path))).document
    assert (document["doc_type"], document["doc_year"]) == ("other", 2024)


@pytest.mark.parametrize("opening, year", [
    # provinces' congresses all opened a term in 2023 (most the 14th; 北京 the 16th): session k, k − 1 years on
    ("上午,湖南省第十四届人民代表大会第三次会议在长沙开幕。代表们认真听取了政府工作报告。", 2025),
    ("北京市第十六届人民代表大会第四次会议隆重开幕,与会代表审议政府工作报告。", 2026),
    ("省十三届人大一次会议开幕,代表们审议四川省人民政府工作报告,共商全省发展大计。", 2018)  # 省: its own,
])
def test_a_provinces_session_by_its_term_and_number_dates_a_page_that_names_no_year(opening, year):
    m = meta("\n".join(["代表们热议政府工作报告", opening, "代表们表示,报告实事求是,催人奋进。"]))
    assert m["doc_year"] == year
    assert "届" in json.loads(m["metadata_evidence"])["doc_year"]["quote"]


def test_a_countys_or_the_countrys_session_by_its_number_dates_nothing():
    # a county's term opened late in 2021 or early in 2022: no one year; the country's is named as a past event
    for opening in ("上午,洋县第十八届人民代表大会第四次会议开幕,代表们审议政府工作报告。",
                    "总书记参加十三届全国人大一次会议时的重要讲话精神,代表们审议政府工作报告。"):
        assert meta("\n".join(["代表们热议政府工作报告", opening]))["doc_year"] is None


# ---------------------------------------------------------------- kind: a list quoted from a report, deliberation news

@pytest.mark.parametrize("page", [
    "11月26日,某某县第十八届人民代表大会第一次会议隆重开幕,县长代表县人民政府向大会作政府工作报告。报告指出,"
    "2023年县政府将继续优先保障民生投入,重点抓好10件民生实事:\n(1)新增城镇就业5000人以上。\n(2)改造老旧小区10个。",
    "代区长在区第十六届人民代表大会第一次会议上向代表作政府工作报告时表示,2019年,区政府将努力为民办好十件实事:\n"
    "1.有效改善居住条件。完成200幢房屋改造。\n2.加大教育投入。新建幼儿园3所。",
])
def test_news_of_a_report_that_goes_on_to_list_the_years_matters_is_the_list(page):
    assert meta(page)["doc_type"] == "practical_matters_list"


def test_news_of_a_report_that_only_mentions_its_matters_stays_the_report():
    page = ("1月26日,某某省第十四届人民代表大会第一次会议开幕,省长作政府工作报告。他在报告中提到,今年将重点实施十个方面"
            "35项民生实事。\n报告回顾了过去五年的工作,地区生产总值年均增长6%。")
    assert meta(page)["doc_type"] == "government_work_report"


@pytest.mark.parametrize("headline", ["【直击两会】某某镇代表团认真审议政府工作报告", "「聚焦两会」人大代表热议政府工作报告",
                                      "市八届人大三次会议今天上午开幕将审议市人民政府工作报告"])
def test_deliberation_news_that_quotes_little_of_the_report_is_news_of_the_session(headline):
    page = (f"{headline}\n2月15日下午,出席县第十七届人民代表大会第一次会议的代表团举行讨论会。代表们一致认为,"
            "政府工作报告实事求是地总结了过去一年的工作,报告总结的成绩来之不易。")
    assert meta(page)["doc_type"] == "other"


def test_deliberation_news_that_quotes_the_report_summarises_it():
    page = ("省人大代表继续审议政府工作报告\n27日上午,各代表团继续审议政府工作报告和计划报告、预算报告。\n"
            "政府工作报告指出,全面实施加快培育发展新动能行动计划。\n报告提出,今年省政府将认真办好十方面民生实事。")
    assert meta(page)["doc_type"] == "government_work_report"


def test_a_notice_flattened_to_one_line_is_titled_by_the_document_its_formula_issues():
    page = ("某政办字〔2021〕19 号某某市人民政府办公室关于印发某某市建设健康城市三年攻坚行动实施方案(2021—2023年)的通知"
            "各镇人民政府,各街道办事处,市政府有关部门: 《某某市建设健康城市三年攻坚行动实施方案(2021—2023年)》"
            "已经市政府研究同意,现印发给你们,请结合实际,认真贯彻执行。 某某市人民政府办公室 2021 年 5 月 12 日 一、总体要求")
    m = meta(page)
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2021, 2023)


def test_a_plan_whose_opening_says_it_makes_itself_is_titled_by_it():
    page = ("(2018-2020年)\n为巩固一期行动计划成果,进一步加快学前教育发展,根据省教育厅有关通知精神,结合我市实际,"
            "特制订《某某市第三期学前教育行动计划(2018—2020年)》。\n一、基本原则")
    m = meta(page)
    assert (m["title"], m["doc_type"], m["plan_start_year"]) == ("某某市第三期学前教育行动计划(2018—2020年)", "action_plan", 2018)


def test_a_sessions_vote_on_the_years_matters_is_news_of_the_list_whatever_else_it_evaluated():
    page = ("县十六届人大三次会议举行第三次全体会议\n3月2日上午,县第十六届人民代表大会第三次会议举行第三次全体会议。\n"
            "会议组织大会投票选举和民生实事项目票决:对2020年县政府民生实事项目落实情况进行满意度测评,"
            "票决2021年县政府民生实事项目包括农村饮水安全巩固提升工程等十个项目。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("practical_matters_list", 2021)


def test_a_work_reports_most_named_year_is_not_taken_for_its_year():
    # a report names most often the year it reviews, or the base year of its comparisons
    page = ("政府工作报告-某某日报\n过去五年,是我市发展历史上具有里程碑意义的五年。地区生产总值比2015年增长37.8%,"
            "居民人均可支配收入比2015年增长43.5%,经济总量占全区比重由2015年的20.3%提升至21.3%。")
    assert meta(page)["doc_year"] is None


@pytest.mark.parametrize("page, year", [
    ("区人大会议侧记\n报告总结2019年的工作实实在在,部署今年的任务目标明确。", 2020),
    ("1月10日上午,省十三届人大三次会议开幕,省长作政府工作报告。\n报告显示,过去的一年,我省加快城市群发展。"
     "新建城市道路2419公里。\n2019年,我省新建高标准农田590万亩。", 2020),
])
def test_the_year_a_report_reviews_after_words_of_review(page, year):
    assert meta(page)["doc_year"] == year


def test_total_of_last_years_work_as_a_noun_is_no_review_of_the_next():
    page = ("关于《政府工作报告(征求意见稿)》解读\n《政府工作报告(征求意见稿)》,是在认真归纳总结各部门上报的2022年工作总结"
            "和2023年工作安排的基础上起草的。\n第一部分为2022年工作回顾;第二部分为2023年工作安排。")
    assert meta(page)["doc_year"] == 2023


# ---------------------------------------------------------------- region: names inside other words

def test_a_short_name_that_starts_a_landmarks_name_is_no_mention_of_that_region():
    page = ("区长主持召开区长办公会,讨论研究《政府工作报告》(征求意见稿)。\n要更加符合南岸实际和全区人民群众期盼。"
            "全区要突出广阳岛、广阳湾规划建设,落实乡村振兴战略。区政府要抓好落实,全区上下共同努力。")
    m = meta(page)
    assert m["region_code"] == "500108"  # 南岸区 (Chongqing), named in its own frame; not 广阳区, not 振兴区


def test_a_caption_naming_one_project_is_not_a_plans_title():
    page = ("某某镇某某村产业道路项目\n某某线修复工程\n……\n某某县快速按下\n重大民生实事项目建设“启动键”\n"
            "2024年2月23日,随着某某县第十八届人民代表大会第三次会议胜利闭幕,全县共票决出2024年度重大民生实事项目76件。"
            "截至目前,全县已启动建设2024年度重大民生实事项目32个。")
    m = meta(page)
    assert m["doc_type"] not in ("work_plan", "action_plan") and m["doc_year"] == 2024


def test_a_prefecture_that_calls_itself_by_its_government_speaks_as_a_prefecture():
    page = ("2021年,州人民政府围绕人民群众最关心的民生问题,在政府工作报告中提出办好10件惠民实事。通过一年的努力,"
            "承诺的10件惠民实事全面完成,化成全州人民更多的获得感。\n■ 城乡住房保障和提升工程\n发放租赁补贴6186户。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"], m["doc_year"]) == (None, "prefecture", 2021)


@pytest.mark.parametrize("opening", [
    "市人大常委会召开主任会议,听取市政府关于2020年民生实事项目推进情况的汇报。当前已开工项目有3个。",
    "截至3月底,省级财政已下达为民办实事项目资金76.33亿元,完成计划的68%。",
])
def test_a_page_under_a_headline_of_the_matters_that_tells_how_far_they_got_is_a_progress_report(opening):
    assert meta(f"确保民生实事项目高质量推进\n{opening}")["doc_type"] == "progress_report"


def test_the_plan_a_session_examines_the_execution_of_is_a_year_reviewed():
    page = ("某某区十届人大二次会议闭幕\n大会通过了关于某某区2021年国民经济和社会发展计划执行情况与2022年计划的决议,"
            "听取和审查了区人民政府工作报告。")
    assert meta(page)["doc_year"] == 2022


def test_a_draft_plan_next_to_a_budgets_execution_stays_planned():
    page = ("某某:县政府召开2018年第八次常务会议\n12月25日,县长主持召开县政府常务会议,研究审议《2019年县政府工作报告(审议稿)》。"
            "会议听取了《某某县2018年国民经济与社会发展计划执行情况和2019年计划(草案)报告》和《某某县2018年财政执行情况"
            "和2019年财政预算(草案)报告》起草情况的汇报。")
    assert meta(page)["doc_year"] == 2019


def test_a_pages_labelled_date_is_taken_over_a_bare_date_its_sites_header_shows():
    page = ("2023年03月29日 星期三\n某某在市十六届人大二次会议上的政府工作报告解读\n发布日期:2018-01-09\n信息来源:某某日报\n"
            "报告解读如下,全市上下要认真学习。")
    assert meta(page)["doc_year"] == 2018


@pytest.mark.parametrize("headline", ["听你的!某某2025年民生实事等你来提议", "12项“2021年度市政府民生实事候选项目”出炉",
                                      "原标题:某某县十七届人大四次会议主席团举行第三次会议"])
def test_a_call_for_proposals_a_candidate_list_and_a_presidium_meeting_are_about_the_list(headline):
    page = f"{headline}\n会议审议通过了2025年县政府民生实事项目,确定实施10件民生实事。"
    assert meta(page)["doc_type"] == "other"


def test_an_opinions_own_formula_says_what_it_is_with_no_title():
    page = ("各区(市)县政府,市政府各部门:\n为推进实施更加积极的就业政策,按照省政府有关意见精神,"
            "现就做好我市新形势下就业创业工作提出以下实施意见。\n一、深入实施就业优先战略")
    assert meta(page)["doc_type"] == "implementation_opinion"


def test_a_plan_that_says_it_draws_itself_up_is_titled_by_it():
    page = ("根据《中共某某市委员会关于制定某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》,编制"
            "《某某市国民经济和社会发展“十四五”规划和二〇三五年远景目标纲要》,主要阐明“十四五”时期经济社会发展的指导思想。\n"
            "第一章 发展基础")
    m = meta(page)
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2021, 2025)


def test_a_committees_preliminary_review_of_the_plan_report_is_news_of_it():
    page = ("本报讯 12月25日,市人大财经委召开专题会议,对全市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
            "开展初步审查。\n会上,市发改委报告了拟提请大会审议的报告。")
    assert meta(page)["doc_type"] == "other"


def test_a_fragment_of_a_pages_markup_saved_as_text_is_read_as_the_page(tmp_path):
    from flows.ingest import SourceRecord, read_source
    from flows.pipeline import build_document
    fragment = ("<h3> 2月26日上午9时,某某区第五届人民代表大会第四次会议在区政中心隆重开幕。</h3><h3></h3>"
                "<h3> 区长代表区人民政府向大会报告工作。报告分为“2018年工作回顾”和“2019年工作安排”两大部分。</h3>"
                "<h1 style=\"text-align: center;\"><b>2018年工作回顾</b></h1><h3> 全区上下较好地完成了目标任务,"
                "新增城镇就业1.2万人。</h3><h3> 城乡居民收入稳步增长。</h3>")
    path = tmp_path / "page.txt"
    path.write_text(fragment, encoding="utf-8")
    raw = read_source(SourceRecord(path.name, path))
    assert "<h3>" not in raw.text and "新增城镇就业1.2万人" in raw.text
    document = build_document(raw).document
    assert (document["doc_type"], document["doc_year"]) == ("government_work_report", 2019)


def test_a_report_dated_in_october_that_reviews_that_year_is_for_the_next():
    page = ("政府工作报告\n——2021年10月19日在某某县第十八届人民代表大会第一次会议上\n各位代表:\n"
            "一、2021年工作回顾及过去五年主要成就\n过去五年,全县地区生产总值年均增长7%。")
    assert meta(page)["doc_year"] == 2022


def test_a_year_right_before_words_of_intent_is_the_year_planned():
    page = "某某市政府工作报告确定了2024年将筹措资金60亿元以上,为民办实事“十大”工程。\n第一批公布的项目共57个。"
    assert meta(page)["doc_year"] == 2024


@pytest.mark.parametrize("page, year", [
    ("某某区十届人大五次会议隆重开幕\n2016年01月31日\n区长代表区人民政府作《政府工作报告》。报告说,2015年是"
     "“十二五”规划的最后一年,全区经济平稳增长。", 2016),
    ("自治区十三届人大一次会议开幕 主席作政府工作报告\n2018-01-24 08:30\n报告指出,2017年是自治区成立70周年,"
     "全区经济稳中向好。", 2018),
])
def test_news_of_a_report_posted_in_the_session_season_is_for_that_year(page, year):
    assert meta(page)["doc_year"] == year


def test_a_progress_meeting_on_this_years_numbered_matters_takes_its_pages_date():
    page = ("省长主持召开省长办公会专题调度今年我省20项民生工程推进情况\n来源:某某日报 2022-07-08 08:47:11\n"
            "7月6日,省长主持召开省长办公会,听取今年我省20项民生工程进展情况汇报。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2022)


def test_a_text_with_no_words_for_its_level_that_names_one_region_again_and_again_is_that_regions():
    page = ("2024年9月,苏州市统计局进行了2024年苏州市民生实事项目市民评议调查,调查报告在日报刊发。\n"
            "本次调查对象为18岁以上的苏州市常住居民,共收集到1028份有效问卷。\n调查报告介绍了苏州市民对民生实事项目的满意度。")
    assert meta(page)["region_code"] == "320500"


def test_a_city_text_that_names_itself_nowhere_is_the_city_its_counties_belong_to():
    page = ("2020年《政府工作报告》重点工作半年度完成情况\n市政府督查室\n上半年,全市新增城镇就业2.1万人。"
            "炎陵县、茶陵县新建农村公路120公里,荷塘区完成老旧小区改造15个。全市城乡居民收入稳步增长。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("430200", "prefecture")  # 株洲市


def test_counties_of_two_cities_give_no_city():
    page = ("上半年,全市新增城镇就业2.1万人。炎陵县、茶陵县新建农村公路120公里,岳麓区完成老旧小区改造15个。"
            "全市城乡居民收入稳步增长。")
    assert meta(page)["region_code"] is None  # the county's page on its city's portal: not 邯郸市


def test_news_of_a_sessions_close_is_not_the_report():
    page = ("山东省某某区第十八届人民代表大会第四次会议胜利闭幕\n1月9日上午,某某区第十八届人民代表大会第四次会议胜利闭幕。"
            "\n会议还表决通过了关于政府工作报告的决议,通过了关于计划报告的决议,通过了关于预算报告的决议。")
    assert meta(page)["doc_type"] == "other"


def test_a_short_name_gives_way_to_a_name_of_its_level_that_starts_inside_it_and_runs_past():
    # 新荣昌: 荣昌 (重庆市荣昌区) after 新, not 新荣 (大同市新荣区); 江西安福县: 江西 stays (西安 is no county)
    m = meta("\n".join(["(上接1版)", "各位代表!过去一年,现代化新荣昌建设迈出了坚实步伐。全区上下奋力推进新荣昌建设,"
                         "新荣昌发展势头良好。区人大、区政协加强监督,全区地区生产总值增长6%。"]))
    assert m["region_code"] == "500153"
    from flows import gazetteer
    assert [codes for _, _, codes in gazetteer._named("江西安福县", lambda row: True, frozenset())] == [
        ("360000",), ("360829",)]


def test_a_portals_list_line_a_title_then_its_date_is_the_title():
    m = meta("\n".join(["上海市青浦区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 2023-09-13", "主动公开",
                         "序 言", "“十四五”时期,我国开启全面建设社会主义现代化国家新征程,上海以全面强化“四大功能”为引领。"]))
    assert (m["region_code"], m["plan_start_year"], m["plan_end_year"]) == ("310118", 2021, 2025)
    assert m["title"].endswith("纲要")


def test_a_portals_class_and_its_page_facts_without_a_colon_are_no_title():
    m = meta("\n".join(["计划总结", "索引号: 002482365/2023-00095 公开日期: 2023-04-22",
                         "浙江省卫生健康委关于印发2023年浙江省卫生健康工作要点的通知", "各市、县(市、区)卫生健康委(局):",
                         "现将2023年浙江省卫生健康工作要点印发给你们,请认真组织实施。"]))
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("work_plan", 2023, "330000")
    m = meta("\n".join(["索  引  号 014000810/2019-00559 分        类 年度计划及总结", "发布机构 江苏省交通运输厅",
                         "标        题 2019年全省交通运输重点工作", "2019年全省交通运输重点抓好以下十个方面的工作:",
                         "一、加快综合交通基础设施建设。"]))
    assert (m["title"], m["doc_year"]) == ("2019年全省交通运输重点工作", 2019)


def test_a_work_scheme_that_carries_out_a_quoted_five_year_plan_is_a_years_work_plan():
    m = meta("\n".join(["晋政办发〔2017〕55号", "山西省人民政府办公厅关于印发山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案",
                         "各市、县人民政府,省人民政府各委、办、厅、局:", "现将工作方案印发给你们,请认真贯彻执行。"]))
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2017)


def test_a_progress_report_whose_sentence_opens_with_its_year_after_an_ellipsis():
    m = meta("\n".join(["留守儿童有了“诚信保姆”、养老院装上了新空调……2017年,肥东县实施37项民生工程,涉及社会保障等多个方面。"
                         "据悉,截至6月底,全县民生工程已完工13462个,完工率67.2%。"]))
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2017)


def test_a_plan_that_names_itself_after_a_long_opening_sentence():
    opening = ("民政工作关系民生、连着民心,是社会建设的兜底性、基础性工作。为全面深入贯彻习近平总书记关于民政工作重要指示精神,"
               "明确“十四五”时期广东省民政事业发展主要目标、重要任务和重大举措,着力推进民政领域“大救助、大养老服务、"
               "大儿童保障、大慈善、大社会治理”五大工作体系建设,"
               "开启广东民政事业现代化建设新征程,依据《广东省国民经济和社会发展第十四个五年规划和2035年远景目标纲要》"
               "和民政部《“十四五”民政事业发展规划》制定本规划。")
    assert opening.index("本规划") > 200
    m = meta("\n".join([opening, "第一章“十三五”时期发展回顾", "“十三五”时期是全面建成小康社会的决定性阶段。"]))
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2021, 2025)


def test_a_first_sentence_whose_subject_is_a_region_names_the_page_that_names_itself_nowhere_else():
    m = meta("\n".join(["2021年,大安市聚焦群众期盼,坚定不移增投入、解民需,重点实施五大工程暖民心。",
                         "旅游富民工程。投资3.2亿元,景区基础和配套设施建成使用。"]))
    assert m["region_code"] == "220882" and where(m) == "opening"
    m = meta("今年以来,循化县坚持把党史学习教育同服务群众结合起来,全力解决群众反映强烈的“烦心事”。\n一、就业服务。")
    assert m["region_code"] == "630225"


def test_a_delegation_at_a_congress_is_the_congresss_page_not_the_delegations():
    m = meta("\n".join(["聊城市第十八届人民代表大会第四次会议东昌府区代表团召开全体代表会议 继续审议市政府工作报告",
                         "1月13日上午,出席会议的代表团全体代表继续审议市政府工作报告。"]))
    assert m["region_code"] == "371500"


def test_a_photos_caption_is_neither_title_nor_region():
    m = meta("\n".join(["資料圖:浙江省人大推進“民生實事項目代表票決制”工作交流會現場。",
                         "浙江在線訊,1月16日,龍游縣十三屆人大二次會議上,全體代表對上一年政府民生實事的完成情況進行了滿意度測評。"]))
    assert m["region_code"] == "330825" and m["doc_type"] == "progress_report"


def test_a_plan_that_names_itself_takes_the_period_its_first_sentence_names():
    m = meta("\n".join(["本纲要根据《中共老河口市委关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》编制,"
                         "主要阐明全市经济社会发展战略意图,是指导老河口未来五年发展的宏伟蓝图。", "第一章 发展基础"]))
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2021, 2025)


@pytest.mark.parametrize("opening, code", [
    ("1月26日,出席省十三届人大一次会议的南昌市代表团对省人大常委会工作报告进行了审议。", "360000"),  # 省: 南昌's province
    ("12月27日下午,市人大常委会主任参加市十八届人大三次会议临清市代表团审议时强调,要深刻领会报告精神。", "371500"),
    ("出席市十六届人大三次会议的海淀区代表团审议政府工作报告。", "110000"),  # a municipality's 市
    ("1月14日,出席聊城市第十八届人民代表大会第六次会议的茌平代表团举行会议。茌平区委副书记、区长某某参加审议。", "371500"),
])
def test_a_delegations_news_is_the_page_of_the_congress_it_attends(opening, code):
    m = meta("\n".join([opening, "代表们认为,报告实事求是、催人奋进。"]))
    assert (m["region_code"], where(m)) == (code, "delegation")


@pytest.mark.parametrize("headline", ["2018年10个民生实事项目全面落实", "2024年甘肃省10件为民实事如期完成"])
def test_a_headline_that_says_the_matters_were_done_is_a_progress_report(headline):
    assert meta("\n".join([headline, "记者从市政府获悉,今年确定的民生实事项目进展顺利。"]))["doc_type"] == "progress_report"


def test_the_site_a_breadcrumb_starts_from_is_the_region_of_a_page_that_names_itself_nowhere():
    m = meta("\n".join(["您当前的位置:安康市人民政府 > 政府信息公开 > 正文内容",
                         "2015年市政府确定十件实事进展情况通报(一)",
                         "按照市政府要求,市政府督查室对十件实事进展情况进行了专项督查,全市各项工作进展顺利。"]))
    assert (m["region_code"], where(m)) == ("610900", "byline_site")


@pytest.mark.parametrize("head, code", [
    ("蓟县人民政府关于印发2016年20项民心工程实施方案的通知\n各乡镇人民政府:", "120119"),  # 蓟州区 since 2016
    ("富阳市2014年十件民生实事\n一、新建公园3个。", "330111"),  # 富阳区 since 2014
    ("2026年新疆要办这十件民生实事\n记者从新闻发布会上获悉,今年提出十件民生实事。", "650000"),
])
def test_a_former_name_and_a_short_name_before_what_it_will_do_name_the_region(head, code):
    assert meta(head)["region_code"] == code


def test_a_schemes_draft_put_out_for_comment_is_the_scheme_a_reports_draft_is_news():
    scheme = meta("芜湖市2024年50项民生实事实施方案(征求意见稿)公示\n根据有关要求,市发改委组织开展了民生实事实施方案编制工作。")
    assert (scheme["doc_type"], scheme["doc_year"]) == ("work_plan", 2024)
    report = meta("关于公开征求《2024年政府工作报告(征求意见稿)》意见建议的公告\n为广泛听取意见,现公开征求意见。")
    assert report["doc_type"] == "other"


def test_a_page_of_kind_other_whose_opening_line_starts_with_its_year_is_of_that_year():
    m = meta("\n".join(["2020年,循化县紧紧围绕“保稳定、促发展、惠民生”这一主线,全力提升民生福祉。",
                         "——拉面产业提档升级步伐加快。连续举办拉面劳动技能提升培训班8期。"]), kind="other")
    assert m["doc_year"] == 2020


@pytest.mark.parametrize("title", ["【广东遴选】2023年广东省政府工作报告", "2017年陕西省政府工作报告全文【解读】(2)"])
def test_a_sites_tag_in_brackets_does_not_make_the_report_a_page_about_it(title):
    m = meta("\n".join([title, "各位代表:", "现在,我代表省人民政府,向大会报告工作,请予审议。"]))
    assert m["doc_type"] == "government_work_report"


def test_news_that_a_county_launched_its_numbered_livelihood_projects_is_their_list():
    m = meta("\n".join(["日前,从蓟县经济工作会议上获悉,2016年蓟县推出了新一轮20项民心工程,总投资15.4亿元。",
                         "为方便群众出行,蓟县今年将翻建大修乡村公路200公里。"]))
    assert (m["doc_type"], m["doc_year"]) == ("practical_matters_list", 2016)


# ---------------------------------------------------------------- region: the portal a page was fetched from

COUNTY_NOTICE = ("关于2023年10月份民生实事项目进展情况的通报\n各乡镇人民政府,县政府各部门:\n"
                 "今年以来,全县上下认真落实县政府工作部署,民生实事项目总体进展顺利。截至10月底,全县已完成投资5.2亿元。")


@pytest.mark.parametrize("url, code", [
    ("http://www.huichang.gov.cn/hcxxxgk/c1/content_1.html", "360733"),  # a county's portal, a county's words: 会昌县
    ("http://www.huichangxian.gov.cn/x/content_1.html", "360733"),  # the name and its kind of region
    ("http://www.ganzhou.gov.cn/x/content_1.html", None),     # a city's portal under a county's words: not the city
    ("http://www.huichang.com.cn/x/content_1.html", None),    # not a government portal: a news site's home
    ("http://www.gulou.gov.cn/x/content_1.html", None),       # a name several regions share
    (None, None),
])
def test_a_text_that_names_itself_nowhere_takes_the_region_its_government_portal_is_named_for(url, code):
    cleaned = clean.clean(COUNTY_NOTICE)
    m = metadata.document_metadata(cleaned.clean_text, {"source_url": url} if url else {})
    assert m["region_code"] == code
    if code:
        assert json.loads(m["metadata_sources"])["region_code"] == "source_url"
        assert json.loads(m["metadata_evidence"])["region_code"]["where"] == "source_url"


def test_the_portal_never_overrides_a_region_the_text_names():
    page = "宁都县2023年民生实事项目进展情况的通报\n全县上下认真落实。全县已完成投资5.2亿元。"
    m = metadata.document_metadata(clean.clean(page).clean_text, {"source_url": "http://www.huichang.gov.cn/x.html"})
    assert m["region_code"] == "360730"  # 宁都县, from its title, not the portal's 会昌县


def test_a_rank_within_the_province_is_not_the_text_speaking_as_a_province():
    page = ("报告指出,过去一年,全州经济社会发展稳中有进。\n——增速全省第3,经济实现了赶超进位。\n"
            "2019年,黔东南州经济发展呈现快速增长势头,全州地区生产总值增长8.4%,增速全省第3,固定资产投资增速全省第2。"
            "黔东南州经济逆势上扬。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("522600", "prefecture")


@pytest.mark.parametrize("sentence", ["地区生产总值首次突破500亿元大关,突破1000亿元大关。",
                                      "强化教育资源均衡分配,增强群众的获得感、幸福感和安全感。",
                                      "新增城镇就业7700人,打通城市断头路6条,顺利通过省级验收。"])
def test_words_a_two_character_name_hides_in_are_no_mention_of_it(sentence):
    page = f"2022年,是泽州发展历程中极不平凡的一年。全县上下共同努力,全县经济稳步增长。{sentence}县委县政府高度重视。"
    assert meta(page)["region_code"] == "140525"  # 泽州县, in its own frame; not 大关县, 资源县, 增城区…


def test_a_documents_title_is_not_read_from_the_basis_it_cites_after_its_first_heading():
    page = ("关于《某某市人民政府印发关于推进健康某某行动的实施意见的通知》的政策解读\n发布:2021-04-25 10:34:00\n"
            "一、审定背景\n为贯彻落实全国卫生与健康大会精神,编制行动纲要。\n二、审定依据\n《健康大连市建设行动(2017-2020年)的通知》\n"
            "三、主要内容")
    m = meta(page)
    assert m["doc_type"] == "other" and m["region_code"] != "210200"


@pytest.mark.parametrize("opening", ["2023年某某省政府工作报告公布了今年的十件民生实事。一是稳定和扩大就业。",
                                     "1月11日,某某省第十四届人民代表大会第一次会议上发布的《政府工作报告》中显示,2023年,某某将继续推出10件惠民实事。"])
def test_news_that_the_report_announces_the_years_matters_is_the_list(opening):
    assert meta(opening + "\n新增城镇就业50万人以上。")["doc_type"] == "practical_matters_list"


def test_a_resolutions_plan_for_its_own_year_after_words_of_review_stays_that_year():
    page = ("某某日报 2018年01月08日\n(2018年1月7日某某州第十二届人民代表大会第二次会议通过)\n"
            "会议充分肯定州人民政府过去一年的工作,同意报告提出的2018年工作部署,决定批准这个报告。\n"
            "会议强调,2018年,州人民政府要全面贯彻落实党的十九大精神。")
    assert meta(page)["doc_year"] == 2018


@pytest.mark.parametrize("page, year", [
    # a portal table's labelled number
    ("某某市人民政府办公室关于加快发展养老服务业的实施意见\n政策\n发布部门:市政府办公室\n政策文号:某政办发〔2015〕212号\n"
     "各辖市、区人民政府:\n为加快养老服务业改革发展,根据《国务院关于加快发展养老服务业的若干意见》(国发〔2013〕35号),提出如下意见。", 2015),
    # the number alone under the title a news preface quotes
    ("城镇老旧小区如何改造?某某印发实施意见\n近日,《某某省人民政府办公厅关于全面推进城镇老旧小区改造工作的实施意见》印发。"
     "来看《意见》全文。\n某某省人民政府办公厅关于\n全面推进城镇老旧小区改造工作的实施意见\n某政办发〔2021〕56号\n"
     "各市州、县市区人民政府:\n为抓好城镇老旧小区改造,提出如下意见。", 2021),
    # neither: the date its page was posted, on a line of page facts
    ("关于征求《某某市人民政府关于进一步做好稳就业工作的实施意见》意见和建议的通知\n发布日期:2020-06-03 来源:\n"
     "某某市人民政府\n关于进一步做好稳就业工作的实施意见\n征求意见稿\n为贯彻落实国务院有关部署,提出以下具体实施意见。", 2020),
])
def test_an_opinions_year_from_its_own_number_or_its_pages_date(page, year):
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("implementation_opinion", year)


def test_a_line_of_page_facts_that_names_a_source_stays():
    text = clean.clean("关于印发《自治州2025年十件民生实事工作方案》的通知\n发布日期: 2025-06-19 22:33:38 来源:某某自治州人民政府办公厅 浏览次数:\n"
                       "各县市人民政府:").clean_text
    assert "来源:某某自治州人民政府办公厅" in text


@pytest.mark.parametrize("opening", ["记者从市发改委获悉,我市2024年民生实事已全部完成。",
                                     "会议指出,今年以来全市民生实事项目总体进展良好。"])
def test_a_page_about_the_matters_that_says_they_are_done_or_going_well_is_a_progress_report(opening):
    assert meta(f"民生实事交出温暖答卷\n{opening}\n新建幼儿园12所。")["doc_type"] == "progress_report"


def test_a_notice_that_assigns_the_supervision_of_the_matters_is_a_work_plan():
    page = "某某县人民政府办公室关于对2016年民生实事进行重点督办的通知\n各乡镇人民政府,县级各部门:\n现将有关事项通知如下。"
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2016)


def test_bodies_named_in_a_list_are_not_the_texts_issuer():
    page = ("市十六届人大常委会第二十一次会议举行联组会议\n今年年初的市十六届人大三次会议上,我市首次实施民生实事项目人大代表票决制。\n"
            "常务副市长报告了2019年常州市民生实事项目实施情况。常委会委员围绕项目进展提问,常务副市长,溧阳市政府、金坛区政府、"
            "市教育局负责同志回答询问。市人大常委会将跟踪监督。")
    assert meta(page)["region_code"] != "320481"  # not 溧阳市, one of the bodies answering


def test_a_superior_in_a_list_of_superiors_is_not_the_texts_region():
    page = ("12月27日,市委副书记、市长主持召开市政府2016年第五次常务会议,讨论《政府工作报告(征求意见稿)》。\n"
            "会议要求,报告要全面贯彻中央、省委和绥化市委精神,按照市委部署,更加符合中央、省委和绥化市委要求,"
            "符合肇东发展实际,符合全市人民期待。市政府各部门要认真修改。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("231282", "county")  # 肇东市, not 绥化市


def test_words_of_a_sentence_at_a_titles_start_are_no_region_name():
    page = "市人大常委会组织部分省市代表集中视察2022年度10件民生实事\n2月1日,市人大常委会组织代表开展集中视察活动。全市民生实事进展顺利。"
    assert meta(page)["admin_level"] != "province"


@pytest.mark.parametrize("opening", ["即日起,某某市委、市政府向社会各界征集2022年为民办实事项目建议。",
                                     "即日起,某某区政府面向辖区居民开展2017年区办实事项目征集工作。本次网上征集工作截至10月20日结束。"])
def test_a_call_for_proposals_with_no_title_is_about_the_list(opening):
    assert meta(opening + "\n大家推荐的项目,应著重解决群众关注度高的问题。")["doc_type"] == "other"


def test_two_bodies_of_one_region_are_its_issuer_not_a_list_of_others():
    page = ("人民至上!某地公开征集2023年民生实事建议\n为实实在在解决好各族群众普遍关心的突出民生问题,新疆维吾尔自治区党委、政府"
            "决定2023年实施一批民生实事。\n多年来,自治区党委、政府始终把保障和改善民生作为头等大事。")
    assert meta(page)["region_code"] == "650000"


def test_a_report_reviews_the_first_year_a_sentence_opens_with_after_words_of_review_even_far_on():
    page = ("某某市政府市长在市十六届人大二次会议上作政府工作报告时说,刚刚过去的一年,是发展历程中极不平凡的一年。"
            + "我们坚持政治引领,扎实推动城市转型,大力发展教体事业。" * 12 + "\n2021年,全市生产总值完成3725亿元。")
    assert meta(page)["doc_year"] == 2022


def test_a_standing_committee_meeting_that_hears_the_plans_execution_is_news_of_it():
    page = ("7月26日,某某县第十七届人大常委会召开第三十五次会议。会议由县人大常委会主任主持。\n"
            "会议听取和审议了县人民政府关于2016年上半年国民经济和社会发展计划执行情况的报告、"
            "县人民政府关于2016年上半年财政收支预算执行情况的报告。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("other", 2016)


@pytest.mark.parametrize("page, year", [
    ("关心支持某某发展的各界人士表示感谢。\n二、2019年经济社会发展主要目标和总体要求\n今年是建市30周年。", 2019),
    ("参加县十四届人民代表大会第五次会议的人大代表们分组讨论《政府工作报告》。报告指出,2014年是我县发展史上最具标志意义的一年。"
     "代表们表示,将按照2015年工作要求,扎实做好各项工作。", 2015),
])
def test_a_year_named_with_its_goals_or_its_work_requirements_is_the_year_planned(page, year):
    assert meta(page)["doc_year"] == year


def test_a_variant_character_a_conversion_leaves_in_a_provinces_name_is_the_same_name():
    m = meta("陜西省十二届人大六次会议开幕\n今天(1月15日),陜西省十二届人大六次会议在西安开幕。")
    assert m["region_code"] == "610000"


def test_a_page_that_says_it_is_the_reports_full_text_is_the_report_whatever_its_plan_says():
    page = ("2月14日,2025年某某市政府工作报告全文发布。\n报告提出2025年主要预期目标:经济增长6%左右,"
            "单位生产总值能耗全面完成“十四五”考核目标。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("government_work_report", 2025)


def test_the_matters_going_well_as_a_whole_is_progress():
    page = "从市发改委获悉,今年上半年,市委、市政府2016年为民办实事工程整体进展顺利。\n新建幼儿园12所。"
    assert meta(page)["doc_type"] == "progress_report"


@pytest.mark.parametrize("page", [
    "省政府就《政府工作报告》征求省人大常委会意见\n12月31日,省政府就《政府工作报告》征求省人大常委会意见。省长出席征求意见座谈会。",
    "1月21日,市四届人民政府召开第五次全体(扩大)会议,讨论并原则通过了《政府工作报告(送审稿)》。\n"
    "《报告》全面准确总结我市2015年及“十二五”时期的工作和成效。",
])
def test_a_consultation_or_a_meeting_on_the_reports_draft_is_about_the_report(page):
    assert meta(page)["doc_type"] == "other"


def test_a_meeting_that_reviews_the_draft_reviews_its_own_regions_year():
    page = ("1月21日,市四届人民政府召开第五次全体(扩大)会议,讨论并原则通过了《政府工作报告(送审稿)》。\n"
            "《报告》全面准确总结我市2015年及“十二五”时期的工作和成效。")
    assert meta(page)["doc_year"] == 2016


def test_a_press_conference_on_the_matters_is_of_the_kind_it_presents():
    progress = meta("我市召开2020年重点民生实事新闻发布会\n上半年,全市重点民生实事总体进展顺利,已完成投资12亿元。")
    listed = meta("某某市2026年市办实事新闻发布会举行\n市政府新闻办召开新闻发布会,介绍2026年市政府重点办好的10件实事。")
    assert (progress["doc_type"], listed["doc_type"]) == ("progress_report", "practical_matters_list")


def test_a_call_for_suggestions_with_its_terms_is_about_the_list():
    page = ("为拟定好2019年民生实事,决定在全省范围内开展向人民群众和社会各界征集2019年民生实事建议活动,现就有关事项公告如下:\n"
            "一、征集时间\n从公告之日起,截止2018年10月30日。")
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("page, year", [
    ("聚焦2023某某两会\n1月12日上午,自治区十四届人大一次会议在首府开幕,自治区主席作政府工作报告。", 2023),
    ("政府工作报告\n——2月18日在某某市第十五届人民代表大会第四次会议上\n各位代表:\n一、2015工作回顾\n过去一年,全市经济平稳增长。", 2016),
])
def test_a_sessions_year_and_a_review_heading_whose_year_lost_its_character(page, year):
    assert meta(page)["doc_year"] == year


def test_a_countys_notice_that_forwards_its_provinces_opinion_is_the_countys():
    page = ("楚雄州人民政府办公室转发了《云南省人民政府办公厅关于支持多渠道灵活就业的实施意见》,为扎实做好“六稳”工作,"
            "经县人民政府同意,现将《云南省人民政府办公厅关于支持多渠道灵活就业的实施意见》转发给你们,并结合我县实际提出以下贯彻意见。\n"
            "各乡镇人民政府、县级各部门:\n一、统一思想认识\n结合《元谋县稳就业工作实施方案》要求,全力做好元谋县稳就业工作,"
            "确保全县就业局势保持稳定。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("532328", "county")  # 元谋县, not the province it forwards


def test_a_consultation_on_the_report_without_brackets_is_about_it():
    page = ("市政府就政府工作报告征求市人大常委会意见建议\n1月12日下午,常务副市长就政府工作报告(征求意见稿)征求市人大常委会意见建议。"
            "与会人员认为,报告符合临沧实际。\n政府网站工作年度报表(昆明市人民政府)")
    m = meta(page)
    assert m["doc_type"] == "other" and m["region_code"] != "530100"  # not the portal's 昆明市


def test_a_consultative_conference_speaks_for_its_region():
    m = meta("内蒙古自治区政协十三届一次会议开幕\n1月11日,内蒙古自治区政协十三届一次会议在呼和浩特开幕。")
    assert m["region_code"] == "150000"


def test_a_county_made_a_district_goes_by_its_old_name_in_texts_of_before():
    m = meta("济阳县第十八届人民代表大会第二次会议隆重开幕\n1月14日,济阳县第十八届人民代表大会第二次会议开幕。县长代表县政府作政府工作报告。")
    assert (m["region_code"], m["admin_level"]) == ("370115", "county")  # 济阳区 since 2018


def test_the_one_region_named_in_full_beside_a_towns_short_name():
    m = meta("近日,江宁区2024年度10类民生实事项目确定。2024年,江宁区将重点实施10类民生实事项目。\n"
             "其中包括:完成秣陵和淳化2个街道社区卫生服务中心改扩建,充分体现了江宁区以人民为中心的发展思想。")
    assert m["region_code"] == "320115"  # 淳化 is a street here, not 淳化县


def test_a_portals_table_of_page_facts_names_the_publisher():
    page = ("索引号: | 002489698/2023-272488 | 公开方式: | 主动公开 |\n"
            "发布单位: | 杭州市农业农村局(杭州市乡村振兴局) | 主题分类: | 农业 |\n"
            "2023年是实施“十四五”规划承上启下的关键之年。按照中央、省、市“三农”工作决策部署,做好全省示范。")
    m = meta(page)
    assert m["region_code"] == "330100" and where(m) == "publisher"


def test_the_source_in_a_dropped_line_of_page_facts():
    page = ("市人大常委会组织代表集中视察2022年度10件民生实事\n"
            "发布时间:2023-02-03 来源:邯郸市人民政府 发布开发区:经济技术开发区\n"
            "2月1日,市人大常委会组织部分省、市人大代表围绕2022年度10件民生实事完成情况开展集中视察。"
            "详细了解我市民生实事落实情况,全市各级各部门要抓好落实,市政府要加强督办。")
    m = meta(page)
    assert m["region_code"] == "130400" and where(m) == "byline"


def test_a_news_sites_source_in_page_facts_over_a_county_text_is_not_its_region():
    page = ("县人大常委会视察民生实事\n发布时间:2023-02-03 来源:邯郸市人民政府\n"
            "全县各级要抓好落实,县政府要加强督办,确保我县民生实事按期完成。县人大常委会将跟踪监督。")
    assert meta(page)["region_code"] is None  # the county's page on its city's portal: not 邯郸市


def test_a_call_for_next_years_matters_is_for_that_year_though_it_tells_of_this_years_first():
    page = ("一直以来,区政府始终把保障和改善民生作为工作出发点。目前2022年区政府十大民生实事项目进展顺利。\n"
            "为进一步问需于民,即日起至11月15日向社会公开征集2023年北仑区民生实事项目。\n宁波市北仑区人民政府\n2022年10月30日")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("other", 2023)


def test_news_of_a_sessions_close_that_passed_the_plan_is_no_plan():
    page = ("博罗县十七届人大三次会议闭幕\n1月10日上午,博罗县第十七届人民代表大会第三次会议胜利闭幕。会议听取和审议了各项报告,"
            "表决通过了关于2023年国民经济和社会发展计划的决议草案。")
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("page, kind", [
    ("1月5日,县长主持召开十六届县人民政府第52次常务会议,讨论了《政府工作报告(草案)》、《2014年国民经济和社会发展计划执行情况及"
     "2015年国民经济和社会发展计划(草案)的报告》。", "other"),
    ("为促进就业,经市人民政府常务会议研究同意,现就做好2020年就业工作提出以下实施意见:\n一、稳定就业岗位", "implementation_opinion"),
])
def test_news_of_an_executive_meeting_held_is_not_the_drafts_it_discussed(page, kind):
    assert meta(page)["doc_type"] == kind


def test_a_headline_over_the_standing_committees_report_is_not_the_governments():
    page = ("济南市济阳区第十九届人民代表大会第六次会议举行第二次全体会议\n刘某作人大常委会工作报告 王某张某分别作“两院”工作报告\n"
            "2月4日,区第十九届人民代表大会第六次会议举行第二次全体会议,听取和审议区人大常委会工作报告。")
    assert meta(page)["doc_type"] == "other"


def test_news_that_quotes_the_report_with_no_other_cue_is_of_the_report():
    page = ("新闻热线:0855-8222000\n会议现场(记者 摄)\n报告指出,过去一年,全州经济社会发展稳中有进、民生改善。\n"
            "2019年,黔东南州地区生产总值完成1123亿元,增长8.4%。")
    assert meta(page)["doc_type"] == "government_work_report"


def test_an_opinions_title_run_on_into_its_own_number_gives_its_year():
    page = ("武威市人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见\n2024-11-21 12:56\n137人看过\n"
            "武威市人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见武政发[2017]52号\n各县区人民政府,市政府各部门:\n"
            "为统筹推进县域内城乡义务教育一体化改革发展,提出如下实施意见。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("implementation_opinion", 2017)


def test_a_row_of_a_portals_table_of_page_facts_is_no_title():
    page = ("索引号 | 001008003004002/2022-224864 | ||\n组配分类 | 计划总结 | 发布机构 | 市发改局 |\n"
            "生成日期 | 2022-07-29 | 公开方式 | 主动公开 |\n瑞安市2020年国民经济和社会发展计划执行情况与2021年国民经济和社会发展计划 | |||\n"
            "一、2020年国民经济和社会发展计划执行情况\n2020年,全市地区生产总值增长3.5%。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"], m["region_code"]) == ("work_plan", 2021, "330381")


def test_a_call_that_names_the_year_before_the_word_for_it():
    page = ("民心工程,期待您的“金点子”!——天津市2023年20项民心工程群众建议征集活动启动\n时间:2022-09-23 作者:佚名\n"
            "尊敬的市民朋友:\n天津市20项民心工程已连续实施了16年,在此特向大家致以诚挚的感谢。")
    assert meta(page)["doc_year"] == 2023


def test_news_of_a_session_that_examines_a_five_year_plan_is_of_the_sessions_year():
    page = ("青海省第十四届人民代表大会第四次会议开幕\n大会主席团常务主席主持会议听取政府工作报告审查“十五五”规划纲要草案\n"
            "发布时间:2026-01-28\n1月27日上午,青海省第十四届人民代表大会第四次会议隆重开幕。代表们听取了政府工作报告。")
    m = meta(page)
    assert m["doc_year"] == 2026


def test_a_notice_on_doing_the_years_work_on_the_matters_is_a_work_plan():
    page = ("重庆市武隆区人民政府办公室关于做好2023年全区民生实事工作的通知\n武隆府办发〔2023〕4号\n各乡镇人民政府,区政府各部门:\n"
            "为扎实办好2023年全区民生实事,现就有关事项通知如下。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2023)


def test_a_meeting_on_last_years_execution_and_this_years_draft_plan_is_of_the_plans_year():
    page = ("2月11日上午,县长主持召开张家川县十五届人民政府第27次常务会议。\n会议研究审定了《政府工作报告》(征求意见稿)、"
            "《2014年国民经济计划执行情况和2015年经济社会发展计划(草案)的报告》和《2014年财政预算执行情况和2015年财政预算(草案)的报告》。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("other", 2015)


@pytest.mark.parametrize("page, kind", [
    ("快讯丨银川市第十六届人民代表大会第六次会议开幕\n1月22日上午,银川市第十六届人民代表大会第六次会议开幕。大会执行主席主持会议,"
     "市长代表市人民政府作政府工作报告。", "other"),
    ("银川市第十六届人民代表大会第六次会议开幕\n1月22日上午,银川市第十六届人民代表大会第六次会议开幕,市长代表市人民政府作政府工作报告。"
     "报告指出,过去一年,全市地区生产总值增长6%。", "government_work_report"),
])
def test_session_news_that_tells_only_the_proceedings_is_news_of_the_session(page, kind):
    assert meta(page)["doc_type"] == kind


def test_a_superior_that_sets_the_texts_tasks_is_not_its_issuer():
    page = ("神木:落实一大战略 绘好一张蓝图\n政府工作报告解读\n2020年是“十三五”收官之年。神木市今年的《政府工作报告》提出,"
            "神木市将围绕榆林市委交给神木的“当好领头羊”新要求,推进高质量发展。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("610881", "county")


def test_a_breadcrumb_that_names_the_site_is_no_signature():
    page = ("当前位置: 首页\n> 诸暨市人大网 > 人大信息 > 人大要闻\n> 正文\n绍兴市八届人大三次会议今开幕\n"
            "今天上午,绍兴市八届人大三次会议召开。本次大会听取和审议绍兴市人民政府工作报告,票决绍兴市人民政府2018年度民生实事项目。")
    m = meta(page)
    assert m["region_code"] == "330600"


def test_a_persons_given_name_is_no_region():
    page = ("尚朝阳主持召开重点项目例会专题研究谋划2019年市“十件实事”\n1月28日,市长尚朝阳主持召开重点项目例会,专题研究谋划2019年我市“十件实事”。"
            "常务副市长王新会出席会议。\n2019年信阳市十件重点民生实事的谋划筛选工作由市发改委牵头。会上,与会人员就《信阳市2019年“十件实事”建议清单》"
            "进行了商讨。尚朝阳指出,“十件实事”是市委、市政府向全市人民作出的庄严承诺,要从信阳实际出发。")
    assert meta(page)["region_code"] == "411500"  # not 朝阳市, not 新会区


def test_a_city_named_often_beside_its_own_counties_named_once():
    page = ("今年江门市将推动 38个老旧小区改造\n江门日报 2021-03-29 08:42\n城镇老旧小区改造是江门市今年十大民生实事之一。"
            "江门市今年将改造老旧小区38个,其中蓬江区10个、台山市5个,江门市住建局负责推进。")
    assert meta(page)["region_code"] == "440700"


def test_an_opening_that_says_the_matters_were_made_public_is_the_list():
    page = ("2月16日,墨江哈尼族自治县第十七届人民代表大会第四次会议开幕,大会公布了2025年墨江县将完成的十件惠民实事。 "
            "1、完成2所基层学校能力提升建设 项目内容:完成联珠二小学生宿舍建设。 2、完成适龄儿童青少年学生心理健康测评")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("practical_matters_list", 2025)


def test_a_page_stamp_with_its_time_before_the_pages_facts_dates_a_news_item():
    page = ("通知公告\n县十七届人大二次会议隆重开幕\n2017-03-21 15:02:10   来源:   点击:\n衡阳县十七届人大二次会议隆重开幕\n"
            "3月16日上午,衡阳县第十七届人民代表大会第二次会议隆重开幕。会场庄重热烈。")
    assert meta(page)["doc_year"] == 2017


def test_the_level_spoken_of_in_the_first_person_is_the_texts_own():
    page = ("11月26日,省残联副主席带领省委省政府督查组到我县就2020年省列为民办实事项目进展情况进行专项督查。\n"
            "督查组详细了解了西和县2020年省委省政府为民办实事项目进展情况。\n2020年,我县省列为民办实事项目共10件,已全部完成。")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("621225", "county")


def test_a_civilisation_office_speaks_for_its_region():
    page = ("日前,寿光市组织开展了“创城为民”办实事活动,列入2024年“创城为民”办实事项目库。\n"
            "下步,寿光市文明办将组织媒体对各项目进展情况进行定期晾晒,确保每件创城实事落到实处。")
    assert meta(page)["region_code"] == "370783"


def test_a_login_box_and_a_navigation_bar_are_no_headline():
    page = ("登录\n用户名\n密码\n验证码\n忘记密码 注册账号\n平台首页 开放目录 开放数据 API服务 数据分析 APP应用 数据申请\n"
            "赣州市6个老旧小区改造项目获得中央补助3274万元\n发布时间:2019-12-11 作者:\n"
            "近日,记者从有关部门获悉,赣州市获得2019年中央预算内资金3274万元,用于支持章贡区、上犹县等6个老旧小区改造项目建设。")
    m = meta(page)
    assert m["region_code"] == "360700" and where(m) == "headline"


def test_a_page_with_no_title_that_tells_what_was_done_is_a_progress_report():
    page = ("2023年县级重点项目共530项,总投资1200亿元,年度计划投资300亿元。1-6月累计完成投资160亿元,占年度计划的53%。"
            "其中,产业项目完成投资90亿元。")
    assert meta(page)["doc_type"] == "progress_report"


def test_the_year_that_opens_the_sentence_naming_the_peoples_heart_projects():
    page = ("2021年,区委、区政府坚持以人民为中心的发展思想,实施了一批民心工程项目。37个子项中36个子项已完成,1个子项基本完成。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2021)


@pytest.mark.parametrize("page, year", [
    ("1月8日,济南市市中区第十九届人民代表大会第四次会议开幕,区长代表区人民政府作政府工作报告。2024年,市中区坚持固优补短,民生福祉持续增进。", 2025),
    ("市第十四届人民代表大会第三次会议开幕,市长代表市人民政府作《政府工作报告》。郑某说,2017年,面对经济下行压力,市政府实现了良好开局。", 2018),
    # …not where the report goes on to a year with a plan's verb: that year is planned
    ("1月26日上午,陕西省第十四届人民代表大会第二次会议在西安开幕,省长作政府工作报告。\n报告指出,2024年,陕西加强交通、能源等基础设施建设。", 2024),
])
def test_news_of_the_report_whose_next_sentence_opens_with_the_year_it_reviews(page, year):
    assert meta(page)["doc_year"] == year


def test_a_scheme_whose_title_names_no_year_is_the_year_it_was_signed():
    page = ("上海市人民政府办公厅关于印发《上海市促进养老托育服务高质量发展实施方案》的通知\n沪府办发〔2022〕3号\n各区人民政府,市政府各委、办、局:\n"
            "《上海市促进养老托育服务高质量发展实施方案》已经市政府同意,现印发给你们,请认真按照执行。\n上海市人民政府办公厅\n2022年1月29日\n"
            "一、主要目标\n到2025年,全市养老床位从15.9万张增加到17.8万张。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2022)


def test_a_body_whose_officer_a_press_conference_hears_is_not_the_issuer():
    page = ("省十三届人大三次会议举行首场新闻发布会\n1月28日上午,省十三届人大三次会议召开首场新闻发布会。省生态环境厅副厅长介绍了全省生态环境保护工作;"
            "果洛州人民政府秘书长介绍了果洛州民生改善工作取得的成绩。省长作了政府工作报告,紧密结合了青海的实际,2018年我省经济平稳增长。")
    assert meta(page)["region_code"] != "632600"  # not 果洛州, one of those the conference heard


@pytest.mark.parametrize("page", [
    "重庆市人民代表大会常务委员会工作报告\n——2025年1月21日在重庆市第六届人民代表大会第三次会议上\n各位代表:\n"
    "我受重庆市人民代表大会常务委员会委托,向大会报告工作,请予审议。\n一、过去一年主要工作\n2024年是重庆发展史上具有重要里程碑意义的一年。",
])
def test_the_congress_standing_committees_report_is_not_the_governments(page):
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("page", [
    "摘要\n1月16日,省长主持召开省政府第一次全体会议,对省十四届人大一次会议通过的政府工作报告进行目标任务分解。会议要求,全省各级要抓好落实。",
    "政府工作报告征求委员意见 市政协召开专题通报会\n12月30日,市政协召开专题通报会,部分委员就《政府工作报告(征求意见稿)》发表意见建议。",
])
def test_news_of_a_government_plenary_or_a_briefing_is_about_the_report(page):
    assert meta(page)["doc_type"] == "other"


def test_a_terms_report_that_reviews_the_five_years_since_a_year():
    page = ("政府工作报告\n省长 某某\n各位代表:\n现在,我代表省人民政府,向大会报告工作,请予审议。\n一、过去五年工作回顾\n"
            "2018年以来的五年,是我省发展进程中极不平凡的五年。全省生产总值年均增长5%。")
    assert meta(page)["doc_year"] == 2023


def test_a_page_stamp_run_on_into_its_editors_dates_a_news_item():
    page = ("巧家县第十六届人民代表大会第四次会议隆重开幕\n2020-07-01 23:47编辑:谭某 陆某\n"
            "7月1日上午,巧家县第十六届人民代表大会第四次会议在巧家会堂隆重开幕。会议主席团常务主席主持开幕大会。")
    assert meta(page)["doc_year"] == 2020


def test_news_of_a_presidium_that_hears_the_candidates_is_of_their_year():
    page = ("市九届人大四次会议主席团举行第三次会议\n会议听取了2023年度嘉兴市政府民生实事项目完成情况的报告、"
            "2024年度嘉兴市政府民生实事候选项目的说明。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("other", 2024)


def test_a_column_of_responsible_bodies_is_no_signature_and_the_publisher_decides():
    page = ("市政府办公室关于做好2020年市政府为民办十件实事的通知\n发布部门:淮安市人民政府办公室\n发布时间:2020年02月14日\n"
            "各县区人民政府,市各委办局:现将《2020年市政府为民办十件实事实施方案》印发给你们。\n"
            "②在城区重要路段新建改造26座城市公厕。\n市城管局\n清江浦区政府\n淮阴区政府\n洪泽区政府")
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("320800", "prefecture")


def test_a_full_name_and_one_of_its_own_regions_short_name_in_a_heading():
    m = meta("2021年河北省石家庄10件惠民实事公布!\n经研究同意,确定了2021年度10件惠民实事。")
    assert m["region_code"] == "130100"


def test_a_city_in_a_list_of_superiors_after_the_province_is_not_counted():
    page = ("今年是党的二十大召开之年。按照省、赣州市、瑞金市党代会部署要求,坚持稳字当头。全市上下要抓好落实,"
            "今年政府工作的总体要求是:坚持以人民为中心。市政府将办好十件民生实事。")
    assert meta(page)["region_code"] != "360700"  # 赣州市 is a superior here, not the text's city


def test_an_annual_action_plan_under_a_page_fact_line_is_a_years_work_plan():
    page = ("索引号: 015114277-202105-308074 主题分类: 规划计划\n名 称: 昆明市建设区域性国际中心城市2019年度行动计划\n发布日期: 2019-03-29\n"
            "为加快建设区域性国际中心城市,制定本行动计划。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2019)


def test_news_that_the_years_matters_were_all_done_on_time_is_a_progress_report():
    page = "2月19日,记者从金华市政府办公室获悉,2020年金华市政府十方面民生实事项目已全部如期完成。"
    assert meta(page)["doc_type"] == "progress_report"


@pytest.mark.parametrize("page, year", [
    ("2月1日,桂林市四届人大七次会议开幕。该市政府工作报告显示,今年作为“十三五”开局之年,桂林将着力稳增长。", 2016),
    ("政府工作报告解读\n今年是“十四五”规划收官之年,全市将办好十件民生实事。", 2025),
])
def test_a_text_that_says_which_year_of_a_plan_period_this_year_is(page, year):
    assert meta(page)["doc_year"] == year


def test_a_forum_on_the_reports_draft_is_about_it():
    page = ("12月27日上午,我县召开2022年《政府工作报告》征求意见座谈会。常务副县长参加会议。\n"
            "会议听取了2022年《政府工作报告》起草情况和主要内容,与会人员围绕报告建言献策。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("other", 2022)


@pytest.mark.parametrize("page, year", [
    ("2021年,我县省市县重点工程项目共30项,其中建设项目27项。1-12月份,完成投资77.57亿元,圆满完成年度目标任务。", 2021),
    ("2023年以来,某市人大积极探索民生实事人大代表票决工作。2024年的10件民生实事已全部完成。", 2024),
])
def test_a_progress_report_whose_opening_line_starts_with_a_year(page, year):
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", year)


def test_a_county_government_whose_officials_report_to_an_inspection_is_not_the_issuer():
    page = ("州人大常委会组织部分在临全国人大代表开展集中视察\n发布时间:2024-02-06 来源:临夏州人大常委会\n"
            "2月5日,州人大常委会组织部分在临全国人大代表开展集中视察。在随后召开的座谈会上,视察组听取了积石山县人民政府有关负责人"
            "关于灾后重建工作情况的汇报。州人大常委会将持续跟踪。")
    assert meta(page)["region_code"] != "622927"  # not 积石山县, whose officials the inspection heard


def test_we_the_region_in_a_text_that_names_an_autonomous_region_is_no_level_said():
    page = ("自治区人大常委会组织部分我区全国人大代表开展视察\n代表们视察了我区民生项目,全区各级要抓好落实。来源:某某日报")
    m = meta(page)
    assert m["admin_level"] != "county"  # 我区 may be the autonomous region itself


def test_a_headline_that_tells_of_an_inspection_of_the_matters_is_a_progress_report():
    page = ("市人大常委会组织部分省市代表集中视察2022年度10件民生实事\n2月1日,市人大常委会组织代表围绕2022年度10件民生实事开展集中视察活动。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2022)


@pytest.mark.parametrize("page, year, kind", [
    # a labelled date among other facts of a short line
    ("市人大代表对我县开展集中视察\n来源:某县人大网 时间:2019-12-06 访问量:\n12月4日,市人大代表分组视察了重点项目建设。", 2019, "other"),
    # an aggregator's day.month.year stamp
    ("在鄂全国人大代表开展集中视察\n08.01.2018  10:21\n1月5日,省人大常委会组织部分全国人大代表开展集中视察。", 2018, "other"),
    # a portal's page facts with a slashed date
    ("县人大代表开展集中视察活动\n栏目:人大新闻   作者: 发布时间:2020/11/27 18:11\n县人大常委会组织代表视察农业园区。", 2020, "other"),
])
def test_a_pages_date_in_its_other_forms_dates_news_of_an_inspection(page, year, kind):
    m = meta(page, kind)  # (the kind as a manifest gives it: the dates are what is tested)
    assert (m["doc_year"], m["doc_type"]) == (year, kind)


def test_a_progress_report_posted_from_may_on_is_of_the_year_it_is_posted_in():
    m = meta("县人大常委会视察县十六届人大四次会议重点建议办理工作\n发布时间:2022年07月18日\n"
             "7月15日,县人大常委会组织部分代表对重点建议办理情况进行视察。")
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2022)
    early = meta("县人大常委会视察县十六届人大四次会议重点建议办理工作\n发布时间:2022年02月18日\n"
                 "2月15日,县人大常委会组织部分代表对重点建议办理情况进行视察。")
    # a notice early in the year may tell of last year's: no reader answers, and the year model weighs the
    # page's date against the years it names (none here), so the year is the model's, not the text's
    assert json.loads(early["metadata_sources"]).get("doc_year") in (None, "model")


def test_a_forum_on_the_reports_draft_posted_in_december_is_about_next_years_report():
    m = meta("某县召开《政府工作报告》征求意见座谈会\n发布者: 某县人民政府办公室 最后修改时间:2023-12-26\n"
             "12月25日,县政府召开座谈会,听取人大代表、政协委员对《政府工作报告(征求意见稿)》的意见建议。")
    assert (m["doc_type"], m["doc_year"]) == ("other", 2024)


def test_a_news_headlines_one_year_dates_a_page_with_no_title_but_not_a_meetings_ordinal():
    review = meta("履职尽责谋发展——2023年某州人大常委会工作综述\n发布时间: 2024-02-11  来源:某州日报\n"
                  "2023年,州人大常委会坚持党的领导,依法履职。")
    assert review["doc_year"] == 2023
    meeting = meta("县政府召开2018年第八次常务会议\n12月25日,县长主持召开县政府2018年第八次常务会议,"
                   "研究审议《2019年县政府工作报告(审议稿)》。")
    assert meeting["doc_year"] == 2019


def test_a_byline_site_of_the_level_the_text_speaks_as_names_its_region_where_nothing_else_does():
    page = ("《政府工作报告》解读:十件实事\n来源:安阳新闻网 发布时间:2018-03-12\n"
            "今年,我市将办好十件实事。全市新建幼儿园10所,全市新增城镇就业3万人,我市将改造老旧小区50个。")
    m = meta(page)
    assert (m["region_code"], where(m)) == ("410500", "byline_site")  # 安阳 is also 安阳县: the text speaks as a city
    county = meta(page.replace("我市", "我县").replace("全市", "全县"))
    assert county["region_code"] == "410522"
    station = meta("临沂新闻网 > 区县频道 > 正文\n2018年,这15件民生实事将陆续落地\n2018-02-26 10:42 来源:费县广播电视台 编辑:孙丽\n"
                   "近日,县政府研究确定了2018年为民办实事项目,全县新建改扩建中小学12所。")
    assert (station["region_code"], where(station)) == ("371325", "byline_site")  # a county's TV station
    province = meta(page.replace("我市", "我省").replace("全市", "全省"))
    assert province["region_code"] is None  # a city's site over a province's news: not its region


@pytest.mark.parametrize("headline, code", [
    ("南京雨花“开动”12类民生实事", "320114"),  # 雨花台区 of 南京, not 长沙's 雨花区
    ("长沙雨花“开动”12类民生实事", "430111"),
])
def test_a_short_name_under_its_parent_is_the_parents_region_it_starts(headline, code):
    m = meta(headline + "\n1月6日,该区宣布今年将办好12类民生实事,年度计划投资40亿元。")
    assert m["region_code"] == code


def test_a_notices_addressees_are_not_its_region():
    m = meta("井冈山管理局,井冈山经开区管委会,各县(市、区)人民政府,市政府各部门:\n"
             "经市政府同意,现将《2020年民生实事工程安排方案》印发给你们,请认真贯彻执行。\n"
             "结合我市实际,全市新增城镇就业45000人。〔责任单位:市人社局、井冈山管理局〕")
    assert m["region_code"] is None


def test_a_county_named_only_in_a_list_of_its_parents_counties_is_a_place_visited():
    m = meta("本报讯 1月5日,由市人大常委会组织的人大代表集中视察活动结束。\n"
             "视察组深入襄都区、信都区、沙河市、巨鹿县、临西县进行调研、视察,深入了解我市经济和社会发展情况。"
             "代表们对我市民生实事给予高度评价。")
    assert m["region_code"] == "130500"  # the prefecture all the listed counties belong to, not 沙河市


def test_a_sites_dateline_names_no_region_unless_the_text_names_it_again():
    m = meta("乌鲁木齐七区一县书写民生答卷\n红山网讯(记者某某)自今年年初乌鲁木齐公布2015年100件民生实事以来,各区县陆续启动。")
    assert m["region_code"] != "150402"  # 红山区 of 赤峰
    again = meta("秀山网讯 1月27日,县人大常委会视察秀山县民生实事项目。\n全县民生实事进展顺利。")
    assert again["region_code"] == "500241"


def test_a_plan_report_under_a_portals_bracketed_facts_table_is_the_years_work_plan():
    m = meta("[ 索引号 ] | 11500104009286420B/2025-00006 | [ 发文字号 ] | |\n"
             "[ 主题分类 ] | 国民经济发展规划、计划 | [ 体裁分类 ] | 计划、发展目标 |\n"
             "关于某区2024年国民经济和社会发展计划执行情况及2025年计划草案的报告\n"
             "受区人民政府委托,现将2024年计划执行情况及2025年计划草案报告如下。")
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2025)


def test_a_run_together_row_of_page_facts_is_no_title_and_a_call_under_it_is_other():
    m = meta("组配分类民生实事发布机构县发改局\n关于征集2022年某县人大代表票决民生实事候选项目的通知\n"
             "各乡镇人民政府:为做好2022年民生实事项目人大代表票决工作,现面向社会征集候选项目。")
    assert (m["doc_type"], m["doc_year"]) == ("other", 2022)


def test_a_public_vote_on_the_candidate_matters_is_other():
    m = meta("2018年省政府为民办实事项目开始投票 民生实事请你“点单”\n即日起,2018年省人民政府为民办实事项目开始邀请公众投票。")
    assert m["doc_type"] == "other"


def test_a_related_news_headline_and_a_breadcrumb_are_no_title():
    page = meta("日前,某市人民政府网站公布了《2022年〈政府工作报告〉目标任务责任分解方案》,把全年目标细化为448项具体工作。\n"
                "相关新闻>>\n正式发布!2022年某市政府工作报告(全文请收藏)")
    assert page["doc_type"] == "work_plan"
    crumb = meta("您当前所在的位置: 首页 >> 公开信息内容\n某州人民政府办公室关于印发某州2021年10件惠民实事工作方案的通知\n"
                 "各县市人民政府:现将工作方案印发给你们。")
    assert crumb["doc_type"] == "work_plan"


@pytest.mark.parametrize("url, year", [
    ("http://www.example.gov.cn/art/2021/1/23/art_1_1.html", 2021),
    ("http://news.example.cn/xw/202012/t20201228_123.html", 2021),  # a forum on the report's draft in December
    ("http://news.example.cn/xw/a/b.html", None),
])
def test_a_page_that_dates_itself_nowhere_takes_the_date_its_url_carries(url, year):
    text = "某县召开《政府工作报告》征求意见座谈会\n县长主持会议,听取人大代表、政协委员对《政府工作报告(征求意见稿)》的意见建议。"
    cleaned = clean.clean(text)
    m = metadata.document_metadata(cleaned.clean_text, {"source_url": url}, page_date=cleaned.page_date,
                                   page_facts=cleaned.page_facts)
    assert m["doc_year"] == year
    if year:
        assert where(m, "doc_year") == "source_url"


@pytest.mark.parametrize("headline", [
    "某市完成公办托育机构民生实事建设项目年度目标任务",
    "区建管委开展民生实事项目推进现场会",
])
def test_a_headline_that_says_the_years_targets_were_met_or_pushed_is_a_progress_report(headline):
    assert meta(headline + "\n11月25日,随着项目工程封顶,全市民生实事项目全部主体完工。")["doc_type"] == "progress_report"


def test_a_province_named_again_and_again_by_a_text_of_no_level_words_is_its_region():
    m = meta("2019年上海要继续提高城市建设现代化水平,上海将更宜居。\n2019年上海启动建设机场联络线、轨道交通崇明线。\n"
             "上海还将实施沿岸建设规划,上海将建设更多口袋公园。")
    assert (m["region_code"], m["admin_level"]) == ("310000", "province")
    city = meta("湖州今年将办好十件民生实事。\n湖州新建城市书房10家,湖州新增托位500个,浙江省下达的任务全面落实。")
    assert city["region_code"] != "330000"  # the city named most, not its province


def test_a_pages_title_with_its_sites_name_before_it_is_the_documents():
    m = meta("永顺县人民政府-湘西州国民经济和社会发展第十三个五年规划纲要\n湘西州国民经济和社会发展第十三个五年规划纲要\n"
             "第一章 发展基础")
    assert (m["region_code"], m["doc_type"]) == ("433100", "action_plan")


@pytest.mark.parametrize("page, year", [
    ("2月15日,某县召开第十七届人民代表大会第二次会议。县长作政府工作报告。\n报告指出,2022年,全县重点项目均完成年度计划投资130%以上。", 2023),
    ("某自治区第十二届人民代表大会第三次会议19日开幕,代理主席在向大会作政府工作报告时称,2024年,地区生产总值增长6.3%。", 2025),
    # what the report says will be done in the year it opens, not what was achieved: that year, not the year after
    ("1月26日,某省第十四届人民代表大会第二次会议开幕,省长作政府工作报告。\n报告指出,2024年,全省加强交通、能源、水利等基础设施建设,加快高铁建设。", 2024),
])
def test_news_of_the_report_delivered_that_says_what_was_achieved_in_a_year_reviews_it(page, year):
    assert meta(page)["doc_year"] == year


@pytest.mark.parametrize("headline, kind", [
    ("2022年区政府工作报告目标任务", "work_plan"),  # the year's tasks of the report, shared out
    ("【喜迎2025市两会】2024年某市十件民生实事盘点", "progress_report"),
    ("明年民生实事面向全市征求建议", "other"),  # a call for proposals
])
def test_headlines_of_a_reports_tasks_a_stock_taking_and_a_call(headline, kind):
    assert meta(headline + "\n为做好相关工作,现将有关情况公布如下。")["doc_type"] == kind


def test_a_portal_label_before_a_notice_that_issues_a_document_does_not_hide_its_issuer():
    m = meta("索取号 101102000-2023-001 发布机构\n"
             "信息名称鞍山市人民政府关于印发《2023年市〈政府工作报告〉任务分解和责任分工方案》的通知\n"
             "各县(市)区人民政府,市政府各部门:现将方案印发给你们。\n"
             "1.稳定经济增长。牵头单位:市发展改革委;责任单位:相关部门,各县(市)区。\n"
             "2.扩大有效投资。牵头单位:市发展改革委;责任单位:相关部门,各县(市)区。\n"
             "3.促进消费。牵头单位:市商务局;责任单位:相关部门,各县(市)区。\n"
             "4.稳定就业。牵头单位:市人社局;责任单位:相关部门,各县(市)区。\n"
             "各县(市)区政府要压实责任,县(市)区政府主要负责同志亲自抓,县(市)区政府要按月调度。")
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("210300", "work_plan", 2023)


def test_two_of_its_towns_beside_a_county_named_in_full_give_the_county():
    m = meta("1月14日下午,2021年吴中区民生实事项目出炉\n今年两会,吴中区开展民生实事项目人大代表票决制工作,票选产生了10个项目。\n"
             "养老服务设施建设项目\n建成投用木渎镇区域性养老服务中心,开工建设横泾街道区域性养老服务中心。")
    assert (m["region_code"], where(m)) == ("320506", "towns")


def test_a_list_item_that_names_a_county_is_no_opening_of_a_citys_list():
    m = meta("根据《某市民生实事项目办理工作规定》要求,我市按月发布德阳市民生实事项目清单。现面向社会发布德阳市6月民生实事项目清单。\n"
             "一、 开展市域内道路交通安全隐患治理。为提升德阳市道路交通安全水平,对市内7条道路开展治理。\n"
             "二、 打通什邡市金河西路断头路。什邡市金河西路长期未贯通,计划打通300余米。责任单位:什邡市人民政府\n"
             "三、 硬化什邡市某镇村道路。什邡市某镇群众通过热线反映道路问题。")
    assert m["region_code"] in ("510600", None)  # never 什邡市, a county-level city the list acts on


def test_a_sites_name_under_a_headline_is_no_signature_or_issuer():
    m = meta("张某某作政府工作报告(摘要)\n2020-11-30 中共江苏省委新闻网\n2019年高质量发展迈出坚实步伐\n"
             "预计实现地区生产总值4200亿元,增长6.1%。")
    assert m["region_code"] != "320000"


@pytest.mark.parametrize("title", [
    "长治市人民政府办公室关于印发2026年市政府工作报告重点目标任务清单的通知",
    "铁岭市人民政府办公室关于印发2021年国务院《政府工作报告》重点工作任务落实措施的通知",
    "福建省人民政府办公厅关于印发福建省2019年政务公开工作主要任务的通知",
    "某市人民政府办公室关于明确政府工作报告提出的2023年重点工作责任单位的通知",
])
def test_a_notice_that_sets_out_the_years_tasks_is_a_work_plan(title):
    assert meta(title + "\n各县(市、区)人民政府,市政府各部门:现将有关任务印发给你们,请认真贯彻落实。")["doc_type"] == "work_plan"


def test_a_report_given_in_december_with_the_date_before_the_session_is_for_next_year():
    m = meta("政府工作报告\n——在2025年12月29日某市某区第十八届人民代表大会第六次会议上\n某区人民政府区长 某某\n各位代表:\n"
             "现在,我代表区人民政府,向大会报告工作,请予审议。")
    assert (m["doc_type"], m["doc_year"]) == ("government_work_report", 2026)


def test_a_meeting_that_hears_bodies_special_work_reports_midyear_is_a_progress_report():
    m = meta("某区首次召开国家机关专项工作报告会\n发布时间:2023-08-18\n8月17日,区人大常委会召开专项工作报告会。2023年时间过半,"
             "25件重点民生实事实际投入资金1.76亿元。")
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", 2023)


def test_a_report_news_that_looks_back_on_a_bare_year_is_for_the_next():
    m = meta("某某:绘就现代化山水城市新画卷\n2月2日至6日,某区第十七届人民代表大会第五次会议召开。区长作政府工作报告。\n"
             "回首2025\n这一年,全区地区生产总值增长6%。")
    assert m["doc_year"] == 2026


def test_an_opinion_adopted_by_a_party_plenary_is_its_regions_and_of_the_year_adopted():
    m = meta("(2021年9月10日中国共产党钟祥市第六届委员会第八次全体会议通过)\n"
             "根据《湖北省委、湖北省人民政府关于新时代推动湖北高质量发展的实施意见》,结合钟祥实际,提出如下实施意见。\n"
             "一、总体要求。全省…湖北省…全省…全省…")
    assert (m["region_code"], m["doc_type"], m["doc_year"]) == ("420881", "implementation_opinion", 2021)


@pytest.mark.parametrize("page, year", [
    ("政府工作报告\n各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
     "2024年是实现“十四五”规划目标任务的关键一年。全市地区生产总值增长5%。", 2025),
    ("各位代表:\n我受市人民代表大会常务委员会委托,向大会报告工作,请予审议。\n过去一年主要工作\n2023年是全面贯彻党的二十大精神的开局之年。", 2024),
    # 实事求是 is an idiom, not the year's matters
    ("市政府就政府工作报告征求市人大常委会意见建议\n发布时间:2018-01-14\n与会人员认为,报告对2017年及4年来的工作总结实事求是,提出2018年的工作符合实际。", 2018),
])
def test_the_year_a_report_opens_its_review_with_is_the_year_before_it(page, year):
    assert meta(page)["doc_year"] == year


@pytest.mark.parametrize("page, kind", [
    # a page of a report (its second or third), with no title: the address to the deputies says it is a speech to them
    ("七是群众生活更有获得感。全年优良天数首次突破200天。\n各位代表!过去的五年,是某县发展史上极不寻常的五年。\n"
     "这五年,我们优存量、扩增量,县域经济更有竞争力。", "government_work_report"),
    # …unless the standing committee reports
])
def test_a_page_that_addresses_the_deputies_is_a_work_report_unless_another_body_reports(page, kind):
    assert meta(page)["doc_type"] == kind


def test_report_news_posted_in_the_session_season_is_of_that_year_not_the_year_its_headline_reviews():
    m = meta("2019年某市建成城市休闲公园24处\n2020年01月12日09:24  来源:某网\n某网1月12日电 某市十五届人大三次会议今天上午开幕,"
             "市长某某作政府工作报告。某某说,2019年某市完成绿化1686公顷,退出一般制造业企业399家。\n"
             "2019年某市拆除违法建设腾退土地5706公顷,新建便民商业网点1190个,投入资金12亿元。", kind="government_work_report")
    assert m["doc_year"] == 2020


def test_an_opinion_of_no_stated_period_takes_the_year_its_url_was_posted_when_nothing_else_dates_it():
    text = "关于加快发展养老服务的实施意见\n各区人民政府,市政府各部门:\n为加快发展养老服务,结合本市实际,提出如下实施意见。\n一、总体要求。"
    cleaned = clean.clean(text)
    m = metadata.document_metadata(cleaned.clean_text, {"source_url": "http://www.example.gov.cn/zwgk/2023/05/12/art_1_2345.html"},
                                   page_date=cleaned.page_date, page_facts=cleaned.page_facts)
    assert (m["doc_type"], m["doc_year"], where(m, "doc_year")) == ("implementation_opinion", 2023, "source_url")


@pytest.mark.parametrize("opening, code", [
    # the bureau's city in the dateline, the province the news is of named in full in its line
    ("新华网昆明1月26日电(记者某某)云南省两会新闻宣传组25日就2018年《政府工作报告》进行新闻发布。发布会透露,报告亮点纷呈。", "530000"),
    ("中新网太原1月23日电 1月23日,山西省第十四届人民代表大会第二次会议在太原开幕。", "140000"),
    # a dateline city with no region around it named: the city's news
    ("新华网昆明1月26日电(记者某某)昆明今年将新建20所学校,新增学位3万个。", "530100"),
])
def test_a_datelines_city_gives_way_to_the_region_around_it_named_in_its_line(opening, code):
    assert meta(opening + "\n各地代表认真审议。")["region_code"] == code


def test_a_province_named_often_is_no_districts_region_when_the_district_shares_its_name():
    # 上海 inside the names of care homes; 普陀区 is also 舟山's: the text is no province's, and says no
    # county it can be given here but by its towns
    m = meta("为老服务……2023年普陀区29项为民办实事项目完成 2024年01月19日\n来源: 上海普陀\n"
             "2023年普陀区共安排29个为民办实事项目,已全部完成。\n完成上海城怡养护院改造。\n完成上海美源养老院、上海康养中心等3家养老院改造。")
    assert m["region_code"] != "310000"


def test_first_in_the_province_to_do_something_is_a_rank_not_the_text_speaking_as_the_province():
    from flows.metadata.self_level import self_level
    assert self_level("在全省率先推行一件事一次办。在全省率先推开无差别综合受理。全市新增就业1万人。")[2] == "city"


def test_news_of_a_meeting_with_one_task_sentence_is_not_a_page_of_the_work_report():
    page = "1月18日,某县召开民政工作会议。县长出席会议并讲话。\n会议要求,各部门要认真履职。加快推进养老服务体系建设。"
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("opening, period", [
    ("某省国民经济和社会发展第十五个五年规划纲要,根据《某省委关于制定第十五个五年规划的建议》编制,主要阐明全省战略意图。", (2026, 2030)),
    ("“十四五”时期(2021—2025年),是我市开启全面建设社会主义现代化新征程的第一个五年。", (2021, 2025)),
])
def test_a_page_that_opens_by_naming_a_multi_year_plan_as_itself_is_that_plan(opening, period):
    m = meta(opening + "\n第一章 发展基础\n第一节 发展成就")
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", *period)


def test_session_news_that_goes_on_to_the_year_just_past_tells_what_the_report_says():
    page = ("某某观察 某某/制图\n1月7日上午,某市第六届人民代表大会第五次会议开幕,市人民政府市长某某作政府工作报告。\n"
            "刚刚过去的2024年,某市聚焦高质量发展这一首要任务,推动现代化建设迈出坚实步伐。")
    assert meta(page)["doc_type"] == "government_work_report"


def test_session_news_that_ends_as_the_report_is_delivered_tells_the_proceedings_only():
    lines = ["某市第十四届人民代表大会第六次会议开幕", "6月11日上午,某市第十四届人民代表大会第六次会议在政府会堂隆重开幕。"] + \
        [f"大会执行主席某某{i}在主席台前排就座。" for i in range(11)] + ["代市长某某代表市政府作《政府工作报告》。"]
    assert meta("\n".join(lines))["doc_type"] == "other"


def test_a_completion_word_the_opening_aims_at_is_a_target_not_a_progress_report():
    page = ("各县、区人民政府,市直各有关单位:\n某市第十五届人民代表大会第三次会议通过决议,批准我市2023年国民经济和社会发展计划。"
            "现将有关事项通知如下,请遵照执行。\n一、2023年经济社会发展主要目标\n预期性指标:地区生产总值增长7%以上。\n"
            "约束性指标:全面完成国家、省下达目标任务。")
    assert meta(page)["doc_type"] != "progress_report"


def test_news_of_the_candidate_matters_put_to_a_preliminary_vote_is_other():
    page = ("今年某市拟办实事初选项目增至30件\n时间:2017-02-09 15:20:17\n目前,市政府网站正邀请市民对2017年重要民生实事项目进行投票。"
            "今年的拟办实事7大类项目覆盖衣食住行。")
    assert meta(page)["doc_type"] == "other"


def test_news_that_names_one_city_in_full_twice_and_no_other_region_is_that_citys():
    page = ("(某新闻记者 某某)1月24日下午,宿迁市2026年度民生实事项目新闻发布会召开。副市长某某在会上介绍,今年宿迁市将聚焦群众"
            "急难愁盼,统筹推进六大类60项民生实事。\n据悉,宿迁将新增城镇就业5万人。")
    assert meta(page)["region_code"] == "321300"


def test_a_page_stamped_original_is_dated_by_its_stamp():
    page = "某某2026丨重任在肩赴盛会 某市人大代表今日报到\n某某新闻·某某晨报 某某   2026-01-18 14:08:15原创\n1月18日上午,参加会议的人大代表陆续报到。"
    assert meta(page)["doc_year"] == 2026


@pytest.mark.parametrize("page, year", [
    ("1月26日上午,某省第十三届人民代表大会第五次会议在某市开幕,省长某某作政府工作报告。\n2020年成就:\n实现生产总值2.62万亿元,增长2.2%", 2021),
    ("某市第六届人民代表大会第七次会议\n1月20日上午,某市第六届人民代表大会第七次会议召开,市长某某向大会作政府工作报告。\n"
     "2026年某市经济社会发展的重点是什么?记者从会上了解到,今年某市将重点围绕以下八个方面开展工作。", 2026),
])
def test_report_news_dated_by_the_year_it_reviews_the_achievements_of_or_sets_the_priorities_for(page, year):
    assert meta(page)["doc_year"] == year


def test_a_portal_path_with_single_arrows_is_no_title():
    page = ("当前位置:\n市政府工作部门> 某市人民政府办公室> 法定主动公开内容> 市政府工作报告> 市政府工作报告执行>\n"
            "索引号 001008009005001/2023-188806\n2023年市政府工作报告重点工作半年度完成情况\n发布日期:2023-07-03\n"
            "一、加快建设现代产业体系。已完成投资12亿元。")
    assert meta(page)["doc_type"] == "progress_report"


def test_news_that_the_years_economic_and_social_plan_was_issued_is_the_work_plan():
    page = ("3月12日,某盟行政公署下达2024年全盟国民经济和社会发展计划。\n计划提出,继续把招商引资作为头号工程。\n"
            "2024年全盟经济社会发展的主要预期目标是:地区生产总值增长6%左右。")
    assert meta(page)["doc_type"] == "work_plan"


def test_a_citys_report_that_names_its_province_once_and_its_leading_bodies_is_not_the_provinces():
    page = ("各位代表,过去五年,是某地经济社会发展极不平凡的五年。认真落实省委、省政府和市委工作安排,总量由全省第4位跃升至第3位。"
            "我们在全省的战略地位更加凸显。全市地区生产总值增长8%。\n坚决贯彻关于东北、辽宁振兴发展的重要讲话精神。")
    assert meta(page)["region_code"] != "210000"


def test_a_page_that_opens_with_the_plan_period_as_its_subject_is_the_plan():
    page = "“十四五”时期,是某市开启社会主义现代化建设新征程的第一个五年。科学编制实施《某市国民经济和社会发展规划(2021-2025年)》,意义重大。"
    assert meta(page)["doc_type"] == "action_plan"


def test_a_bracketed_date_under_rows_of_table_rules_dates_the_page():
    page = "|\n|\n|\n|\n某省:50件民生实事解群众急难愁盼 |\n|\n|\n| ( 2022-01-25 ) 稿件来源:某某日报 |\n正在召开的某省人民代表大会会议上,省政府提出,今年将安排实施50件民生实事。"
    assert meta(page)["doc_year"] == 2022


@pytest.mark.parametrize("page", [
    "人大代表、政协委员监督检查某县重点民生实事工作\n2023-09-19 10:41:10\n9月18日,某县邀请市、县人大代表监督检查2023年重点民生实事工作。",
    "8月21日上午,县人大常委会组织部分县人大代表,对县人民代表大会票决产生的县人民政府2025年十大民生实事项目进行视察。\n"
    "视察组一行先后深入城区污水管网建设项目、卫生院项目等十大民生实事项目建设现场。",
])
def test_an_inspection_of_the_years_matters_told_in_a_title_or_by_its_inspectors_is_a_progress_report(page):
    assert meta(page)["doc_type"] == "progress_report"


def test_a_standing_committee_meeting_that_hears_several_reports_is_news_of_the_meeting():
    page = ("12月29日上午,某区第十六届人大常委会第三十六次会议召开。\n会议听取和审议了区政府关于水清岸绿行动计划实施情况的报告。\n"
            "会议听取和审议了区政府关于8件议案跟踪落实情况的报告。\n会议听取和审议了区政府关于2020年重要民生实事完成情况的报告。")
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("page", [
    "近日,市政府办公厅正式发布2023年市办实事,16件市办实事涵盖就业、居住、交通、教育等民生基本方面。",
    "2020年某市实事项目:\n某市2020年实事项目共有八个方面40个项目,涉及教育文体、医疗养老、就业社保等,总投资将超过360亿元。",
    "1月21日,某市政府新闻办召开新闻发布会,介绍2026年市政府在城乡建设和改善人民生活方面重点办好10件实事相关情况。",
])
def test_news_that_publishes_counts_or_presents_the_years_matters_is_the_list(page):
    assert meta(page)["doc_type"] == "practical_matters_list"


def test_a_call_for_the_years_matters_is_not_the_list():
    assert meta("某区人民政府发布2024年民生实事项目征集公告,面向社会公开征集2024年民生实事项目建议。")["doc_type"] == "other"


@pytest.mark.parametrize("page", [
    "各区人民政府,市政府各委、办、局:\n市政府第38次常务会议确定,将《政府工作报告》的工作部署分解为135项重点任务,作为2024年市政府重点工作。",
])
def test_news_or_a_notice_that_divides_the_reports_tasks_among_bodies_is_a_work_plan(page):
    assert meta(page)["doc_type"] == "work_plan"


def test_a_reports_page_that_says_last_years_goals_were_met_is_for_the_year_after():
    page = ("七是群众生活更有获得感。全年优良天数首次突破200天。\n各位代表!2021年发展目标的顺利完成,为过去五年的工作画上了圆满句号。\n"
            "这五年,我们优存量、扩增量,县域经济更有竞争力。")
    assert (meta(page)["doc_type"], meta(page)["doc_year"]) == ("government_work_report", 2022)


def test_a_place_that_opens_a_headline_under_site_clutter_is_the_pages_region():
    page = "第04版:两会特刊 2026年01月21日\n定力如磐、斗志昂扬,拼出奋勇争先精气神\n句容:凝聚奋进力量 奏响发展强音\n过去一年来,全市上下凝心聚力。"
    assert meta(page)["region_code"] == "321183"


@pytest.mark.parametrize("tail, kind", [
    ("报告共分2024年工作回顾、2025年重点工作三个部分。\n某某在报告中指出,全市上下较好完成了重点任务。", "government_work_report"),
])
def test_session_news_that_only_names_the_reports_parts_tells_the_proceedings(tail, kind):
    page = ("2月18日,某市某区第七届人民代表大会第三次会议隆重开幕。\n大会应出席代表197名,实到186名,符合法定人数。\n"
            "上午,某某宣布大会开幕。全体起立,奏唱国歌。\n在热烈的掌声中,某某代表某区人民政府向大会作政府工作报告。" + tail)
    assert meta(page)["doc_type"] == kind


def test_session_news_whose_report_goes_on_to_a_year_with_a_plans_verb_plans_that_year():
    page = ("西部网讯 1月26日上午,某省第十四届人民代表大会第二次会议在某市开幕,某省省长某某作政府工作报告。\n"
            "报告指出,2024年,某省加强交通、能源、水利等基础设施建设,加快5条高铁、13条高速等在建项目进度。")
    assert meta(page)["doc_year"] == 2024


def test_the_year_the_report_is_said_to_set_out_plans_for_is_the_year():
    page = ("1月12日,某省第十四届人民代表大会第一次会议开幕。在政府工作报告中,某省提出,2023年预计新增财政支出15.87亿元,"
            "对17项民生政策进行提标扩面,并集中精力办好12件民生实事。")
    assert meta(page)["doc_year"] == 2023


def test_session_news_that_gives_deputies_views_and_quotes_little_of_the_report_is_other():
    page = ("某网讯 1月6日至9日,某区两会召开。近500名代表、委员认真聆听相关报告并积极讨论。\n"
            "针对打造环城生态微度假圈,区政协委员某某表示,景点打造要本地化。\n"
            "区人大代表、区发改局党组书记某某表示,政府工作报告高屋建瓴,给全区经济工作指明了方向。")
    assert meta(page)["doc_type"] == "other"


@pytest.mark.parametrize("headline", ["某区:民生实事项目叫好又叫座", "今年我区10项民心工程有序推进", "某县重点民生实事项目建设踏春提速"])
def test_a_headline_over_the_years_matters_that_tells_how_they_go_is_a_progress_report(headline):
    page = headline + "\n2021-10-23 11:32:15\n今年以来,某区把民生实事项目作为重中之重,实行清单化管理。"
    assert meta(page)["doc_type"] == "progress_report"


def test_report_news_that_announces_the_matters_and_goes_on_to_enumerate_them_is_the_list():
    page = ("1月31日上午,某州第十五届人民代表大会第四次会议在某市隆重开幕。州长某某代表州人民政府向大会作政府工作报告。\n"
            "报告明确,今年将继续统筹财力,扎实办好“十件民生实事”。\n(一)\n促进群众就业增收,开展职业技能培训2.5万人次。")
    assert meta(page)["doc_type"] == "practical_matters_list"


def test_a_pages_date_below_its_portal_menu_dates_session_news():
    page = ("• 某某联通2026广告\n  • 服务某某,融入某某\n  • 首届企业论坛\n  • 优秀案例征集\n  • 2025宣传基层行\n某某\nEnglish\n"
            "当前位置:某某频道首页 > 社会 > 正文\n\n某某市十七届人大六次会议隆重开幕\n\n某某市十七届人大六次会议隆重开幕\n"
            "2026-02-05 11:02:55 来源:某某日报\n\n代市长某某代表市人民政府向大会作政府工作报告。本报记者某某摄")
    assert meta(page)["doc_year"] == 2026


def test_a_date_things_stood_at_is_not_the_pages_date():
    page = ("1月11日上午,某市政协六届三次会议隆重开幕。\n市政府系统共办理提案572件\n截至2016年12月13日前全部答复完毕\n"
            "其中所提问题已经解决或基本解决的258件")
    assert meta(page)["doc_year"] != 2016


@pytest.mark.parametrize("page, year", [
    ("2024这十件事,件件关乎你我\n今年,某市将新增托位3000个。", 2024),
    ("2015某市政府23件实事项目全面完成,16项超额完成\n截至目前,某市政府安排的实事项目已全部完成。", 2015),
])
def test_a_headline_that_opens_with_its_year_written_bare_is_of_that_year(page, year):
    assert meta(page)["doc_year"] == year


def test_the_horizon_of_an_opinions_targets_in_its_headline_is_not_its_year():
    page = ("至2025年,全市社区长者食堂达到400家!某市出台推进老年助餐服务高质量发展实施意见\n\n2024-09-20 11:54:08 admin\n\n"
            "近日,市民政局、市财政局联合出台《关于推进本市老年助餐服务高质量发展的实施意见》,至2025年,全市社区长者食堂达到400家。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("implementation_opinion", 2024)


def test_a_notice_of_the_years_key_work_targets_is_a_work_plan():
    page = ("某市某区人民政府关于印发区政府2019年重点工作目标的通知\n区政府各委、办、局,各街道办事处:\n"
            "现将《某市某区人民政府2019年重点工作目标》印发给你们,请认真贯彻执行。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2019)


def test_a_report_that_looks_back_on_a_period_plans_for_the_year_after_it():
    page = ("1/4某市第十五届人民代表大会第八次会议开幕。会上,市长某某代表市人民政府向大会报告政府工作\n"
            "“十二五”回头看:“青山绿水”间脱贫23万人\n在某市“两会”上,市长某某“晒出”过去5年的成绩单。")
    assert meta(page)["doc_year"] == 2016


def test_a_portals_bracketed_page_facts_are_not_the_title():
    page = ("[ 索引号 ] 11500230008686166Y/2026-00011 [ 发文字号 ]\n[ 主题分类 ] 国民经济发展规划、计划 [ 体裁分类 ] 计划、发展目标\n"
            "[ 主题分类 ] 国民经济发展规划、计划\n[ 成文日期 ] 2026-03-06\n某某县2025年国民经济和社会发展计划执行情况及2026年计划草案的报告\n各位代表:")
    m = meta(page)
    assert (m["title"], m["doc_type"], m["doc_year"]) == ("某某县2025年国民经济和社会发展计划执行情况及2026年计划草案的报告", "work_plan", 2026)


def test_news_that_a_quoted_document_has_been_issued_is_of_that_document():
    page = ("2020-03-31\n政务公开是重要手段。记者26日从某省政府办公厅获悉,《某省2020年政务公开工作要点》已正式印发,某省将加大信息公开力度。\n"
            "此外,突出做好就业、教育等领域的信息公开工作,强化12件重点民生实事落实情况的公开。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("work_plan", 2020)


def test_news_of_an_inspection_team_checking_the_matters_is_a_progress_report():
    page = ("某某区融媒体中心讯 11月23日,省残联副主席带领督查组,就2020年某某区省列为民办实事项目落实情况进行全面督查。\n"
            "督查组先后深入区人社局、某某小区等地,对多项民生实事落实情况进行了全面细致的督查。")
    assert meta(page)["doc_type"] == "progress_report"


def test_a_county_delegation_at_its_citys_congress_named_by_level_alone_is_the_citys_news():
    page = ("某某县代表团在审议政府工作报告。(本报记者某某摄)\n1月10日,市四届人大三次会议忻城县代表团54名人大代表齐聚一堂,审议市长某某所作的政府工作报告。\n"
            "代表们围绕政府工作报告积极建言献策。过去的一年,忻城县各项事业取得了显著成绩。2017年,该县全力以赴攻扶贫,全县新增就业2000人。")
    m = meta(page)
    assert (m["region_code"], where(m)) == ("451300", "delegation")


def test_a_province_in_brackets_before_a_county_title_is_its_parent():
    page = "导航菜单\n(河南省)息县2022年政府工作报告\n——2022年4月26日在县十五届人大一次会议上\n县人民政府县长某某\n各位代表:"
    m = meta(page)
    assert (m["region_code"], m["admin_level"]) == ("411528", "county")


def test_a_county_level_city_the_mayor_visits_is_not_the_pages_region():
    page = ("- 信息来源:泰州新闻网\n- 发布日期:2025-08-23 02:13\n8月22日,全国人大代表、市长某某与部分省、市人大代表一起赴泰兴市,"
            "参加人大代表回选区访选民活动,并现场调研重点处理建议办理工作。\n在泰兴城区,某某一行调研了污水管网改造工程。"
            "由市人大代表某某提出的建议被市人大常委会列为年度重点处理建议。在泰兴经济开发区,某某一行深入企业。泰兴市要做好项目服务。")
    assert meta(page)["region_code"] == "321200"  # the news site's byline names the city


def test_news_of_an_n_year_action_under_a_sites_clutter_is_an_action_plan_up_to_its_horizon():
    page = ("EN\nhttps://www.gov.cn/\n某某将实施乡村风貌提升三年行动\n2018-06-24 14:22 来源: 新华社\n"
            "新华社南宁6月24日电 记者从某某自治区住房和城乡建设厅了解到,某某将通过实施乡村风貌提升三年行动,力争至2020年实现村庄规划全覆盖。")
    m = meta(page)
    assert (m["doc_type"], m["plan_start_year"], m["plan_end_year"]) == ("action_plan", 2018, 2020)


def test_a_headline_on_this_years_matters_that_names_last_years_evaluation_is_of_the_posted_year():
    page = ("•\n•\n• 某市公布今年27项实事项目,来看2019年哪几项测评得分居前\n2020年01月13日15:31  来源:某某网\n"
            "1月13日,某市政府新闻发布会公布了2020年市政府实事项目。")
    assert meta(page)["doc_year"] == 2020


def test_news_of_the_years_matters_is_not_of_the_year_whose_matters_it_says_were_done():
    page = ("东营继续提高保障和改善民生水平\n齐鲁晚报 2018-01-06 15:40\n本报东营1月4日讯 4日,记者从某市第八届人民代表大会第二次会议上了解到,"
            "今年某市将继续提高保障和改善民生水平,实施10项民生工程。\n2017年,某市着力加强社会民生建设,实施了改造敬老院设施等11件民生实事。"
            "2018年,某市将突出抓好新旧动能转换重大项目建设。")
    assert meta(page)["doc_year"] == 2018


def test_a_municipalitys_session_named_by_its_word_alone_dates_its_news():
    page = ("北京商报讯 市第十五届人民代表大会第四次会议在北京会议中心隆重开幕。市长某某作政府工作报告。\n"
            "报告回顾了过去一年北京市的工作,北京市坚持稳中求进。北京市将继续办好民生实事。")
    m = meta(page)
    assert (m["region_code"], m["doc_year"]) == ("110000", 2021)


def test_a_districts_delegation_named_apart_from_its_municipalitys_congress_is_the_congresss_news():
    page = ("上海市人代会进行时!听,来自奉贤区代表团的声音\n中国发展网讯 1月20日,上海市第十五届人民代表大会第六次会议举行第一次全体会议。"
            "会后,奉贤代表团举行团组会议,全体代表认真审议市政府工作报告。\n奉贤要把新城数字化建设作为重中之重。")
    m = meta(page)
    assert (m["region_code"], where(m)) == ("310000", "delegation")


def test_a_pages_iso_stamp_dates_it():
    page = ("发布于2024-01-17T10:22:31  该页已被阅读\n某某参加市五届人大三次会议乌拉特前旗代表团审议\n"
            "1月16日下午,市长某某来到市五届人大三次会议乌拉特前旗代表团,与代表们一起审议政府工作报告。")
    assert meta(page)["doc_year"] == 2024


def test_a_reposted_opinion_takes_the_year_of_its_number_in_brackets_under_its_title():
    page = ("某省政府关于全面放开养老服务市场提升养老服务质量的实施意见\n某某网小编整理\n2024-11-21 14:45\n289人看过\n"
            "某省政府关于全面放开养老服务市场提升养老服务质量的实施意见\n(苏政发〔2017〕121号)\n各市、县(市、区)人民政府,省各委办厅局:")
    assert meta(page)["doc_year"] == 2017


@pytest.mark.parametrize("page", [
    "某某区人大常委会督察2025年民生实事项目\n发布时间: 2026-01-07 11:19:07\n1月6日,市人大常委会副主任某某带队督察2025年民生实事项目。",
    "更新时间:2022-07-21 23:54:46\n7月20日至21日,市人大常委会主任某某率领民生实事票决项目调研组,就2022年民生实事人大代表票决项目推进情况开展了专题调研。",
    "11日,县人大常委会副主任某某、副县长某某前往某某镇调研2020年县级以上重点项目及为民办实事项目建设情况,详细了解项目推进过程中存在的困难和问题。",
])
def test_news_of_deputies_surveying_how_the_matters_go_is_a_progress_report(page):
    assert meta(page)["doc_type"] == "progress_report"


def test_news_that_one_of_the_years_projects_was_finished_is_a_progress_report():
    page = ("某区首部既有住宅加装电梯投用\n提要:某市某区相关部门透露,作为民心工程和全区重点工作,某区稳步推进既有住宅加装电梯工作。\n"
            "经过紧张施工,某某家园3号楼2门加装电梯项目日前顺利完成并投入使用,这是某区首部既有住宅加装电梯。")
    assert meta(page)["doc_type"] == "progress_report"


def test_a_headline_that_the_years_projects_beat_the_annual_plan_is_a_progress_report():
    page = "某省:重点民生项目超额完成年度计划\n2021年12月28日\n2021年自治区民生类重点项目共安排93项,截至11月底完成投资120亿元。"
    assert meta(page)["doc_type"] == "progress_report"


def test_a_review_that_opens_with_last_years_work_is_not_a_plan_for_that_year():
    page = ("某区第七届人民代表大会第六次会议简报\n发布时间:2020-04-23\n代表们认真审议了政府工作报告,体现了以下几点:"
            "2019年的工作,区上四大班子凝心聚力,推动各项工作落地见效。")
    assert meta(page)["doc_year"] == 2020


def test_a_dateline_that_opens_with_a_county_media_centres_name_names_the_county():
    page = ("宁晋融媒 2023-07-14 16:33:02\n公厕是城市文明的窗口,近年来,县委、县政府把破解群众如厕难问题列为重点民生实事来抓,"
            "作为项目实施单位的县城管局集中优势力量,统筹布局,全县新建公厕20座。")
    assert meta(page)["region_code"] == "130528"


def test_a_one_year_list_is_of_its_year_whatever_span_its_text_names():
    # (2024—2025年 is one item's span, not the list's period)
    page = ("——2024年省政府十方面民生实事\n1月23日,省十四届人大二次会议开幕,省长作政府工作报告,并公布了2024年十方面民生实事。\n"
            "1 教育\n新增公办幼儿园学位2万个。\n2 城乡宜居\n2024—2025年对全省所有未达标单村水站进行改造。")
    m = meta(page)
    assert (m["doc_type"], m["doc_year"], m["plan_start_year"], m["plan_end_year"]) == \
        ("practical_matters_list", 2024, 2024, 2024)


def test_a_pages_list_of_links_gives_neither_its_title_nor_its_signature():
    page = meta("\n".join([
        "某某市人民政府门户网站", "首页 > 政务公开 > 通知公告",
        "广汉市人民代表大会公告", "(第5号)",
        "广汉市第十八届人民代表大会第二次会议于2023年1月12日票决产生了2023年广汉市十件民生实事项目,现予公告。",
        "一、新建、改扩建中小学和幼儿园5所,新增学位3000个。",
        "广汉市第十八届人民代表大会第二次会议主席团", "2023年1月12日",
        "相关链接:", "· 四川省人民政府2023年十件民生实事出台", "· 绵竹市第十八届人大二次会议开幕"]))
    assert (page["region_code"], page["doc_year"]) == ("510681", 2023)
    assert "绵竹" not in (page["title"] or "") and "四川省" not in (page["title"] or "")


def test_a_call_for_next_years_matters_is_for_the_year_after_it_was_signed():
    letter = meta("\n".join([
        "致全区人民的一封信",
        "为使明年的民生实事更贴近群众需求,即日起,区政府面向社会公开征集明年民生实事项目建议。",
        "征集时间:2025年10月20日至11月20日。",
        "白山市浑江区人民政府", "2025年10月20日"]))
    assert (letter["region_code"], letter["doc_year"]) == ("220602", 2026)


def test_an_implementation_opinion_on_the_practical_matters_is_an_opinion_not_their_list():
    opinion = meta("\n".join([
        "兰坪白族普米族自治县人民政府关于进一步加强和改进为民办实事工作的实施意见",
        "兰政发〔2024〕8号",
        "各乡(镇)人民政府,县直各部门:",
        "为持续提升为民办实事工作的精准性,现提出如下实施意见。"]))
    assert (opinion["doc_type"], opinion["region_code"]) == ("implementation_opinion", "533325")


def test_an_open_letter_calling_for_next_years_matters_is_about_them_not_their_list():
    letter = meta("\n".join([
        "致全县各族群众的一封信丨明年县级民生实事,请您来“点单”!",
        "马边融媒 2025-10-20 17:30",
        "今年县级10件民生实事目前进展顺利,预计年底前全部完成。",
        "为把明年的民生实事办到群众心坎上,从即日起至11月20日,我们面向全县各族群众公开征集明年县级民生实事候选项目。",
        "一、征集内容", "围绕教育、医疗卫生、养老托育、就业增收等领域,提出受益面大的项目建议。",
        "二、参与方式", "扫描二维码填写建议,或将书面建议送至县政府办公室。",
        "马边彝族自治县人民政府办公室", "2025年10月20日"]))
    assert (letter["doc_type"], letter["doc_year"], letter["region_code"]) == ("other", 2026, "511133")


def test_a_shared_district_name_is_settled_by_a_parent_in_the_page_facts_dropped_above_the_text():
    page = meta("\n".join([
        "南沙区确定2021年为民办实事项目",
        "发布时间:2021-03-18 11:05 来源:三沙市融媒体中心 编辑:符海燕",
        "本网讯 近日,南沙区工委、管委会召开会议,研究确定了南沙区2021年为民办实事项目8项。"]))
    assert (page["region_code"], page["doc_year"]) == ("460303", 2021)  # not 广州's 南沙区
    alone = meta("南沙区确定2021年为民办实事项目\n本网讯 近日,南沙区研究确定了2021年为民办实事项目8项。")
    assert alone["region_code"] is None


def test_a_short_name_that_fixes_the_years_matters_names_the_region_and_a_sites_navigation_does_not():
    news = meta("\n".join([
        "河北新闻网 > 唐山频道 > 要闻",
        "唐山确定2018年20项民心工程",
        "2018-02-09 07:56:13 来源:唐山劳动日报 作者:记者 赵红梅",
        "本报讯 记者从市政府获悉,经市政府常务会议研究,20项民心工程正式确定,总投资约48.6亿元。"]))
    assert (news["region_code"], news["doc_year"]) == ("130200", 2018)


def test_a_list_that_says_an_earlier_years_matters_were_done_is_still_the_list():
    news = meta("\n".join([
        "唐山确定2018年20项民心工程",
        "本报讯 经市政府常务会议研究,2018年唐山市20项民心工程正式确定。",
        "1.新建、改扩建中小学和幼儿园45所;", "2.完成农村改厕15万座。",
        "据了解,2017年我市20项民心工程已全部完成。"]))
    assert (news["doc_type"], news["doc_year"]) == ("practical_matters_list", 2018)


def test_a_province_text_that_names_only_its_cities_takes_the_province_they_are_in():
    m = meta("省委、省政府研究决定,今年继续为民办25项实事。全省新增城镇就业50万人,"
             "福州、厦门、莆田等地新建公办幼儿园60所,省定标准全面落实。")
    assert (m["region_code"], where(m)) == ("350000", "mentions")
    # cities of two provinces: none
    two = meta("省委、省政府研究决定,今年继续为民办25项实事。全省新增城镇就业50万人,福州、厦门、南昌等地新建幼儿园60所。")
    assert two["region_code"] is None


def test_a_session_that_examines_a_plan_periods_outline_sits_in_its_first_year():
    session = meta("某市第十六届人民代表大会第五次会议开幕\n上午举行第一次全体会议,听取市人民政府工作报告,"
                   "审查了《某市国民经济和社会发展第十五个五年规划纲要(草案)》。\n代表们认为报告实事求是。")
    assert session["doc_year"] == 2026
    forum = meta("市委书记来到市政协三届五次会议讨论《政府工作报告》。\n"
                 "委员们认为报告总结“十二五”工作客观全面,规划“十三五”目标科学合理。")
    assert forum["doc_year"] == 2016


def test_a_prefectures_administrative_office_issues_and_a_sites_dateline_is_no_place_over_another_region():
    news = meta("\n".join([
        "天山网 > 新闻 > 地州市", "今年将办好20件惠民实事",
        "天山网讯 3月14日,喀什地区行署召开专题会议,研究确定了今年地区为民办好的20件惠民实事。",
        "1.城镇新增就业2.8万人。"]))
    assert news["region_code"] == "653100"
    site_only = meta("天山网讯 3月14日,喀什地区研究确定了今年为民办好的20件惠民实事。\n1.城镇新增就业2.8万人。")
    assert site_only["region_code"] != "650102"  # 天山网 is the site, not 乌鲁木齐's 天山区


def test_a_completion_notice_dated_early_in_a_year_that_opens_on_last_year_reports_on_last_year():
    notice = meta("\n".join([
        "去年市级12件民生实事全部完成",
        "发布时间:2025-01-16 09:30 来源:晋城日报",
        "去年,市委、市政府坚持以人民为中心,全力推进市级12件民生实事,截至12月底全部完成年度目标任务。",
        "城镇新增就业3.2万人,新建改建农村公路300公里。"]))
    assert (notice["doc_type"], notice["doc_year"]) == ("progress_report", 2024)
    cheered = meta("承诺兑现!去年市政府十方面民生实事全面完成\n发布时间:2019-01-16 07:58 来源:衢州日报\n"
                   "记者昨日从市政府办公室获悉,去年年初市政府向社会承诺的十方面民生实事项目已全部完成。")
    assert (cheered["doc_type"], cheered["doc_year"]) == ("progress_report", 2018)


def test_a_headline_that_hands_in_the_matters_report_card_is_a_progress_report():
    news = meta("海东:十项民生实事交出暖心“成绩单”\n2019-01-16 08:30 来源:青海日报\n"
                "去年,海东市十项民生实事全部完成,城镇新增就业1.2万人。")
    assert (news["doc_type"], news["doc_year"]) == ("progress_report", 2018)


def test_news_of_a_work_report_delivered_in_december_under_a_headline_naming_it_is_for_next_year():
    news = meta("▌聚焦两会丨一文读懂政府工作报告,明年这样干!\n仓山发布 2021-12-28 21:05 福建\n"
                "12月27日上午,福州市仓山区第十八届人民代表大会第一次会议隆重开幕。区长代表区人民政府作政府工作报告。")
    assert (news["doc_year"], news["region_code"]) == (2022, "350104")


def test_a_redacted_city_that_writes_to_its_counties_is_a_prefecture():
    notice = meta("**市人民政府办公室关于印发2022年民生实事工作方案的通知\n各县(市、区)人民政府,市政府各部门:\n"
                  "现将方案印发给你们。全市要抓好落实,我市将按月调度。")
    assert (notice["region_code"], notice["admin_level"]) == (None, "prefecture")
    town_city = meta("**市人民政府办公室关于印发2022年民生实事工作方案的通知\n各镇人民政府、各街道办事处:\n"
                     "现将方案印发给你们。全市要抓好落实,我市将按月调度。")
    assert town_city["admin_level"] in (None, "unknown")


def test_a_report_reading_that_stands_where_two_plan_periods_meet_is_of_the_later_periods_first_year():
    reading = meta("以新的发展实绩作出更大贡献\n——政府工作报告解读\n在“十四五”与“十五五”两个五年的交汇点上,1月12日上午,"
                   "市六届人大五次会议开幕,市长代表市人民政府向大会作政府工作报告。\n过去一年,预计地区生产总值增长6.9%。")
    assert reading["doc_year"] == 2026


def test_a_region_named_once_beside_a_partner_is_not_the_texts_and_the_yellow_rivers_mouth_is_no_district():
    tianjin = meta("\n".join([
        "关于印发2018年20项民心工程的通知", "各区人民政府,市政府各委、局:",
        "经市人民政府同意,现将《2018年20项民心工程》印发给你们。本市确定2018年实施以下20项民心工程。",
        "一、全市新增就业岗位50万个。", "二、推进医疗资源共享,与北京、河北实现120家医疗机构检查结果互认。"]))
    assert tianjin["region_code"] is None  # 津政办发 would say 天津; 北京 is a partner, not the text
    county = meta("全区新增城镇就业2000人。推进永安镇、黄河口镇盐碱地综合治理,深化“黄河口大米”区域公用品牌建设。区委区政府")
    assert county["region_code"] != "370503"  # not 东营's 河口区


def test_a_city_named_most_for_its_roads_is_not_the_text_whose_counties_are_named():
    page = meta("\n".join([
        "(第2页)", "全市上下要坚定信心。主动融入兰州—西宁城市群,加快兰州至通渭高速公路前期工作,",
        "推进临洮县城至兰州新区快速通道建设,积极承接兰州产业转移,打造兰州都市圈“后花园”。",
        "支持陇西县、岷县、漳县发展中药材产业,各位代表,市委市政府将一如既往。"]))
    assert page["region_code"] != "620100"  # not 兰州: the counties named are 定西's


def test_a_redacted_city_names_the_capital_it_commutes_to_and_not_itself():
    table = meta("\n".join([
        "**市2023年民生工程项目前三季度进展情况", "序号 项目 目标 进展",
        "6 跨城通勤公交 新开通至北京方向通勤班线3条 已开通2条",
        "我市要深化与北京通州区的协同合作,积极承接非首都功能疏解,全市上下要抓好落实。"]))
    assert table["region_code"] is None


def test_a_list_item_that_builds_a_district_hospital_does_not_name_a_district_called_xinjian():
    page = meta("\n".join([
        "今年全区将办好以下实事:", "1.新建区第二人民医院住院大楼,为各镇卫生院配备设备。",
        "2.新建区级养老服务中心,提升改造镇敬老院3所。", "区委区政府将抓好落实,建设新云安。"]))
    assert page["region_code"] != "360112"


@pytest.mark.parametrize("page, year", [
    ("▌民生丨十件民生实事全部“交账”!看看你家门口变了啥\n原创 鼓楼发布 2024-01-19 18:02 发表于河南\n"
     "一年前定下的“民生清单”,如今交出了“成绩单”。截至去年12月底,区政府年初承诺的十件民生实事已全部完成。", 2023),
    ("去年自治区十件民生实事全部兑现 多项指标超额完成\n发布时间:2018-01-23 07:20 来源:内蒙古日报\n"
     "记者从自治区人民政府办公厅获悉,去年自治区政府向社会承诺的十件民生实事已全部完成。", 2017),
    ("西安区民生实事“考卷”群众来打分\n2025-12-19 08:05 来源:辽源日报\n"
     "本报讯 日前,西安区开展民生实事项目群众满意度测评。今年区政府确定的十件民生实事综合满意率达95.8%。", 2025),
])
def test_a_headline_that_settles_the_years_promises_is_a_progress_report(page, year):
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", year)


def test_a_completion_notice_of_january_on_last_years_matters_reports_on_last_year():
    notice = meta("康马县通报为民办实事项目完成情况\n来源:康马县融媒体中心 发布时间:2023-01-09 16:22\n"
                  "本网讯 近日,康马县人民政府办公室印发通报,对去年县委、县政府确定的十项为民办实事项目完成情况进行通报。"
                  "截至去年12月底,十项为民办实事项目全部完成,累计完成投资1.38亿元。")
    assert (notice["doc_type"], notice["doc_year"]) == ("progress_report", 2022)


def test_a_pages_own_bulleted_item_is_not_its_title():
    news = meta("\n".join([
        "▌一图读懂丨2021年区政府工作报告,干货满满!", "包河发布 2021-01-27 18:30",
        "1月26日上午,包河区第四届人民代表大会第五次会议隆重开幕。区长代表区人民政府作工作报告。报告说了啥?一起来看",
        "▶ 新增城镇就业2.3万人", "◆ 办好十件民生实事:涵盖托育、就业、菜市场改造、口袋公园、充电桩等领域"]))
    assert news["doc_type"] == "government_work_report"
    assert news["title"] is None or not news["title"].startswith("◆")


def test_a_call_for_next_years_matters_under_a_headline_naming_them_is_a_call():
    call = meta("▌民生实事丨明年为您办哪些实事?听您说!\n毕节发布 2024年11月12日 18:30 贵州\n"
                "办好民生实事,是回应群众期盼的具体行动。市人民政府决定面向社会公开征集明年市级民生实事项目建议,诚邀广大市民积极建言献策。")
    assert (call["doc_type"], call["doc_year"]) == ("other", 2025)


def test_the_years_points_of_work_on_the_matters_are_a_work_plan():
    plan = meta("城中区2021年为民办实事工作要点\n为切实解决辖区群众急难愁盼问题,现提出2021年为民办实事工作要点如下:\n一、总体目标")
    assert plan["doc_type"] == "work_plan"


def test_a_banners_congress_standing_committee_speaks_as_a_county_and_its_media_centre_names_it():
    table = meta("\n".join([
        "锡林郭勒新闻网 > 旗县市区 > 正文", "▌人大监督丨项目进度怎么样?看这张表",
        "发布时间:2021-10-11 来源:苏尼特右旗融媒体中心 字号:大中小",
        "为推动年度民生实事项目落地见效,旗人大常委会近期对政府承办的民生实事项目进展情况进行了专项检查。",
        "1 赛汉塔拉镇老旧小区改造 改造小区12个 已完工9个小区 75% 住建局"]))
    assert (table["region_code"], table["admin_level"]) == ("152524", "county")


def test_a_sites_footer_settles_a_shared_district_name_but_never_gives_the_region():
    page = "\n".join(["首页 > 信息公开 > 计划规划", "城中区2021年为民办实事工作要点",
                      "为切实解决辖区群众急难愁盼问题,根据区委、区政府工作部署,现提出工作要点如下:", "一、总体目标",
                      "全年安排为民办实事项目12项。", "网站地图", "联系我们", "主办:柳州市城中区人民政府办公室 桂ICP备XXXXXXXX号"])
    assert clean.clean(page).page_footer == ("主办:柳州市城中区人民政府办公室桂ICP备XXXXXXXX号",)  # CJK spaces go
    assert "主办" not in clean.clean(page).clean_text
    assert meta(page)["region_code"] == "450202"
    unnamed = meta("今年全区将办好十件实事。\n区委区政府将抓好落实。\n主办:柳州市人民政府办公室")
    assert unnamed["region_code"] is None  # the footer's own region is the site's, not the text's


def test_a_district_portals_name_over_its_navigation_is_not_the_city_list_it_reposts():
    page = meta("\n".join([
        "上海市普陀区人民政府", "首页 > 新闻中心 > 市政要闻", "2018年市政府要完成的与人民生活密切相关的实事",
        "发布时间:2018-02-05 来源:市政府新闻办",
        "根据上海市第十五届人民代表大会第一次会议审议通过的《政府工作报告》,2018年市政府将完成以下实事:",
        "一、新增养老床位7000张。", "二、为本市60岁以上老年人开展免费肺部CT筛查5万人次。"]))
    assert page["region_code"] != "310107"
    own = meta("\n".join([
        "阿拉善盟行政公署", "首页 | 政务公开 | 政务服务", "您当前的位置:首页 > 政务公开 > 重点工作",
        "2024年盟行政公署为民办实事项目推进情况(截至6月30日)", "发布时间:2024-07-12 来源:盟行署督查室",
        "1 老旧小区改造 改造老旧小区22个 盟住建局 已开工20个 45%",
        "内蒙古自治区人民政府 | 呼和浩特市 | 包头市 | 乌海市 | 赤峰市 | 通辽市"]))
    assert own["region_code"] == "152900"  # the portal speaks as the 盟 it is the site of; the bar of links is none


def test_an_inline_list_of_related_reads_and_the_old_town_are_not_the_region():
    page = "\n".join(["全市上下要坚定信心,为建设更高水平的新宿迁开好局。", "支持宿豫区、泗洪县、泗阳县加快发展。"] * 2 +
                     ["推荐阅读:淮安市政府工作报告全文 | 徐州:今年将新建学校30所 | 连云港市两会开幕"])
    assert "淮安" not in clean.clean(page).clean_text
    assert meta(page)["region_code"] == "321300"
    town = meta("……窑埠古镇片区夜间经济持续升温,老城区消费人气加快回暖,全区社会消费品零售总额降幅明显收窄。\n区委坚强领导。")
    assert town["region_code"] != "410302"


def test_a_site_dateline_of_a_shared_name_is_settled_by_the_parent_the_text_names():
    call = meta("\n".join([
        "▌民生实事,听你说!", "海州发布 2025年10月22日 08:30",
        "为办好明年民生实事,区政府面向全区公开征集项目建议。", "信函邮寄至连云港市海州区人民政府办公室。",
        "您最盼望海州区明年办好哪件事?欢迎留言!全区上下共同参与。"]))
    assert call["region_code"] == "320706"  # 海州区 of 连云港, not of 阜新


@pytest.mark.parametrize("page", [
    "政策解读丨今年这些民生实事,件件暖心!\n辽阳发布 2025年02月27日 17:05 辽宁\n日前,市政府常务会议审议通过了2025年市政府民生实事项目。"
    "项目是怎么定下来的?小编带您一文读懂。",
    "孝感市人民代表大会常务委员会关于实行民生实事项目人大代表票决制的决定\n(2017年8月29日孝感市第八届人民代表大会常务委员会第五次会议通过)\n"
    "为进一步发挥人民代表大会在保障和改善民生中的作用,作如下决定:",
])
def test_a_reading_of_the_matters_and_a_decision_to_vote_on_them_are_not_their_list(page):
    assert meta(page)["doc_type"] == "other"


def test_a_list_posted_in_december_under_a_headline_of_next_years_matters_is_for_next_year():
    news = meta("兴和:聚焦“急难愁盼” 明年办好十件民生实事\n发布时间:2025-12-29 10:42 来源:兴和县融媒体中心\n"
                "近日,兴和县政府第28次常务会议研究确定了明年民生实事项目。明年全县将筹措资金3.2亿元。\n一是稳岗扩就业。新增城镇就业1200人。")
    assert (news["doc_type"], news["doc_year"]) == ("practical_matters_list", 2026)


def test_a_papers_masthead_is_no_headline_and_a_middle_page_takes_the_city_of_its_counties():
    page = meta("\n".join([
        "朝阳日报 2019年1月24日星期四第3版要闻", "(上接第二版)",
        "(三)坚定不移推进乡村振兴。建平县、喀左县、朝阳县设施农业面积分别新增1万亩以上,北票市、凌源市率先实现农村生活垃圾治理全覆盖。",
        "(四)双塔区、龙城区建成区黑臭水体基本消除。全市上下要抓好落实,市政府将按月调度。"]))
    assert page["region_code"] == "211300"


@pytest.mark.parametrize("opening, year", [
    ("(上接第1页)\n二、今年的主要目标和重点任务\n今年是全面贯彻落实党的二十大精神的开局之年。全区地区生产总值增长6%左右。", 2023),
    ("(上接第1页)\n今年是新中国成立70周年,做好今年政府工作意义重大。全市地区生产总值增长6.5%左右。", 2019),
])
def test_a_middle_page_that_says_which_events_year_this_is_is_of_that_year(opening, year):
    assert meta(opening, "government_work_report")["doc_year"] == year


def test_what_a_page_mentions_against_the_site_it_is_on_gives_no_region():
    cixi = meta("\n".join([
        "慈溪市人民政府", "首页 > 政务公开 > 政府工作报告", "(第2页)",
        "全市上下要主动接轨上海,深化与上海的产业合作,全市地区生产总值增长7%左右。", "市政府将抓好落实。"]))
    assert cixi["region_code"] is None  # not 上海: the portal is 慈溪's
    taiyuan = meta("\n".join([
        "(上接第1页)", "推进太忻一体化经济区建设,深化与晋中市的协同,晋中市相关项目加快落地。",
        "全市上下要抓好落实,市政府将按季度调度。", "主办:太原市发展和改革委员会"]))
    assert taiyuan["region_code"] is None  # not 晋中: the site is 太原's


def test_a_portals_navigation_is_no_issuer_and_a_verb_is_no_county():
    news = meta("\n".join([
        "湖南省人民政府门户网站 > 市州动态 > 衡阳", "衡阳:今年这样干",
        "1月8日,衡阳市第十六届人民代表大会第五次会议开幕。衡阳市市长作政府工作报告,全市地区生产总值增长6%。"]))
    assert news["region_code"] == "430400"
    notice = meta("关于2017年民生实事完成情况的通报\n2017年,县政府向全县人民承诺的十件民生实事已全部完成。"
                  "经县政府督查室会同县人大代表、政协委员实地核查,现将完成情况通报如下:\n一、新增城镇就业1200人。")
    assert notice["region_code"] is None  # 会同 is 'together with', not 会同县


def test_a_short_name_that_several_regions_go_by_is_not_counted_as_a_mention():
    news = meta("\n".join([
        "▌民生丨今年这些实事,件件暖心", "北京朝阳 2024-01-20 发表于北京",
        "朝阳发布消息,区十七届人大四次会议票决产生了2024年区政府民生实事项目,全市上下关注。朝阳将抓好落实。"]))
    assert news["region_code"] != "211300"  # not 辽宁's 朝阳市


@pytest.mark.parametrize("page, kind, year", [
    ("十件实事交答卷 件件落地暖民心\n发布时间:2020-01-13 07:48 来源:湖北日报\n"
     "记者从省政府办公厅获悉,去年湖北省政府承诺的十件民生实事全部完成,多数项目超额完成年度目标。", "progress_report", 2019),
    ("▌收官丨去年这些民生实事,件件有回音!\n日照发布 2022-01-19 18:30\n"
     "近日,记者从市政府办公室获悉,年初市委、市政府确定的20件民生实事已全部完成年度任务。", "progress_report", 2021),
    ("明年的民生实事,请您来“点题”!\n——长安区关于公开征集民生实事项目建议的公开信\n发布日期:2024-10-21 来源:区发展和改革局\n"
     "亲爱的居民朋友们:为使明年的民生实事项目更加贴近群众需求,现面向社会公开征集项目建议。", "other", 2025),
])
def test_last_years_matters_handed_in_and_a_letter_for_next_years(page, kind, year):
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == (kind, year)


def test_a_posts_section_marks_and_bracketed_sub_heads_are_no_title():
    post = meta("\n".join([
        "云南网", "权威解读丨政府工作报告里的这些新提法,一文读懂", "2026-01-27 20:15:36 来源:云南日报",
        "1月23日,云南省第十四届人民代表大会第四次会议开幕,省政府工作报告中出现了不少新表述。记者邀请有关负责同志逐一解读。",
        "【“民生实事”为何由人大代表票决】", "| 今年这些民生实事要办好"]))
    assert post["title"] is None
    assert post["doc_type"] == "other"


@pytest.mark.parametrize("page, year", [
    ("▌民生账单丨去年这15件实事,件件有着落!\n邕城生活圈 2020-01-21 18:30\n"
     "近日,记者从市政府办公室获悉,去年我市确定的15项为民办实事工程已全部完成年度目标任务。", 2019),
    ("▌年终盘点丨十件民生实事,件件有回音!\n克山融媒 2025年01月08日 18:06 黑龙江\n来源:克山县融媒体中心\n"
     "过去一年,县委、县政府年初向全县人民承诺的十件民生实事已全部按期完成,累计投入资金2.37亿元。", 2024),
])
def test_a_january_post_on_last_years_matters_is_their_progress_report(page, year):
    m = meta(page)
    assert (m["doc_type"], m["doc_year"]) == ("progress_report", year)


def test_a_related_reads_heading_with_a_posts_mark_still_ends_the_page():
    page = meta("\n".join([
        "▌聚焦两会丨这份报告里有你关心的民生事", "宝山融媒 2025-01-10 07:52 黑龙江",
        "1月9日上午,宝山区第十七届人民代表大会第四次会议开幕。区长代表区人民政府作政府工作报告。",
        "报告提出,今年全区地区生产总值增长5%左右。", "▌相关阅读", "尖山区十七届人大四次会议开幕",
        "岭东区:今年将办好十件惠民实事", "来源:双鸭山市宝山区融媒体中心"]))
    assert page["region_code"] == "230506"  # 双鸭山's 宝山区, not the headline under 相关阅读


def test_a_navigation_that_starts_from_a_portals_home_names_its_site():
    page = meta("\n".join([
        "太仓市人民政府首页 > 政务公开 > 政府工作报告", "2021年政府工作报告", "发布日期:2021-01-27 来源:市政府办公室",
        "(接上页)……五年来,我们始终把保障和改善民生作为一切工作的出发点和落脚点。",
        "今年是“十四五”开局之年。全市地区生产总值增长7%左右,完成苏州市下达的节能减排指标。市政府将抓好落实。"]))
    assert page["region_code"] == "320585"


def test_a_posts_section_head_under_its_headline_is_no_title():
    post = meta("\n".join([
        "▌划重点丨政府工作报告里的民生“干货”,都在这儿了!", "夏县融媒 昨天 21:36",
        "1月8日,县十六届人大五次会议隆重开幕。县长代表县人民政府作政府工作报告。小编为您梳理了报告中的民生“干货”。",
        "▌过去一年 这些成绩沉甸甸", "全县地区生产总值增长6.2%。", "▌今年这些实事要办好", "新建改建农村公路60公里。"]))
    assert post["title"] is None and post["doc_type"] == "government_work_report"


def test_a_towns_name_is_no_mention_of_the_county_it_starts_like():
    page = meta("\n".join([
        "通辽新闻网 - 旗县区新闻", "(上接第1页)",
        "全年完成棚户区改造2860户。保康镇新建改造街路9条,新增绿地12万平方米。", "二、2017年工作安排",
        "全旗上下要抓好落实。九是完成保康镇集中供热管网改造。旗委旗政府将按月调度。"]))
    assert page["region_code"] != "420626"  # 保康镇 is a town of 科左中旗, not 湖北's 保康县


def test_a_city_report_that_names_its_province_and_neighbours_is_no_province_of_its_cities():
    page = meta("\n".join([
        "(第2页)", "全市上下要坚决落实省委、省政府强省会战略的部署,大力推进大南昌都市圈建设,在全省高质量发展中走在前列。",
        "深化昌九、昌抚一体化,推动与九江、抚州在交通、产业、公共服务等领域协同。",
        "推进南昌县、进贤县、安义县县级医院提标扩能。全市新增学位3.5万个。"]))
    assert page["region_code"] != "360000"


def test_a_city_that_frames_itself_in_a_new_situation_is_that_city():
    notice = meta("关于分解落实《政府工作报告》的通知\n各镇、区、街道,市直各部门:\n"
                  "2023年是全面贯彻落实党的二十大精神的开局之年。全市上下要奋力开创中国式现代化建设的潜江新局面。\n"
                  "经市人民政府同意,现将目标任务分解如下。市政府将按季度督办。")
    assert notice["region_code"] == "429005"


def test_a_county_named_in_a_list_does_not_settle_a_headlines_shared_short_name():
    news = meta("\n".join([
        "通化新闻网", "首页 > 本地新闻 > 正文", "通化:今年市政府将办好十件民生实事", "2022-02-24 08:15 来源:通化日报",
        "本报讯 2月23日,市政府召开常务会议,研究确定了2022年市政府十件民生实事。",
        "四是提升医疗服务能力。在通化县、辉南县、柳河县各建设1个县域医疗次中心。"]))
    assert news["region_code"] != "220521"  # not the county 通化县, one of three in a list


def test_a_county_level_city_mentioned_under_its_prefectures_footer_is_not_trusted():
    page = meta("\n".join([
        "(第2页)", "推动经开区、涟源高新区、双峰经开区扩区调区。全市上下要抓好落实。",
        "巩固拓展新化县、涟源市脱贫攻坚成果,市政府将按月调度。", "主办:娄底市人民政府办公室"]))
    assert page["region_code"] != "431382"


def test_a_session_headline_over_a_portals_navigation_is_not_the_sites_name():
    news = meta("\n".join([
        "中国扬州首页 > 县市区动态", "高邮市十届人大五次会议开幕", "发布时间:2025-01-07 16:20 来源:高邮日报",
        "1月6日上午,市十届人大五次会议在市会议中心开幕。市长代表市人民政府作政府工作报告。全市地区生产总值预计突破650亿元。",
        "主办:扬州市人民政府办公室"]))
    assert news["region_code"] == "321084"


def test_a_related_reads_heading_between_dashes_ends_the_page():
    post = meta("\n".join([
        "▌聚焦两会丨今年这样干", "遂宁发布 2022-01-10 18:30", "1月9日,遂宁市第八届人民代表大会第一次会议开幕。",
        "报告提出,今年全市将办好十件民生实事。", "来源:综合自遂宁日报", "—— 推荐阅读 ——",
        "丨成都市2022年民生实事清单出炉", "丨南充市人大八届一次会议开幕"]))
    assert post["region_code"] == "510900"


def test_a_portals_name_the_clean_stage_dropped_over_its_navigation_names_the_site():
    page = meta("\n".join([
        "儋州市人民政府门户网站", "首页 > 政务公开 > 政府工作报告", "(接上页)",
        "力争全年接待游客增长15%以上。全市上下要抓好落实,市政府将按月调度。", "建设西部中心城市,推进那大、白马井城镇建设。"]))
    assert page["region_code"] == "460400"


def test_the_government_body_running_the_site_names_its_region_where_nothing_else_does():
    """A middle page of a report that names itself nowhere, under a footer saying which government runs the site;
    a county's page under its city's footer speaks as a county, and a newspaper's footer is no government's."""
    body = ("【上一页】 1 2 3 【下一页】\n(三)办好民生实事。今年全市新增中小学学位2.4万个、普惠性托位3000个,"
            "全市改造城镇老旧小区60个,新开和优化公交线路50条。\n第2页 共3页\n")
    m = meta(body + "主办:宁波市人民政府办公厅 承办:宁波市大数据发展管理局 浙ICP备05000000号")
    assert (m["region_code"], where(m)) == ("330200", "site_operator")
    county = meta(body.replace("全市", "全县") + "主办:宁波市人民政府办公厅 浙ICP备05000000号")
    assert county["region_code"] is None
    paper = meta(body + "主办:宁波日报社 浙ICP备05000000号")
    assert paper["region_code"] is None
    district = meta(body.replace("全市", "全区") + "主办:柳州市城中区人民政府办公室 桂ICP备05000000号")
    assert (district["region_code"], where(district)) == ("450202", "site_operator")  # the district, under its city


@pytest.mark.parametrize("number, body, code", [
    ("皖政〔2018〕12号", "全省各地要认真组织实施。省政府将对全省民生工程进行考核。", "340000"),
    ("津政办发〔2018〕9号", "经市人民政府同意,本市确定实施以下20项民心工程,全市各区要认真组织实施。", "120000"),
    ("黔府发〔2019〕3号", "全省各地、省直各部门要认真组织实施,确保全省十件民生实事落地。", "520000"),
    # 宁 is 宁夏's and 南京's: a text that speaks as a city is never given the province
    ("宁政发〔2018〕3号", "全市各区要认真组织实施,市政府将对全市民生实事进行督查。", None),
])
def test_a_provinces_one_character_doc_number_names_it_where_the_text_speaks_as_a_province(number, body, code):
    m = meta(f"关于印发2018年民生实事项目的通知\n{number}\n各有关单位:\n{body}\n一、新建幼儿园10所。")
    assert m["region_code"] == code


def test_a_name_a_city_and_a_county_share_is_settled_by_the_level_the_text_speaks_as():
    city = meta("通化:今年市政府将办好十件民生实事\n本报讯 市政府召开常务会议,研究确定了市政府十件民生实事。全市将改造老旧小区50个。")
    assert (city["region_code"], city["warnings"]) == ("220500", [])
    county = meta("安阳:今年县政府将办好十件民生实事\n本报讯 县政府召开常务会议,研究确定了十件民生实事。全县将新建幼儿园5所。")
    assert county["region_code"] == "410522"


def test_a_three_way_tie_of_level_words_is_settled_by_the_words_that_speak_as_the_region():
    """省委、省政府 and 市委、市政府 cited once each, the district's own 区政府 and 全区: the page speaks as a district,
    and its portal's name (the clean stage dropped it over the navigation) is a district's."""
    page = meta("\n".join([
        "达川区人民政府网", "首页 > 政务公开 > 政策解读", "《达州市达川区2016年民生实事实施方案》政策解读",
        "为贯彻落实省委、省政府和达州市委、市政府的决策部署,区政府结合实际制定了《实施方案》。",
        "今年全区将新建乡镇幼儿园2所,改造农村危房3000户。"]))
    assert (page["region_code"], page["admin_level"]) == ("511703", "county")


def test_a_headline_of_the_related_links_under_arrows_is_no_signature():
    post = meta("\n".join([
        "潮州发布", "▌重磅丨今年这10件民生实事,件件关乎你我!", "日前,市十六届人大二次会议票决产生了2023年十件民生实事。",
        "01丨新增公办学位6500个", "02丨建设长者饭堂30家", "03丨改造老旧小区42个", "来源丨综合整理",
        "↓↓↓ 往期推荐", "▌汕头市2023年十件民生实事出炉", "▌梅州市人大票决确定十项民生实事"]))
    assert post["region_code"] != "441400"  # 梅州 is another city's headline


def test_a_mayors_title_says_the_level_a_city_papers_byline_then_names():
    """市九届人大五次会议 and 代市长, no 全市: the text speaks as a city, and its byline's paper is that city's."""
    post = meta("\n".join([
        "▌划重点丨今年政府工作报告里的民生清单", "1月20日,市九届人大五次会议开幕,代市长作政府工作报告。",
        "今年将新增城镇就业10万人,新建改扩建中小学30所。", "来源:绍兴日报"]))
    assert (post["region_code"], post["admin_level"]) == ("330600", "prefecture")


def test_the_region_of_a_document_the_texts_own_unnamed_body_issued():
    page = meta("\n".join([
        "▌一图读懂丨2023年全市十件民生实事怎么干?权威解读来了", "日前,市政府印发《2023年巴彦淖尔市十件民生实事》。今年的民生实事是怎么确定的?都有哪些干货?小编为您带来权威解读。",
        "全市将新建城市书房10个。市政府督查室按月调度,全市各旗县区抓好落实。"]))
    assert (page["region_code"], where(page)) == ("150800", "own_document")
    # a county's 县政府 forwarding its province's document: not the province
    county = meta("\n".join(["县政府转发《2023年湖南省重点民生实事》", "县政府印发《2023年湖南省重点民生实事》。全县抓好落实,全县新建幼儿园5所。"]))
    assert county["region_code"] != "430000"


def test_a_province_papers_dateline_in_its_capital_is_the_provinces_where_the_text_speaks_as_one():
    news = meta("\n".join([
        "省重点民生实事项目全面完成", "湖南日报长沙1月10日讯 记者今天从省政府办公厅获悉,去年省委、省政府确定的重点民生实事项目全面完成。",
        "全省新建农村公办幼儿园520所,省政府将继续加大投入。全省城镇新增就业76.8万人。"]))
    assert (news["region_code"], news["admin_level"]) == ("430000", "province")


def test_a_prefecture_called_a_region_speaks_of_its_administrative_office():
    news = meta("\n".join([
        "大兴安岭日报 2025年02月26日 08:30 黑龙江", "近日,地区行署研究确定了2025年十件民生实事,计划总投资4.6亿元。",
        "建设地区人民医院远程会诊中心,实现与各县(市、区)医院远程诊疗全覆盖。", "来源:大兴安岭日报"]))
    assert (news["region_code"], news["admin_level"]) == ("232700", "prefecture")


def test_this_year_of_a_period_said_after_another_goal():
    page = meta("(上接第1页)\n今年是全面建成小康社会和“十三五”规划收官之年。今年全区经济社会发展的主要预期目标是:地区生产总值增长6.5%左右。")
    assert page["doc_year"] == 2020


def test_a_provinces_paper_names_it_for_a_text_that_speaks_as_the_province():
    """来源:海南日报 under 本报海口…讯 (the capital, a city): the text speaks as the province, whose paper it is."""
    news = meta("\n".join([
        "省委省政府2016年十大民生实事确定", "发布时间:2015-12-29 08:29:27 来源:海南日报 作者:佚名",
        "本报海口12月28日讯 省委办公厅、省政府办公厅今天联合下发通知,正式确定省委、省政府2016年为民办实事十大事项。",
        "一是推进扶贫开发,确保全省18万人脱贫;二是全省新建农村公路2000公里。"]))
    assert (news["region_code"], news["admin_level"]) == ("460000", "province")


def test_a_posts_location_tag_is_no_mention_and_its_headline_opens_after_the_mark():
    """发表于西藏 is where the platform says a post was sent from; ▌城关区… is the headline's place, whose parent
    the byline names (拉萨市城关区融媒体中心)."""
    post = meta("\n".join([
        "▌城关区2022年十件民生实事出炉,件件与你有关!丨关注", "城关发布 2022-03-16 19:05 发表于西藏",
        "近日,区委、区政府研究确定了2022年十件民生实事。今年我区将继续加大民生投入,全区新建口袋公园3处。",
        "来源:拉萨市城关区融媒体中心"]))
    assert (post["region_code"], post["admin_level"]) == ("540102", "county")


def test_a_short_name_that_opens_a_towns_name_is_the_towns():
    """巴彦高勒镇 is a town of 扎赉特旗, not a mention of 巴彦县; the banner's own towns name it."""
    news = meta("\n".join([
        "旗人大常委会督查民生实事办理情况", "来源:扎赉特旗融媒体中心",
        "近日,旗人大常委会组成督查组,深入音德尔镇、好力保镇、巴彦高勒镇、胡尔勒镇,督查旗政府民生实事办理情况。",
        "在巴彦高勒镇,督查组实地查看了新建的养老服务站。全旗今年新建养老服务站12个。"]))
    assert news["region_code"] != "230126"


def test_a_name_that_ends_the_longer_name_of_the_page_is_its_short_form():
    page = meta("\n".join([
        "包头市白云鄂博矿区人民政府", "首页 > 政务公开 > 通知公告", "矿区人民政府办公室关于印发矿区民生工作要点的通知",
        "各街道办事处,区直各部门:", "现将《矿区民生工作要点》印发给你们,请认真贯彻落实。全区新建社区食堂2个。",
        "白云鄂博矿区人民政府办公室", "2017年3月2日"]))
    assert (page["region_code"], page["admin_level"]) == ("150206", "county")  # not 阳泉's 矿区 (140303)


def test_a_posts_account_name_line_is_no_headline():
    post = meta("\n".join([
        "邵阳发布", "▌清单来了丨去年这12件民生实事,件件有着落!", "邵阳发布 2024-01-16 18:30 湖南",
        "近日,市政府办公室印发通报。去年市政府确定的12件重点民生实事项目全部完成年度目标任务,累计完成投资31.7亿元。",
        "01 城镇老旧小区改造", "完成改造186个,惠及居民2.3万户。"]))
    assert (post["doc_type"], post["doc_year"]) == ("progress_report", 2023)


def test_a_congress_presidiums_announcement_of_the_voted_list_is_the_list():
    page = meta("\n".join([
        "云浮人大网", "首页 > 代表工作 > 民生实事票决", "云浮市第八届人民代表大会第五次会议主席团公告", "(第4号)",
        "云浮市第八届人民代表大会第五次会议于1月9日以无记名投票方式,从15项候选项目中票决产生了10项市民生实事项目。现予公告:",
        "一、新增公办学位5000个。", "二、新建长者饭堂20家。"]))
    assert page["doc_type"] == "practical_matters_list"


def test_a_footers_bar_of_links_is_no_signature():
    page = meta("\n".join([
        "关于公开征集明年民生实事候选项目的公告", "为进一步提高民生实事项目的针对性,市政府决定面向社会公开征集明年民生实事候选项目。",
        "全市广大市民均可提出建议。我市将在市人民代表大会上票决产生明年的民生实事项目。", "市人民政府办公室", "2020年10月9日",
        "友情链接:中国政府网 | 河南省人民政府 | 国家发展改革委"]))
    assert page["region_code"] is None  # the city is never named; 河南 is only a link


def test_a_middle_pages_list_of_places_and_its_partner_city_are_not_its_subject():
    page = meta("\n".join([
        "(上接第1页)",
        "三是坚决打好脱贫攻坚战。全市计划减少农村贫困人口20万人以上,确保七星关区、大方县、黔西县、金沙县如期脱贫摘帽,"
        "织金县、纳雍县、赫章县贫困发生率大幅下降。用好广州市对口帮扶和社会各界帮扶资源,持续深化东西部扶贫协作。",
        "四是扎实推进农村产业革命。新增食用菌种植面积5万亩,新建蔬菜保供基地10个。"]))
    assert page["region_code"] in (None, "520500")  # 毕节's counties; never 黔西 or 广州


def test_an_n_year_action_on_the_matters_is_an_action_plan():
    page = meta("东海县人民政府关于印发东海县民生实事三年行动计划(2022—2024年)的通知\n各乡镇人民政府:\n"
                "现将《东海县民生实事三年行动计划(2022—2024年)》印发给你们,请认真组织实施。")
    assert (page["doc_type"], page["plan_start_year"], page["plan_end_year"]) == ("action_plan", 2022, 2024)


def test_an_autonomous_regions_government_is_a_word_it_speaks_of_itself_in():
    page = meta("\n".join([
        "西藏自治区人民政府", "首页 > 政务公开 > 重点领域 > 民生实事", "自治区2020年为民办实事项目进展情况(截至9月30日)",
        "发布时间:2020-10-20 来源:自治区人民政府办公厅",
        "今年以来,各地(市)、各有关部门认真落实自治区党委、政府部署,加快推进为民办实事项目。",
        "1 农牧民技能培训 培训农牧民10万人次 完成8.7万人次 自治区人社厅"]))
    assert (page["region_code"], page["admin_level"]) == ("540000", "province")


def test_a_december_headline_of_next_years_matters_after_a_comma_is_for_next_year():
    post = meta("\n".join([
        "▌重磅丨明年,这15件民生实事要办!", "安达发布 2025年12月29日 18:06 黑龙江",
        "近日,市政府第二十次常务会议研究确定了明年市政府民生实事项目,共6大类15件。", "1. 新建市第三幼儿园,新增学位360个;"]))
    assert post["doc_year"] == 2026


def test_a_two_character_county_inside_a_word_of_a_flattened_table_is_no_mention():
    """已完成县卫健局 in a progress table of a county that names itself nowhere: 完成, not 成县."""
    table = meta("\n".join([
        "序号 项目名称 年度目标 完成情况 责任单位", "1 乡镇卫生院提升改造 提升改造乡镇卫生院4所 已完成县卫健局",
        "2 城区集中供热 新增供热面积20万平方米 已完成县住建局", "全县10项民生实事全部完成。县政府督查室", "2019年12月20日"]))
    assert table["region_code"] is None


def test_a_related_topics_bar_is_no_signature():
    page = meta("\n".join([
        "政府工作报告(全文)", "(上接第1页)", "今年全省经济社会发展的主要预期目标是:地区生产总值增长8.5%左右。",
        "省委、省政府将全力以赴抓好落实。全省新增城镇就业60万人。",
        "【相关专题】厦门市两会 | 泉州市政府工作报告 | 海峡论坛"]))
    assert page["region_code"] != "350500"


def test_a_counties_name_t2s_would_turn_into_another_stays_its_own():
    """新幹縣 is 新干县 (Jiangxi); only 乾縣 on its own is 乾县 (Shaanxi), whose name t2s breaks."""
    news = meta("1月7日上午,新幹縣第十七屆人民代表大會第六次會議在縣會議中心隆重開幕。縣長代表縣人民政府作政府工作報告。"
                "今年全縣將新建城市書房5家。")
    assert news["region_code"] == "360824"
    assert meta("乾縣人民政府關於印發2024年民生實事的通知\n各鎮人民政府:")["region_code"] == "610424"


def test_a_hot_spring_is_no_county_and_a_citys_county_level_city_is_not_the_city():
    """温泉之乡 names no 温泉县; a prefecture's middle page that names 密山市 twice beside its other counties is
    the prefecture's (全市), not 密山's."""
    page = meta("\n".join([
        "(上接第2页)", "全县将打造“鹤舞林甸·温泉之乡”品牌,建设温泉康养小镇,办好温泉旅游节,推进温泉水综合利用。",
        "县政府将全力抓好落实,全县新建农村公路80公里。"]))
    assert page["region_code"] != "652723"
    city = meta("\n".join([
        "(上接第1页)", "全市地区生产总值增长5%。支持密山市建设对俄口岸城市,推进密山市兴凯湖旅游区建设,",
        "虎林市、鸡东县、鸡冠区各自发挥优势,全市新增城镇就业2万人。市政府将抓好落实。"]))
    assert city["region_code"] != "230382"


def test_a_neighbour_named_most_is_not_trusted_against_the_paper_the_byline_names():
    """A middle page of 孝感's report names 武汉 four times (its metropolitan area, a bus route, its industries)
    and 孝感 once, under 来源:孝感日报: neither is trusted, no region (null is better than wrong)."""
    page = meta("\n".join([
        "(上接第2页)", "全市将深度融入武汉都市圈,推进武汉至大悟、应城城际公交建设,主动承接武汉光谷产业转移。",
        "努力把孝感建设成为武汉都市圈重要增长极。全市新增城镇就业3万人,市政府将抓好落实。",
        "来源:孝感日报 责任编辑:程敏"]))
    assert page["region_code"] in (None, "420900")


def test_building_a_county_towns_school_is_no_county_and_another_sessions_headline_no_signature():
    """新建县城第三实验小学 (build …) names no 新建县; 四川省十三届人大二次会议开幕 at the end of 重庆's page is a
    related item's headline, not its signature."""
    post = meta("\n".join([
        "2017年县政府20件民生实事正式确定!", "来源:迁西县融媒体中心",
        "01 新建县城第三实验小学,新增学位1800个;", "02 全县新改建农村公路100公里;", "县政府将抓好落实。"]))
    assert post["region_code"] != "360112"
    page = meta("\n".join([
        "▌重磅丨2019年政府工作报告来了!这些民生大事与你有关",
        "1月28日,市五届人大二次会议开幕,市长代表市人民政府作政府工作报告。全市将新增城镇就业60万人。",
        "市政府将办好15件重点民生实事。", "相关新闻", "四川省十三届人大二次会议开幕"]))
    assert page["region_code"] != "510000"


def test_a_completion_notices_title_year_is_never_outweighed_by_its_dates():
    notice = meta("\n".join([
        "发文机关:阿拉善盟行政公署办公室 成文日期:2018年01月22日", "发文字号:阿署办发〔2018〕6号 发布日期:2018年01月25日",
        "阿拉善盟行政公署办公室关于2017年全盟十项民生实事完成情况的通报",
        "各旗人民政府,盟直各部门:", "2017年,盟行署确定了全盟十项民生实事。一年来,各地区、各部门认真落实,十项民生实事全部完成。",
        "阿拉善盟行政公署办公室", "2018年1月22日"]))
    assert (notice["doc_type"], notice["doc_year"]) == ("progress_report", 2017)


def test_a_page_of_only_an_accounts_name_has_no_headline():
    from flows.metadata.heads import headline_of
    assert headline_of(["邵阳发布"]) is None
    assert headline_of(["邵阳发布", "▌清单来了丨去年这12件民生实事"]) == "▌清单来了丨去年这12件民生实事"
