"""广西 附件1 中小企业特色产业集群申报表 (广西壮族自治区工业和信息化厅 制), as the WPS file has it.

Transcribed from tests/seeds/guangxi-2025.txt.  The 填报说明 carry automatic numbers (the
extraction lost them), and the template's 联系人 labels are spaced with U+3000 as WPS templates
often are.
"""

from __future__ import annotations

from tests.wordforms.common import (
    ANNEX,
    CHAPTER,
    CLAUSE,
    COVER,
    TITLE,
    Blank,
    Direction,
    cover_line,
    instructions,
    opinion,
    outline,
    plan_table,
    section,
    sign_lines,
    signoff_table,
    stage,
    targets_table,
    written,
)
from tests.wordforms.guangxi_tables import (
    BASIC,
    DIGITAL,
    GOVERNANCE,
    GREEN,
    INDUSTRY,
    INNOVATION,
    OPEN,
)
from tests.wordforms.items import (
    table,
)
from tests.wordforms.layout import Fill
from tests.wordforms.ooxml import Para, Table
from tests.wordforms.package import Doc, Props, p

DIRECTIONS = (
    Direction(
        "plan.targets.leading",
        "主导产业",
        (
            ("近三年集群产值年均增速", "plan.targets.output_growth"),
            ("优质中小企业数量", "plan.targets.quality_smes"),
            ("......", None),
        ),
    ),
    Direction(
        "plan.targets.innovation",
        "创新",
        (
            ("研发经费投入", "plan.targets.rd_expense"),
            ("有效发明专利数量", "plan.targets.patents"),
            ("......", None),
        ),
    ),
    Direction(
        "plan.targets.digital",
        "数字化",
        (("工业互联网普及率", "plan.targets.iip_penetration"), ("......", None)),
    ),
    Direction(
        "plan.targets.green",
        "绿色化",
        (
            ("二氧化碳排放量", "plan.targets.co2"),
            ("单位工业产值能耗", "plan.targets.energy"),
            ("......", None),
        ),
    ),
    Direction("plan.targets.open", "开放合作", (("定性描述", "plan.targets.open_text"),)),
    Direction(
        "plan.targets.governance", "治理和服务", (("定性描述", "plan.targets.governance_text"),)
    ),
    Direction("plan.targets.other", "其它", (("......", None),)),
)

REMARKS = (
    "（备注：基准值须符合中小企业特色产业集群认定标准，2027年目标值须符合以下要求：",
    "",
    "近三年产值年均增速不低于10%",
    "",
    "优质中小企业数量逐年增加",
    "",
    "研发经费年均增速不低于10%",
    "",
    "有效发明专利数年均增长不低于15%",
    "",
    "工业互联网普及率不低于行业平均水平",
    "",
    "二氧化碳排放量下降率不低于行业平均水平",
    "",
    "集群单位工业产值能耗下降率不低于行业平均水平）",
)


INSTRUCTIONS = (
    "集群应如实填报所附各表。要求文字简洁，数据准确、详实，并提供必要的数据清单及佐证材料。填报数据将依权限对相关部门和单位开放共享，仅供审核验证和查阅用。",
    "各必填栏目不得空缺，无相关情况时应填写“无”；数据有小数时，保留小数点后2位。",
    "集群运营管理机构是指对产业集群集中运营管理的产业园区管委会、园区运营企业或公共服务机构等法人主体，基础建设单位不可作为集群运营管理机构。",
    "佐证材料包括主管部门、第三方机构出具的证明或申报主体自我声明。",
    "财务数据应以企业该年度会计报表期末数为准，单位采用人民币。其中，外商直接投资额、产品出口贸易额按照国民经济和社会发展统计公报中该年度的汇率进行换算。",
    "未注明填报年度的，请填写截止到2024年底的数据。",
    "主导产品按获得的产品收入占比或重要程度从高到低填写。",
    "集群内中小企业从业人员数是指集群内所有中小企业从业人员期末数之和。从业人员期末人数，为上年度末在企业工作，并取得工资或其他形式劳动报酬的人员数，是在岗职工、劳务派遣人员及其他从业人员之和。从业人员以上年度末数据为定量依据。",
    "企业研发费用是指企业研发活动中发生的相关费用，具体按照财政部、国家税务总局、科技部《关于完善研究开发费用税前加计扣除政策的通知》（财税〔2015〕119号）有关规定进行归集。",
    "未来三年中小企业特色产业集群发展规划中的发展目标依据《促进中小企业特色产业集群发展暂行办法》编制，要可考核，突出培育重点，分阶段合理制定年度目标。",
    " 为确保文件信息的正确采集，填表时不得改变表格样式，其中一至七部分不得串页。",
)


