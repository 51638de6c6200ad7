"""The Shanghai form as 松江区 filled it (fictional data).

The document types the values of :mod:`tests.wordforms.shanghai_values` except where :data:`SHOWN`
says otherwise; :data:`TICKS` says how each box was ticked, :data:`PLANTED` lists the ambiguous
spots.

The file went through LibreOffice on the way: its Wingdings symbols are private-use characters in
runs set in Wingdings 2 (U+F052 ☑ for the ticks, U+F0A3 □ for the symbol boxes), and this person
also types √ before a box.
"""

from __future__ import annotations

from typing import Any

from tests.wordforms.layout import Fill
from tests.wordforms.package import Props
from tests.wordforms.shanghai_values import (
    DIGITAL_OTHER,
    INTRODUCE_TECH,
    PLAN,
    VALUES,
)

REMARK_INDUSTRY = "（以上企业名单详见附件3）"
ACTIVITY = "引进了国际领先技术、先进管理经验或高端人才团队等（需说明何种技术、何种经验和人才）"

SHOWN: dict[str, str] = {
    "green.lowcarbon_narrative": (
        "集群建成碳排放监测平台，对重点用能企业实行月度监测；推广屋顶光伏和空压机节能改造，光伏装机达到9兆瓦；↵"
        "建设废旧零部件回收和切削液再生利用设施，3家企业获评国家级绿色工厂。"
    ),
    "cover.date": "2023.7.6",
    "basic.operator": "上海松江机器人产业园发展有限公司^",
    "digital.service_narrative": (
        "集群区域实现5G网络和千兆光网全覆盖，建成工业互联网标识解析二级节点接入点1个；\n"
        "集群企业普遍应用~`PLM`~、~`MES`~和机器人离线编程软件，关键工序数控化率达到82%，为150家中小企业开展数字化评测。"
    ),
    "basic.cluster_name": "上海市|松江区|工业机器人产业",
    "basic.authority_contact.name": "沈|嘉怡",
    "basic.operator_contact.phone": "~021-{-67745182-}{+67745128+}~",
    "industry.total_output/2022": "96.4亿元",
    "industry.leading_share/2022": "84.15%",
    "innovation.sme_employees": "24,680",
    "innovation.patents": "７１２",
    "digital.software_spend/2022": "5,020.5",
    "digital.service_work#其他": "  " + DIGITAL_OTHER,
    "open.activities#" + ACTIVITY: "：" + INTRODUCE_TECH,
    "open.overseas_branches": "约7",
    "governance.services#其他": "法律咨询",
    "governance.narrative": (
        "松江区建立机器人产业集群联席会议制度，由运营公司牵头设立集群发展促进中心；\n"
        "组建{-20-}{+25+}人企业服务专员队伍，实行“一企一专员”服务；依托“一网统管”平台提升安全生产和营商环境治理数字化水平。"
    ),
    "declaration/date": "2023年7月6日",
    **{f"plan.text/{k}": v for k, v in PLAN.items()},
}

L = "lo"
BEFORE = "√□"

