"""What a careful reader transcribes from the filled shanghai form: the application values (fictional).

Numbers are decimal strings without units (counts may be ints; :func:`tests.wordforms.expected`
turns them into strings), choices option ids, narratives with ``"\\n"`` between paragraphs and
line breaks.
"""

from __future__ import annotations

from typing import Any

CLUSTER = "上海市松江区工业机器人产业"
AUTHORITY = "松江区经济委员会"
OPERATOR = "上海松江机器人产业园发展有限公司"

PLAN = {
    "intro": (
        "松江区工业机器人产业集群以松江机器人产业园为核心载体，占地7.6平方公里，聚焦工业机器人本体、精密减速器、伺服系统和系统集成，"
        "形成了核心零部件、整机制造和行业应用协同发展的产业生态。2022年集群营业收入96.4亿元，集群企业289家，其中中小企业268家。"
    ),
    "results": (
        "近三年主导产业营业收入年均增速14.02%，市级专精特新中小企业由45家增加到72家，国家级专精特新“小巨人”企业达到11家；\n"
        "集群中小企业有效发明专利712件，建成国家级智能制造示范工厂1家，单位产值二氧化碳排放量由0.21吨/万元降至0.17吨/万元。"
    ),
    "idea": "坚持“核心部件自主化、整机产品高端化、行业应用场景化”方向，打造具有全国影响力的工业机器人中小企业特色产业集群。",
    "goals": "到2025年，集群营业收入达到140亿元，专精特新中小企业达到100家，有效发明专利达到1100件。",
    "tasks": "一是攻关精密减速器和高性能伺服系统；二是建设机器人中试验证和检测认证平台；三是拓展汽车、电子和新能源行业应用场景。",
    "measures": "一是落实区级产业扶持政策；二是设立机器人产业引导基金；三是加强与上海交通大学等高校合作，培养复合型技术人才。",
}

PLAN_TEXT = "\n".join(
    (
        "一、集群基本情况简介",
        PLAN["intro"],
        "二、发展成效",
        PLAN["results"],
        "三、未来三年中小企业特色产业集群发展规划",
        "（1） 总体思路",
        PLAN["idea"],
        "（2） 发展目标",
        PLAN["goals"],
        "（3） 重点任务",
        PLAN["tasks"],
        "（4） 保障措施",
        PLAN["measures"],
    )
)


def _years(a: Any, b: Any, c: Any) -> dict[str, Any]:
    return {"2020": a, "2021": b, "2022": c}


def _std(*pairs: tuple[int, int]) -> dict[str, dict[str, int]]:
    cats = ("international", "national", "industry", "group")
    return {
        c: {"lead": lead, "participate": part} for c, (lead, part) in zip(cats, pairs, strict=True)
    }


INTRODUCE_TECH = "引进德国精密减速器设计技术和日本伺服控制研发团队1个"
DIGITAL_OTHER = "组织企业参加“工赋上海”数字化转型诊断活动"

