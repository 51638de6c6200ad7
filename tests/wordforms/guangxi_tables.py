"""The section tables 一 to 七 of 广西 中小企业特色产业集群申报表, row by row as the template has them."""

from __future__ import annotations

from tests.wordforms.items import (
    Boxes,
    Field,
    Group,
    Narrative,
    Note,
    Pair,
    Standards,
    YearHeader,
    Yearly,
)

Y = ("2022年", "2023年", "2024年")
NOTE = "（注：勾选需提供佐证材料）"


BASIC = (
    Field("集群名称：\n\n（XX（省、市）XX（县、区）XX产业）", "basic.cluster_name"),
    Field("县级行政区划中小企业主管部门", "basic.authority"),
    Pair(
        "联\u3000系\u3000人",
        "basic.authority_contact.name",
        "联系方式",
        "basic.authority_contact.phone",
    ),
    Field("集群运营管理机构", "basic.operator"),
    Pair(
        "联\u3000系\u3000人",
        "basic.operator_contact.name",
        "联系方式",
        "basic.operator_contact.phone",
    ),
    Field("集群占地面积（平方公里）", "basic.area"),
    Boxes(
        "主导产业所属产业类型", "basic.industry_type", ("□第一产业", "", "□第二产业", "□第三产业")
    ),
    Boxes(
        "集群主导产业是否属于国家规定的禁止、限制和淘汰类产业",
        "basic.restricted",
        ("□是", "", "□否"),
    ),
    Boxes(
        "近三年是否发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件",
        "basic.major_accident",
        ("□是（需附情况说明）", "", "□否"),
    ),
    Boxes(
        "是否存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
        "basic.tax_violation",
        ("□是（需附情况说明）", "", "□否"),
    ),
    Boxes(
        "属于高耗能行业的集群，能效水平是否达到行业基准值",
        "basic.energy_efficiency",
        ("☐是", "", "☐否", "", "☐非高耗能行业，不适用"),
    ),
    Boxes(
        "属于高用水行业的集群，水效水平是否达到行业基准值",
        "basic.water_efficiency",
        ("☐是", "", "☐否", "", "☐非高用水行业，不适用"),
    ),
    Boxes("是否已被认定为省级中小企业特色产业集群", "basic.provincial_cluster", ("□是", "", "□否")),
)


def _yearly(*rows: tuple[str, str]) -> tuple[Yearly, ...]:
    return tuple(Yearly(label, fid, Y) for label, fid in rows)


INDUSTRY = (
    YearHeader("年度", Y),
    *_yearly(
        ("集群总产值（亿元）", "industry.total_output"),
        ("集群总产值占所在县级行政区划工业总产值比例（%）", "industry.county_share"),
        ("集群内中小企业产值占集群总产值比例（%）", "industry.sme_output_share"),
        ("集群主导产业产值占集群总产值比例（%）", "industry.leading_share"),
        ("集群主导产业产值增速（%）", "industry.leading_growth"),
    ),
    Field("近三年集群主导产业产值年均增速（%）", "industry.leading_cagr"),
    *_yearly(
        ("集群企业数量（年度当前值）", "industry.enterprises"),
        ("其中：集群中小企业数量（年度当前值）", "industry.smes"),
        ("主导产业相关的省级专精特新中小企业数量（年度当前值）", "industry.specialized_smes"),
        ("主导产业相关的国家级专精特新“小巨人”企业数量（年度当前值）", "industry.little_giants"),
        ("主导产业相关的国家级制造业单项冠军企业数量（年度当前值）", "industry.champions"),
        ("主导产业相关的国家级高新技术企业数量（年度当前值）", "industry.high_tech"),
        ("主导产业相关的创新型中小企业数量（年度当前值）", "industry.innovative_smes"),
        ("主导产业相关的上市中小企业数量（年度当前值）", "industry.listed_smes"),
        ("主导产业相关的上市辅导期中小企业数量（年度当前值）", "industry.pre_listing_smes"),
        ("集群外商直接投资额（万元）", "industry.fdi"),
        ("集群外商直接投资额增长率（%）", "industry.fdi_growth"),
        ("集群主导产品出口贸易额（万元）", "industry.exports"),
        ("集群主导产品出口贸易额增长率（%）", "industry.export_growth"),
    ),
    Narrative("集群产业链强链补链情况（200字以内）", "industry.chain_narrative"),
    Boxes(
        "集群已开展的产业链强链补链工作",
        "industry.chain_work",
        (
            "□绘制产业链图谱，开展产业链培育",
            "",
            "□形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制",
            "",
            "□联合集群上下游企业，组建创新联合体，开展产业链联合攻关",
            "",
            "□引入高等院校、科研院所，开展产业链关键环节产学研协同创新",
            "",
            "□建有产业链上下游产供销一体化协同协作机制",
            "",
            "□与产业链“链主”企业建立稳定合作配套关系",
            "",
            "□与先进制造业集群、国家新型工业化产业示范基地建立稳定合作配套关系",
            "",
            "□开展供应链风险评估工作，建立供应链风险防范机制",
            "",
            NOTE,
        ),
    ),
    Narrative("集群内产业链资源协同协作情况（200字以内）", "industry.collab_narrative"),
    Boxes(
        "集群已开展的产业链资源协同协作工作",
        "industry.collab_work",
        (
            "□开展通用生产设备共享",
            "",
            "□开展物流、仓储、设计等服务资源共享",
            "",
            "□开展人力资源共享",
            "□开展同类设备和产品的集中采销",
            "",
            "□建立共享车间、共享工厂",
            "",
            NOTE,
        ),
    ),
    Narrative("集群质量品牌建设情况\n\n（200字以内）\n\n", "industry.quality_narrative"),
    Boxes(
        "集群已开展的质量品牌建设工作",
        "industry.quality_work",
        (
            "□开展了先进质量管理模式推广",
            "",
            "□开展了质量诊断服务",
            "",
            "□建立了品牌运营、品牌管理标准宣贯等机制",
            "",
            "□获得了集体商标、地理标志产品批准认证或证明商标通过注册",
            "",
            NOTE,
        ),
    ),
)


