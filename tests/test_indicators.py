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
    # added with issue 11
    "EMP_DOMESTIC_SERVICE_TRAINING": ("为城乡妇女开展家政服务人员技能培训", "count"),
    "EMP_JOB_SEEKING_SUBSIDY": ("毕业年度困难毕业生一次性求职创业补贴", "money"),
    "EMP_NEW_HIGH_SKILLED_WORKERS": ("全年新增高技能人才", "count"),
    "EMP_GRADUATE_EMPLOYMENT_RATE": ("高校毕业生总体就业率", "percent"),
    "EMP_GRADUATES_RETAINED": ("新增高校毕业生留本地就业", "count"),
    "EMP_RURAL_LABOUR_TRANSFER": ("全省农村劳动力转移就业", "count"),
    "EMP_STARTUP_GUARANTEED_LOANS": ("新发放创业担保贷款", "money"),
    "INC_DISPOSABLE_INCOME": ("全体居民人均可支配收入", "money"),
    "INC_URBAN_INCOME": ("城镇常住居民人均可支配收入", "money"),
    "INC_RURAL_INCOME": ("农村常住居民人均可支配收入", "money"),
    "EDU_KINDERGARTENS_BUILT": ("新建和改扩建城区公办幼儿园", "count"),
    "EDU_NEW_PRESCHOOL_PLACES": ("新增普惠性学前教育学位", "count"),
    "EDU_NEW_SCHOOL_PLACES": ("新增义务教育阶段学位", "count"),
    "EDU_COUNTIES_PRESCHOOL_ASSESSED": ("县(市、区)通过学前教育普及普惠督导评估", "percent"),
    "EDU_COUNTIES_COMPULSORY_QUALITY_BALANCED": ("县(市、区)通过义务教育优质均衡督导评估认定", "percent"),
    "EDU_QUALITY_RATED_KINDERGARTEN_SHARE": ("省市优质园覆盖率", "percent"),
    "EDU_RURAL_STUDENT_MEAL_SUBSIDY": ("农村义务教育学生营养膳食补助", "money"),
    "EDU_DISABLED_STUDENTS_AIDED": ("高校残疾学生资助", "count"),
    "EDU_DISABLED_STUDENT_AID": ("在校残疾大学生每学年资助", "money"),
    "HLT_CHILD_IMMUNISATION_RATE": ("适龄儿童国家免疫规划疫苗接种率", "percent"),
    "HLT_HEALTH_LITERACY": ("城乡居民健康素养水平", "percent"),
    "HLT_PREMATURE_NCD_MORTALITY": ("四类重大慢性病过早死亡率", "percent"),
    "HLT_PUBLIC_AEDS": ("在公共场所新增配置AED", "count"),
    "HLT_CERVICAL_CANCER_SCREENING": ("为适龄妇女免费开展宫颈癌检查", "count"),
    "HLT_BREAST_CANCER_SCREENING": ("为适龄妇女免费开展乳腺癌检查", "count"),
    "HLT_PIT_FISSURE_SEALANTS": ("适龄儿童免费窝沟封闭", "count"),
    "HLT_FLUORIDE_VARNISH": ("学龄前儿童免费局部涂氟", "count"),
    "HLT_DOCTORS_SENT_TO_GRASSROOTS": ("城市三级医院执业医师下基层服务", "count"),
    "HLT_TERTIARY_HOSPITALS": ("全市三级医院", "count"),
    "HLT_EMERGENCY_STATIONS": ("新建院前急救站点", "count"),
    "HLT_PRIMARY_FACILITIES_MEETING_STANDARD": ("乡镇卫生院达到优质服务基层行推荐标准", "count"),
    "HLT_COUNTY_HOSPITALS_MEETING_STANDARD": ("县级医院达到综合服务能力推荐标准", "count"),
    "HLT_CATARACT_SURGERY": ("贫困白内障患者复明手术", "count"),
    "HLT_CHILD_MYOPIA_REDUCTION": ("儿童青少年总体近视率每年下降", "pct_point"),
    "ELD_ELDERLY_HEALTH_MANAGEMENT_RATE": ("老年人城乡社区规范健康管理服务率", "percent"),
    "CHC_NEWBORN_METABOLIC_SCREENING_RATE": ("新生儿遗传代谢性疾病筛查率", "percent"),
    "CHC_NEWBORN_HEARING_SCREENING_RATE": ("新生儿听力筛查率", "percent"),
    "CHC_UNDER3_SYSTEMATIC_MANAGEMENT_RATE": ("全市3岁以下儿童系统管理率", "percent"),
    "CHC_UNDER7_HEALTH_MANAGEMENT_RATE": ("0-6岁儿童健康管理率", "percent"),
    "CHC_PAEDIATRICIANS_PER_1000_CHILDREN": ("每千名儿童儿科执业医师数", "rate"),
    # added with issue 11, third round
    "ELD_CARE_WORKER_CERTIFIED_RATE": ("全县养老护理员持证上岗率", "percent"),
    "ELD_HOME_DIRECTOR_CERTIFIED_RATE": ("民办养老机构院长培训后上岗率", "percent"),
    "EDU_QUALITY_HIGH_SCHOOL_SHARE": ("优质普通高中学位占比", "percent"),
    "EDU_HIGH_SCHOOLS_BUILT": ("新建和改扩建普通高中", "count"),
    "PS_SMART_SAFE_COMMUNITIES": ("建成智慧平安小区", "count"),
    "EMP_NEW_DOMESTIC_WORKERS": ("全市新增家政从业人员", "count"),
    "ELD_ELDERLY_EDUCATION_LEARNERS": ("各级老年大学在读学员", "count"),
    "HLT_FLUORIDE_VARNISH_COVERAGE": ("学龄前儿童免费涂氟覆盖率", "percent"),
    "HLT_PIT_FISSURE_SEALANT_COVERAGE": ("适龄儿童窝沟封闭覆盖比例", "percent"),
    "CHC_PUBLIC_CHILDCARE_INSTITUTIONS": ("每区建成一所公办托育机构", "count"),
    "CHC_CHILDCARE_SERVICE_CENTRES": ("市级托育综合服务中心", "count"),
    "URB_RURAL_GRID_INVESTMENT": ("完成农村电网改造升级投资", "money"),
    "TRN_BUS_LINES_OPTIMISED": ("优化城区公交线路", "count"),
    "SS_VETERAN_DEPENDANT_CENTRALISED_CARE_RATE": ("孤老优抚对象集中供养率", "percent"),
    "EMP_VETERAN_EMPLOYMENT_RATE": ("自主就业退役士兵当年就业率", "percent"),
    "ELD_GERIATRIC_HOSPITALS": ("设区市建成老年病医院", "count"),
    "EDU_KINDERGARTENS_PER_10K": ("每万名常住人口配建幼儿园", "rate"),
    "SS_PENSION_NEW_CONTRIBUTORS": ("新增企业职工养老保险参保", "count"),
    "SS_LEGAL_AID_STATIONS": ("在村(社区)设立法律援助联络点", "count"),
    "FOOD_PRODUCER_SELF_CHECK_RATE": ("获证食品生产企业自查率", "percent"),
    "HLT_PRIMARY_CARE_VISITS": ("基层医疗机构年诊疗人次", "count"),
    "ELD_INTEGRATED_CARE_CENTRES": ("乡镇医养结合服务中心", "count"),
    "EDU_NEW_QUALITY_KINDERGARTENS": ("新创市级优质园", "count"),
    "FOOD_SAFETY_DEMO_CITIES": ("创建国家食品安全示范城市", "count"),
    "FOOD_SAFETY_DEMO_COUNTIES": ("创成省级食品安全示范县", "count"),
    "ECO_TAX_REVENUE": ("全年税收收入", "money"),
    "ECO_INDUSTRIAL_OUTPUT": ("规上工业总产值", "money"),
    "TRN_VILLAGE_ROAD_HARDENING_KM": ("硬化通组道路", "length"),
    "TRN_VILLAGE_ROAD_ACCESS_RATE": ("建制村通硬化路比例", "percent"),
    "HLT_TWO_CANCER_SCREENING": ("适龄妇女“两癌”筛查", "count"),
    "HLT_TOWNSHIP_HEALTH_CENTRES_BUILT": ("新建和改扩建乡镇卫生院", "count"),
    "HLT_COUNTY_HOSPITALS_BUILT": ("新建改建县级医院", "count"),
    "ELD_DAY_CARE_CENTRES": ("社区老年人日间照料中心", "count"),
    "SS_DESTITUTE_CENTRALISED_CARE_RATE": ("失能特困人员集中供养率", "percent"),
    "SS_ENTERPRISE_PENSION_INCREASE": ("企业退休人员基本养老金人均月增", "money"),
    "SS_URBAN_DIBAO_STANDARD_GROWTH": ("城市低保标准提高", "percent"),
    "SS_RURAL_DIBAO_STANDARD_GROWTH": ("农村最低生活保障标准提高", "percent"),
    "INC_RURAL_NET_INCOME": ("农民人均纯收入", "money"),
    "OTH_POVERTY_COUNTIES_EXITED": ("国定贫困县脱贫摘帽", "count"),
    "ECO_RD_EXPENDITURE_GROWTH": ("全社会研发经费支出增长", "percent"),
    "ENV_ENERGY_INTENSITY_REDUCTION": ("单位地区生产总值能耗降低", "percent"),
    "ECO_DOMESTIC_INVESTMENT_ATTRACTED": ("招商引资实际到位资金", "money"),
    "ECO_DOMESTIC_INVESTMENT_ATTRACTED_GROWTH": ("实际利用内资增长", "percent"),
    "ECO_EXPORTS_GROWTH": ("出口总额增长", "percent"),
    "AGR_GRAIN_AREA": ("粮食播种面积", "area"),
    "ECO_GENERAL_BUDGET_EXPENDITURE_GROWTH": ("一般公共预算支出增长", "percent"),
    "ECO_NEW_LISTED_COMPANIES": ("新增境内外上市公司", "count"),
    "URB_GREENWAYS_KM": ("新建城市绿道", "length"),
    "ENV_FOREST_COVERAGE": ("全市森林覆盖率", "percent"),
    "ECO_TOURISM_REVENUE": ("实现旅游总收入", "money"),
    "EMP_JOB_RETENTION_REFUND": ("发放失业保险稳岗返还资金", "money"),
    "ECO_LIVELIHOOD_EXPENDITURE": ("全年民生支出", "money"),
    "CHC_KINDERGARTEN_NURSERY_CLASS_SHARE": ("有条件的幼儿园开设托班比例", "percent"),
    "ELD_CARE_WORKER_TRAINING": ("培训养老护理员", "count"),
    "ELD_INTEGRATED_CARE_SERVICE_RATE": ("全县老年人医养结合服务率", "percent"),
    "ELD_INSTITUTION_MEDICAL_INTEGRATION_RATE": ("全区养老机构医养结合率", "percent"),
    "ELD_HOME_CARE_BEDS": ("新增家庭养老床位", "count"),
    "ELD_MEAL_SERVICE_POINTS": ("社区老年助餐服务点", "count"),
    "ELD_GERIATRIC_DEPT_SHARE": ("二级及以上综合性医院设立老年医学科的比例", "percent"),
    "ELD_AGE_FRIENDLY_MEDICAL_INSTITUTIONS_SHARE": ("建成老年友善医疗机构的比例", "percent"),
    "ELD_COMMUNITY_CARE_SPACE_NORM": ("新建住宅小区配建社区养老服务用房", "rate"),
    "SS_RURAL_URBAN_DIBAO_RATIO": ("农村低保标准与城市低保标准之比", "percent"),
    "SS_URBAN_DIBAO_STANDARD": ("城市居民最低生活保障标准", "money"),
    "SS_RURAL_DIBAO_STANDARD": ("农村居民最低生活保障标准", "money"),
    "SS_DISABLED_LIVING_ALLOWANCE": ("困难残疾人生活补贴标准", "money"),
    "SS_DISABLED_NURSING_ALLOWANCE": ("重度残疾人护理补贴标准", "money"),
    "SS_ORPHAN_ALLOWANCE": ("集中养育孤儿基本生活保障标准", "money"),
    "SS_UNSUPPORTED_CHILD_ALLOWANCE": ("事实无人抚养儿童基本生活补贴标准", "money"),
    "SS_LEGAL_AID_CASES": ("全年办结法律援助案件", "count"),
    "SS_DISABLED_REHABILITATION": ("持证残疾人基本康复服务", "count"),
    "SS_DISABLED_VOCATIONAL_TRAINING": ("残疾人职业技能培训", "count"),
    "SS_DISABLED_CARE_SUBSIDY": ("残疾人日间照料托养服务补贴", "money"),
    "SS_LOW_INCOME_INSURANCE_ENROLMENT_RATE": ("农村低收入人口基本医保参保率", "percent"),
    "SS_PENSION_ENROLMENT_RATE": ("全省基本养老保险参保率", "percent"),
    "SS_MEDICAL_ENROLMENT_RATE": ("全市基本医疗保险参保率", "percent"),
    "SS_RESIDENT_MEDICAL_INSURANCE_SUBSIDY": ("城乡居民医保人均财政补助标准", "money"),
    "TRN_NEW_BUS_LINES": ("新开通城乡公交线路", "count"),
    "TRN_NEW_BUSES": ("新购置新能源公交车", "count"),
    "TRN_PARKING_SPACES": ("新增城市公共停车泊位", "count"),
    "TRN_PARKING_CHARGING_SHARE": ("公共停车场充电设施车位比例", "percent"),
    "TRN_ROAD_MAINTENANCE_KM": ("农村公路养护工程", "length"),
    "FOOD_NONCOMPLIANT_DISPOSAL_RATE": ("抽检不合格食品核查处置率", "percent"),
    "FOOD_MARKET_VENDOR_RECORD_RATE": ("农贸市场销售者建档率", "percent"),
    "FOOD_SAMPLING_BATCHES": ("食品安全监督抽检", "count"),
    "CON_SATISFIED_CONSUMPTION_DEMO_UNITS": ("放心满意消费示范单位", "count"),
    "CUL_PUBLIC_CULTURAL_SPACES": ("建成新型公共文化空间", "count"),
    "SPT_FITNESS_EQUIPMENT": ("更新小区健身器材", "count"),
    "SPT_FITNESS_VENUES": ("新建社区健身房", "count"),
    "SPT_MASS_FITNESS_EVENTS": ("举办各类全民健身活动", "count"),
    "URB_POWER_SUPPLY_RELIABILITY": ("农村电网供电可靠率", "percent"),
    "URB_OLD_PIPE_RENEWAL_KM": ("城市燃气老旧管网更新改造", "length"),
    "URB_POCKET_PARKS": ("新建口袋公园", "count"),
    "OTH_OUTDOOR_WORKER_STATIONS": ("建设户外劳动者服务站点", "count"),
    "ENV_RURAL_HOUSEHOLD_TOILETS": ("农村户厕无害化改造", "count"),
    "ENV_GOOD_AIR_DAYS_SHARE": ("城市空气质量优良天数比例", "percent"),
    "ENV_RURAL_SEWAGE_VILLAGES": ("行政村生活污水治理", "count"),
    "HSG_RURAL_DILAPIDATED_HOUSING": ("农村低收入群体危房改造", "count"),
    "ECO_GDP": ("全市地区生产总值", "money"),
    "ECO_GDP_PER_CAPITA": ("全省人均地区生产总值", "money"),
    "ECO_FIXED_ASSET_INVESTMENT": ("全社会固定资产投资", "money"),
    "ECO_RETAIL_SALES": ("全年社会消费品零售总额", "money"),
    "ECO_GENERAL_BUDGET_REVENUE": ("地方一般公共预算收入", "money"),
    "ECO_FOREIGN_TRADE": ("外贸进出口总额", "money"),
    "ECO_INDUSTRIAL_VALUE_ADDED": ("规上工业增加值", "money"),
    "ECO_CPI_INCREASE": ("居民消费价格涨幅", "percent"),
    "ECO_URBANISATION_RATE": ("常住人口城镇化率", "percent"),
    "ECO_TAX_REVENUE_GROWTH": ("税收收入同比增长", "percent"),
    "AGR_FARM_OUTPUT_VALUE": ("全县农林牧渔业总产值", "money"),
    "AGR_FARM_OUTPUT_GROWTH": ("农林牧渔业总产值同比增长", "percent"),
    "OTH_POVERTY_REDUCTION": ("全年减少农村贫困人口", "count"),
    "OTH_POVERTY_INCIDENCE": ("农村贫困发生率", "percent"),
    "PS_SENSE_OF_SECURITY": ("人民群众安全感满意度", "percent"),
    "ECO_FISCAL_REVENUE": ("全市财政总收入", "money"),
    "ECO_FISCAL_REVENUE_GROWTH": ("全市财政总收入增长", "percent"),
    "ECO_GENERAL_BUDGET_EXPENDITURE": ("全县一般公共预算支出", "money"),
    "ECO_NEW_MARKET_ENTITIES": ("全年新增市场主体", "count"),
    "ECO_MARKET_ENTITIES_TOTAL": ("全省实有经营主体", "count"),
    "ECO_TOURIST_VISITS": ("全年接待国内外游客", "count"),
    "URB_RURAL_DRINKING_WATER": ("解决农村人口饮水安全问题", "count"),
    "ENV_SOIL_EROSION_CONTROL": ("新增水土流失综合治理面积", "area"),
    "TRN_BUS_STOPS": ("新建改造公交候车亭", "count"),
    "EDU_COMPULSORY_SCHOOLS_IMPROVED": ("改善义务教育薄弱学校基本办学条件", "count"),
    "HLT_HYGIENIC_TOWNS_VILLAGES": ("新创建省级卫生村", "count"),
    "HLT_COMMUNITY_HOSPITALS": ("新创建社区医院", "count"),
    "ELD_EMERGENCY_CALL_DEVICES": ("为独居老人安装紧急呼叫设备", "count"),
    "EMP_BUSINESS_INCUBATORS": ("认定市级创业孵化基地", "count"),
    "EMP_YOUTH_STATIONS": ("建设运营青年驿站", "count"),
    "PS_SURVEILLANCE_CAMERAS": ("安装公共安全视频监控探头", "count"),
    "URB_SUNSHADES": ("路口非机动车遮阳棚", "count"),
    "CHC_REGISTERED_CHILDCARE_SHARE": ("托育机构备案率", "percent"),
    # added with issue 11, fourth round
    "EDU_NEW_PLACES_UNSPECIFIED": ("全县新增学位", "count"),
    "EDU_SCHOOL_BUILDINGS_AREA": ("维修加固城乡学校校舍", "area"),
    "EDU_AFTER_SCHOOL_SERVICE_COVERAGE": ("义务教育学校课后服务覆盖率", "percent"),
    "EDU_PRESCHOOL_GROSS_ENROLMENT": ("学前三年毛入园率", "percent"),
    "EDU_COMPULSORY_RETENTION_RATE": ("九年义务教育巩固率", "percent"),
    "EDU_HIGH_SCHOOL_GROSS_ENROLMENT": ("全市高中阶段毛入学率", "percent"),
    "EDU_AVERAGE_YEARS_OF_SCHOOLING": ("劳动年龄人口平均受教育年限", "duration"),
    "HLT_DOCTORS_PER_1000": ("每千人口执业(助理)医师数", "rate"),
    "HLT_NURSES_PER_1000": ("每千人口注册护士数", "rate"),
    "HLT_GPS_PER_10K": ("每万常住人口全科医生数", "rate"),
    "HLT_FAMILY_DOCTOR_CONTRACT_RATE": ("常住人口家庭医生签约服务覆盖率", "percent"),
    "HLT_UNDER5_MORTALITY": ("全省5岁以下儿童死亡率", "permille"),
    "HLT_HYPERTENSION_MANAGEMENT_RATE": ("65岁以上高血压患者规范管理率", "percent"),
    "HLT_DIABETES_MANAGEMENT_RATE": ("2型糖尿病患者规范管理率", "percent"),
    "HLT_HEALTH_RECORDS_RATE": ("居民规范化电子健康档案建档率", "percent"),
    "HLT_SEVERE_MENTAL_DISORDER_MANAGEMENT_RATE": ("严重精神障碍患者规范管理率", "percent"),
    "HLT_REGIONAL_MEDICAL_CENTRES": ("省级区域医疗中心", "count"),
    "CHC_MATERNAL_SYSTEMATIC_MANAGEMENT_RATE": ("全市孕产妇系统管理率", "percent"),
    "ELD_CARE_BEDS": ("全市新增养老床位", "count"),
    "ELD_CARE_BEDS_PER_1000_ELDERLY": ("每千名老年人拥有养老床位", "rate"),
    "ELD_COMMUNITY_CARE_FACILITY_COVERAGE": ("城市社区养老服务设施覆盖率", "percent"),
    "SS_BASIC_PENSION_MIN_STANDARD": ("城乡居民基础养老金最低标准", "money"),
    "EMP_PUBLIC_WELFARE_JOBS": ("开发城乡公益性岗位", "count"),
    "EMP_JOBS_VIA_STARTUPS": ("扶持创业带动就业", "count"),
    "EMP_INTERNSHIP_POSTS": ("募集青年就业见习岗位", "count"),
    "INC_MINIMUM_WAGE": ("月最低工资标准", "money"),
    "INC_AVERAGE_WAGE": ("城镇非私营单位在岗职工平均工资", "money"),
    "CUL_FREE_FILM_SCREENINGS": ("农村公益电影放映", "count"),
    "CUL_COMPREHENSIVE_CULTURAL_CENTRES": ("村级综合性文化服务中心", "count"),
    "CUL_RURAL_BOOKSHOPS": ("提档升级农家书屋", "count"),
    "SPT_VILLAGE_FITNESS_PROJECTS": ("实施农民体育健身工程", "count"),
    "SPT_FITNESS_TRAILS": ("沿江建设登山健身步道", "count"),
    "SPT_SPORTS_AREA_PER_CAPITA": ("人均体育场地面积", "area"),
    "SPT_REGULAR_EXERCISE_SHARE": ("经常参加体育锻炼人数比例", "percent"),
    "SPT_PHYSICAL_FITNESS_STANDARD_RATE": ("城乡居民国民体质监测合格率", "percent"),
    "ENV_GOOD_AIR_DAYS": ("城区空气质量优良天数", "duration"),
    "ENV_SURFACE_WATER_QUALITY_SHARE": ("国控断面水质优良比例", "percent"),
    "ENV_DRINKING_WATER_SOURCE_COMPLIANCE": ("县级以上集中式饮用水水源地水质达标率", "percent"),
    "ENV_URBAN_SEWAGE_TREATMENT_RATE": ("县城生活污水集中处理率", "percent"),
    "ENV_GARBAGE_TREATMENT_RATE": ("城市生活垃圾无害化处理率", "percent"),
    "ENV_GARBAGE_SORTING_COVERAGE": ("城区生活垃圾分类覆盖率", "percent"),
    "ENV_BUILT_UP_GREEN_COVERAGE": ("城市建成区绿化覆盖率", "percent"),
    "ENV_PARK_GREEN_AREA_PER_CAPITA": ("城市人均公园绿地面积", "area"),
    "ENV_AFFORESTATION_AREA": ("全年完成植树造林", "area"),
    "ENV_PUBLIC_ECO_SATISFACTION": ("公众对生态环境满意度", "percent"),
    "URB_5G_BASE_STATIONS": ("新建5G基站", "count"),
    "URB_TAP_WATER_COVERAGE": ("农村自来水普及率", "percent"),
    "URB_GAS_COVERAGE": ("城市燃气普及率", "percent"),
    "HSG_ELEVATOR_RETROFITS": ("既有多层住宅加装电梯", "count"),
    "HSG_RURAL_HOUSING_IMPROVEMENT": ("苏北地区农房改善", "count"),
    "TRN_EXPRESSWAY_KM": ("高速公路通车里程", "length"),
    "TRN_COUNTY_EXPRESSWAY_ACCESS_RATE": ("县城通高速公路比例", "percent"),
    "TRN_BUS_TERMINALS": ("城区建成公交首末站", "count"),
    "ECO_SERVICES_VALUE_ADDED": ("全市服务业增加值", "money"),
    "ECO_SERVICES_VALUE_ADDED_GROWTH": ("服务业增加值同比增长", "percent"),
    "ECO_FOREIGN_INVESTMENT": ("全年实际使用外资", "money"),
    "ECO_FOREIGN_INVESTMENT_GROWTH": ("实际使用外资同比增长", "percent"),
    "ECO_EXPORTS": ("外贸出口总额", "money"),
    "ECO_HIGH_TECH_ENTERPRISES": ("国家级高新技术企业", "count"),
    "ECO_TECH_PROGRESS_CONTRIBUTION": ("全省科技进步贡献率", "percent"),
    "ECO_RD_INTENSITY": ("全社会研发经费投入强度", "percent"),
    "ECO_INVENTION_PATENTS_PER_10K": ("每万人口发明专利拥有量", "rate"),
    "ECO_TECH_CONTRACT_TURNOVER": ("全年技术合同成交额", "money"),
    "ECO_TECH_CONTRACT_TURNOVER_GROWTH": ("全省技术合同成交额同比增长", "percent"),
    "ECO_TAX_SHARE_OF_BUDGET_REVENUE": ("税收收入占一般公共预算收入比重", "percent"),
    "ECO_GDP_PER_KM2": ("全区每平方公里土地产出地区生产总值", "money"),
    "ECO_NEW_ABOVE_SIZE_INDUSTRIAL_ENTERPRISES": ("全年新增规上工业企业", "count"),
    "AGR_MECHANISATION_RATE": ("主要农作物耕种收综合机械化率", "percent"),
    "PS_FIRE_STATIONS": ("乡镇专职消防站", "count"),
    "HLT_COVID_VACCINATION_RATE": ("80岁以上老年人新冠疫苗加强针接种率", "percent"),
    "ECO_INDUSTRIAL_INVESTMENT_GROWTH": ("工业投资同比增长", "percent"),
    "ECO_COAL_OUTPUT": ("全区原煤产量", "mass"),
    "AGR_FRUIT_OUTPUT": ("全县水果产量", "mass"),
    "AGR_CERTIFIED_PRODUCTS": ("全年新增“三品一标”认证产品", "count"),
    "AGR_LEADING_ENTERPRISES": ("农业产业化重点龙头企业", "count"),
    "AGR_BLACK_SOIL_PROTECTION": ("实施黑土地保护利用", "area"),
    "ECO_DEPOSITS_BALANCE": ("金融机构本外币各项存款余额", "money"),
    "ECO_LOANS_BALANCE": ("金融机构各项贷款余额", "money"),
    "TRN_VILLAGE_BUS_ACCESS_RATE": ("具备条件的建制村通客车率", "percent"),
    "ENV_RURAL_TOILET_COVERAGE": ("农村卫生厕所普及率", "percent"),
    "ENV_CARBON_INTENSITY_REDUCTION": ("单位地区生产总值二氧化碳排放降低", "percent"),
    "AGR_FARMLAND_RETAINED": ("全市耕地保有量", "area"),
    "AGR_PIGS_SLAUGHTERED": ("全年生猪出栏", "count"),
    "AGR_MEAT_OUTPUT": ("全年肉类总产量", "mass"),
    "EDU_TEACHERS_RECRUITED": ("公开招聘中小学教师", "count"),
    "HLT_VILLAGE_CLINICS": ("新建标准化村卫生室", "count"),
    "CHC_CHILDRENS_HOMES": ("城乡社区儿童之家", "count"),
    "EDU_SPECIAL_EDUCATION_SCHOOLS": ("新建特殊教育学校", "count"),
    "EDU_CLASSROOM_LIGHTING": ("完成学校教室照明改造", "count"),
}