VALUES: dict[str, Any] = {
    "cover.cluster_name": CLUSTER,
    "cover.region": "松江区",
    "cover.authority": AUTHORITY,
    "cover.operator": OPERATOR,
    "cover.date": "2023年7月6日",
    "cover.contact": "沈嘉怡 021-57823416",
    "basic.cluster_name": CLUSTER,
    "basic.authority": AUTHORITY,
    "basic.authority_contact.name": "沈嘉怡",
    "basic.authority_contact.phone": "021-57823416",
    "basic.operator": OPERATOR,
    "basic.operator_contact.name": "王振宇",
    "basic.operator_contact.phone": "021-67745128",
    "basic.area": "7.6",
    "basic.industry_field": "high_end_equipment",
    "basic.restricted": "no",
    "basic.major_accident": "no",
    "basic.tax_violation": "no",
    "basic.energy_efficiency": "na",
    "basic.water_efficiency": "na",
    "industry.total_output": _years("76.85", "86.30", "96.4"),
    "industry.sme_output_share": _years("73.40", "72.85", "71.9"),
    "industry.leading_share": _years("81.20", "82.65", "84.15"),
    "industry.leading_cagr": "14.02",
    "industry.enterprises": _years(248, 266, 289),
    "industry.smes": _years(231, 247, 268),
    "industry.specialized_smes": _years(45, 58, 72),
    "industry.little_giants": _years(6, 8, 11),
    "industry.champions": _years(1, 1, 2),
    "industry.high_tech": _years(92, 104, 121),
    "industry.innovative_smes": _years(70, 91, 118),
    "industry.chain_narrative": (
        "集群绘制“核心零部件—机器人本体—系统集成—行业应用”产业链图谱，建立涵盖精密减速器、高性能伺服电机等10项技术的攻关项目库🤖。\n"
        "联合上海交通大学组建机器人创新联合体，引进控制器、传感器等补链企业8家；与3家链主企业建立稳定配套关系，建立供应链风险季度评估机制。"
    ),
    "industry.chain_work": [
        "chain_map",
        "tech_list",
        "innovation_consortium",
        "academia",
        "chain_leader",
        "supply_risk",
    ],
    "industry.collab_work": ["equipment", "services", "shared_workshop"],
    "industry.quality_work": ["quality_management", "quality_diagnosis", "brand_mechanism"],
    "innovation.rd_intensity": _years("6.2", "6.45", "6.8"),
    "innovation.rd_growth": _years("15.6", "17.3", "16.9"),
    "innovation.standards": {
        "2020": _std((0, 1), (1, 2), (1, 3), (2, 3)),
        "2021": _std((0, 1), (1, 3), (2, 3), (3, 5)),
        "2022": _std((1, 1), (2, 3), (2, 4), (4, 6)),
    },
    "innovation.platforms.national": {
        "count": 1,
        "names": "国家智能机器人质量检验检测中心（松江实验室）",
    },
    "innovation.platforms.provincial": {
        "count": 3,
        "names": "上海市工业机器人工程技术研究中心；上海市精密传动企业技术中心；上海市机器人系统集成专业技术服务平台",
    },
    "innovation.platforms.other": {
        "count": 2,
        "names": "松江区机器人创新中心；松江区机器人中试基地",
    },
    "innovation.sme_employees": 24680,
    "innovation.rd_staff_share": "21.3",
    "innovation.pct_applications": 31,
    "innovation.patent_cagr": "19.85",
    "innovation.patents_per_10k": "288.49",
    "innovation.patents": 712,
    "digital.cloud_share": "85.3",
    "digital.iip_penetration": "46.2",
    "digital.software_rising": "yes",
    "digital.software_spend": _years("3560.20", "4215.80", "5020.5"),
    "digital.service_narrative": (
        "集群区域实现5G网络和千兆光网全覆盖，建成工业互联网标识解析二级节点接入点1个；\n"
        "集群企业普遍应用PLM、MES和机器人离线编程软件，关键工序数控化率达到82%，为150家中小企业开展数字化评测。"
    ),
    "digital.service_work": [
        "solution_providers",
        "common_solutions",
        "sme_evaluation",
        {"option": "other", "text": DIGITAL_OTHER},
    ],
    "digital.new_models.work": ["national_pilot", "provincial_pilot", "promotion"],
    "green.carbon_monitoring": "yes",
    "green.co2_intensity": _years("0.21", "0.19", "0.17"),
    "green.carbon_work": ["monitoring", "carbon_peak"],
    "green.energy_reduction": "13.6",
    "green.solid_waste_rate": "96.1",
    "green.solid_waste_above_avg": "yes",
    "green.water_reuse_rate": "84.5",
    "green.water_reuse_above_avg": "yes",
    "green.lowcarbon_narrative": (
        "集群建成碳排放监测平台，对重点用能企业实行月度监测；推广屋顶光伏和空压机节能改造，光伏装机达到9兆瓦；\n"
        "建设废旧零部件回收和切削液再生利用设施，3家企业获评国家级绿色工厂。"
    ),
    "green.lowcarbon_work": [
        "energy_saving",
        "carbon_accounting",
        "water_recycling",
        "green_solutions",
    ],
    "green.system": {
        "green_factory": 3,
        "green_park": 0,
        "green_supply_chain": 1,
        "green_product": 5,
    },
    "open.activities": [
        "mechanism",
        {"option": "introduce_tech", "text": INTRODUCE_TECH},
        "expos",
        "host_seminars",
    ],
    "open.overseas_branches": 7,
    "open.narrative": (
        "集群企业产品出口至欧洲、东南亚和南美等30余个国家和地区；\n"
        "与德国、日本企业开展联合研发，组织企业参加汉诺威工业博览会和中国国际工业博览会，承办机器人国际技术研讨会2次，7家企业在境外设立分支机构。"
    ),
    "industry.export_growth": _years("10.25", "16.80", "13.45"),
    "industry.fdi_growth": _years("6.30", "9.15", "8.05"),
    "governance.narrative": (
        "松江区建立机器人产业集群联席会议制度，由运营公司牵头设立集群发展促进中心；\n"
        "组建25人企业服务专员队伍，实行“一企一专员”服务；依托“一网统管”平台提升安全生产和营商环境治理数字化水平。"
    ),
    "governance.platforms": ["provincial_platform", "sme_platform"],
    "governance.services": [
        "information",
        "startup",
        "innovation",
        "training",
        "finance",
        {"option": "other", "text": "法律咨询"},
    ],
    "governance.work": [
        "promotion_body",
        "policy",
        "rights",
        "safety",
        "digital_governance",
        "service_staff",
    ],
    "plan.text": PLAN_TEXT,
    "declaration.recommendation": (
        "经审核，松江区工业机器人产业集群主导产业属于本市高端装备重点领域，专精特新企业集聚，创新能力较强，申报材料真实有效，"
        "符合上海市中小企业特色产业集群认定条件，同意推荐。"
    ),
}
