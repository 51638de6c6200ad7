"""江苏省中小企业特色产业集群申报表 (江苏省工业和信息化厅 制) with 承诺函 and 撰写提纲, as the Word file has them.

Transcribed from tests/seeds/jiangsu-2024.txt.  The seed's "1." on every 填报说明 item, outline
heading and 备注 line is the template's automatic numbering.
"""

from __future__ import annotations

from tests.wordforms.common import (
    CHAPTER,
    CLAUSE,
    COVER,
    DECIMAL,
    PROSE,
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
from tests.wordforms.items import (
    table,
)
from tests.wordforms.jiangsu_tables import (
    BASIC,
    DIGITAL,
    GOVERNANCE,
    GREEN,
    INDUSTRY,
    INNOVATION,
    INSTRUCTIONS,
    OPEN,
)
from tests.wordforms.layout import Fill
from tests.wordforms.markup import typed
from tests.wordforms.ooxml import Para, Table
from tests.wordforms.package import Doc, Props, Style, p

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
    "产值年均增速不低于10%",
    "优质中小企业数量逐年增加",
    "研发经费年均增速不低于10%",
    "有效发明专利数年均增长不低于15%",
    "工业互联网普及率达到45%左右",
    "二氧化碳排放量降低达到18%左右",
    "集群单位工业产值能耗下降达到13.5%左右）",
)

COMMITMENT = "我市本次申报的XXX集群主导产业不属于国家规定的禁止、限制和淘汰类产业；集群及集群内企业近三年未发生较大及以上安全、质量和环境污染等事故，重大及以上网络安全事件和数据安全事件，不存在偷税漏税、严重失信等其他重大违法违规行为。"

OUTLINE = (
    "一、集群总体情况",
    "1、集群基本信息（200字以内，下同）",
    "2、集群发展水平及在细分领域全省及全国排名情况",
    "二、主导产业",
    "^3、与集群主导产业相关的规上工业企业数量及2023年企业产值（需提供清单，县级以上统计部门盖章）",
    "4、集群产业链强链补链情况",
    "5、集群内产业链资源协同协作情况",
    "6、集群质量品牌建设情况",
    "三、创新能力",
    "7、协同创新总体情况",
    "四、数字化升级",
    "8、集群智能化改造数字化转型情况",
    "9、集群数字化服务总体情况",
    "五、绿色化转型",
    "10、集群绿色低碳相关工作情况",
    "六、开发合作",
    "11、集群国际合作交流总体情况",
    "七、治理和服务能力",
    "12、集群发展环境情况",
)


def _plan(f: Fill, doc: Doc) -> list[Para | Table]:
    chapter, clause, remark = doc.numbering(CHAPTER), doc.numbering(CLAUSE), doc.numbering(DECIMAL)
    guidance = not f.blank
    intro = "包括总体情况、主导产业、产业集群相关政策制定与实施情况、优质市场主体培育、品牌打造、产业链供应链建设等方面近三年来发展情况、在行业中所处的地位等。"
    results = "包括提升集群主导产业优势、激发集群创新活力、推进集群数字化升级、加快集群绿色低碳转型、深化集群开放合作、提升集群治理和服务能力等方面开展的工作和取得的成绩。"
    return [
        outline("（3000字以内）"),
        outline("一、集群基本情况简介", bold=True),
        *(written(f, "plan.text/intro") if guidance else [outline(intro)]),
        outline("二、发展成效", bold=True),
        *(written(f, "plan.text/results") if guidance else [outline(results)]),
        outline("存在的问题", num=chapter, bold=True),
        *(written(f, "plan.text/problems") if guidance else []),
        outline("四、未来三年中小企业特色产业集群发展规划", bold=True),
        outline("总体思路", num=clause, bold=True),
        *(written(f, "plan.text/idea") if guidance else []),
        outline("发展目标", num=clause, bold=True),
        *(written(f, "plan.text/goals") if guidance else []),
        outline("1.三年总体目标"),
        outline(
            "（集群须围绕主导产业、创新、数字化、绿色化、开放合作、治理和服务等方面设定清晰、可考核的发展目标，鼓励集群根据自身特色增加考核指标）"
        ),
        targets_table(f, ("方向", "指标", "2023年基准值", "2026年目标值"), DIRECTIONS),
        *f.remark("plan.targets"),
        outline(""),
        outline("（备注：基准值须符合中小企业特色产业集群认定标准，2026年目标值须符合以下要求："),
        *(outline(x, num=remark) for x in REMARKS),
        outline("2.阶段性目标"),
        *stage(f, "（1）2024年度", "plan.stages/2024", same_line=True),
        *stage(f, "（2）2025年度", "plan.stages/2025", same_line=True),
        *stage(f, "（3）2026年度", "plan.stages/2026", same_line=True),
        outline("重点任务", num=clause, bold=True),
        *(written(f, "plan.text/tasks") if guidance else []),
        outline("保障措施", num=clause, bold=True),
        *(written(f, "plan.text/measures") if guidance else []),
    ]


