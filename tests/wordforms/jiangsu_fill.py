"""The Jiangsu form as 涟水县 filled it in Word (fictional data).

The document types the values of :mod:`tests.wordforms.jiangsu_values` except where :data:`SHOWN`
says otherwise; :data:`TICKS` says how each box was ticked, :data:`PLANTED` lists the ambiguous
spots.

This person ticks by typing ■ over the box (☒ and √ before the box here and there).
"""

from __future__ import annotations

from typing import Any

from tests.wordforms.jiangsu_values import PLAN, VALUES
from tests.wordforms.layout import Fill
from tests.wordforms.package import Props

COVER_REMARK = "（初稿，待县局领导审定后盖章）"

SHOWN: dict[str, str] = {
    "cover.cluster_name#0": "淮安",
    "cover.cluster_name#1": "涟水",
    "cover.cluster_name#2": "食品装备",
    "cover.region#0": "淮安",
    "cover.region#1": "涟水",
    "cover.contact": "朱海峰  ~0517-82345671~",
    "basic.cluster_name": "淮安市|涟水县|食品装备产业",
    "basic.authority": "涟水县工业和|`信息化局`",
    "basic.operator_contact.phone": "0517-80612359^",
    "basic.area": "8.35平方公里",
    "industry.total_output/2023": "80.6亿元",
    "industry.sme_output_share/2023": "80.2%",
    "industry.enterprises/2023": "{-352-}{+356+}",
    "industry.fdi_cumulative_growth/2023": "21.72%",
    "industry.honours.provincial": "江苏省星级特色产业基地（2021年）↵江苏省中小企业特色产业集群（2023年）",
    "innovation.patents": "２９８",
    "innovation.sme_employees": "17860人",
    "digital.identifier_share": "约25",
    "digital.software_spend/2023": "2,635.8",
    "green.co2_cumulative_reduction": "14.52%",
    "plan.targets/rows/plan.targets.rd_expense/baseline": "2.13亿元",
    "plan.targets/rows/plan.targets.rd_expense/target": "2.90亿元",
    "declaration/date": "2024年7月10日",
    "commitment": "我市本次申报的|涟水县食品装备产业|集群主导产业不属于国家规定的禁止、限制和淘汰类产业；集群及集群内企业近三年未发生较大及以上安全、质量和环境污染等事故，重大及以上网络安全事件和数据安全事件，不存在偷税漏税、严重失信等其他重大违法违规行为。",
    "commitment/by": "淮安市工业和信息化局",
    "commitment/date": "2024年7月12日",
    **{f"plan.text/{k}": v for k, v in PLAN.items()},
}

TICKS: dict[str, dict[str, str]] = {
    "basic.energy_efficiency": {"不涉及": "■"},
    "basic.water_efficiency": {"不涉及": "■"},
    "basic.key_chain": {"是": "■"},
    "industry.chain_work": {
        "绘制产业链图谱，开展产业链培育": "■",
        "形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制": "■",
        "引入高等院校、科研院所，开展产业链关键环节产学研协同创新": "■",
        "建有产业链上下游产供销一体化协同协作机制": "■",
        "与产业链“链主”企业建立稳定合作配套关系": "☒",
        "开展供应链风险评估工作，建立供应链风险防范机制": "■",
    },
    "industry.collab_work": {
        "开展通用生产设备共享": "■",
        "开展物流、仓储、设计等服务资源共享": "■",
        "开展同类设备和产品的集中采销": "■",
    },
    "industry.quality_work": {
        "开展了先进质量管理模式推广": "■",
        "开展了质量诊断服务": "■",
        "获得了集体商标、地理标志产品批准认证或证明商标通过注册": "√□",
    },
    "digital.service_work": {
        "引入了数字化系统解决方案服务商": "■",
        "开展了数字化共性解决方案开发和诊断等服务": "■",
        "开展了智能制造能力成熟度评估或数据管理能力成熟度评估等推广工作": "■",
    },
    "digital.new_models.work": {
        "建有省级智能制造、工业互联网以及其它国家新模式新业态试点示范项目": "■",
        "开展了智能制造、工业互联网等新模式新业态创新应用推广": "■",
    },
    "green.carbon_monitoring": {"是": "■"},
    "green.solid_waste_above_avg": {"是": "■"},
    "green.water_reuse_above_avg": {"是": "■", "否": "■"},
    "green.lowcarbon_work": {
        "开展了节能诊断，建立节能管控系统、余热余压回收设施等": "■",
        "开展了碳排放和碳足迹监测与核算等": "■",
        "开展了清洁生产评价等工作": "■",
        "开展了绿色制造系统解决方案推广": "■",
    },
    "open.activities": {
        "引进了国际领先技术、先进管理经验或高端人才团队等": "■",
        "参加中国国际中小企业博览会等展会类活动": "■",
    },
    "governance.work": {
        "建立了专业化发展促进机构、开展共商共建共享": "■",
        "建立中小企业政策宣贯与对接机制": "■",
        "建立了中小企业合法权益保护机制": "■",
        "建立了公共服务效果考核机制": "■",
        "建立安全生产源头管控和隐患排查机制": "■",
    },
    "governance.platforms": {
        "建设或引入省级中小企业公共服务示范平台": "■",
        "建立了中小企业公共服务平台": "■",
    },
    "governance.services": {
        "信息服务+": "√",
        "创新支持": "■",
        "人员培训": "■",
        "市场营销": "■",
        "投融资服务": "■",
        "管理咨询": "■",
    },
}

PLANTED: list[dict[str, Any]] = [
    {
        "field": "digital.identifier_share",
        "kind": "approximate_number",
        "text": "约25",
        "expected": "25",
    },
    {
        "field": "green.water_reuse_above_avg",
        "kind": "two_ticks",
        "text": "■是  ■否  □非工业集群，不适用",
        "options": ["yes", "no"],
        "expected": "yes",
    },
    {
        "field": "governance.services",
        "kind": "ambiguous_tick",
        "text": "□信息服务 √ \t\t□创业辅导",
        "options": ["information", "startup"],
        "expected": "information",
    },
    {"field": None, "kind": "unmapped_text", "text": COVER_REMARK, "near": "cover"},
]

PROPS = Props(
    title="江苏省中小企业特色产业集群申报表",
    creator="lenovo",
    last_modified_by="涟水县工信局 朱海峰",
    created="2024-05-20T01:00:00Z",
    modified="2024-07-12T02:26:00Z",
    revision=9,
    company="涟水县工业和信息化局",
)


def fill() -> Fill:
    """The filled Jiangsu form (承诺函 filled in too)."""
    return Fill(
        values=VALUES,
        shown=SHOWN,
        ticks=TICKS,
        after={"cover": COVER_REMARK},
        dots=frozenset({"plan.targets.leading"}),
        author="涟水县工信局-朱海峰",
    )
