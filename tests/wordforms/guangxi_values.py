"""What a careful reader transcribes from the filled guangxi form: the application values (fictional).

Numbers are decimal strings without units (counts may be ints; :func:`tests.wordforms.expected`
turns them into strings), choices option ids, narratives with ``"\\n"`` between paragraphs and
line breaks.
"""

from __future__ import annotations

from typing import Any

CLUSTER = "广西玉林市北流市日用陶瓷产业"
AUTHORITY = "北流市工业和信息化局"
OPERATOR = "北流市陶瓷产业园投资运营有限公司"

PLAN = {
    "intro": (
        "北流市日用陶瓷产业集群依托北流日用陶瓷产业园建设，占地13.2平方公里，是全国重要的日用陶瓷生产和出口基地，"
        "主导产品包括日用细瓷、酒店瓷和陶瓷礼品。2024年集群总产值118.45亿元，占全市工业总产值的42.3%，集群企业281家，其中中小企业268家。"
    ),
    "results": (
        "近三年集群主导产业产值年均增速13.53%，专精特新中小企业由18家增加到30家；建成自治区级数字化车间2个，"
        "单位产值能耗由0.46吨标准煤/万元降至0.39吨标准煤/万元，降低15.22%；主导产品出口贸易额达到53180万元。"
    ),
    "problems": "一是高端产品和自主品牌占比不高；二是窑炉等环节能耗仍然偏高；三是设计研发人才不足，中小企业研发人员占比不到一成。",
    "idea": "坚持“品牌化、智能化、绿色化”方向，以高端日用瓷和酒店瓷为主攻方向，打造面向东盟的日用陶瓷中小企业特色产业集群。",
    "goals": "到2027年，集群总产值达到160亿元，优质中小企业数量达到150家，有效发明专利达到410件。",
    "tasks": "一是实施陶瓷产品高端化工程；二是推进窑炉天然气改造和余热综合利用；三是建设北流陶瓷云，推广数字化设计和柔性生产；四是拓展东盟市场。",
    "measures": "一是完善市级领导联系集群机制；二是落实自治区和玉林市产业扶持政策；三是加强与景德镇陶瓷大学等院校合作，引进设计研发人才。",
}

PLAN_TEXT = "\n".join(
    (
        "一、集群基本情况简介",
        PLAN["intro"],
        "二、发展成效",
        PLAN["results"],
        "三、存在的问题",
        PLAN["problems"],
        "四、未来三年中小企业特色产业集群发展规划",
        "（一）总体思路",
        PLAN["idea"],
        "（二）发展目标",
        PLAN["goals"],
    )
)


def _years(a: Any, b: Any, c: Any) -> dict[str, Any]:
    return {"2022": a, "2023": b, "2024": c}


def _std(*pairs: tuple[int, int]) -> dict[str, dict[str, int]]:
    cats = ("international", "national", "industry", "group")
    return {
        c: {"lead": lead, "participate": part} for c, (lead, part) in zip(cats, pairs, strict=True)
    }