# (phrase, unit_kind, code): wordings that synonyms added to existing codes must recognise
MORE_PHRASES = [
    ("社区新建笼式足球场", "count", "SPT_FITNESS_VENUES"),
    ("县级全民健身运动会", "count", "SPT_MASS_FITNESS_EVENTS"),
    ("听障儿童人工耳蜗植入康复", "count", "SS_DISABLED_CHILD_REHABILITATION"),
]

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
    ("农牧民人均可支配收入增长", "percent", "INC_DISPOSABLE_INCOME_GROWTH"),  # rural, not all residents
    ("全市财政收入增长", "percent", "ECO_GENERAL_BUDGET_REVENUE_GROWTH"),   # total fiscal revenue is larger
    ("财政收入", "money", "ECO_GENERAL_BUDGET_REVENUE"),
    ("乡镇**综合****服务站", "count", "OTH_OUTDOOR_WORKER_STATIONS"),     # redaction is no licence
    ("适龄女生免费接种宫颈癌疫苗", "count", "HLT_CERVICAL_CANCER_SCREENING"),
    ("公共文化空间开展阅读推广活动", "count", "CUL_PUBLIC_CULTURAL_SPACES"),
    ("平均每个工作日新增市场主体", "count", "ECO_NEW_MARKET_ENTITIES"),
    ("县级医院达到服务能力推荐标准", "count", "HLT_PRIMARY_FACILITIES_MEETING_STANDARD"),
    ("高血压患者规范健康管理服务率", "percent", "ELD_ELDERLY_HEALTH_MANAGEMENT_RATE"),
    ("人均地区生产总值", "money", "ECO_GDP"),
    ("养老机构院长培训上岗率", "percent", "ELD_CARE_WORKER_CERTIFIED_RATE"),
    ("新增普通高中学位", "count", "EDU_HIGH_SCHOOLS_BUILT"),
    ("家政服务人员培训", "count", "EMP_NEW_DOMESTIC_WORKERS"),
    ("儿童局部涂氟", "count", "HLT_FLUORIDE_VARNISH_COVERAGE"),       # a number of children, not a share
    ("新增公交线路", "count", "TRN_BUS_LINES_OPTIMISED"),
    ("特困人员集中供养率", "percent", "SS_VETERAN_DEPENDANT_CENTRALISED_CARE_RATE"),
    ("二级以上综合医院设老年医学科比例", "percent", "ELD_GERIATRIC_HOSPITALS"),
    ("企业职工养老保险参保人数", "count", "SS_PENSION_NEW_CONTRIBUTORS"),  # the stock
    ("大型超市自查率", "percent", "FOOD_PRODUCER_SELF_CHECK_RATE"),
    ("食品生产企业自查报告率", "percent", "FOOD_PRODUCER_SELF_CHECK_RATE"),
    ("基层医疗卫生机构诊疗量占比", "percent", "HLT_PRIMARY_CARE_VISITS"),
    ("优质园覆盖率", "percent", "EDU_NEW_QUALITY_KINDERGARTENS"),
    ("税收收入增长", "percent", "ECO_TAX_REVENUE"),
    ("税收收入占一般公共预算收入比重", "percent", "ECO_TAX_REVENUE_GROWTH"),
    ("工业战略性新兴产业总产值占规模以上工业总产值比重", "percent", "ECO_INDUSTRIAL_OUTPUT"),
    ("宫颈癌疫苗接种", "count", "HLT_TWO_CANCER_SCREENING"),
    ("城乡居民基础养老金最低标准提高", "money", "SS_ENTERPRISE_PENSION_INCREASE"),
    ("农村低保标准占城市低保标准比例", "percent", "SS_RURAL_DIBAO_STANDARD_GROWTH"),
    ("农民人均纯收入增长", "money", "INC_RURAL_NET_INCOME"),
    ("贫困村出列", "count", "OTH_POVERTY_COUNTIES_EXITED"),
    ("贫困县实现脱贫摘帽", "count", "OTH_POVERTY_REDUCTION"),          # counties, not people
    ("研发经费投入强度", "percent", "ECO_RD_EXPENDITURE_GROWTH"),
    ("单位工业增加值能耗下降", "percent", "ENV_ENERGY_INTENSITY_REDUCTION"),
    ("实际利用外资", "money", "ECO_DOMESTIC_INVESTMENT_ATTRACTED"),
    ("进出口总额增长", "percent", "ECO_EXPORTS_GROWTH"),
    ("一般公共预算收入增长", "percent", "ECO_GENERAL_BUDGET_EXPENDITURE_GROWTH"),
    ("上市后备企业", "count", "ECO_NEW_LISTED_COMPANIES"),
    ("健身绿道", "length", "URB_GREENWAYS_KM"),
    ("民生支出占一般公共预算支出比重", "percent", "ECO_LIVELIHOOD_EXPENDITURE"),
    ("市级规范化托育综合服务中心", "count", "CHC_MODEL_CHILDCARE_INSTITUTIONS"),
    ("新增普通高中学位", "count", "EDU_NEW_PLACES_UNSPECIFIED"),        # the level is named
    ("新增博士学位授权点", "count", "EDU_NEW_PLACES_UNSPECIFIED"),      # a degree, not a school place
    ("生均校舍面积", "area", "EDU_SCHOOL_BUILDINGS_AREA"),
    ("每千名儿童儿科执业医师数", "rate", "HLT_DOCTORS_PER_1000"),
    ("家庭养老床位", "count", "ELD_CARE_BEDS"),
    ("城乡居民基础养老金最低标准提高", "money", "SS_BASIC_PENSION_MIN_STANDARD"),  # an increase, not the level
    ("空气优良天数比上年增加", "duration", "ENV_GOOD_AIR_DAYS"),
    ("农村生活污水处理率", "percent", "ENV_URBAN_SEWAGE_TREATMENT_RATE"),
    ("现代服务业增加值", "money", "ECO_SERVICES_VALUE_ADDED"),             # a part of the services sector
    ("进出口总额", "money", "ECO_EXPORTS"),
    ("出口退税", "money", "ECO_EXPORTS"),
    ("每万人口高价值发明专利拥有量", "rate", "ECO_INVENTION_PATENTS_PER_10K"),
    ("高新技术企业培育入库", "count", "ECO_HIGH_TECH_ENTERPRISES"),
    ("城乡居民储蓄存款余额", "money", "ECO_DEPOSITS_BALANCE"),
    ("创业担保贷款余额", "money", "ECO_LOANS_BALANCE"),
    ("适龄女生HPV疫苗全程接种率", "percent", "HLT_COVID_VACCINATION_RATE"),
    ("高速公路养护", "length", "TRN_EXPRESSWAY_KM"),
    ("培训中小学教师", "count", "EDU_TEACHERS_RECRUITED"),
    ("乡镇卫生院和村卫生室", "count", "HLT_VILLAGE_CLINICS"),
    ("工业技改投资增长", "percent", "ECO_INDUSTRIAL_INVESTMENT_GROWTH"),
    ("全区地均地区生产总值", "money", "ECO_GDP"),
]