def _named(label: str, slot: str) -> Field:
    return Field(label, slot, named=True, label_span=4)


INNOVATION = (
    YearHeader("年度", Y),
    *_yearly(
        ("集群中小企业研发投入强度（%）", "innovation.rd_intensity"),
        ("集群中小企业研发经费总额（亿元）", "innovation.rd_expense"),
        ("集群中小企业研发经费增速（%）", "innovation.rd_growth"),
        ("集群中小企业从业人员数量", "innovation.sme_employees"),
        ("集群中小企业研发人员数量", "innovation.rd_staff"),
    ),
    Standards(
        "近三年集群中小企业主持（起草单位排名前三位）或参与制修订标准数量情况（需提供清单）（年度当前值）",
        "innovation.standards",
        Y,
    ),
    Group(
        "创新平台建设情况\n\n（需提供清单及佐证材料）",
        (
            _named("国家制造业创新中心或国家级创新平台名称及数量", "innovation.platforms.national"),
            _named("省级制造业创新中心或省级创新平台名称及数量", "innovation.platforms.provincial"),
            _named("其他平台名称及数量", "innovation.platforms.other"),
        ),
    ),
    Field("集群中小企业PCT国际专利申请量", "innovation.pct_applications"),
    Field("近三年集群中小企业有效发明专利年均增速（%）", "innovation.patent_cagr"),
    Field("集群中小企业从业人员每万人有效发明专利拥有量", "innovation.patents_per_10k"),
    Field(
        "集群内中小企业有效发明专利拥有量（包括发明专利、国防专利、 植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权等）",
        "innovation.patents",
        unit="个",
        notes=("（需提供清单及佐证材料）",),
    ),
)

DIGITAL = (
    YearHeader("年度", Y),
    *_yearly(
        ("集群上云中小企业数量", "digital.cloud_smes"),
        ("集群中小企业上云比例（%）", "digital.cloud_share"),
        ("集群接入工业互联网平台的中小企业数量", "digital.iip_smes"),
        ("集群中小企业工业互联网平台应用普及率（%）", "digital.iip_penetration"),
        ("集群中小企业数字化研发工具应用普及率（%）", "digital.rd_tools_penetration"),
        ("工业软件采购金额（万元）", "digital.software_spend"),
    ),
    Boxes("工业软件应用率稳步提升", "digital.software_rising", (" □是 □否",)),
    Narrative("数字化服务总体情况\n\n（200字以内）\n\n", "digital.service_narrative"),
    Boxes(
        "集群已开展的数字化服务工作",
        "digital.service_work",
        (
            "□引入了数字化系统解决方案服务商",
            "",
            "□开展了数字化共性解决方案开发和诊断等服务",
            "",
            "□开展了两化融合管理体系推广工作",
            "",
            "□开展了智能制造能力成熟度评估或数据管理能力成熟度评估等推广工作",
            "",
            NOTE,
        ),
    ),
    Group(
        "数字化新模式新业态推广情况\n\n",
        (
            Narrative(
                "智能制造、工业互联网以及其它新模式新业态试点示范建设或应用情况（200字以内）\n\n\n\n\n",
                "digital.new_models.narrative",
            ),
            Boxes(
                None,
                "digital.new_models.work",
                (
                    "集群已开展的数字化新模式新业态推广工作：",
                    "",
                    "□建有国家智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
                    "",
                    "□建有省级智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
                    "□开展了智能制造、工业互联网等新模式新业态创新应用推广",
                    NOTE,
                ),
            ),
            Field("国家级试点示范项目名称及数量", "digital.new_models.national", named=True),
            Field("省级试点示范项目名称及数量", "digital.new_models.provincial", named=True),
            Field("其他试点示范项目名称及数量", "digital.new_models.other", named=True),
        ),
    ),
)

