"""The canonical-indicator dictionary (flows/rules/indicators.csv) and its matcher.

Every phrase here is written for the test, in the shapes local documents use; none is
copied from a seed document.
"""
from __future__ import annotations

import pytest

from flows import indicators, lexicon, schema

# code -> (an indicator phrase of our own wording, its unit_kind)
POSITIVE = {
    "EDU_PUBLIC_COMPULSORY_PLACES_SHARE": ("全区义务教育阶段公办学位比例", "percent"),
    "EDU_MIGRANT_CHILDREN_IN_PUBLIC_SCHOOLS": ("符合条件的随迁子女在公办学校就读比例", "percent"),
    "HLT_COUNTY_INPATIENT_RATE": ("县域内住院率", "percent"),
    "FOOD_AGRI_QUICK_TEST_RATE": ("批发市场食用农产品快检率", "percent"),
    "EMP_SKILLED_WORKERS_TOTAL": ("全市技能人才总量", "count"),
    "EMP_NEW_URBAN_JOBS": ("全区全年城镇新增就业人员", "count"),
    "EMP_SURVEYED_UNEMPLOYMENT_RATE": ("全县城镇调查失业率控制目标", "percent"),
    "EMP_REGISTERED_UNEMPLOYMENT_RATE": ("年末城镇登记失业率", "percent"),
    "EMP_REEMPLOYED_UNEMPLOYED": ("帮助失业人员实现再就业", "count"),
    "EMP_HARD_TO_EMPLOY_PLACED": ("就业困难人员托底安置就业", "count"),
    "EMP_VOCATIONAL_TRAINING": ("面向农民工的职业技能培训", "count"),
    "INC_DISPOSABLE_INCOME_GROWTH": ("全体居民人均可支配收入年均增长", "percent"),
    "INC_URBAN_INCOME_GROWTH": ("城镇居民人均可支配收入增长幅度", "percent"),
    "INC_RURAL_INCOME_GROWTH": ("农村居民人均可支配收入增速", "percent"),
    "EDU_INCLUSIVE_KINDERGARTEN_SHARE": ("全县普惠性幼儿园覆盖率", "percent"),
    "EDU_PUBLIC_KINDERGARTEN_SHARE": ("公办幼儿园在园幼儿比例", "percent"),
    "EDU_SCHOOLS_BUILT": ("新建和改扩建城区中小学", "count"),
    "HLT_LIFE_EXPECTANCY": ("户籍居民平均预期寿命", "age"),
    "HLT_BEDS_PER_1000": ("每千常住人口医疗机构床位", "rate"),
    "HLT_MATERNAL_MORTALITY": ("全市孕产妇死亡率", "rate"),
    "HLT_INFANT_MORTALITY": ("本地婴儿死亡率", "permille"),
    "HSG_AFFORDABLE_RENTAL_HOUSING": ("面向新市民筹集保租房", "count"),
    "HSG_PUBLIC_RENTAL_HOUSING": ("实物配租公共租赁住房", "count"),
    "HSG_SUBSIDISED_HOUSING_PROGRAMME": ("各类保障性安居工程住房开工", "count"),
    "HSG_RENT_SUBSIDY_HOUSEHOLDS": ("向困难家庭发放住房租赁补贴", "count"),
    "HSG_OLD_ESTATE_RENOVATION": ("完成2000年前建成的老旧小区综合改造", "count"),
    "HSG_SHANTYTOWN_RENOVATION": ("城中村和棚户区住房改造", "count"),
    "ELD_NURSING_BED_SHARE": ("全县养老机构护理型床位比例", "percent"),
    "ELD_HOME_ADAPTATION_HOUSEHOLDS": ("分散供养特困老年人家庭适老化改造", "count"),
    "ELD_TOWNSHIP_CARE_CENTRE_COVERAGE": ("街道综合养老服务中心覆盖率", "percent"),
    "ELD_COUNTY_PUBLIC_HOME_RATED": ("达到三星级的县级公办养老机构占比", "percent"),
    "ELD_TOWNSHIP_PUBLIC_HOME_RATED": ("乡镇敬老院等公办养老机构评上一星级的比例", "percent"),
    "ELD_DESTITUTE_CARE_COUNTY_COVERAGE": ("以失能照护为主的县级特困供养服务机构建有率", "percent"),
    "CHC_NURSERY_PLACES_PER_1000": ("每千人口拥有婴幼儿托位数", "rate"),
    "CHC_NEW_NURSERY_PLACES": ("社区嵌入式托育新增托位", "count"),
    "CHC_STANDARD_MCH_INSTITUTION": ("区级妇幼保健机构标准化建设", "count"),
    "CHC_CHILD_FRIENDLY_HOSPITALS": ("创建儿童友好型医院", "count"),
    "SS_PENSION_INSURED": ("城乡居民基本养老保险参保人数", "count"),
    "SS_MEDICAL_INSURED": ("职工和居民医保参保人数", "count"),
    "SS_UNEMPLOYMENT_INSURED": ("全市失业保险参保人员", "count"),
    "SS_WORK_INJURY_INSURED": ("新业态从业人员工伤保险参保人数", "count"),
    "SS_MATERNITY_INSURED": ("职工生育保险参保人数", "count"),
    "SS_DISABLED_HOME_ACCESSIBILITY": ("低收入残疾人家庭开展无障碍改造", "count"),
    "SS_DISABLED_ASSISTIVE_DEVICES": ("为持证残疾人免费适配辅助器具", "count"),
    "SS_DISABLED_RESIDENTIAL_CARE": ("困难残疾人集中托养服务", "count"),
    "SS_DISABLED_CHILD_REHABILITATION": ("0-6岁残疾儿童康复救助", "count"),
    "TRN_RURAL_ROAD_UPGRADE_KM": ("农村公路窄路加宽和提档升级", "length"),
    "TRN_RURAL_ROAD_SAFETY_KM": ("村道安全防护工程", "length"),
    "TRN_RURAL_BRIDGES": ("县乡道危桥改造", "count"),
    "TRN_EXPRESSWAY_SERVICE_AREAS": ("高速公路服务区品质提升改造", "count"),
    "FOOD_SAMPLING_PASS_RATE": ("全市食品安全抽检合格率", "percent"),
    "FOOD_AGRI_PRODUCT_PASS_RATE": ("主要农产品质量安全例行监测合格率", "percent"),
    "FOOD_SAMPLES_PER_1000": ("每年千人食品抽检批次", "rate"),
    "FOOD_OPEN_KITCHEN_COVERAGE": ("学校食堂明厨亮灶覆盖率", "percent"),
    "FOOD_RISK_GRADING_RATE": ("食品生产经营者动态风险分级管理覆盖率", "percent"),
    "FOOD_PRODUCER_SELF_CHECK_REPORT_RATE": ("获证食品生产企业自查报告率", "percent"),
    "FOOD_WORKSHOP_E_REGISTRATION": ("食品小作坊登记证电子化率", "percent"),
    "FOOD_WORKSHOP_INSPECTION_COVERAGE": ("对小作坊开展监督检查的覆盖率", "percent"),
    "FOOD_WORKSHOP_SAFETY_STAFF_RATE": ("生产经营单位食品安全管理人员配备率", "percent"),
    "CON_COMPLAINTS_ON_TIME": ("消费投诉举报按时办结率", "percent"),
    "CON_TRUSTED_CONSUMPTION_UNITS": ("新增放心消费承诺商户", "count"),
    "CON_NO_REASON_RETURN_STORES": ("实体店无理由退货承诺门店", "count"),
    "PS_GEOHAZARD_SITES_TREATED": ("中小型地质灾害隐患点综合治理", "count"),
    "PS_DISPUTE_CENTRE_COVERAGE": ("镇街矛盾纠纷多元化解中心建成覆盖率", "percent"),
    "CUL_PUBLIC_CULTURAL_EVENTS": ("送戏下乡等文化惠民活动", "count"),
    "SPT_SPORTS_PARKS": ("建成口袋体育公园", "count"),
    "SPT_FITNESS_TRAILS_KM": ("沿河健身步道", "length"),
    "ENV_RURAL_SEWAGE_TREATMENT_RATE": ("全县农村生活污水治理率", "percent"),
    "ENV_RURAL_BLACK_ODOROUS_WATER": ("完成整治的黑臭水体", "count"),
    "ENV_PUBLIC_TOILETS": ("旅游景区公共厕所提升", "count"),
    "URB_FARMERS_MARKETS": ("标准化菜市场升级改造", "count"),
    "URB_CONVENIENCE_LIVING_CIRCLES": ("城市一刻钟便民生活圈试点", "count"),
    "AGR_GRAIN_OUTPUT": ("全年粮食产量", "mass"),
    "AGR_HIGH_STANDARD_FARMLAND": ("新建和改造提升高标准农田", "area"),
    "AGR_BREEDING_SOWS": ("能繁母猪正常保有量", "count"),
    "CHC_MODEL_CHILDCARE_INSTITUTIONS": ("新认定市级示范性托育服务机构", "count"),
    "ELD_COMMUNITY_CARE_COMPLEXES": ("镇级区域性养老服务综合体", "count"),
    "TRN_PUBLIC_CHARGING_POINTS": ("城区新建公共充电桩", "count"),
    "OTH_PUBLIC_CEMETERIES": ("农村公益性公墓", "count"),
    "ECO_GDP_GROWTH": ("全县地区生产总值比上年增长", "percent"),
    "ECO_GENERAL_BUDGET_REVENUE_GROWTH": ("区级一般公共预算收入同比增长", "percent"),
    "ECO_FIXED_ASSET_INVESTMENT_GROWTH": ("全社会固定资产投资增长", "percent"),
    "ECO_RETAIL_SALES_GROWTH": ("全年社会消费品零售总额增长", "percent"),
    "ECO_INDUSTRIAL_VALUE_ADDED_GROWTH": ("规上工业增加值同比增长", "percent"),
    "ECO_FOREIGN_TRADE_GROWTH": ("外贸进出口总额增长", "percent"),
}