# Phrases that are no canonical indicator at all.
NO_CODE = [
    ("新建标杆戒毒社区", "count"),
    ("存贷款余额", "money"),                # deposits and loans, often 分别: two numbers
    ("新增示范街区", "count"),              # whose model streets? the list's qualifier is lost
    ("自查报告率", "percent"),              # whose self-inspection? producers or retailers
    ("组织招聘会场次", "count"),
    ("每场演出时长", "duration"),
    ("救急难互助社启动资金", "money"),
    ("", "count"),
    ("********", "count"),
    ("**就业", "count"),
    ("城乡居民人均可支配收入", "money"),      # urban and rural side by side (分别)
    ("城乡居民收入增长", "percent"),
    ("宫颈癌和乳腺癌免费筛查", "count"),      # two codes, no choice
    ("困难残疾人生活补贴和重度残疾人护理补贴", "money"),
    ("高血压和糖尿病患者规范管理率", "percent"),   # two codes, no choice
    ("年均增长", "percent"),                # a change of nothing named
    ("人均可支配收入年均增长", "percent"),    # whose income? 农村居民 may sit on the line before
]


def test_every_code_has_a_test_phrase():
    assert set(POSITIVE) == set(indicators.codes())


@pytest.mark.parametrize("code", sorted(POSITIVE))
def test_own_phrase_maps_to_its_code(code):
    phrase, unit_kind = POSITIVE[code]
    assert indicators.match(phrase, unit_kind) == code, indicators.candidates(phrase, unit_kind)


