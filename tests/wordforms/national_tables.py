"""The section tables 一 to 七 of 中小企业特色产业集群申报表 (national), row by row as the template has them."""

from __future__ import annotations

from tests.wordforms.items import (
    Boxes,
    Field,
    Group,
    Lines,
    Narrative,
    Note,
    Pair,
    Standards,
    YearHeader,
    Yearly,
    YearsBelow,
)

Y = ("2020年", "2021年", "2022年")
NOTE = "（注：勾选需提供佐证材料）"

INSTRUCTIONS = (
    "集群应如实填报所附各表。要求文字简洁，数据准确、详实。填报数据将依权限对相关部门和单位开放共享，仅供审核验证和查阅用。",
    "各必填栏目不得空缺，无相关情况时应填写“无”；数据有小数时，保留小数点后2位。",
    "集群运营管理机构是指对产业集群集中运营管理的产业园区管委会、园区运营企业或公共服务机构等法人主体，基础建设单位不可作为集群运营管理机构。",
    "佐证材料包括主管部门、第三方机构出具的证明或申报主体自我声明。",
    "财务数据应以企业该年度会计报表期末数为准。",
    "未注明填报年度的，请填写截止到2022年底的数据。",
    "主导产品按获得的产品收入占比或重要程度从高到低填写。",
    "集群内中小企业从业人员数是指集群内所有中小企业从业人员期末数之和。从业人员期末人数，为上年度末在企业工作，并取得工资或其他形式劳动报酬的人员数，是在岗职工、劳务派遣人员及其他从业人员之和。从业人员以上年度末数据为定量依据。",
    "企业研发费用是指企业研发活动中发生的相关费用，具体按照财政部、国家税务总局、科技部《关于完善研究开发费用税前加计扣除政策的通知》（财税〔2015〕119号）有关规定进行归集。",
    "未来三年中小企业特色产业集群发展规划中的发展目标依据《促进中小企业特色产业集群发展暂行办法》编制，要可考核，突出培育重点，分阶段合理制定年度目标。",
    "为确保文件信息的正确采集，填表时不得改变表格样式，其中一至七部分不得串页。",
)

BASIC = (
    Field("集群|名称：", "basic.cluster_name"),
    Field("县级行政区划中小企业主管部门", "basic.authority"),
    Pair("联系人", "basic.authority_contact.name", "联系方式", "basic.authority_contact.phone"),
    Field("集群运营管理机构", "basic.operator"),
    Pair("联系人", "basic.operator_contact.name", "联系方式", "basic.operator_contact.phone"),
    Field("集群占地面积（平方公里）", "basic.area"),
    Boxes(
        "主导产业所属产业类型", "basic.industry_type", ("□第一产业", "", "□第二产业", "□第三产业")
    ),
    Boxes(
        "集群主导产业不属于国家规定的禁止、限制和淘汰类产业",
        "basic.not_restricted",
        ("□是", "", "□否"),
    ),
    Boxes(
        "近三年是否发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件",
        "basic.major_accident",
        ("□是", "", "□否"),
    ),
    Boxes(
        "是否存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
        "basic.tax_violation",
        ("□是", "", "□否"),
    ),
    Boxes(
        "属于高耗能行业的集群，能效水平高于行业基准值",
        "basic.energy_efficiency",
        ("□是", "", "□否", "", "□非高耗能行业，不适用"),
    ),
    Boxes(
        "属于高用水行业的集群，水效水平高于行业基准值",
        "basic.water_efficiency",
        ("□是", "", "□否", "", "□非高用水行业，不适用"),
    ),
    Boxes("是否已被认定为省级中小企业特色产业集群", "basic.provincial_cluster", ("□是", "", "□否")),
)

INDUSTRY = (
    YearHeader("年度", Y),
    Yearly("集群总产值（亿元）", "industry.total_output", Y),
    Yearly("集群内中小企业产值占集群总产值比例（%）", "industry.sme_output_share", Y),
    Yearly("集群主导产业产值占集群总产值比例（%）", "industry.leading_share", Y),
    Yearly("集群主导产业产值增速（%）", "industry.leading_growth", Y),
    Field("近三年主导产业产值年均增速（%）", "industry.leading_cagr"),
    Yearly("集群企业数量", "industry.enterprises", Y),
    Yearly("其中：集群中小企业数量", "industry.smes", Y),
    Yearly("主导产业相关的省级专精特新中小企业数量", "industry.specialized_smes", Y),
    Yearly("主导产业相关的国家级专精特新“小巨人”企业数量", "industry.little_giants", Y),
    Yearly("主导产业相关的国家级制造业单项冠军企业数量", "industry.champions", Y),
    Yearly("主导产业相关的国家级高新技术企业数量", "industry.high_tech", Y),
    Field("主导产业相关的创新型中小企业数量", "industry.innovative_smes"),
    Field("近三年集群外商直接投资额累计增长率（%）", "industry.fdi_cumulative_growth"),
    Field("近三年集群主导产品出口贸易额累计增长率（%）", "industry.export_cumulative_growth"),
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
            "☐引入高等院校、科研院所，开展产业链关键环节产学研协同创新",
            "",
            "☐建有产业链上下游产供销一体化协同协作机制",
            "",
            "☐与产业链“链主”企业建立稳定合作配套关系",
            "",
            "☐与先进制造业集群、国家新型工业化产业示范基地建立稳定合作配套关系",
            "",
            "☐开展供应链风险评估工作，建立供应链风险防范机制",
            "",
            NOTE,
        ),
    ),
    Narrative("集群内产业链资源协同协作情况（200字以内）", "industry.collab_narrative"),
    Boxes(
        "集群已开展的产业链资源协同协作工作\n\n",
        "industry.collab_work",
        (
            "□开展通用生产设备共享",
            "□开展物流、仓储、设计等服务资源共享",
            "□开展人力资源共享",
            "□开展同类设备和产品的集中采销",
            "□建立了共享车间、共享工厂",
            NOTE,
        ),
    ),
    Narrative("集群质量品牌建设情况\n\n（200字以内）", "industry.quality_narrative"),
    Boxes(
        "集群已开展的质量品牌建设工作\n",
        "industry.quality_work",
        (
            "□开展了先进质量管理模式推广",
            "",
            "□开展了质量诊断服务",
            "",
            "□建立了品牌运营、品牌管理标准宣贯等机制",
            "□获得了集体商标、地理标志产品批准认证或证明商标通过注册",
            "",
            NOTE,
        ),
    ),
)

