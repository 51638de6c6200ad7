"""How 遂宁市船山区 filled the national form in Word (fictional data).

The document types the values of :mod:`tests.wordforms.national_values`, except where
:data:`SHOWN` says what was really typed (units, separators, full-width digits, split runs,
tracked changes, in the markup of :mod:`tests.wordforms.markup`); :data:`TICKS` says how each box
was ticked, :data:`PLANTED` lists the ambiguous spots.
"""

from __future__ import annotations

from typing import Any

from tests.wordforms.layout import Fill
from tests.wordforms.national_values import (
    PLAN,
    SUMMARY,
    VALUES,
)
from tests.wordforms.package import Props

SHOWN: dict[str, str] = {
    "cover.region#0": "四川",
    "cover.region#1": "遂宁",
    "cover.region#2": "船山",
    "cover.date": "~2023|~年|~7|~月|~12|~日",
    "basic.authority": "遂宁市|船山区|经济和信息化局",
    "basic.operator": "遂宁船山电子电路产业园运营管理有限公司^",
    "basic.operator_contact.phone": "~0825-{-2658143-}{+2658134+}~",
    "industry.total_output/2022": "152.3亿元",
    "industry.leading_growth/2021": "15.30%",
    "industry.smes/2022": "３０９",
    "industry.innovative_smes": "150左右",
    "industry.quality_narrative": (
        "集群推广~`IATF16949`~和六西格玛等质量管理模式，组织第三方机构为38家中小企业开展质量诊断服务；↵"
        "建立“船山电路”区域品牌培育机制，统一质量追溯标准，近三年新增四川名牌产品3个，产品一次交验合格率提升至98.6%。"
    ),
    "innovation.sme_employees": "21,436",
    "innovation.rd_staff_share": "11.8%",
    "digital.cloud_share": "72.5%",
    "digital.software_spend/2022": "1,946.3",
    "digital.service_narrative": (
        "集群引入3家数字化系统解决方案服务商，面向电路板企业开发~MES~、设备联网和质量追溯等共性解决方案，累计为{-80-}{+86+}家中小企业开展数字化诊断；\n"
        "推广两化融合管理体系贯标，12家企业通过评定；组织9家企业开展智能制造能力成熟度评估。"
    ),
    "plan.targets/rows/plan.targets.output_growth/target": "12%",
    "plan.targets/rows/plan.targets.iip_penetration/target": "45%",
    "declaration/date": "2023年 7月 12日",
    **{f"plan.text/{k}": v for k, v in PLAN.items()},
}

TICKS: dict[str, dict[str, str]] = {
    "basic.industry_type": {"第二产业": "☑"},
    "basic.not_restricted": {"是": "☑"},
    "basic.major_accident": {"否": "☑"},
    "basic.tax_violation": {"否": "✔"},
    "basic.energy_efficiency": {"非高耗能行业，不适用": "☑"},
    "basic.water_efficiency": {"是": "■"},
    "basic.provincial_cluster": {"是": "☑"},
    "industry.chain_work": {
        "绘制产业链图谱，开展产业链培育": "☑",
        "形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制": "☑",
        "联合集群上下游企业，组建创新联合体，开展产业链联合攻关": "☑",
        "引入高等院校、科研院所，开展产业链关键环节产学研协同创新": "wing",
        "与产业链“链主”企业建立稳定合作配套关系": "wing",
    },
    "industry.collab_work": {
        "开展通用生产设备共享": "☑",
        "开展同类设备和产品的集中采销": "☑",
        "建立了共享车间、共享工厂": "☑",
    },
    "industry.quality_work": {
        "开展了先进质量管理模式推广": "☑",
        "开展了质量诊断服务": "☑",
        "建立了品牌运营、品牌管理标准宣贯等机制": "☑",
    },
    "digital.software_rising": {"是+": "✓"},
    "digital.service_work": {
        "引入了数字化系统解决方案服务商": "☑",
        "开展了数字化共性解决方案开发和诊断等服务": "☑",
        "开展了两化融合管理体系推广工作": "☑",
        "开展了智能制造能力成熟度评估或数据管理能力成熟度评估等推广工作": "☑",
    },
    "digital.new_models.work": {
        "建有省级智能制造、工业互联网以及其它国家新模式新业态试点示范项目": "☑",
        "开展了智能制造、工业互联网等新模式新业态创新应用推广": "☑",
    },
    "green.carbon_monitoring": {"是": "☑"},
    "green.solid_waste_above_avg": {"是": "☑", "否": "☑"},
    "green.water_reuse_above_avg": {"是": "wing"},
    "green.lowcarbon_work": {
        "开展了节能诊断、建立节能管控系统、余热余压回收设施等": "☑",
        "开展了碳排放和碳足迹监测与核算等": "☑",
        "建立了水资源梯级循环利用、工业废弃物分类分级利用设施等": "☑",
        "开展了清洁生产评价等工作": "☑",
    },
    "open.activities": {
        "与境外产业园区形成较为稳定的合作关系": "☑",
        "参加中国国际中小企业博览会等展会类活动": "☑",
        "承办主导产业国际研讨会或技术交流会": "☑",
    },
    "governance.work": {
        "建立了专业化发展促进机构、开展共商共建共享": "☑",
        "建立中小企业政策宣贯与对接机制": "☑",
        "建立了中小企业合法权益保护机制": "☑",
        "建立安全生产源头管控和隐患排查机制": "☑",
        "运用了数字化手段提升治理能力": "☑",
    },
    "governance.platforms": {
        "建设或引入省级中小企业公共服务示范平台": "☑",
        "建立了中小企业公共服务平台": "☑",
    },
    "governance.services": {
        "信息服务": "☑",
        "创新支持": "☑",
        "人员培训": "☑",
        "市场营销": "☑",
        "投融资服务": "☑",
    },
}

REMARK_INDUSTRY = "注：2022年数据为统计快报数，正式数据以船山区统计局年报为准。"

AFTER = {"industry": REMARK_INDUSTRY}

PLANTED: list[dict[str, Any]] = [
    {
        "field": "industry.innovative_smes",
        "kind": "approximate_number",
        "text": "150左右",
        "expected": 150,
    },
    {
        "field": "green.solid_waste_above_avg",
        "kind": "two_ticks",
        "text": "☑是  ☑否  □非工业集群，不适用",
        "options": ["yes", "no"],
        "expected": "yes",
    },
    {
        "field": "digital.software_rising",
        "kind": "ambiguous_tick",
        "text": " □是 ✓ □否",
        "options": ["yes", "no"],
        "expected": "yes",
    },
    {"field": None, "kind": "unmapped_text", "text": REMARK_INDUSTRY, "near": "industry"},
]

PROPS = Props(
    title="中小企业特色产业集群申报表",
    creator="Administrator",
    last_modified_by="船山区经信局",
    created="2023-06-20T01:30:00Z",
    modified="2023-07-12T09:48:00Z",
    revision=17,
)


def fill() -> Fill:
    """The filled national form (附件2 rows included)."""
    return Fill(
        values={**VALUES, "summary.clusters": SUMMARY},
        shown=SHOWN,
        ticks=TICKS,
        in_label=frozenset({"basic.cluster_name"}),
        after=AFTER,
        dots=frozenset({"plan.targets.other"}),
        author="船山区经信局-罗晓燕",
    )