TICKS: dict[str, dict[str, str]] = {
    "basic.industry_field": {"高端装备+": "√"},
    "basic.restricted": {"否": L},
    "basic.major_accident": {"否": L},
    "basic.tax_violation": {"否": BEFORE},
    "basic.energy_efficiency": {"非高耗能行业，不适用": L},
    "basic.water_efficiency": {"是": L, "非高用水行业，不适用": L},
    "industry.chain_work": {
        "绘制产业链图谱，开展产业链培育": L,
        "形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制": L,
        "联合集群上下游企业，组建创新联合体，开展产业链联合攻关": L,
        "引入高等院校、科研院所，开展产业链关键环节产学研协同创新": L,
        "与产业链“链主”企业建立稳定合作配套关系": L,
        "开展供应链风险评估工作，建立供应链风险防范机制": L,
    },
    "industry.collab_work": {
        "开展通用生产设备共享": BEFORE,
        "开展物流、仓储、设计等服务资源共享": BEFORE,
        "建立共享车间、共享工厂": BEFORE,
    },
    "industry.quality_work": {
        "开展了先进质量管理模式推广": L,
        "开展了质量诊断服务": L,
        "建立了品牌运营、品牌管理标准宣贯等机制": L,
    },
    "digital.software_rising": {"是": L},
    "digital.service_work": {
        "引入了数字化系统解决方案服务商": L,
        "开展了数字化共性解决方案开发和诊断等服务": L,
        "引导企业应用中小企业数字化评测指标开展评测": L,
        "其他": L,
    },
    "digital.new_models.work": {
        "建有国家智能制造、工业互联网以及其它国家新模式新业态试点示范项目": L,
        "建有市级智能制造、工业互联网以及其它国家新模式新业态试点示范项目": L,
        "开展智能制造、工业互联网等新模式新业态创新应用推广": L,
    },
    "green.carbon_monitoring": {"是": "✓"},
    "green.carbon_work": {"建立了集群碳排放监测机制": L, "开展碳达峰碳中和相关宣传、监测等工作": L},
    "green.solid_waste_above_avg": {"是": L},
    "green.water_reuse_above_avg": {"是": L},
    "green.lowcarbon_work": {
        "开展了节能诊断，建立节能管控系统、余热余压回收设施等": L,
        "开展了碳排放和碳足迹监测与核算等": L,
        "建立了水资源梯级循环利用、工业废弃物分类分级利用设施等": L,
        "开展了绿色制造系统解决方案推广": L,
    },
    "open.activities": {
        "建立或参与主导产业国际合作机制": L,
        ACTIVITY: L,
        "参加中国国际中小企业博览会等展会类活动": L,
        "承办主导产业国际研讨会或技术交流会": L,
    },
    "governance.platforms": {
        "建设或引入市级中小企业公共服务示范平台": L,
        "建立了中小企业公共服务平台": L,
    },
    "governance.services": {
        "信息服务": BEFORE,
        "创业辅导": BEFORE,
        "创新支持": BEFORE,
        "人员培训": BEFORE,
        "投融资服务": BEFORE,
        "其他": BEFORE,
    },
    "governance.work": {
        "建立了专业化发展促进机构、开展共商共建共享": L,
        "建立中小企业政策宣贯与对接机制": L,
        "建立了中小企业合法权益保护机制": L,
        "建立安全生产源头管控和隐患排查机制": L,
        "运用了数字化手段提升治理能力": L,
        "建立了企业服务专员队伍": L,
    },
}

PLANTED: list[dict[str, Any]] = [
    {"field": "open.overseas_branches", "kind": "approximate_number", "text": "约7", "expected": 7},
    {
        "field": "basic.water_efficiency",
        "kind": "two_ticks",
        "text": "☑是 / □否 / ☑非高用水行业，不适用",
        "options": ["yes", "na"],
        "expected": "na",
    },
    {
        "field": "basic.industry_field",
        "kind": "ambiguous_tick",
        "text": "□高端装备 √    □先进材料",
        "options": ["high_end_equipment", "advanced_materials"],
        "expected": "high_end_equipment",
    },
    {"field": None, "kind": "unmapped_text", "text": REMARK_INDUSTRY, "near": "industry"},
]

PROPS = Props(
    title="上海市中小企业特色产业集群申报表",
    creator="Administrator",
    last_modified_by="sjq-jwh",
    created="2023-06-12T02:20:00Z",
    modified="2023-07-06T11:40:00Z",
    revision=5,
    application="LibreOffice/7.5.9.2$Windows_X86_64 LibreOffice_project/cdeefe45c17511d326101eed8008ac4092f278a9",
    app_version="",
)


def fill() -> Fill:
    """The filled Shanghai form."""
    return Fill(
        values=VALUES,
        shown=SHOWN,
        ticks=TICKS,
        in_label=frozenset({"basic.cluster_name"}),
        after={"二": REMARK_INDUSTRY},
        lo_saved=True,
        author="sjq-jwh",
    )