# (phrase, unit_kind, code it must NOT get)
NEGATIVE = [
    ("新增高校毕业生留本地就业", "count", "EMP_NEW_URBAN_JOBS"),
    ("城镇调查失业率", "count", "EMP_SURVEYED_UNEMPLOYMENT_RATE"),       # wrong unit kind
    ("城镇登记失业率", "percent", "EMP_SURVEYED_UNEMPLOYMENT_RATE"),
    ("适老化改造补助标准", "money", "ELD_HOME_ADAPTATION_HOUSEHOLDS"),
    ("残疾人职业技能培训", "count", "EMP_VOCATIONAL_TRAINING"),
    ("公办园和普惠性民办园在园幼儿比重", "percent", "EDU_PUBLIC_KINDERGARTEN_SHARE"),
    ("企业职工养老保险参保缴费人员新增", "count", "SS_PENSION_INSURED"),
    ("农村集体经营性收入增长", "percent", "INC_RURAL_INCOME_GROWTH"),
    ("城镇居民收入增长", "percent", "INC_DISPOSABLE_INCOME_GROWTH"),
    ("农贸市场食用农产品快检率", "percent", "URB_FARMERS_MARKETS"),
    ("养老机构护理型床位占比", "percent", "HLT_BEDS_PER_1000"),
    ("高速公路服务区充电车位比例", "percent", "TRN_EXPRESSWAY_SERVICE_AREAS"),
    ("大型超市食品安全自查报告率", "percent", "FOOD_PRODUCER_SELF_CHECK_REPORT_RATE"),
    ("放心满意消费示范单位", "count", "CON_TRUSTED_CONSUMPTION_UNITS"),
    ("15分钟医保服务圈示范点", "count", "URB_CONVENIENCE_LIVING_CIRCLES"),
    ("新增托位", "rate", "CHC_NEW_NURSERY_PLACES"),
    ("单位地区生产总值能耗下降", "percent", "ECO_GDP_GROWTH"),
    ("一般公共预算收入", "money", "ECO_GENERAL_BUDGET_REVENUE_GROWTH"),
]

