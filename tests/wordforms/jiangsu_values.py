"""What a careful reader transcribes from the filled jiangsu form: the application values (fictional).

Numbers are decimal strings without units (counts may be ints; :func:`tests.wordforms.expected`
turns them into strings), choices option ids, narratives with ``"\\n"`` between paragraphs and
line breaks.
"""

from __future__ import annotations

from typing import Any

CLUSTER = "淮安市涟水县食品装备产业"
AUTHORITY = "涟水县工业和信息化局"
OPERATOR = "江苏涟水食品装备产业园发展有限公司"

PLAN = {
    "intro": (
        "涟水县食品装备产业集群以涟水经济开发区食品装备产业园为核心载体，占地8.35平方公里，主导产品包括食品包装机械、"
        "烘焙及速冻食品成套设备和食品检测装备，产品配套全国30余个省市的食品企业。2023年集群总产值80.6亿元，集群企业356家，其中中小企业345家。"
    ),
    "results": (
        "近三年集群总产值由63.28亿元增长至80.6亿元，主导产业产值年均增速13.30%；专精特新中小企业由24家增加到39家，"
        "有效发明专利达到298件；建成省级智能制造示范车间2个，单位产值二氧化碳排放量三年累计降低14.52%。"
    ),
    "problems": "一是龙头企业带动能力不强，产品以中低端单机为主；二是高端控制系统和核心零部件依赖外购；三是数字化转型投入不均衡，小微企业上云比例偏低。",
    "idea": "坚持“成套化、智能化、绿色化”方向，以整线成套装备为突破口，培育专精特新企业梯队，打造长三角知名的食品装备特色产业集群。",
    "goals": "到2026年，集群总产值达到112亿元，优质中小企业数量达到160家，有效发明专利达到460件，工业互联网普及率达到45%。",
    "tasks": "一是实施整线成套装备攻关工程；二是建设食品装备共享制造中心和检测认证平台；三是推进“智改数转网联”，扩大涟水食品装备云应用；四是推广节能电机和余热回收技术。",
    "measures": "一是建立县领导挂钩联系集群制度；二是设立食品装备产业发展专项资金；三是深化与江南大学等高校合作，引育高层次技术人才。",
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
    return {"2021": a, "2022": b, "2023": c}


def _std(*pairs: tuple[int, int]) -> dict[str, dict[str, int]]:
    cats = ("international", "national", "industry", "group")
    return {
        c: {"lead": lead, "participate": part} for c, (lead, part) in zip(cats, pairs, strict=True)
    }


VALUES: dict[str, Any] = {
    "cover.cluster_name": CLUSTER,
    "cover.region": "淮安市涟水县",
    "cover.authority": AUTHORITY,
    "cover.operator": OPERATOR,
    "cover.date": "2024年7月10日",
    "cover.contact": "朱海峰 0517-82345671",
    "basic.cluster_name": CLUSTER,
    "basic.authority": AUTHORITY,
    "basic.authority_contact.name": "朱海峰",
    "basic.authority_contact.phone": "0517-82345671",
    "basic.operator": OPERATOR,
    "basic.operator_contact.name": "孙立群",
    "basic.operator_contact.phone": "0517-80612359",
    "basic.area": "8.35",
    "basic.energy_efficiency": "na",
    "basic.water_efficiency": "na",
    "basic.key_chain": "yes",
    "industry.total_output": _years("63.28", "71.05", "80.6"),
    "industry.sme_output_share": _years("81.40", "80.95", "80.2"),
    "industry.leading_share": _years("86.20", "86.95", "87.40"),
    "industry.leading_growth": _years("12.60", "13.26", "14.03"),
    "industry.leading_cagr": "13.30",
    "industry.enterprises": _years(318, 337, 356),
    "industry.smes": _years(309, 327, 345),
    "industry.specialized_smes": _years(24, 31, 39),
    "industry.little_giants": _years(2, 3, 4),
    "industry.champions": _years(0, 0, 1),
    "industry.high_tech": _years(45, 52, 61),
    "industry.innovative_smes": _years(58, 74, 93),
    "industry.fdi_cumulative_growth": _years("6.85", "13.40", "21.72"),
    "industry.export_cumulative_growth": _years("9.60", "20.35", "33.18"),
    "industry.chain_work": [
        "chain_map",
        "tech_list",
        "academia",
        "supply_coordination",
        "chain_leader",
        "supply_risk",
    ],
    "industry.collab_work": ["equipment", "services", "procurement"],
    "industry.honours.national": "无",
    "industry.honours.provincial": "江苏省星级特色产业基地（2021年）\n江苏省中小企业特色产业集群（2023年）",
    "industry.honours.municipal": "淮安市智能制造示范园区（2022年）",
    "industry.quality_work": ["quality_management", "quality_diagnosis", "collective_trademark"],
    "innovation.rd_intensity": _years("3.05", "3.18", "3.30"),
    "innovation.rd_growth": _years("14.20", "17.85", "16.30"),
    "innovation.standards": {
        "2021": _std((0, 0), (0, 1), (1, 1), (1, 2)),
        "2022": _std((0, 0), (1, 1), (1, 2), (2, 3)),
        "2023": _std((0, 1), (1, 2), (2, 2), (3, 4)),
    },
    "innovation.platforms.national": {"count": 0, "names": "无"},
    "innovation.platforms.provincial": {
        "count": 3,
        "names": "江苏省食品装备工程技术研究中心；江苏省智能包装机械工程研究中心；江苏省食品机械企业技术中心",
    },
    "innovation.platforms.other": {
        "count": 2,
        "names": "淮安市食品装备产业创新中心；涟水县食品机械检验检测中心",
    },
    "innovation.sme_employees": 17860,
    "innovation.rd_staff_share": "12.40",
    "innovation.pct_applications": 5,
    "innovation.patent_cagr": "17.36",
    "innovation.patents_per_10k": "166.85",
    "innovation.patents": 298,
    "digital.cloud_share": "68.40",
    "digital.identifier_share": "25",
    "digital.iip_penetration": "37.2",
    "digital.software_spend": _years("1856.30", "2210.45", "2635.8"),
    "digital.service_work": ["solution_providers", "common_solutions", "maturity_assessment"],
    "digital.pilot_projects": {
        "count": 2,
        "names": "江苏省智能制造示范车间（食品包装机械智能装配车间）；江苏省工业互联网标杆工厂（涟水食品装备云）",
    },
    "digital.new_models.work": ["provincial_pilot", "promotion"],
    "green.carbon_monitoring": "yes",
    "green.co2_intensity": _years("0.62", "0.57", "0.53"),
    "green.co2_cumulative_reduction": "14.52",
    "green.energy_reduction": "12.3",
    "green.solid_waste_rate": "91.5",
    "green.solid_waste_above_avg": "yes",
    "green.water_reuse_rate": "91.2",
    "green.water_reuse_above_avg": "yes",
    "green.lowcarbon_work": [
        "energy_saving",
        "carbon_accounting",
        "cleaner_production",
        "green_solutions",
    ],
    "green.system": {
        "green_factory": 3,
        "green_park": 0,
        "green_supply_chain": 1,
        "green_product": 2,
    },
    "open.activities": ["introduce_tech", "expos"],
    "open.overseas_branches": 2,
    "governance.work": ["promotion_body", "policy", "rights", "evaluation", "safety"],
    "governance.platforms": ["provincial_platform", "sme_platform"],
    "governance.services": [
        "information",
        "innovation",
        "training",
        "marketing",
        "finance",
        "consulting",
    ],
    "plan.text": PLAN_TEXT,
    "plan.tasks": PLAN["tasks"],
    "plan.measures": PLAN["measures"],
    "plan.targets": {
        "rows": {
            "plan.targets.output_growth": {"baseline": "13.30", "target": "12"},
            "plan.targets.quality_smes": {"baseline": "105", "target": "160"},
            "plan.targets.rd_expense": {"baseline": "2.13", "target": "2.90"},
            "plan.targets.patents": {"baseline": "298", "target": "460"},
            "plan.targets.iip_penetration": {"baseline": "37.2", "target": "45"},
            "plan.targets.co2": {"baseline": "0.53", "target": "0.43"},
            "plan.targets.energy": {"baseline": "0.21", "target": "0.18"},
            "plan.targets.open_text": {
                "baseline": "产品出口东南亚、中东等15个国家和地区，2家企业设立境外分支机构",
                "target": "产品出口25个以上国家和地区，境外分支机构达到5个",
            },
            "plan.targets.governance_text": {
                "baseline": "建有集群发展促进中心和省级中小企业公共服务示范平台1个",
                "target": "建成食品装备共享制造中心，年服务中小企业不少于200家次",
            },
        },
        "extra": [
            {
                "direction": "plan.targets.leading",
                "indicator": "集群总产值（亿元）",
                "baseline": "80.6",
                "target": "112",
            },
            {
                "direction": "plan.targets.innovation",
                "indicator": "省级以上研发机构数量（个）",
                "baseline": "3",
                "target": "6",
            },
        ],
    },
    "plan.stages": {
        "2024": "集群总产值达到90亿元；新增专精特新中小企业8家；有效发明专利达到345件；工业互联网普及率达到40%。",
        "2025": "集群总产值达到100亿元；优质中小企业数量达到130家；有效发明专利达到400件；工业互联网普及率达到42%。",
        "2026": "集群总产值达到112亿元，优质中小企业数量达到160家；研发经费投入达到2.90亿元，有效发明专利达到460件；工业互联网普及率达到45%。",
    },
    "declaration.recommendation": (
        "经审核，涟水县食品装备产业集群主导产业特色鲜明，成套装备配套能力较强，专精特新企业加快集聚，申报材料真实有效，"
        "符合江苏省中小企业特色产业集群认定条件，同意推荐。"
    ),
}
