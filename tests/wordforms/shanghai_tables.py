"""The section tables 一 to 七 of 上海市中小企业特色产业集群申报表, row by row as the template has them."""

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
from tests.wordforms.layout import TALL

Y = ("2020年", "2021年", "2022年")
NOTE = "（注：勾选需提供佐证材料）"
OTHER = "□其他                    "

BASIC = (
    Field("集群名称：\n（上海市XX区XX产业）", "basic.cluster_name"),
    Field("区中小企业主管部门", "basic.authority"),
    Pair("联系人", "basic.authority_contact.name", "联系方式", "basic.authority_contact.phone"),
    Field("申报单位", "basic.operator"),
    Pair("联系人", "basic.operator_contact.name", "联系方式", "basic.operator_contact.phone"),
    Field("集群占地面积（平方公里）", "basic.area"),
    Boxes(
        "主导产业所属产业领域",
        "basic.industry_field",
        (
            "□集成电路   □生物医药   □人工智能  ",
            "□电子信息   □生命健康   □汽车      ",
            "□高端装备   □先进材料   □时尚消费品",
            "□新赛道：              □未来产业：                ",
        ),
    ),
    Boxes(
        "集群主导产业是否属于国家规定的禁止、限制和淘汰类产业", "basic.restricted", ("□是", "□否")
    ),
    Boxes(
        "近三年是否发生较大及以上安全、质量、环境污染等事故，重大及以上网络安全事件和数据安全事件",
        "basic.major_accident",
        ("□是", "□否"),
    ),
    Boxes(
        "是否存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
        "basic.tax_violation",
        ("□是", "□否"),
    ),
    Boxes(
        "属于高耗能行业的集群，能效水平是否达到行业基准值",
        "basic.energy_efficiency",
        ("□是 ", "☐否", "□非高耗能行业，不适用"),
    ),
    Boxes(
        "属于高用水行业的集群，水效水平是否达到行业基准值",
        "basic.water_efficiency",
        ("□是 ", "□否", "□非高用水行业，不适用"),
    ),
)

INDUSTRY = (
    YearHeader("年度", Y),
    Yearly("集群总产值（营业收入）（亿元）", "industry.total_output", Y),
    Yearly(
        "集群内中小企业产值（营业收入）占集群总产值（营业收入）比例（%）",
        "industry.sme_output_share",
        Y,
    ),
    Yearly(
        "集群主导产业产值（营业收入）占集群总产值（营业收入）比例（%）", "industry.leading_share", Y
    ),
    Field("近三年主导产业产值（营业收入）年均增速（%）", "industry.leading_cagr"),
    Yearly("集群企业数量", "industry.enterprises", Y),
    Yearly("其中：集群中小企业数量", "industry.smes", Y),
    Yearly("主导产业相关的市级专精特新中小企业数量", "industry.specialized_smes", Y),
    Yearly("主导产业相关的国家级专精特新“小巨人”企业数量", "industry.little_giants", Y),
    Yearly("主导产业相关的国家级制造业单项冠军企业数量", "industry.champions", Y),
    Yearly("主导产业相关的国家级高新技术企业数量", "industry.high_tech", Y),
    Yearly("主导产业相关的创新型中小企业数量", "industry.innovative_smes", Y),
    Narrative(
        "集群产业链强链补链情况\n（200字以内）", "industry.chain_narrative", height=TALL + 600
    ),
    Boxes(
        "集群已开展的产业链强链补链工作",
        "industry.chain_work",
        (
            "□绘制产业链图谱，开展产业链培育",
            "□形成产业链技术难点清单或创新项目库，建立“揭榜挂帅”、“赛马”或众创众包等激励机制",
            "□联合集群上下游企业，组建创新联合体，开展产业链联合攻关",
            "□引入高等院校、科研院所，开展产业链关键环节产学研协同创新",
            "□建有产业链上下游产供销一体化协同协作机制",
            "□与产业链“链主”企业建立稳定合作配套关系",
            "□与先进制造业集群、国家新型工业化产业示范基地建立稳定合作配套关系",
            "□开展供应链风险评估工作，建立供应链风险防范机制",
            NOTE,
        ),
    ),
    Boxes(
        "集群已开展的产业链资源协同协作工作",
        "industry.collab_work",
        (
            "□开展通用生产设备共享",
            "□开展物流、仓储、设计等服务资源共享",
            "□开展人力资源共享",
            "□开展同类设备和产品的集中采销",
            "□建立共享车间、共享工厂",
            NOTE,
        ),
    ),
    Boxes(
        "集群已开展的质量品牌建设工作",
        "industry.quality_work",
        (
            "□开展了先进质量管理模式推广",
            "□开展了质量诊断服务",
            "□建立了品牌运营、品牌管理标准宣贯等机制",
            "□获得了集体商标、地理标志产品批准认证或证明商标通过注册",
            NOTE,
        ),
    ),
)