def _declaration(f: Fill) -> list[tuple[str, list[Para]]]:
    date = "年    月    日" if f.blank else f.shown.get("declaration/date", "年    月    日")
    statement = "本单位承诺此次申报中小企业特色产业集群的申请材料（包括附件资料）真实、合法。如有不实之处，本单位愿意负相应责任，并承担由此产生的一切后果。"
    return [
        (
            "真实性声明",
            [
                *sign_lines(
                    (
                        statement,
                        "",
                        "",
                        "",
                        "县级行政区划中小企业主管部门负责人（签字）：         ",
                        "",
                        "",
                        "",
                    )
                ),
                *sign_lines(("县级行政区划中小企业主管部门（公章）：", "")),
                *sign_lines((date,), align="right"),
            ],
        ),
        (
            "设区市中小企业主管部门推荐意见",
            [
                *opinion(f, "declaration.recommendation", blank_lines=5),
                *sign_lines(("推荐单位（公章）：       ",), align="center"),
                *sign_lines(("     年    月    日          ", "", "", ""), align="right"),
            ],
        ),
    ]


def document(f: Fill, props: Props) -> Doc:
    """The Jiangsu form with its 承诺函 and 撰写提纲, blank or filled as ``f`` says."""
    doc = Doc(props=props)
    doc.para(
        " 江苏省中小企业特色产业集群申报表", style=TITLE, align="center", before=600, after=900
    )
    doc.add(
        cover_line(
            f,
            "集群名称：",
            Blank("cover.cluster_name#0", 7),
            "市",
            Blank("cover.cluster_name#1", 7),
            "县（市、区）",
            Blank("cover.cluster_name#2", 10),
            "产业",
        ),
        cover_line(
            f,
            "所属地区：",
            Blank("cover.region#0", 14),
            "市",
            Blank("cover.region#1", 15),
            "县（市、区）",
        ),
        cover_line(f, "县级行政区划中小企业主管部门（盖章）：", Blank("cover.authority", 14)),
        cover_line(f, "集群运营管理机构：", Blank("cover.operator", 34)),
        cover_line(f, "申报时间：", Blank("cover.date", 42)),
        cover_line(f, "联系人及联系电话：", Blank("cover.contact", 34)),
        *f.remark("cover", COVER),
        p(""),
        p(""),
        p("江苏省工业和信息化厅 制", style=COVER, align="center", before=480),
    )
    doc.page_break()
    doc.para("填报说明", style=Style(size=16, font="黑体"), align="center", after=240)
    instructions(doc, INSTRUCTIONS, numbered=True)
    doc.page_break()
    for title, items, widths, anchor in (
        ("一、基本情况", BASIC, (2906, 1800, 1500, 2100), "basic"),
        ("二、主导产业情况", INDUSTRY, (2906, 1800, 1800, 1800), "industry"),
        ("三、创新能力情况", INNOVATION, (2006, *(700,) * 9), "innovation"),
        ("四、数字化升级情况", DIGITAL, (2906, 1800, 1800, 1800), "digital"),
        ("五、绿色化转型情况", GREEN, (2906, 1800, 1800, 1800), "green"),
        ("六、开放合作情况", OPEN, (2906, 5400), "open"),
        ("七、治理和服务水平", GOVERNANCE, (2906, 5400), "governance"),
    ):
        section(doc, title, table(f, items, widths), remark=f.remark(anchor))
    doc.page_break()
    section(doc, "八、未来三年中小企业特色产业集群发展规划", plan_table(_plan(f, doc)))
    section(doc, "九、真实性声明及推荐意见", signoff_table(_declaration(f)))
    doc.page_break()
    _appendices(f, doc)
    return doc


def _appendices(f: Fill, doc: Doc) -> None:
    doc.para("承诺函", style=TITLE, align="center", after=480)
    commitment = COMMITMENT if f.blank else f.shown.get("commitment", COMMITMENT)
    doc.add(
        p("省工业和信息化厅：", style=PROSE, line=480),
        *(Para(q.inlines, first_line_chars=200, line=480) for q in typed(commitment, PROSE)),
        p("特此承诺。", style=PROSE, first_line_chars=200, line=480),
        p("", style=PROSE),
        p(
            "XXX市工业和信息化局"
            if f.blank
            else f.shown.get("commitment/by", "XXX市工业和信息化局"),
            style=PROSE,
            align="right",
        ),
        p("（公章）", style=PROSE, align="right"),
        p(
            "  年  月  日" if f.blank else f.shown.get("commitment/date", "  年  月  日"),
            style=PROSE,
            align="right",
        ),
        p(" ", style=PROSE),
    )
    doc.page_break()
    doc.para(
        "江苏省中小企业特色产业集群情况撰写提纲",
        style=Style(size=18, font="方正小标宋简体"),
        align="center",
        after=360,
    )
    for line in OUTLINE:
        bold = line[1] == "、" and not line[0].isdigit()
        doc.add(
            *(
                Para(q.inlines, first_line_chars=200, line=360)
                for q in typed(line, Style(size=14, bold=bold, font="仿宋_GB2312"))
            )
        )