GREEN = (
    Boxes(
        "是否建立集群碳排放监测机制",
        "green.carbon_monitoring",
        ("□是  □否（如涉及，需提供佐证材料）",),
    ),
    Group(
        "近三年集群单位产值二氧化碳排放量（吨二氧化碳/万元）",
        (
            *(Field(y, f"green.co2_intensity/{y[:4]}") for y in Y),
            Note("（注：单位产值二氧化碳排放量需提供计算公式）"),
        ),
    ),
    Group(
        "近三年集群单位产值能耗（吨标准煤/万元）",
        (
            *(Field(y, f"green.energy_intensity/{y[:4]}") for y in Y),
            Note("（注：单位产值能耗需提供计算公式）"),
        ),
    ),
    Field("近三年集群单位产值能耗降低率（%）", "green.energy_reduction"),
    Field("大宗工业固废综合利用率（%）", "green.solid_waste_rate"),
    Boxes("是否高于行业平均水平", "green.solid_waste_above_avg", ("□是  □否  □不适用",)),
    Field("工业用水重复利用率（%）", "green.water_reuse_rate"),
    Boxes("是否高于行业平均水平", "green.water_reuse_above_avg", ("□是  □否  □不适用",)),
    Narrative("集群绿色低碳相关工作情况\n\n（200字以内）", "green.lowcarbon_narrative"),
    Boxes(
        "集群已开展的绿色低碳相关工作\n\n",
        "green.lowcarbon_work",
        (
            "□开展了节能诊断，建立节能管控系统、余热余压回收设施等",
            "□开展了碳排放和碳足迹监测与核算等",
            "",
            "□建立了水资源梯级循环利用、工业废弃物分类分级利用设施等",
            "□开展了清洁生产评价等工作",
            "",
            "□开展了绿色制造系统解决方案推广",
            "",
            NOTE,
        ),
    ),
    Group(
        "集群绿色制造体系建设水平\n\n（注：包括绿色工厂、绿色工业园区、绿色供应链管理企业、绿色设计产品等，需提供清单及佐证材料）",
        (
            Field("国家级绿色制造体系建设情况", "green.system.national", named=True),
            Field("省级绿色制造体系建设情况", "green.system.provincial", named=True),
            Field("其他绿色制造体系建设情况", "green.system.other", named=True),
        ),
    ),
)

OPEN = (
    Narrative("集群国际合作交流总体情况\n\n（200字以内）\n\n", "open.narrative"),
    Boxes(
        "集群已开展的国际合作交流活动\n\n",
        "open.activities",
        (
            "□建立或参与主导产业国际合作机制",
            "",
            "□与境外产业园区形成较为稳定的合作关系",
            "",
            "□引进了国际领先技术、先进管理经验或高端人才团队等",
            "",
            "□参加中国国际中小企业博览会等展会类活动",
            "",
            "□承办主导产业国际研讨会或技术交流会",
            "",
            NOTE,
        ),
    ),
    Field(
        "集群或集群内企业在境外设立分支机构数量",
        "open.overseas_branches",
        unit="个",
        notes=("（需提供清单及相关佐证材料）",),
    ),
)

GOVERNANCE = (
    Field(
        "集群内产业联盟组织情况\n\n（注：包括行业学会、协会等，需提供清单）",
        "governance.alliances",
        named=True,
    ),
    Narrative("集群发展环境情况\n\n（200字以内）\n\n", "governance.narrative"),
    Boxes(
        "集群已开展的发展环境治理工作",
        "governance.work",
        (
            "□建立了专业化发展促进机构、开展共商共建共享",
            "",
            "□建立中小企业政策宣贯与对接机制",
            "",
            "□建立了中小企业合法权益保护机制",
            "",
            "□建立了公共服务效果考核机制",
            "",
            "□建立安全生产源头管控和隐患排查机制",
            "",
            "□运用了数字化手段提升治理能力",
            "",
            NOTE,
        ),
    ),
    Group(
        "集群中小企业公共服务平台建设情况\n\n（需提供清单及佐证材料）",
        (
            Field(
                "建设或引入的国家级中小企业公共服务示范平台名称及数量",
                "governance.platforms.national",
                named=True,
            ),
            Field(
                "建设或引入的省级中小企业公共服务示范平台名称及数量",
                "governance.platforms.provincial",
                named=True,
            ),
            Field(
                "建设或引入的其他中小企业公共服务示范平台名称及数量",
                "governance.platforms.other",
                named=True,
            ),
        ),
    ),
    Boxes(
        "集群提供中小企业公共服务情况",
        "governance.services",
        (
            "集群已提供的中小企业公共服务：",
            "",
            "□信息服务",
            "",
            "□创业辅导",
            "",
            "□创新支持",
            "",
            "",
            "",
            "□人员培训",
            "",
            "□市场营销",
            "",
            "□投融资服务",
            "",
            "□管理咨询",
            "",
            NOTE,
        ),
    ),
)