INNOVATION = (
    YearHeader("年度", Y),
    Yearly("集群中小企业近三年研发投入强度（%）", "innovation.rd_intensity", Y),
    Yearly("集群中小企业近三年研发经费增速（%）", "innovation.rd_growth", Y),
    Standards(
        "集群中小企业近三年主持（起草单位排名前三位）或参与制修订标准数量情况（需提供清单）",
        "innovation.standards",
        Y,
    ),
    Group(
        "创新平台建设情况（需提供清单及佐证材料）",
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
    Narrative(
        "\n数字化服务总体情况\n（200字以内）\n",
        "digital.service_narrative",
        prompt="（应描述集群新兴信息基础设施建设情况、数字化装备和系统应用情况）",
    ),
    Boxes(
        "集群已开展的数字化服务工作",
        "digital.service_work",
        (
            "□引入了数字化系统解决方案服务商",
            "□开展了数字化共性解决方案开发和诊断等服务",
            "□开展了两化融合管理体系推广工作",
            "□开展了智能制造能力成熟度评估或数据管理能力成熟度评估等推广工作",
            "□引导企业应用中小企业数字化评测指标开展评测",
            OTHER,
            NOTE,
        ),
    ),
    Boxes(
        "数字化新模式新业态推广情况",
        "digital.new_models.work",
        (
            "集群已开展的数字化新模式新业态推广工作：",
            "□建有国家智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
            "□建有市级智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
            "□开展智能制造、工业互联网等新模式新业态创新应用推广",
            "□开展数字化能力测评情况",
            OTHER,
            NOTE,
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
    Boxes(
        "集群已开展的绿色低碳工作",
        "green.carbon_work",
        ("□建立了集群碳排放监测机制", "□开展碳达峰碳中和相关宣传、监测等工作", OTHER, NOTE),
    ),
    Field("近三年单位工业产值能耗降低率（%）", "green.energy_reduction"),
    Field("大宗工业固废综合利用率（%）", "green.solid_waste_rate"),
    Boxes(
        "是否高于行业平均水平", "green.solid_waste_above_avg", ("□是  □否  □非工业集群，不适用",)
    ),
    Field("工业用水重复利用率（%）", "green.water_reuse_rate"),
    Boxes(
        "是否高于行业平均水平", "green.water_reuse_above_avg", ("□是  □否  □非工业集群，不适用",)
    ),
    Narrative("集群绿色低碳相关工作情况（200字以内）", "green.lowcarbon_narrative"),
    Boxes(
        "集群已开展的绿色低碳相关工作",
        "green.lowcarbon_work",
        (
            "□开展了节能诊断，建立节能管控系统、余热余压回收设施等",
            "□开展了碳排放和碳足迹监测与核算等",
            "□建立了水资源梯级循环利用、工业废弃物分类分级利用设施等",
            "□开展了清洁生产评价等工作",
            "□开展了绿色制造系统解决方案推广",
            NOTE,
        ),
    ),
    Lines(
        "集群绿色制造体系建设水平",
        (
            "绿色工厂数量               ",
            "绿色工业园区数量                  ",
            "绿色供应链管理企业数量                  ",
            "绿色设计产品数量                  ",
            "（注：需提供清单及佐证材料）",
        ),
        slots={
            0: "green.system/green_factory",
            1: "green.system/green_park",
            2: "green.system/green_supply_chain",
            3: "green.system/green_product",
        },
    ),
)

OPEN = (
    Boxes(
        "集群已开展的国际合作交流活动",
        "open.activities",
        (
            "□建立或参与主导产业国际合作机制",
            "□与境外产业园区形成较为稳定的合作关系",
            "□引进了国际领先技术、先进管理经验或高端人才团队等（需说明何种技术、何种经验和人才）",
            "□参加中国国际中小企业博览会等展会类活动",
            "□承办主导产业国际研讨会或技术交流会",
            OTHER,
            NOTE,
        ),
    ),
    Field(
        "集群或集群内企业在境外设立分支机构数量",
        "open.overseas_branches",
        unit="个",
        notes=("（需提供清单及相关佐证材料）",),
    ),
    Narrative("集群国际合作交流总体情况\n（200字以内）", "open.narrative"),
    Group(
        "近三年集群主导产品出口贸易额增长率（%）",
        tuple(Field(y, f"industry.export_growth/{y[:4]}") for y in Y),
    ),
    Group(
        "近三年集群外商直接投资额增长率（%）",
        tuple(Field(y, f"industry.fdi_growth/{y[:4]}") for y in Y),
    ),
)

GOVERNANCE = (
    Narrative("\n集群发展环境情况（200字以内）\n", "governance.narrative", height=TALL + 400),
    Boxes(
        "集群中小企业公共服务平台建设情况",
        "governance.platforms",
        (
            "集群已建设的中小企业公共服务平台：",
            "□建设或引入国家中小企业公共服务示范平台",
            "□建设或引入市级中小企业公共服务示范平台",
            "□建立了中小企业公共服务平台",
            OTHER,
            NOTE,
        ),
    ),
    Boxes(
        "集群提供中小企业公共服务情况",
        "governance.services",
        (
            "集群已提供的中小企业公共服务：",
            "□信息服务\t\t□创业辅导\t\t□创新支持\t\t",
            "□人员培训\t\t□市场营销\t\t□投融资服务",
            "□管理咨询    □其他       ",
            NOTE,
        ),
    ),
    Boxes(
        "集群已开展的发展环境治理工作",
        "governance.work",
        (
            "□建立了专业化发展促进机构、开展共商共建共享",
            "□建立中小企业政策宣贯与对接机制",
            "□建立了中小企业合法权益保护机制",
            "□建立了公共服务效果考核机制",
            "□建立安全生产源头管控和隐患排查机制",
            "☐运用了数字化手段提升治理能力",
            "□建立了企业服务专员队伍",
            NOTE,
        ),
    ),
)