def _plan(f: Fill, doc: Doc) -> list[Para | Table]:
    chapter, clause = doc.numbering(CHAPTER), doc.numbering(CLAUSE)
    guidance = not f.blank
    intro = "包括集群主导产业在细分领域所处发展水平，行业地位，获得荣誉称号，以及相关政策制定与实施、优质市场主体培育、产业链供应链建设等方面近三年来发展情况。"
    results = "包括提升集群主导产业优势、激发集群创新活力、推进集群数字化升级、加快集群绿色低碳转型、深化集群开放合作、提升集群治理和服务能力等方面开展的工作和取得的成绩。"
    return [
        outline("（3000字以内）"),
        outline("一、集群基本情况简介", bold=True),
        *(
            written(f, "plan.text/intro")
            if guidance
            else [outline(""), outline(intro), outline("")]
        ),
        outline("二、发展成效", bold=True),
        *(written(f, "plan.text/results") if guidance else [outline(results), outline("")]),
        outline("存在的问题", num=chapter, bold=True),
        *written(f, "plan.text/problems"),
        outline("四、未来三年中小企业特色产业集群发展规划", bold=True),
        outline(""),
        outline("总体思路", num=clause, bold=True),
        *written(f, "plan.text/idea"),
        outline("发展目标", num=clause, bold=True),
        *written(f, "plan.text/goals"),
        outline("1.三年总体目标"),
        outline(""),
        outline(
            "（集群须围绕主导产业、创新、数字化、绿色化、开放合作、治理和服务等方面设定清晰、可考核的发展目标，鼓励集群根据自身特色增加考核指标，不局限于以上方面）"
        ),
        outline(""),
        targets_table(f, ("方向", "指标", "2024年基准值", "2027年目标值"), DIRECTIONS),
        *f.remark("plan.targets"),
        outline(""),
        *(outline(x) for x in REMARKS),
        outline("2.阶段性目标"),
        outline(""),
        *stage(f, "（1）2025年度", "plan.stages/2025", same_line=True),
        outline(""),
        *stage(f, "（2）2026年度", "plan.stages/2026", same_line=False),
        outline(""),
        *stage(f, "（3）2027年度", "plan.stages/2027", same_line=True),
        outline(""),
        outline("重点任务", num=clause, bold=True),
        *written(f, "plan.text/tasks"),
        outline("保障措施", num=clause, bold=True),
        *written(f, "plan.text/measures"),
        outline(""),
    ]


def _declaration(f: Fill) -> list[tuple[str, list[Para]]]:
    date = "年    月    日" if f.blank else f.shown.get("declaration/date", "年    月    日")
    statement = "本单位承诺此次申报中小企业特色产业集群的申请材料(包括附件资料)真实、合法。如有不实之处，本单位愿意负相应责任，并承担由此产生的一切后果。"
    return [
        (
            "真实性声明",
            [
                *sign_lines(
                    (
                        statement,
                        "",
                        "县级行政区划中小企业主管部门负责人（签字）：         ",
                        "县级行政区划中小企业主管部门（公章）：",
                        "",
                    )
                ),
                *sign_lines((date,), align="right"),
            ],
        ),
        (
            "市级中小企业主管部门推荐意见",
            [
                *opinion(f, "declaration.recommendation", blank_lines=0),
                *sign_lines(("推荐单位（公章）：       ",), align="center"),
                *sign_lines(("     年    月    日          ",), align="right"),
            ],
        ),
    ]


def document(f: Fill, props: Props) -> Doc:
    """The Guangxi form, blank or filled as ``f`` says."""
    doc = Doc(props=props, font="宋体")
    doc.para("附件1", style=ANNEX)
    doc.para("")
    doc.para("中小企业特色产业集群申报表", style=TITLE, align="center", before=600, after=900)
    doc.add(
        cover_line(f, "集群名称：", Blank("cover.cluster_name", 42)),
        p(""),
        p("（XX（省、市）XX（县、区）XX产业）", style=COVER, align="center"),
        cover_line(
            f,
            "所属地区：",
            Blank("cover.region#0", 4),
            "市",
            Blank("cover.region#1", 4),
            "县（市、区）",
        ),
        cover_line(f, "县级行政区划中小企业主管部门（盖章）：", Blank("cover.authority", 14)),
        cover_line(f, "集群运营管理机构：", Blank("cover.operator", 34)),
        cover_line(f, "申报时间：", Blank("cover.date", 42)),
        cover_line(f, "联系人及联系电话：", Blank("cover.contact", 34)),
        *f.remark("cover", COVER),
        p("广西壮族自治区工业和信息化厅 制", style=COVER, align="center", before=480),
    )
    doc.page_break()
    doc.para("填报说明", style=ANNEX, align="center", after=240)
    instructions(doc, INSTRUCTIONS, numbered=True)
    doc.page_break()
    for title, items, widths, anchor in (
        ("一、基本情况", BASIC, (2906, 1800, 1500, 2100), "basic"),
        ("二、主导产业情况", INDUSTRY, (2906, 1800, 1800, 1800), "industry"),
        ("三、创新能力情况", INNOVATION, (2006, *(700,) * 9), "innovation"),
        ("四、数字化升级情况", DIGITAL, (2306, 2000, 2000, 2000), "digital"),
        ("五、绿色化转型情况", GREEN, (2906, 1800, 1800, 1800), "green"),
        ("六、开放合作情况", OPEN, (2906, 5400), "open"),
        ("七、治理和服务水平", GOVERNANCE, (2606, 2700, 3000), "governance"),
    ):
        section(doc, title, table(f, items, widths), remark=f.remark(anchor))
    doc.page_break()
    section(doc, "八、未来三年中小企业特色产业集群发展规划", plan_table(_plan(f, doc)))
    section(doc, "九、真实性声明及推荐意见", signoff_table(_declaration(f)))
    return doc
