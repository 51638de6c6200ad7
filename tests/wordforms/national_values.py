"""What a careful reader transcribes from the filled national form: the application values (fictional).

Numbers are decimal strings without units (counts may be ints; :func:`tests.wordforms.expected`
turns them into strings), choices option ids, narratives with ``"\\n"`` between paragraphs and
line breaks.
"""

from __future__ import annotations

from typing import Any

CLUSTER = "四川省遂宁市船山区电子电路产业"
AUTHORITY = "遂宁市船山区经济和信息化局"
OPERATOR = "遂宁船山电子电路产业园运营管理有限公司"

PLAN = {
    "intro": (
        "船山区电子电路产业集群依托遂宁经济技术开发区电子信息产业园建设，占地11.6平方公里，是西部地区重要的印制电路板生产基地。"
        "集群以多层板、HDI板和柔性电路板为主导产品，形成了覆铜板、铜箔、专用化学品到电路板制造、电子组装和检测服务的完整产业链。"
        "2022年集群总产值152.3亿元，集群企业327家，其中中小企业309家。\n"
        "近三年，船山区先后出台支持电子电路产业高质量发展的若干措施、中小企业梯度培育实施方案等文件，设立产业发展专项资金，重点支持技术改造、研发创新和数字化转型。"
    ),
    "results": (
        "（一）主导产业优势持续提升。2020—2022年集群总产值由118.52亿元增长至152.3亿元，主导产业产值年均增速达到14.48%，本地配套率由46%提升至63%。\n"
        "（二）创新活力不断激发。集群中小企业研发投入强度由3.12%提高到3.41%，有效发明专利386件，每万名从业人员有效发明专利拥有量达到180.07件。\n"
        "（三）数字化、绿色化同步推进。企业上云比例达到72.5%，单位产值二氧化碳排放量由0.52吨/万元下降到0.45吨/万元，建成国家级绿色工厂4家。"
    ),
    "problems": (
        "一是高频高速基材、特种油墨等关键材料仍依赖外地供应；二是中小企业研发人员占比仅11.8%，高端人才不足；"
        "三是电镀、蚀刻等环节环保压力较大，绿色化改造投入不足。"
    ),
    "idea": "坚持“高端化、智能化、绿色化”发展方向，以链主企业为牵引，以专精特新中小企业梯度培育为抓手，强链补链、创新驱动、数智赋能，建设西部领先的电子电路中小企业特色产业集群。",
    "goals": "到2025年，集群总产值达到210亿元，优质中小企业数量达到150家，工业互联网普及率达到45%，单位产值二氧化碳排放量降至0.37吨/万元。",
    "tasks": (
        "一是强化产业链协同，围绕高频高速基材和专用化学品实施补链项目；二是提升创新能力，支持创新联合体开展精细线路、埋嵌元件等关键技术攻关；"
        "三是推进数字化升级，扩大“船山电路云”平台接入范围；四是加快绿色转型，推广电镀废水分质处理和蚀刻液再生技术。"
    ),
    "measures": "一是加强组织领导，建立年度目标考核机制；二是加大政策支持，统筹产业发展专项资金；三是强化要素保障，优先保障集群项目用地、用能；四是加强人才引育，联合职业院校开展定向培养。",
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
    return {"2020": a, "2021": b, "2022": c}


def _std(*pairs: tuple[int, int]) -> dict[str, dict[str, int]]:
    cats = ("international", "national", "industry", "group")
    return {
        c: {"lead": lead, "participate": part} for c, (lead, part) in zip(cats, pairs, strict=True)
    }


VALUES: dict[str, Any] = {
    "cover.cluster_name": CLUSTER,
    "cover.region": "四川省遂宁市船山区",
    "cover.authority": AUTHORITY,
    "cover.operator": OPERATOR,
    "cover.date": "2023年7月12日",
    "cover.contact": "罗晓燕 0825-2613578",
    "basic.cluster_name": CLUSTER,
    "basic.authority": AUTHORITY,
    "basic.authority_contact.name": "罗晓燕",
    "basic.authority_contact.phone": "0825-2613578",
    "basic.operator": OPERATOR,
    "basic.operator_contact.name": "何建军",
    "basic.operator_contact.phone": "0825-2658134",
    "basic.area": "11.6",
    "basic.industry_type": "secondary",
    "basic.not_restricted": "yes",
    "basic.major_accident": "no",
    "basic.tax_violation": "no",
    "basic.energy_efficiency": "na",
    "basic.water_efficiency": "yes",
    "basic.provincial_cluster": "yes",
    "industry.total_output": _years("118.52", "135.40", "152.3"),
    "industry.sme_output_share": _years("76.20", "75.85", "74.6"),
    "industry.leading_share": _years("81.35", "82.10", "83.47"),
    "industry.leading_growth": _years("13.80", "15.30", "14.36"),
    "industry.leading_cagr": "14.48",
    "industry.enterprises": _years(286, 305, 327),
    "industry.smes": _years(271, 289, 309),
    "industry.specialized_smes": _years(22, 29, 36),
    "industry.little_giants": _years(3, 4, 6),
    "industry.champions": _years(0, 1, 1),
    "industry.high_tech": _years(41, 48, 57),
    "industry.innovative_smes": 150,
    "industry.fdi_cumulative_growth": "18.5",
    "industry.export_cumulative_growth": "36.42",
    "industry.chain_narrative": (
        "集群围绕“覆铜板—多层板—HDI板—柔性电路板—电子组装”绘制产业链图谱，梳理出高频高速基材、精细线路蚀刻等7项技术难点，实施“揭榜挂帅”项目5项。\n"
        "联合电子科技大学遂宁研究院组建电路板创新联合体，引进铜箔、油墨等配套企业9家，本地配套率由46%提升至63%；与2家链主企业签订长期配套协议。"
    ),
    "industry.chain_work": [
        "chain_map",
        "tech_list",
        "innovation_consortium",
        "academia",
        "chain_leader",
    ],
    "industry.collab_narrative": (
        "集群建成电路板共享检测中心，开放飞针测试、AOI检测等设备26台（套），年服务企业150余家次📈；\n"
        "组织覆铜板、铜球、干膜等原材料集中采购，2022年集采金额4.3亿元，降低采购成本约5%；建设共享电镀车间1个，集中治理电镀废水。"
    ),
    "industry.collab_work": ["equipment", "procurement", "shared_workshop"],
    "industry.quality_narrative": (
        "集群推广IATF16949和六西格玛等质量管理模式，组织第三方机构为38家中小企业开展质量诊断服务；\n"
        "建立“船山电路”区域品牌培育机制，统一质量追溯标准，近三年新增四川名牌产品3个，产品一次交验合格率提升至98.6%。"
    ),
    "industry.quality_work": ["quality_management", "quality_diagnosis", "brand_mechanism"],
    "innovation.rd_intensity": _years("3.12", "3.25", "3.41"),
    "innovation.rd_growth": _years("12.60", "17.45", "15.32"),
    "innovation.standards": {
        "2020": _std((0, 0), (0, 1), (1, 2), (2, 3)),
        "2021": _std((0, 0), (1, 1), (1, 3), (3, 4)),
        "2022": _std((0, 1), (1, 2), (2, 3), (4, 5)),
    },
    "innovation.platforms.national": {"count": 0, "names": "无"},
    "innovation.platforms.provincial": {
        "count": 2,
        "names": "四川省印制电路板工程技术研究中心；四川省高频电路材料企业技术中心",
    },
    "innovation.platforms.other": {
        "count": 3,
        "names": "遂宁市电子电路产业创新中心；船山区电路板中试基地；船山区电子信息检验检测公共服务平台",
    },
    "innovation.sme_employees": 21436,
    "innovation.rd_staff_share": "11.8",
    "innovation.pct_applications": 9,
    "innovation.patent_cagr": "16.42",
    "innovation.patents_per_10k": "180.07",
    "innovation.patents": 386,
    "digital.cloud_share": "72.5",
    "digital.iip_penetration": "38.6",
    "digital.software_rising": "yes",
    "digital.software_spend": _years("1265.40", "1582.75", "1946.3"),
    "digital.service_narrative": (
        "集群引入3家数字化系统解决方案服务商，面向电路板企业开发MES、设备联网和质量追溯等共性解决方案，累计为86家中小企业开展数字化诊断；\n"
        "推广两化融合管理体系贯标，12家企业通过评定；组织9家企业开展智能制造能力成熟度评估。"
    ),
    "digital.service_work": [
        "solution_providers",
        "common_solutions",
        "integration_system",
        "maturity_assessment",
    ],
    "digital.new_models.narrative": (
        "集群2家企业建成省级数字化车间，实现钻孔、电镀、曝光等关键工序数据采集和远程运维；"
        "依托工业互联网平台建设“船山电路云”，接入中小企业119家，实现订单、排产和物流协同。"
    ),
    "digital.new_models.work": ["provincial_pilot", "promotion"],
    "green.carbon_monitoring": "yes",
    "green.co2_intensity": _years("0.52", "0.48", "0.45"),
    "green.energy_reduction": "11.2",
    "green.solid_waste_rate": "93.6",
    "green.solid_waste_above_avg": "yes",
    "green.water_reuse_rate": "88.25",
    "green.water_reuse_above_avg": "yes",
    "green.lowcarbon_narrative": (
        "集群组织25家重点企业开展节能诊断，推广电镀线余热回收和空压机群控改造，建成集群能源管控平台；\n"
        "建立重点企业碳排放月度监测台账，开展碳足迹核算试点；建设电镀废水分质处理和蚀刻液再生利用设施，铜回收率达到95%以上。"
    ),
    "green.lowcarbon_work": [
        "energy_saving",
        "carbon_accounting",
        "water_recycling",
        "cleaner_production",
    ],
    "green.system": {
        "green_factory": 4,
        "green_park": 0,
        "green_supply_chain": 1,
        "green_product": 3,
    },
    "open.narrative": (
        "集群产品出口至东南亚、欧洲、北美等20余个国家和地区，近三年主导产品出口贸易额累计增长36.42%。\n"
        "连续三年组织企业参加中国国际中小企业博览会和慕尼黑上海电子展，承办电子电路国际技术交流会1次，3家企业在泰国、越南设立分支机构。"
    ),
    "open.activities": ["overseas_parks", "expos", "host_seminars"],
    "open.overseas_branches": 3,
    "governance.narrative": (
        "船山区成立电子电路产业发展工作专班，设立集群发展促进中心，由运营公司、行业协会和龙头企业共商共建；\n"
        "建立惠企政策月度宣讲和“一企一策”对接机制，设立中小企业维权服务站；推行安全生产隐患“清单制”排查，近三年未发生较大及以上安全事故。"
    ),
    "governance.work": ["promotion_body", "policy", "rights", "safety", "digital_governance"],
    "governance.platforms": ["provincial_platform", "sme_platform"],
    "governance.services": ["information", "innovation", "training", "marketing", "finance"],
    "plan.text": PLAN_TEXT,
    "plan.tasks": PLAN["tasks"],
    "plan.measures": PLAN["measures"],
    "plan.targets": {
        "rows": {
            "plan.targets.output_growth": {"baseline": "14.48", "target": "12"},
            "plan.targets.quality_smes": {"baseline": "100", "target": "150"},
            "plan.targets.rd_expense": {"baseline": "3.87", "target": "5.30"},
            "plan.targets.patents": {"baseline": "386", "target": "600"},
            "plan.targets.iip_penetration": {"baseline": "38.6", "target": "45"},
            "plan.targets.co2": {"baseline": "0.45", "target": "0.37"},
            "plan.targets.energy": {"baseline": "0.12", "target": "0.10"},
            "plan.targets.open_text": {
                "baseline": "产品出口20余个国家和地区，3家企业设立境外分支机构",
                "target": "产品出口30个以上国家和地区，境外分支机构达到6个",
            },
            "plan.targets.governance_text": {
                "baseline": "建有集群发展促进中心和省级中小企业公共服务示范平台1个",
                "target": "争创国家中小企业公共服务示范平台1个，年服务中小企业不少于300家次",
            },
        },
        "extra": [
            {
                "direction": "plan.targets.digital",
                "indicator": "企业上云比例（%）",
                "baseline": "72.5",
                "target": "85",
            },
            {
                "direction": "plan.targets.other",
                "indicator": "本地配套率（%）",
                "baseline": "63",
                "target": "75",
            },
        ],
    },
    "plan.stages": {
        "2023": "集群总产值达到170亿元；新增省级专精特新中小企业8家以上；研发经费投入达到4.30亿元，有效发明专利达到445件；工业互联网普及率达到40%。",
        "2024": "集群总产值达到190亿元；优质中小企业数量达到125家；研发经费投入达到4.80亿元，有效发明专利达到515件；工业互联网普及率达到42%；新增绿色工厂2家。",
        "2025": "集群总产值达到210亿元，优质中小企业数量达到150家；研发经费投入达到5.30亿元，有效发明专利达到600件；工业互联网普及率达到45%；单位产值二氧化碳排放量降至0.37吨/万元。",
    },
    "declaration.recommendation": (
        "经审核，船山区电子电路产业集群申报材料真实、完整，主导产业特色鲜明，中小企业集聚度高，创新能力和配套能力较强，"
        "符合中小企业特色产业集群认定条件，同意推荐。"
    ),
}

#: 附件2 推荐集群汇总表 as 遂宁市经信局 filled it: the template's three rows and one added.
SUMMARY: list[dict[str, Any]] = [
    {
        "seq": 1,
        "cluster_name": CLUSTER,
        "operator": OPERATOR,
        "location": "遂宁市船山区",
        "leading_industry": "电子电路",
        "founded": "2009年",
        "intro": (
            "集群以多层板、HDI板和柔性电路板为主导产品，形成覆铜板、铜箔、专用化学品到电路板制造、电子组装的完整产业链，是西部地区重要的印制电路板生产基地。"
            "2022年，集群总产值152.3亿元，中小企业309家，专精特新中小企业36家、专精特新“小巨人”企业6家、制造业单项冠军企业1家。"
            "近三年集群中小企业主持制修订国家和行业标准6项，中小企业有效发明专利386件，万人发明专利拥有量180.07件。"
        ),
    },
    {
        "seq": 2,
        "cluster_name": "四川省遂宁市射洪市锂电材料产业",
        "operator": "射洪锂电产业园投资运营有限公司",
        "location": "遂宁市射洪市",
        "leading_industry": "锂电材料",
        "founded": "2012年",
        "intro": "集群以碳酸锂、正极材料和电解液为主导产品，2022年集群总产值186.5亿元，中小企业142家，专精特新“小巨人”企业4家。",
    },
    {
        "seq": 3,
        "cluster_name": "四川省遂宁市大英县纺织服装产业",
        "operator": "大英县纺织产业园区管理委员会",
        "location": "遂宁市大英县",
        "leading_industry": "纺织服装",
        "founded": "2006年",
        "intro": "集群以棉纺、针织和家纺为主导产品，2022年集群总产值68.2亿元，中小企业215家，专精特新中小企业14家。",
    },
    {
        "seq": 4,
        "cluster_name": "四川省遂宁市安居区绿色食品产业",
        "operator": "遂宁安居食品产业园运营有限公司",
        "location": "遂宁市安居区",
        "leading_industry": "绿色食品",
        "founded": "2014年",
        "intro": "集群以川味预制菜和休闲食品为主导产品，2022年集群总产值52.8亿元，中小企业176家，专精特新中小企业11家。",
    },
]