VALUES: dict[str, Any] = {
    "cover.cluster_name": CLUSTER,
    "cover.region": "玉林市北流市",
    "cover.authority": AUTHORITY,
    "cover.operator": OPERATOR,
    "cover.date": "2025年5月16日",
    "cover.contact": "黄丽萍 0775-6236518",
    "basic.cluster_name": CLUSTER,
    "basic.authority": AUTHORITY,
    "basic.authority_contact.name": "黄丽萍",
    "basic.authority_contact.phone": "0775-6236518",
    "basic.operator": OPERATOR,
    "basic.operator_contact.name": "梁志强",
    "basic.operator_contact.phone": "0775-6321847",
    "basic.area": "13.2",
    "basic.industry_type": "secondary",
    "basic.restricted": "no",
    "basic.major_accident": "no",
    "basic.tax_violation": "no",
    "basic.energy_efficiency": "yes",
    "basic.water_efficiency": "na",
    "basic.provincial_cluster": "yes",
    "industry.total_output": _years("92.17", "104.36", "118.45"),
    "industry.county_share": _years("38.6", "40.15", "42.3"),
    "industry.sme_output_share": _years("78.30", "77.65", "76.90"),
    "industry.leading_share": _years("84.60", "85.32", "86.08"),
    "industry.leading_growth": _years("11.90", "14.19", "14.51"),
    "industry.leading_cagr": "13.53",
    "industry.enterprises": _years(248, 263, 281),
    "industry.smes": _years(236, 251, 268),
    "industry.specialized_smes": _years(18, 23, 30),
    "industry.little_giants": _years(1, 2, 3),
    "industry.champions": _years(0, 0, 1),
    "industry.high_tech": _years(26, 31, 38),
    "industry.innovative_smes": _years(40, 52, 66),
    "industry.listed_smes": _years(1, 1, 1),
    "industry.pre_listing_smes": _years(0, 1, 2),
    "industry.fdi": _years("6420", "7180", "8150"),
    "industry.fdi_growth": _years("9.65", "11.84", "13.51"),
    "industry.exports": _years("38650", "45320", "53180"),
    "industry.export_growth": _years("15.20", "17.26", "17.34"),
    "industry.chain_narrative": (
        "集群绘制“瓷土原料—坯釉料—成型烧成—彩饰包装—外贸物流”产业链图谱，梳理出高白度瓷泥、低温快烧等6项技术难点。\n"
        "联合广西大学组建日用陶瓷创新联合体，引进色釉料、包装等补链企业7家，与2家链主企业建立稳定配套关系，本地配套率提升至70%。"
    ),
    "industry.chain_work": [
        "chain_map",
        "tech_list",
        "innovation_consortium",
        "academia",
        "chain_leader",
    ],
    "industry.collab_narrative": (
        "集群建成陶瓷共享检测中心和共享窑炉车间🏭，开放热稳定性、铅镉溶出等检测设备18台（套），年服务中小企业210余家次；\n"
        "组织瓷泥、釉料和天然气集中采购，降低中小企业采购成本约8%；建立陶瓷技工共享用工机制。"
    ),
    "industry.collab_work": ["equipment", "hr", "procurement", "shared_workshop"],
    "industry.quality_narrative": (
        "集群推广卓越绩效管理模式，组织第三方机构为46家中小企业开展质量诊断；\n"
        "“北流陶瓷”获批国家地理标志证明商标，建立区域品牌授权使用机制，近三年新增广西名牌产品5个。"
    ),
    "industry.quality_work": [
        "quality_management",
        "quality_diagnosis",
        "brand_mechanism",
        "collective_trademark",
    ],
    "innovation.rd_intensity": _years("2.72", "2.80", "2.90"),
    "innovation.rd_expense": _years("1.96", "2.27", "2.64"),
    "innovation.rd_growth": _years("13.30", "15.82", "16.30"),
    "innovation.sme_employees": _years(20870, 21940, 23150),
    "innovation.rd_staff": _years(2045, 2210, 2398),
    "innovation.standards": {
        "2022": _std((0, 0), (0, 1), (1, 2), (1, 2)),
        "2023": _std((0, 0), (0, 2), (1, 2), (2, 3)),
        "2024": _std((0, 1), (1, 2), (2, 3), (3, 4)),
    },
    "innovation.platforms.national": {"count": 0, "names": "无"},
    "innovation.platforms.provincial": {
        "count": 2,
        "names": "广西日用陶瓷工程技术研究中心；广西陶瓷新材料企业技术中心",
    },
    "innovation.platforms.other": {
        "count": 2,
        "names": "玉林市陶瓷产业创新中心；北流市陶瓷产品质量检验中心",
    },
    "innovation.pct_applications": 3,
    "innovation.patent_cagr": "15.86",
    "innovation.patents_per_10k": "114.47",
    "innovation.patents": 265,
    "digital.cloud_smes": _years(128, 151, 176),
    "digital.cloud_share": _years("54.24", "60.16", "65.67"),
    "digital.iip_smes": _years(71, 86, 104),
    "digital.iip_penetration": _years("30.08", "34.26", "38.81"),
    "digital.rd_tools_penetration": _years("41.5", "46.8", "52.3"),
    "digital.software_spend": _years("986.50", "1120.30", "1236.5"),
    "digital.software_rising": "yes",
    "digital.service_narrative": (
        "集群引入3家数字化服务商，开发陶瓷订单管理、窑炉温控和质量追溯等共性解决方案，为95家中小企业开展数字化诊断；\n"
        "推广两化融合管理体系贯标，8家企业通过评定。"
    ),
    "digital.service_work": ["solution_providers", "common_solutions", "integration_system"],
    "digital.new_models.narrative": (
        "集群2家企业建成自治区级数字化车间，实现滚压成型、施釉和烧成环节数据采集；依托“北流陶瓷云”平台接入中小企业104家，实现订单共享和产能协同。"
    ),
    "digital.new_models.work": ["provincial_pilot", "promotion"],
    "digital.new_models.national": {"count": 0, "names": "无"},
    "digital.new_models.provincial": {
        "count": 2,
        "names": "广西数字化车间（日用陶瓷智能成型车间）；广西工业互联网平台应用示范项目（北流陶瓷云）",
    },
    "digital.new_models.other": {
        "count": 1,
        "names": "玉林市5G+工业互联网应用场景（窑炉能耗在线监测）",
    },
    "green.carbon_monitoring": "yes",
    "green.co2_intensity": _years("1.12", "1.05", "0.96"),
    "green.energy_intensity": _years("0.46", "0.43", "0.39"),
    "green.energy_reduction": "15.22",
    "green.solid_waste_rate": "86.4",
    "green.solid_waste_above_avg": "yes",
    "green.water_reuse_rate": "92.5",
    "green.water_reuse_above_avg": "yes",
    "green.lowcarbon_narrative": (
        "集群推进窑炉“煤改气”和余热回收利用，组织22家重点企业开展节能诊断；\n"
        "建立碳排放监测平台，开展陶瓷产品碳足迹核算试点；建设废瓷、废泥回收再利用生产线，8家企业完成清洁生产审核。"
    ),
    "green.lowcarbon_work": [
        "energy_saving",
        "carbon_accounting",
        "water_recycling",
        "cleaner_production",
    ],
    "green.system.national": {"count": 1, "names": "国家级绿色工厂1家（日用陶瓷生产企业）"},
    "green.system.provincial": {"count": 3, "names": "自治区级绿色工厂3家"},
    "green.system.other": {"count": 0, "names": "无"},
    "open.narrative": (
        "集群产品出口东盟、中东、欧美等50余个国家和地区，2024年主导产品出口贸易额53180万元。\n"
        "组织企业参加中国—东盟博览会、广交会和中国国际中小企业博览会，与越南、泰国陶瓷产业园区建立合作关系，2家企业在境外设立分支机构。"
    ),
    "open.activities": ["overseas_parks", "expos"],
    "open.overseas_branches": 2,
    "governance.alliances": {"count": 2, "names": "北流市陶瓷行业协会；广西日用陶瓷产业联盟"},
    "governance.narrative": (
        "北流市成立陶瓷产业集群发展工作专班，运营公司牵头设立集群发展促进中心；\n"
        "建立惠企政策“免申即享”和政企恳谈机制，设立中小企业维权服务站；推行安全生产双重预防机制，近三年未发生较大及以上安全事故。"
    ),
    "governance.work": ["promotion_body", "policy", "rights", "safety"],
    "governance.platforms.national": {"count": 0, "names": "无"},
    "governance.platforms.provincial": {
        "count": 1,
        "names": "广西中小企业公共服务示范平台（北流陶瓷产业服务中心）",
    },
    "governance.platforms.other": {"count": 1, "names": "玉林市中小企业公共服务平台北流工作站"},
    "governance.services": ["information", "startup", "training", "marketing", "finance"],
    "plan.text": PLAN_TEXT,
    "plan.tasks": PLAN["tasks"],
    "plan.measures": PLAN["measures"],
    "plan.targets": {
        "rows": {
            "plan.targets.output_growth": {"baseline": "13.53", "target": "11"},
            "plan.targets.quality_smes": {"baseline": "98", "target": "150"},
            "plan.targets.rd_expense": {"baseline": "2.64", "target": "3.60"},
            "plan.targets.patents": {"baseline": "265", "target": "410"},
            "plan.targets.iip_penetration": {"baseline": "38.81", "target": "50"},
            "plan.targets.co2": {"baseline": "0.96", "target": "0.80"},
            "plan.targets.energy": {"baseline": "0.39", "target": "0.33"},
            "plan.targets.open_text": {
                "baseline": "产品出口50余个国家和地区，2家企业设立境外分支机构",
                "target": "产品出口60个以上国家和地区，境外分支机构达到4个",
            },
            "plan.targets.governance_text": {
                "baseline": "建有集群发展促进中心和自治区级中小企业公共服务示范平台1个",
                "target": "年服务中小企业不少于300家次，争创国家中小企业公共服务示范平台",
            },
        },
        "extra": [
            {
                "direction": "plan.targets.green",
                "indicator": "单位产值水耗（吨/万元）",
                "baseline": "2.8",
                "target": "2.3",
            },
            {
                "direction": "plan.targets.other",
                "indicator": "陶瓷产品出口贸易额（万元）",
                "baseline": "53180",
                "target": "80000",
            },
        ],
    },
    "plan.stages": {
        "2025": "集群总产值达到132亿元；新增自治区级专精特新中小企业6家；有效发明专利达到305件。",
        "2026": "集群总产值达到146亿元；优质中小企业数量达到125家；有效发明专利达到355件；工业互联网普及率达到45%。",
        "2027": "集群总产值达到160亿元，优质中小企业数量达到150家；研发经费投入达到3.60亿元，有效发明专利达到410件。",
    },
    "declaration.recommendation": (
        "经审核，北流市日用陶瓷产业集群主导产业特色鲜明，出口优势突出，中小企业集聚度高，申报材料真实有效，"
        "符合中小企业特色产业集群认定条件，同意推荐。"
    ),
}