# Phrases that are no canonical indicator at all.
NO_CODE = [
    ("智慧平安小区", "count"),
    ("组织招聘会场次", "count"),
    ("每场演出时长", "duration"),
    ("救急难互助社启动资金", "money"),
    ("", "count"),
    ("********", "count"),
    ("**就业", "count"),
]


def test_every_code_has_a_test_phrase():
    assert set(POSITIVE) == set(indicators.codes())


@pytest.mark.parametrize("code", sorted(POSITIVE))
def test_own_phrase_maps_to_its_code(code):
    phrase, unit_kind = POSITIVE[code]
    assert indicators.match(phrase, unit_kind) == code, indicators.candidates(phrase, unit_kind)


@pytest.mark.parametrize("phrase,unit_kind,code", NEGATIVE)
def test_phrase_does_not_take_the_wrong_code(phrase, unit_kind, code):
    assert indicators.match(phrase, unit_kind) != code


@pytest.mark.parametrize("phrase,unit_kind", NO_CODE)
def test_phrase_without_canonical_indicator(phrase, unit_kind):
    assert indicators.match(phrase, unit_kind) is None


def test_every_canonical_name_maps_to_itself():
    for entry in indicators.dictionary():
        assert indicators.match(entry.name_zh, entry.unit_kind) == entry.code, entry.name_zh


