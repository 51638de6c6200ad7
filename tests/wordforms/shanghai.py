"""上海市中小企业特色产业集群申报表 with 相关指标填报说明及佐证材料, as the Word file has it.

Transcribed from tests/seeds/shanghai-2023.txt.  The extraction lost the cover title (the
appendix names the form 《上海市中小企业特色产业集群申报表》, so the cover carries that title) and
two boxes entirely ("否" of 能效水平, "运用了数字化手段提升治理能力"): those are Wingdings boxes here.
"""

from __future__ import annotations

from tests.wordforms.common import (
    BOLD,
    COVER,
    HEADING,
    PROSE,
    TITLE,
    Blank,
    cover_line,
    opinion,
    outline,
    plan_table,
    sign_lines,
    written,
)
from tests.wordforms.items import (
    table,
)
from tests.wordforms.layout import BODY, TALL, Fill
from tests.wordforms.ooxml import TEXT_WIDTH, Cell, Para, Row, Table
from tests.wordforms.package import Doc, Props, p
from tests.wordforms.shanghai_notes import NOTES
from tests.wordforms.shanghai_tables import (
    BASIC,
    DIGITAL,
    GOVERNANCE,
    GREEN,
    INDUSTRY,
    INNOVATION,
    OPEN,
)

COVER_TITLE = "上海市中小企业特色产业集群申报表"


def _plan(f: Fill) -> list[Para | Table]:
    guidance = not f.blank
    intro = "包括总体情况、主导产业、产业集群相关政策制定与实施情况、优质市场主体培育、品牌打造、产业链供应链建设等方面近三年来发展情况、在行业中所处的地位等。"
    results = "包括提升集群主导产业优势、激发集群创新活力、推进集群数字化升级、加快集群绿色低碳转型、深化集群开放合作、提升集群治理和服务能力等方面开展的工作和取得的成绩。"
    goals = "（集群须围绕主导产业、创新、数字化、绿色化、开放合作、治理和服务等方面设定清晰、可考核的发展目标，鼓励集群根据自身特色增加考核指标，不局限于以上方面）"
    return [
        outline("（2000字以内）"),
        outline("一、集群基本情况简介", bold=True),
        *(written(f, "plan.text/intro") if guidance else [outline(intro)]),
        outline("二、发展成效", bold=True),
        *(written(f, "plan.text/results") if guidance else [outline(results)]),
        outline("三、未来三年中小企业特色产业集群发展规划", bold=True),
        outline("（1） 总体思路"),
        *(written(f, "plan.text/idea") if guidance else []),
        outline("（2） 发展目标"),
        outline(goals),
        *(written(f, "plan.text/goals") if guidance else []),
        outline("（3） 重点任务"),
        *(written(f, "plan.text/tasks") if guidance else []),
        outline("（4） 保障措施"),
        *(written(f, "plan.text/measures") if guidance else []),
    ]


def _declaration(f: Fill) -> Table:
    """Section 九: here a label cell beside each block, not a title row above it."""
    date = "年    月    日" if f.blank else f.shown.get("declaration/date", "年    月    日")
    statement = "本单位承诺此次申报中小企业特色产业集群的申请材料(包括附件资料)真实、合法。如有不实之处，本单位愿意负相应责任，并承担由此产生的一切后果。"
    first = [
        *sign_lines(
            (
                statement,
                "",
                "",
                "",
                "",
                "单位负责人（签字）：         ",
                "",
                "申报单位（公章）：",
                "",
            )
        ),
        *sign_lines(("                                 " + date,), align="right"),
    ]
    second = [
        *opinion(f, "declaration.recommendation", blank_lines=5),
        *sign_lines(
            ("                    推荐单位（公章）：       ", "                              "),
            align="center",
        ),
        *sign_lines(("         年    月    日          ",), align="right"),
    ]
    rows = (
        Row(
            (
                Cell((p("真实性声明", style=BOLD, align="center"),)),
                Cell(tuple(first), valign="top"),
            ),
            height=TALL,
        ),
        Row(
            (
                Cell((p("区级中小企业主管部门推荐意见", style=BOLD, align="center"),)),
                Cell(tuple(second), valign="top"),
            ),
            height=TALL,
        ),
    )
    return Table(rows, (1800, TEXT_WIDTH - 1800))


def _heading(text: str) -> Para:
    return p("    " + text, style=HEADING, before=240, after=120, keep_next=True)


def document(f: Fill, props: Props) -> Doc:
    """The Shanghai form with its 相关指标填报说明, blank or filled as ``f`` says."""
    doc = Doc(props=props)
    doc.para(COVER_TITLE, style=TITLE, align="center", before=1800, after=1200)
    doc.add(
        cover_line(f, " 集群名称：", Blank("cover.cluster_name", 42)),
        p("（上海市XX区XX产业）", style=COVER, align="center"),
        cover_line(f, "所属区：", Blank("cover.region", 44)),
        cover_line(f, "区中小企业主管部门（盖章）：", Blank("cover.authority", 25)),
        cover_line(f, "申报单位：", Blank("cover.operator", 34)),
        cover_line(f, "申报时间：", Blank("cover.date", 42)),
        cover_line(f, "联系人及联系电话：", Blank("cover.contact", 34)),
        *f.remark("cover", COVER),
    )
    doc.page_break()
    for i, (title, items, widths) in enumerate(
        (
            ("一、基本情况", BASIC, (2906, 1800, 1500, 2100)),
            ("二、主导产业情况", INDUSTRY, (2906, 1800, 1800, 1800)),
            ("三、创新能力情况", INNOVATION, (2006, *(700,) * 9)),
            ("四、数字化升级情况", DIGITAL, (2906, 1800, 1800, 1800)),
            ("五、绿色化转型情况", GREEN, (2906, 1800, 1800, 1800)),
            ("六、开放合作情况", OPEN, (2906, 1800, 1800, 1800)),
            ("七、治理和服务水平", GOVERNANCE, (2906, 5400)),
        )
    ):
        doc.add(_heading(title) if i else p(" " + title, style=HEADING, after=120, keep_next=True))
        doc.add(table(f, items, widths), *f.remark(title[:1]))
    doc.page_break()
    doc.add(_heading("八、未来三年中小企业特色产业集群发展规划"), plan_table(_plan(f)))
    doc.add(_heading("九、真实性声明及推荐意见"), _declaration(f))
    doc.page_break()
    doc.para(" 《上海市中小企业特色产业集群申报表》", style=TITLE, align="center")
    doc.para("相关指标填报说明及佐证材料", style=TITLE, align="center", after=360)
    for note in NOTES:
        doc.para(note, style=PROSE, first_line_chars=200, line=360)
    doc.para(" ", style=BODY)
    return doc