@pytest.mark.parametrize("phrase,unit_kind,code", MORE_PHRASES)
def test_added_synonym_maps_to_its_code(phrase, unit_kind, code):
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


def test_a_bare_change_phrase_borrows_its_subject_from_the_quote():
    quote = "全年完成地区生产总值100亿元,同比增长6%"
    assert indicators.match("同比增长", "percent", quote) == "ECO_GDP_GROWTH"
    assert indicators.match("提高到", "money", "一般公共预算收入由上年的1亿元提高到2亿元") == "ECO_GENERAL_BUDGET_REVENUE"
    # the subject's own exclusions still apply: 城乡 names two incomes at once
    assert indicators.match("年均增长", "percent", "城乡居民人均可支配收入分别达到4万元和2万元,年均增长5%和7%") is None
    # a phrase that names its subject is not touched, and nothing is borrowed without a quote
    assert indicators.with_subject("城镇新增就业", "固定资产投资增长5%,城镇新增就业") == "城镇新增就业"
    assert indicators.match("同比增长", "percent") is None
    rows = [{"indicator": "年均增长", "unit_kind": "percent", "quote": "社会消费品零售总额累计完成40亿元,年均增长3%"}]
    assert indicators.assign_codes(rows)[0]["indicator_code"] == "ECO_RETAIL_SALES_GROWTH"
    # the subject may sit before a list comma (、)
    assert indicators.match("年均增长", "percent", "地区生产总值突破500亿元、年均增长6%") == "ECO_GDP_GROWTH"