INNOVATION = (
    YearHeader("年度", Y),
    Yearly("集群中小企业近三年研发投入强度（%）", "innovation.rd_intensity", Y),
    Yearly("集群近三年研发经费增速（%）", "innovation.rd_growth", Y),
    Standards(
        "集群中小企业近三年主持（起草单位排名前三位）或参与制修订标准数量情况（需提供清单）",
        "innovation.standards",
        Y,
    ),
    Group(
        "创新平台建设情况\n\n（需提供清单及佐证材料）",
        (
            Field(
                "国家制造业创新中心或国家级创新平台名称及数量",
                "innovation.platforms.national",
                named=True,
                label_span=4,
            ),
            Field(
                "省级制造业创新中心或省级创新平台名称及数量",
                "innovation.platforms.provincial",
                named=True,
                label_span=4,
            ),
            Field("其他平台名称及数量", "innovation.platforms.other", named=True, label_span=4),
        ),
    ),
    Field("集群内中小企业从业人员数量", "innovation.sme_employees"),
    Field("集群内中小企业研发人员占从业人员比例（%）", "innovation.rd_staff_share"),
    Field("集群中小企业PCT国际专利申请量", "innovation.pct_applications"),
    Field("集群中小企业近三年有效发明专利年均增速（%）", "innovation.patent_cagr"),
    Field("集群中小企业从业人员每万人有效发明专利拥有量", "innovation.patents_per_10k"),
    Field(
        "集群内中小企业有效发明专利拥有量（包括发明专利、国防专利、 植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权等）",
        "innovation.patents",
        unit="个",
        notes=("（需提供清单及佐证材料）",),
    ),
)

DIGITAL = (
    Field("企业上云比例（%）", "digital.cloud_share"),
    Field("集群中小企业工业互联网平台应用普及率（%）", "digital.iip_penetration"),
    Boxes("工业软件应用率稳步提升", "digital.software_rising", (" □是 □否",)),
    YearsBelow("工业软件采购金额（万元）", "digital.software_spend", Y),
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
                "智能制造、工业互联网以及其它新模式新业态试点示范建设或应用情况（200字以内）\n\n\n",
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
        ),
    ),
)

GREEN = (
    Boxes(
        "建立了集群碳排放监测机制",
        "green.carbon_monitoring",
        ("□是  □否（如涉及，需提供佐证材料）",),
    ),
    Group(
        "近三年单位产值二氧化碳排放量（吨二氧化碳/万元）",
        (
            *(Field(y, f"green.co2_intensity/{y[:4]}") for y in Y),
            Note("（注：单位产值二氧化碳排放量需提供计算公式）"),
        ),
    ),
    Field("近三年单位工业产值能耗降低率（%）", "green.energy_reduction"),
    Field("大宗工业固废综合利用率（%）", "green.solid_waste_rate"),
    Boxes(
        "是否高于行业平均水平", "green.solid_waste_above_avg", ("□是  ☐否  ☐非工业集群，不适用",)
    ),
    Field("工业用水重复利用率（%）", "green.water_reuse_rate"),
    Boxes(
        "是否高于行业平均水平", "green.water_reuse_above_avg", ("□是  ☐否  ☐非工业集群，不适用",)
    ),
    Narrative("集群绿色低碳相关工作情况\n\n（200字以内）", "green.lowcarbon_narrative"),
    Boxes(
        "集群已开展的绿色低碳相关工作\n",
        "green.lowcarbon_work",
        (
            "□开展了节能诊断、建立节能管控系统、余热余压回收设施等",
            "□开展了碳排放和碳足迹监测与核算等",
            "□建立了水资源梯级循环利用、工业废弃物分类分级利用设施等",
            "□开展了清洁生产评价等工作",
            "",
            "□开展了绿色制造系统解决方案推广",
            "",
            NOTE,
        ),
    ),
    Lines(
        "集群绿色制造体系建设水平",
        (
            "绿色工厂数量         ",
            "绿色工业园区数量         ",
            "",
            "绿色供应链管理企业数量         ",
            "绿色设计产品数量         ",
            "（注：需提供清单及佐证材料）",
        ),
        slots={
            0: "green.system/green_factory",
            1: "green.system/green_park",
            3: "green.system/green_supply_chain",
            4: "green.system/green_product",
        },
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
    Narrative("集群发展环境情况\n\n（200字以内）", "governance.narrative"),
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
            "☐建立了公共服务效果考核机制",
            "",
            "☐建立安全生产源头管控和隐患排查机制",
            "□运用了数字化手段提升治理能力",
            NOTE,
        ),
    ),
    Boxes(
        "集群中小企业公共服务平台建设情况",
        "governance.platforms",
        (
            "集群已建设的中小企业公共服务平台：",
            "",
            "□建设或引入国家中小企业公共服务示范平台",
            "",
            "□建设或引入省级中小企业公共服务示范平台",
            "",
            "□建立了中小企业公共服务平台",
            "",
            NOTE,
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
