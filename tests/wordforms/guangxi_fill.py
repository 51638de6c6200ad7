"""The Guangxi form as 北流市 filled it in WPS (fictional data).

The document types the values of :mod:`tests.wordforms.guangxi_values` except where :data:`SHOWN`
says otherwise; :data:`TICKS` says how each box was ticked, :data:`PLANTED` lists the ambiguous
spots.

This person ticks with WPS's symbol dialog (Wingdings 2 ☑, ``w:sym F052``) and now and then types
✓ before a box.
"""

from __future__ import annotations

from typing import Any

from tests.wordforms.guangxi_values import PLAN, VALUES
from tests.wordforms.layout import Fill
from tests.wordforms.package import Props

TARGETS_REMARK = (
    "注：行业平均水平参考中国陶瓷工业协会2024年统计数据，工业互联网普及率行业平均约40%。"
)

SHOWN: dict[str, str] = {
    "digital.service_narrative": (
        "集群引入3家数字化服务商，开发陶瓷订单管理、窑炉温控和质量追溯等共性解决方案，为95家中小企业开展数字化诊断；↵"
        "推广两化融合管理体系贯标，8家企业通过评定。"
    ),
    "cover.region#0": "玉林",
    "cover.region#1": "北流",
    "basic.cluster_name": "广西|玉林市|北流市|日用陶瓷产业",
    "basic.authority_contact.phone": "~0775-6236518~",
    "basic.operator": "北流市陶瓷产业园|`投资运营`|有限公司",
    "industry.total_output/2024": "118.45亿元",
    "industry.county_share/2024": "42.3%",
    "industry.leading_growth/2023": "14.19%",
    "industry.fdi/2024": "约8150",
    "industry.exports/2024": "53,180",
    "industry.smes/2024": "２６８",
    "industry.chain_narrative": (
        "集群绘制“瓷土原料—坯釉料—成型烧成—彩饰包装—外贸物流”产业链图谱，梳理出高白度瓷泥、低温快烧等6项技术难点。\n"
        "联合广西大学组建日用陶瓷创新联合体，引进色釉料、包装等补链企业{-5-}{+7+}家，与2家链主企业建立稳定配套关系，本地配套率提升至70%。"
    ),
    "innovation.sme_employees/2024": "23,150",
    "digital.software_spend/2024": "1,236.5",
    "digital.cloud_share/2024": "65.67%",
    "green.energy_reduction": "15.22%",
    "governance.narrative": (
        "北流市成立陶瓷产业集群发展工作专班，运营公司牵头设立集群发展促进中心；\n"
        "建立惠企政策“免申即享”和政企恳谈机制，设立中小企业维权服务站；{+推行安全生产双重预防机制，+}近三年未发生较大及以上安全事故。"
    ),
    "plan.targets/rows/plan.targets.iip_penetration/target": "50%",
    "basic.industry_type#line1": "✓",
    "declaration/date": "2025年5月16日",
    **{f"plan.text/{k}": v for k, v in PLAN.items()},
}

W = "wing"

TICKS: dict[str, dict[str, str]] = {
    "basic.restricted": {"否": W},
    "basic.major_accident": {"否": W},
    "basic.tax_violation": {"否": W},
    "basic.energy_efficiency": {"是": W},
    "basic.water_efficiency": {"非高用水行业，不适用": W},
    "basic.provincial_cluster": {"是": W, "否": W},
    "industry.chain_work": {
        "绘制产业链图谱，开展产业链培育": W,
        "形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制": W,
        "联合集群上下游企业，组建创新联合体，开展产业链联合攻关": W,
        "引入高等院校、科研院所，开展产业链关键环节产学研协同创新": W,
        "与产业链“链主”企业建立稳定合作配套关系": W,
    },
    "industry.collab_work": {
        "开展通用生产设备共享": W,
        "开展人力资源共享": W,
        "开展同类设备和产品的集中采销": W,
        "建立共享车间、共享工厂": "✓□",
    },
    "industry.quality_work": {
        "开展了先进质量管理模式推广": W,
        "开展了质量诊断服务": W,
        "建立了品牌运营、品牌管理标准宣贯等机制": W,
        "获得了集体商标、地理标志产品批准认证或证明商标通过注册": W,
    },
    "digital.software_rising": {"是": W},
    "digital.service_work": {
        "引入了数字化系统解决方案服务商": W,
        "开展了数字化共性解决方案开发和诊断等服务": W,
        "开展了两化融合管理体系推广工作": W,
    },
    "digital.new_models.work": {
        "建有省级智能制造、工业互联网以及其它国家新模式新业态试点示范项目": W,
        "开展了智能制造、工业互联网等新模式新业态创新应用推广": W,
    },
    "green.carbon_monitoring": {"是": W},
    "green.solid_waste_above_avg": {"是": W},
    "green.water_reuse_above_avg": {"是": "✓□"},
    "green.lowcarbon_work": {
        "开展了节能诊断，建立节能管控系统、余热余压回收设施等": W,
        "开展了碳排放和碳足迹监测与核算等": W,
        "建立了水资源梯级循环利用、工业废弃物分类分级利用设施等": W,
        "开展了清洁生产评价等工作": W,
    },
    "open.activities": {
        "与境外产业园区形成较为稳定的合作关系": W,
        "参加中国国际中小企业博览会等展会类活动": W,
    },
    "governance.work": {
        "建立了专业化发展促进机构、开展共商共建共享": W,
        "建立中小企业政策宣贯与对接机制": W,
        "建立了中小企业合法权益保护机制": W,
        "建立安全生产源头管控和隐患排查机制": W,
    },
    "governance.services": {
        "信息服务": W,
        "创业辅导": W,
        "人员培训": W,
        "市场营销": W,
        "投融资服务": W,
    },
}

PLANTED: list[dict[str, Any]] = [
    {
        "field": "industry.fdi",
        "year": "2024",
        "kind": "approximate_number",
        "text": "约8150",
        "expected": "8150",
    },
    {
        "field": "basic.provincial_cluster",
        "kind": "two_ticks",
        "text": "☑是 / ☑否",
        "options": ["yes", "no"],
        "expected": "yes",
    },
    {
        "field": "basic.industry_type",
        "kind": "ambiguous_tick",
        "text": "□第一产业 / ✓ / □第二产业",
        "options": ["primary", "secondary"],
        "expected": "secondary",
    },
    {"field": None, "kind": "unmapped_text", "text": TARGETS_REMARK, "near": "plan.targets"},
]

PROPS = Props(
    title="中小企业特色产业集群申报表",
    creator="Administrator",
    last_modified_by="北流市工信局",
    created="2025-03-10T00:30:00Z",
    modified="2025-05-16T10:02:00Z",
    revision=6,
    application="WPS Office_12.1.0.20305_F1E327BC-269C-435d-A152-05C5408002CA",
    app_version="12.0000",
    wps_build="2052-12.1.0.20305",
)


def fill() -> Fill:
    """The filled Guangxi form."""
    return Fill(
        values=VALUES,
        shown=SHOWN,
        ticks=TICKS,
        in_label=frozenset({"basic.cluster_name"}),
        after={"plan.targets": TARGETS_REMARK},
        dots=frozenset({"plan.targets.other"}),
        author="北流市工信局",
    )