def test_quotes_and_asides_do_not_hide_a_synonym():
    assert indicators.match("持证餐馆“明厨亮灶”(含视频直播)覆盖率", "percent") == "FOOD_OPEN_KITCHEN_COVERAGE"
    assert indicators.match("乡镇(街道)综合养老服务中心覆盖率", "percent") == "ELD_TOWNSHIP_CARE_CENTRE_COVERAGE"


def test_redacted_characters_may_stand_for_a_synonym():
    assert indicators.match("城镇新*就业", "count") == "EMP_NEW_URBAN_JOBS"
    assert indicators.match("***增就业", "count") is None  # half of the synonym redacted: too little left


def test_longest_synonym_wins():
    # 公办…普惠性民办…在园幼儿占比 is longer than 公办园在园幼儿占比-like patterns
    assert indicators.match("公办幼儿园和普惠性民办幼儿园在园幼儿占比", "percent") == "EDU_INCLUSIVE_KINDERGARTEN_SHARE"


def test_dictionary_is_well_formed():
    entries = indicators.dictionary()
    assert len({e.code for e in entries}) == len(entries)
    assert len({e.name_en for e in entries}) == len(entries)
    for e in entries:
        assert e.domain in schema.DOMAINS, e.code
        assert e.unit_kind in schema.UNIT_KINDS, e.code
        assert e.name_en and e.definition and e.synonyms, e.code
        assert e.code == e.code.upper() and " " not in e.code
        for synonym in e.synonyms:  # a code's exclusions never veto its own synonyms
            assert not any(indicators._occurs(x, synonym.text.replace("…", "")) for x in e.exclude), (e.code, synonym)


def test_every_domain_has_a_headline_indicator():
    headlines = {e.domain for e in indicators.dictionary() if e.headline}
    assert headlines >= set(lexicon.domain_codes()) - {"other"}


def test_schema_allows_exactly_the_dictionary_codes():
    assert schema.TARGETS.column("indicator_code").allowed == indicators.codes()


def test_assign_codes_sets_a_code_or_none():
    rows = [{"indicator": "养老机构护理型床位占比", "unit_kind": "percent"},
            {"indicator": "养老机构护理型床位占比", "unit_kind": "count"},
            {"indicator": "某项新设指标", "unit_kind": "count"}]
    indicators.assign_codes(rows)
    assert [r["indicator_code"] for r in rows] == ["ELD_NURSING_BED_SHARE", None, None]
