"""附件1 中小企业特色产业集群申报表 (工业和信息化部 制) and 附件2 推荐集群汇总表, as the Word file has them.

Transcribed from tests/seeds/national-2023.txt (the Sichuan circular 川经信办函〔2023〕220号 forwarding
the MIIT template).  Boxes where the seed shows a lost ``(`` are Wingdings symbols (``☐`` here).
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
    roster_table,
    section,
    sign_lines,
    signoff_table,
    stage,
    targets_table,
    written,
)
from tests.wordforms.items import (
    table,
)
from tests.wordforms.layout import Fill
from tests.wordforms.national_tables import (
    BASIC,
    DIGITAL,
    GOVERNANCE,
    GREEN,
    INDUSTRY,
    INNOVATION,
    INSTRUCTIONS,
    OPEN,
)
from tests.wordforms.ooxml import TEXT_WIDTH_LANDSCAPE, Para, Table
from tests.wordforms.package import Doc, Props, p

DIRECTIONS = (
    Direction(
        "plan.targets.leading",
        "主导产业",
        (
            ("集群产值年均增速", "plan.targets.output_growth"),
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
    "（备注：基准值须符合中小企业特色产业集群认定标准，2025年目标值须符合以下要求：",
    "",
    "产值年均增速不低于10%",
    "",
    "优质中小企业数量逐年增加",
    "",
    "研发经费年均增速不低于10%",
    "",
    "有效发明专利数年均增长不低于15%",
    "",
    "工业互联网普及率达到45%左右",
    "",
    "二氧化碳排放量降低达到18%左右",
    "",
    "集群单位工业产值能耗下降达到13.5%左右）",
)


def _plan(f: Fill, doc: Doc) -> list[Para | Table]:
    chapter, clause = doc.numbering(CHAPTER), doc.numbering(CLAUSE)
    guidance = not f.blank  # filled in, the person wrote over the template's guidance lines
    return [
        outline("（3000字以内）"),
        outline("一、集群基本情况简介", bold=True),
        *(
            written(f, "plan.text/intro")
            if guidance
            else [
                outline(""),
                outline(
                    "包括总体情况、主导产业、产业集群相关政策制定与实施情况、优质市场主体培育、品牌打造、产业链供应链建设等方面近三年来发展情况、在行业中所处的地位等。"
                ),
                outline(""),
            ]
        ),
        outline("二、发展成效", bold=True),
        *(
            written(f, "plan.text/results")
            if guidance
            else [
                outline(
                    "包括提升集群主导产业优势、激发集群创新活力、推进集群数字化升级、加快集群绿色低碳转型、深化集群开放合作、提升集群治理和服务能力等方面开展的工作和取得的成绩。"
                ),
                outline(""),
            ]
        ),
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
        targets_table(f, ("方向", "指标", "2022年基准值", "2025年目标值"), DIRECTIONS),
        *f.remark("plan.targets"),
        outline(""),
        *(outline(x) for x in REMARKS),
        outline("2.阶段性目标"),
        outline(""),
        *stage(f, "（1）2023年度", "plan.stages/2023", same_line=False),
        outline(""),
        *stage(f, "（2）2024年度", "plan.stages/2024", same_line=False),
        outline(""),
        *stage(f, "（3）2025年度", "plan.stages/2025", same_line=False),
        outline(""),
        outline("重点任务", num=clause, bold=True),
        *written(f, "plan.text/tasks"),
        outline("保障措施", num=clause, bold=True),
        *written(f, "plan.text/measures"),
    ]


def _declaration(f: Fill) -> list[tuple[str, list[Para]]]:
    date = f.shown.get("declaration/date", "年    月    日") if not f.blank else "年    月    日"
    return [
        (
            "真实性声明",
            [
                *sign_lines(
                    (
                        "本单位承诺此次申报中小企业特色产业集群的申请材料(包括附件资料)真实、合法。如有不实之处，本单位愿意负相应法律责任，并承担由此产生的一切后果。",
                        "",
                    )
                ),
                *sign_lines(
                    (
                        "县级行政区划中小企业主管部门负责人（签字）：         ",
                        "县级行政区划中小企业主管部门（公章）：",
                        "",
                    )
                ),
                *sign_lines((date,), align="right"),
            ],
        ),
        (
            "省级中小企业主管部门推荐意见",
            [
                *opinion(f, "declaration.recommendation", blank_lines=0),
                *sign_lines(("推荐单位（公章）：       ",), align="center"),
                *sign_lines(("     年    月    日          ",), align="right"),
            ],
        ),
    ]


SUMMARY_HEADER = (
    "序号",
    "集群名称",
    "集群运营机构",
    "所在市（县、区）",
    "主导产业",
    "集群成立时间",
    "集群简介",
)
SUMMARY_PROMPT = "集群主导产业链条描述，行业地位、荣誉称号等，2022年，集群总产值，中小企业数量，专精特新及专精特新“小巨人”、制造业单项冠军企业数量。近三年集群中小企业主持制修订国家和行业标准数量，中小企业有效发明专利数量，万人发明专利拥有量等。限300字以内。"
SUMMARY_KEYS = (
    "seq",
    "cluster_name",
    "operator",
    "location",
    "leading_industry",
    "founded",
    "intro",
)


def document(f: Fill, props: Props) -> Doc:
    """The national form (附件1 and 附件2), blank or filled as ``f`` says."""
    doc = Doc(props=props)
    doc.para("附件1", style=ANNEX)
    doc.para("中小企业特色产业集群申报表", style=TITLE, align="center", before=600, after=900)
    doc.add(
        cover_line(f, "集群名称：", Blank("cover.cluster_name", 42)),
        p(""),
        p("（XX（省、市）XX（县、区）XX产业）", style=COVER, align="center"),
        cover_line(
            f,
            "所属地区：",
            Blank("cover.region#0", 4),
            "省（区、市）",
            Blank("cover.region#1", 4),
            "市（区）",
            Blank("cover.region#2", 3),
            "县（市、区）",
        ),
        cover_line(f, "县级行政区划中小企业主管部门（盖章）：", Blank("cover.authority", 14)),
        cover_line(f, "集群运营管理机构：", Blank("cover.operator", 34)),
        cover_line(f, "申报时间：", Blank("cover.date", 42)),
        cover_line(f, "联系人及联系电话：", Blank("cover.contact", 34)),
        *f.remark("cover"),
        p("工业和信息化部 制", style=COVER, align="center", before=480),
    )
    doc.page_break()
    doc.para("填报说明", style=ANNEX, align="center", after=240)
    instructions(doc, INSTRUCTIONS, numbered=True)
    doc.page_break()
    for title, items, widths, anchor in (
        ("一、基本情况", BASIC, (2700, 1950, 1500, 2156), "basic"),
        ("二、主导产业情况", INDUSTRY, (2906, 1800, 1800, 1800), "industry"),
        ("三、创新能力情况", INNOVATION, (2006, *(700,) * 9), "innovation"),
        ("四、数字化升级情况", DIGITAL, (2306, 2000, 2000, 2000), "digital"),
        ("五、绿色化转型情况", GREEN, (2906, 1800, 1800, 1800), "green"),
        ("六、开放合作情况", OPEN, (2906, 5400), "open"),
        ("七、治理和服务水平", GOVERNANCE, (2906, 5400), "governance"),
    ):
        section(doc, title, table(f, items, widths), remark=f.remark(anchor))
    doc.page_break()
    section(doc, "八、未来三年中小企业特色产业集群发展规划", plan_table(_plan(f, doc)))
    section(doc, "九、真实性声明及推荐意见", signoff_table(_declaration(f)))
    doc.section(landscape=True)
    doc.para("附件2", style=ANNEX)
    doc.para("")
    doc.para("推荐集群汇总表", style=TITLE, align="center", after=240)
    summary_widths = (700, 2000, 2000, 1600, 1400, 1400, 4858)
    assert sum(summary_widths) == TEXT_WIDTH_LANDSCAPE
    template = [
        ("1", "", "", "", "", "", SUMMARY_PROMPT),
        ("2", "", "", "", "", "", ""),
        ("3", "", "", "", "", "", ""),
    ]
    doc.add(
        roster_table(
            f,
            SUMMARY_HEADER,
            widths=summary_widths,
            template_rows=template,
            rows_slot="summary.clusters",
            keys=SUMMARY_KEYS,
        )
    )
    doc.add(*f.remark("summary"))
    return doc
