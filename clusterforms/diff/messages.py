"""The catalogue of every sentence a diff, matrix or migration report says: Chinese and English.

The readers are provincial and county staff, so reports speak Chinese by
default and English on request, exactly as validation does.  Each entry is a
stable message code with a ``(zh, en)`` pair of ``str.format`` templates
that take the same fields.  The English text of a change is also its
``summary`` in the JSON, so the JSON reads as before.  Words that stand for a
code (an attribute, an item kind, a flag's value) are entries too: a Chinese
report shows 必填, not ``required``, and the code stays beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeAlias

#: The languages a report can be written in: ``zh`` (the default) or ``en``.
Lang: TypeAlias = Literal["zh", "en"]

_CHANGES: dict[str, tuple[str, str]] = {
    # the year window and metadata
    "years_shifted": (
        "填报年度整体移动：两表共有年度以外的逐年数据不能沿用",
        "year window shifted: per-year values outside the overlap cannot carry over",
    ),
    "years_shifted.window": (
        "数据年度 {span}，规划 {baseline}→{target}",
        "data years {span}, plan {baseline}→{target}",
    ),
    "years_shifted.declaration": ("申报年度 {old} → {new}", "declaration year {old} → {new}"),
    "years_shifted.texts": (
        "只随年度移动而改了年份的文字：{subjects}",
        "texts that only move their years with the window: {subjects}",
    ),
    "years_shifted.none": ("无", "none"),
    "metadata_changed": ("{name}已修改", "{name} changed"),
    "metadata_changed.declaration_year": ("申报年度已修改", "declaration year changed"),
    # the cover and the 填报说明
    "cover_changed": ("封面{name}已修改", "cover {name} changed"),
    "cover_line_changed": ("封面栏目的{name}已修改", "cover line {name} changed"),
    "cover_line_removed": ("删除封面栏目", "cover line removed"),
    "cover_line_added": ("新增封面栏目（为必填栏目）", "cover line added (a required field)"),
    "cover_lines_reordered": (
        "封面栏目调整顺序（移动的：{moved}）",
        "cover lines reordered ({moved} moved)",
    ),
    "paragraph_changed": ("段落已修改", "paragraph changed"),
    "paragraph_removed": ("删除段落", "paragraph removed"),
    "paragraph_added": ("新增段落", "paragraph added"),
    # sections
    "section_retitled": ("部分标题已修改", "section retitled"),
    "section_page_break": ("分页已修改", "page break changed"),
    "section_heading": ("部分抬头已修改", "section heading changed"),
    "section_orientation": ("页面方向已修改", "page orientation changed"),
    "section_added": ("新增部分", "section added"),
    "section_removed": ("删除部分", "section removed"),
    "section_matched": (
        "按标题相似度与部分 {old} 配对",
        "paired by title similarity with section {old}",
    ),
    "section_moved": ("部分在表中的位置已调整", "section moved in the form's order"),
    # items
    "item_matched": (
        "编号不同，按名称相似度与 {old} 配对",
        "paired by label similarity with {old} (ids differ)",
    ),
    "item_moved_section": ("移到另一部分", "moved to another section"),
    "item_moved_parent": ("移到另一栏目组", "moved into another block"),
    "item_moved_position": ("在本部分内调整了位置", "moved within its section"),
    "item_added_required": ("新增栏目（必填）", "item added (required)"),
    "item_added_optional": ("新增栏目（选填）", "item added (optional)"),
    "item_added_layout": ("新增{kind}", "{kind} added"),
    "item_removed": ("删除栏目", "item removed"),
    "item_removed_layout": ("删除{kind}", "{kind} removed"),
    "kind_changed": ("栏目类型已修改", "kind changed"),
    "attribute_changed": ("{name}已修改", "{name} changed"),
    "unit_changed": ("计量单位已修改", "unit changed"),
    "decimals_changed": ("小数位数已修改", "decimal places changed"),
    "now_required": ("改为必填", "now required"),
    "no_longer_required": ("改为选填", "no longer required"),
    "now_allows_none": ("改为可填写“无”", "now takes 无"),
    "now_refuses_none": ("改为不得填写“无”", "no longer takes 无"),
    "max_chars_tightened": ("字数限制收紧", "character limit tightened"),
    "max_chars_relaxed": ("字数限制放宽", "character limit relaxed"),
    "range_tightened": ("{name}收紧", "{name} tightened"),
    "range_relaxed": ("{name}放宽", "{name} relaxed"),
    "value_kind_changed": ("数值与整数之间改变", "values changed between number and count"),
    "evidence_now": (
        "勾选的选项改为需提供佐证材料",
        "checked options now need evidence (佐证材料)",
    ),
    "evidence_no_longer": (
        "勾选的选项不再需要佐证材料",
        "checked options no longer need evidence (佐证材料)",
    ),
    "opinion_added": ("新增书面意见", "written opinion added"),
    "opinion_removed": ("删除书面意见", "written opinion removed"),
    # options
    "option_removed": ("删除{what}", "{what} removed"),
    "option_added": ("新增{what}", "{what} added"),
    "options_reordered": ("{name}调整顺序（移动的：{moved}）", "{name} reordered ({moved} moved)"),
    "option_relabelled": ("选项文字已修改", "option relabelled"),
    "option_free_text_now": ("选项改为需填写具体内容", "option now needs a filled-in blank"),
    "option_free_text_no_longer": (
        "选项不再需要填写具体内容",
        "option no longer needs a filled-in blank",
    ),
    "option_explain_now": ("选项改为需附情况说明", "option now needs an explanation"),
    "option_explain_no_longer": ("选项不再需要附情况说明", "option no longer needs an explanation"),
    "option_evidence_now": ("选项改为需提供佐证材料", "option now needs evidence (佐证材料)"),
    "option_evidence_no_longer": (
        "选项不再需要佐证材料",
        "option no longer needs evidence (佐证材料)",
    ),
    # roster columns
    "column_label_changed": ("列名已修改", "column label changed"),
    "column_prompt_changed": ("列的提示已修改", "column prompt changed"),
    "column_numbering_changed": ("列的编号方式已修改", "column numbering changed"),
    "column_removed": ("删除列", "column removed"),
    "column_added": ("新增列", "column added"),
    "columns_reordered": ("列调整顺序（移动的：{moved}）", "columns reordered ({moved} moved)"),
    "column_max_chars_tightened": ("列的字数限制收紧", "column character limit tightened"),
    "column_max_chars_relaxed": ("列的字数限制放宽", "column character limit relaxed"),
    # the target table
    "direction_relabelled": ("方向名称已修改", "direction relabelled"),
    "direction_open_label_changed": ("加行的提示文字已修改", "extra-row label changed"),
    "target_value_kind_changed": ("数值与文字之间改变", "value changed between number and text"),
    "direction_removed": ("删除方向", "direction removed"),
    "direction_added": ("新增方向", "direction added"),
    "directions_reordered": (
        "方向调整顺序（移动的：{moved}）",
        "directions reordered ({moved} moved)",
    ),
    "direction_open_allowed": (
        "允许自行增加指标行（……）",
        "extra indicator rows (……) allowed",
    ),
    "direction_open_not_allowed": (
        "不再允许自行增加指标行（……）",
        "extra indicator rows (……) no longer allowed",
    ),
    "target_row_moved": ("移到另一方向", "moved to another direction"),
    "indicator_relabelled": ("指标名称已修改", "indicator relabelled"),
    "target_row_removed": ("删除指标行", "target row removed"),
    "target_row_added": ("新增指标行", "target row added"),
    "target_row_added_required": ("新增指标行（必填）", "target row added (required)"),
    "target_rows_reordered": (
        "指标行调整顺序（移动的：{moved}）",
        "rows reordered ({moved} moved)",
    ),
    "target_rule_removed": ("删除备注要求", "target rule removed"),
    "target_rule_added": ("新增备注要求", "target rule added"),
    "target_rules_reordered": (
        "备注要求调整顺序（移动的：{moved}）",
        "rules reordered ({moved} moved)",
    ),
    "target_rule_wording_changed": ("备注要求的文字已修改", "target rule wording changed"),
    "target_rule_check_changed": ("备注要求的校验已修改", "target rule check changed"),
    # appendices, rules, criteria
    "appendix_changed": ("附件{name}已修改", "{name} changed"),
    "appendix_rows_changed": ("空白行数已修改", "blank rows changed"),
    "appendix_column_changed": ("列的{name}已修改", "column {name} changed"),
    "appendix_table_added": ("新增表格", "table added"),
    "appendix_table_removed": ("删除表格", "table removed"),
    "appendix_columns_reordered": ("列调整顺序", "columns reordered"),
    "appendix_removed": ("删除附件", "appendix removed"),
    "appendix_added": ("新增附件", "appendix added"),
    "appendices_reordered": (
        "附件调整顺序（移动的：{moved}）",
        "appendices reordered ({moved} moved)",
    ),
    "rule_source_changed": ("规则出处已修改", "rule source changed"),
    "rule_removed": ("删除校验规则", "rule removed"),
    "rule_added": ("新增校验规则", "rule added"),
    "rule_changed": ("校验规则已修改", "rule changed"),
    "criterion_changed": ("{name}已修改", "{name} changed"),
    "criterion_removed": ("删除认定标准", "criterion removed"),
    "criterion_added": ("新增认定标准", "criterion added"),
    "conditions_changed": ("认定条件已修改", "conditions changed"),
}

#: The words of the reports around the changes.
_REPORT: dict[str, tuple[str, str]] = {
    "impact.breaking": ("不兼容", "breaking"),
    "impact.additive": ("新增", "additive"),
    "impact.wording": ("文字", "wording"),
    "explain.breaking": (
        "按旧表填报的数据不能原样沿用，或可能通不过新表的校验",
        "data filled in for the old form cannot be carried over as is",
    ),
    "explain.additive": (
        "新表要求或允许填报更多内容，旧数据仍然有效",
        "the new form asks for or accepts more",
    ),
    "explain.wording": ("只改了文字和版式，已填数据不受影响", "text and layout only"),
    "summary": (
        "{old} → {new}：共 {total} 处变化 — {counts}",
        "{old} → {new}: {total} changes — {counts}",
    ),
    "count": ("{impact} {n}", "{n} {impact}"),
    "count_sep": ("，", ", "),
    "explained": ("{explained}。", "{explained}."),
    "explained_sep": ("；", "; "),
    "legend": (
        "（! 不兼容：旧数据不能原样沿用 · + 新增：旧数据仍然有效 · ~ 文字：不影响已填数据）",
        "(! breaking: old data cannot carry over as is · + additive · ~ wording)",
    ),
    "showing_only": ("（只列出{impacts}）", "(showing {impacts} only)"),
    "showing_only_md": ("只列出{impacts}变化。", "Showing {impacts} changes only."),
    "label_matching": (
        "（编号对不上：栏目也按名称配对，阈值 {threshold}）",
        "(ids did not line up: items were also paired by label, threshold {threshold})",
    ),
    "label_matching_md": (
        "编号对不上：栏目也按名称配对（阈值 {threshold}）。",
        "Ids did not line up: items were also paired by label (threshold {threshold}).",
    ),
    "similarity": ("名称相似度 {score}", "label similarity {score}"),
    "total_changes": ("共 {total} 处变化", "{total} changes"),
    "show": ("显示", "show"),
    "same": ("两份表格相同。", "The two specs are the same."),
    "column.class": ("类别", "class"),
    "column.item": ("栏目", "item"),
    "column.change": ("变化", "change"),
    "group.#form": ("表格信息", "表格信息 form"),
    "group.#cover": ("封面", "封面 cover"),
    "group.#instructions": ("填报说明", "填报说明 instructions"),
    "group.#rules": ("校验规则", "校验规则 consistency rules"),
    "group.#criteria": ("认定标准", "认定标准 recognition criteria"),
    "group.#appendices": ("附件", "附件 appendices"),
    # the item matrix
    "matrix.present": ("有", "present"),
    "matrix.absent": ("无", "absent"),
    "matrix.label_differs": ("名称不同", "label differs"),
    "matrix.kind_differs": ("类型不同", "kind differs"),
    "matrix.compared": (
        "与本行中第一个有该栏目的表格比较",
        "compared with the first spec in the row that has the item",
    ),
    "matrix.legend": (
        "✓ 有  ≠ 名称不同  K 类型不同  — 无（与本行中第一个有该栏目的表格比较）",
        (
            "✓ present  ≠ label differs  K kind differs  — absent "
            "(compared with the first spec that has the item)"
        ),
    ),
    "matrix.id": ("编号", "id"),
    "matrix.section": ("部分", "section"),
    "matrix.title": ("栏目对照表", "matrix"),
    "matrix.heading": ("{n} 份表格的栏目对照", "Items across {n} specs"),
    "matrix.note": ("每格都{compared}。", "Each cell is {compared}."),
}

#: Words for the codes a report shows: attributes, item kinds, flag values, enums.
_WORDS: dict[str, tuple[str, str]] = {
    **{
        f"attr.{name}": pair
        for name, pair in {
            "id": ("编号", "id"),
            "title": ("标题", "title"),
            "issuer": ("发布单位", "issuer"),
            "region": ("地区", "region"),
            "source": ("出处", "source"),
            "instructions_title": ("填报说明标题", "instructions_title"),
            "heading": ("抬头", "heading"),
            "issuer_line": ("落款", "issuer_line"),
            "label": ("名称", "label"),
            "suffixes": ("后缀", "suffixes"),
            "hint": ("提示", "hint"),
            "notes": ("注释", "notes"),
            "text": ("文字", "text"),
            "prompt": ("提示语", "prompt"),
            "outline": ("提纲", "outline"),
            "lead": ("引导语", "lead"),
            "lines": ("各行文字", "lines"),
            "guidance": ("填写说明", "guidance"),
            "closing": ("结尾", "closing"),
            "orientation": ("页面方向", "orientation"),
            "layout": ("排列方式", "layout"),
            "columns": ("列数", "columns"),
            "style": ("样式", "style"),
            "rows": ("行数", "rows"),
            "minimum": ("下限", "minimum"),
            "maximum": ("上限", "maximum"),
            "max_chars": ("字数限制", "max_chars"),
            "options": ("选项", "options"),
            "categories": ("类别", "categories"),
            "roles": ("角色", "roles"),
            "parts": ("组成部分", "parts"),
            "category_header": ("类别表头", "category_header"),
            "count_label": ("数量提示", "count_label"),
            "names_label": ("名称提示", "names_label"),
            "date_line": ("日期行", "date_line"),
            "year_label": ("年度标签", "year_label"),
            "direction_header": ("方向表头", "direction_header"),
            "indicator_header": ("指标表头", "indicator_header"),
            "baseline_header": ("基准值表头", "baseline_header"),
            "target_header": ("目标值表头", "target_header"),
            "remarks_intro": ("备注引言", "remarks_intro"),
        }.items()
    },
    "what.options": ("选项", "option"),
    "what.categories": ("类别", "category"),
    "what.roles": ("角色", "role"),
    "what.parts": ("组成部分", "part"),
    **{
        f"kind.{kind}": (zh, kind)
        for kind, zh in {
            "text": "文字栏",
            "narrative": "文字材料",
            "pair": "并列栏",
            "number": "数值",
            "count": "整数",
            "choice": "单选",
            "checklist": "多选",
            "yearly": "逐年数据",
            "standards": "标准",
            "named_count": "数量及名称",
            "counts": "分项数量",
            "year_header": "年度表头",
            "static": "说明文字",
            "targets": "目标表",
            "stages": "阶段目标",
            "signoff": "签章栏",
            "roster": "名单",
            "group": "栏目组",
            "cover": "封面栏目",
        }.items()
    },
    "flag.explain.true": ("需附情况说明", "explanation needed"),
    "flag.explain.false": ("不需要说明", "no explanation"),
    "flag.free_text.true": ("需填写具体内容", "blank to fill in"),
    "flag.free_text.false": ("无需填写", "no blank"),
    "flag.evidence.true": ("需提供佐证材料", "evidence needed"),
    "flag.evidence.false": ("不需要佐证材料", "no evidence"),
    "flag.required.true": ("必填", "required"),
    "flag.required.false": ("选填", "optional"),
    "flag.open.true": ("可加行", "rows can be added"),
    "flag.open.false": ("不可加行", "fixed rows"),
    "flag.true": ("是", "yes"),
    "flag.false": ("否", "no"),
    "enum.portrait": ("纵向", "portrait"),
    "enum.landscape": ("横向", "landscape"),
    "enum.vertical": ("竖排", "vertical"),
    "enum.inline": ("横排", "inline"),
    "enum.grid": ("网格", "grid"),
    "enum.header": ("表头", "header"),
    "enum.columns": ("按列", "columns"),
    "enum.rows": ("按行", "rows"),
    "enum.body": ("正文", "body"),
    "enum.guidance": ("说明", "guidance"),
    "enum.note": ("注", "note"),
    "enum.warning": ("提示", "warning"),
    "enum.per_year": ("逐年", "per year"),
    "enum.each": ("每年", "each"),
    "enum.last": ("末年", "last"),
    "enum.any": ("任一", "any"),
    "combine.all": ("且", "all"),
    "combine.any": ("或", "any"),
}

_PER_YEAR = "the new form asks for one value per year; "
_SINGLE = "the new form asks for a single value"
#: What a migration did with a value, and its report's headings.
_MIGRATE: dict[str, tuple[str, str]] = {
    "migrate.kind_changed": (
        "栏目类型由{old_kind}改为{new_kind}，原值无法沿用",
        "the item changed from {old_kind} to {new_kind}; its value cannot be carried over",
    ),
    "migrate.unit_changed": (
        "计量单位由{old_unit}改为{new_unit}，无法换算",
        "the unit changed from {old_unit} to {new_unit} and cannot be converted",
    ),
    "migrate.whole_number": ("新表要求填写整数", "the new form asks for a whole number"),
    "migrate.not_a_number": (
        "不是数值，无法换算为{unit}",
        "not a number, so not converted to {unit}",
    ),
    "migrate.converted": (
        "{old_unit} → {new_unit}（× {factor}）",
        "{old_unit} → {new_unit} (× {factor})",
    ),
    "migrate.not_a_year": (
        "{year} 不是新表的填报年度（{window}）",
        "{year} is not one of the new form's years ({window})",
    ),
    "migrate.placed_single": (
        "旧表的单个数值（截至{year}年底）填入{year}年",
        "the old form's single value (as at the end of {year}) is placed in {year}",
    ),
    "migrate.per_year.span": (
        "新表要求逐年填报；旧表的单个数值涵盖多个年度（{span}）",
        _PER_YEAR + "the single value covers several years ({span})",
    ),
    "migrate.per_year.not_both": (
        "新表要求逐年填报；{year} 不是两表共有的数据年度",
        _PER_YEAR + "{year} is not a data year of both forms",
    ),
    "migrate.single_needed": ("新表只要求填写单个数值", _SINGLE),
    "migrate.placed_series": (
        "新表要求填写截至{year}年底的单个数值，取自{year}年一列",
        _SINGLE + " as at the end of {year}; taken from the {year} column",
    ),
    "migrate.single.span": (
        "新表的单个数值涵盖多个年度（{span}）",
        "the single value covers several years ({span})",
    ),
    "migrate.single.not_both": (
        "{year} 不是两表共有的数据年度",
        "{year} is not a data year of both forms",
    ),
    "migrate.single.no_value": (
        "逐年数据中没有{year}年的数值",
        "the series has no value for {year}",
    ),
    "migrate.single.at_end": (
        "新表只要求填写单个数值（截至{year}年底）",
        _SINGLE + " (as at the end of {year})",
    ),
    "migrate.no_option": ("新表没有这个选项", "the new form has no such option"),
    "migrate.no_part": ("新表没有这个分项", "the new form has no such part"),
    "migrate.not_plan_year": (
        "{year} 不是新规划的年度（{plan}）",
        "{year} is not a year of the new plan ({plan})",
    ),
    "migrate.no_column": ("新表格没有这一列", "the new table has no such column"),
    "migrate.plan_moved": (
        (
            "规划期改为 {new_baseline}→{new_target}（原为 {old_baseline}→{old_target}），"
            "基准值和目标值对应的年度不同"
        ),
        (
            "the plan now runs {new_baseline}→{new_target} (was {old_baseline}→{old_target}): "
            "baseline and target values are for other years"
        ),
    ),
    "migrate.whole_table": ("（整张目标表）", "(the whole target table)"),
    "migrate.no_row": ("新表格没有这一指标行", "the new table has no such row"),
    "migrate.no_direction": ("新表格没有这一方向", "the new table has no such direction"),
    "migrate.row_value": (
        "该行改为填写{new_value}，不再是{old_value}",
        "the row now takes {new_value}, not {old_value}",
    ),
    "migrate.not_a_field": ("不是 {spec} 的栏目", "not a field of {spec}"),
    "migrate.no_field": ("{spec} 没有这个栏目", "{spec} has no such field"),
    "migrate.summary": (
        (
            "已迁移 {old} → {new}：沿用 {carried} 个栏目，换算 {converted} 个数值，"
            "放入年度 {placed} 个，移入新栏目 {moved} 个，"
            "未沿用 {dropped} 个；{missing} 个必填数值尚空缺"
        ),
        (
            "migrated {old} → {new}: {carried} fields carried, {converted} values converted, "
            "{placed} placed, {moved} moved, {dropped} dropped; {missing} required values now empty"
        ),
    ),
    "migrate.converted_title": ("换算单位：", "converted:"),
    "migrate.placed_title": ("放入年度：", "placed:"),
    "migrate.moved_title": ("移入新栏目：", "moved:"),
    "migrate.split_heading": (
        "原「{source}」中“{heading}”标题下的文字移入本栏目",
        "the text under “{heading}” in {source} moved into this field",
    ),
    "migrate.dropped_title": ("未沿用：", "dropped:"),
    "migrate.missing_title": ("尚空缺（新表必填）：", "now empty (required by the new form):"),
    "migrate.findings_title": ("草稿中的其他问题：", "other findings in the draft:"),
    "unit.(none)": ("（无）", "(none)"),
    "value.number": ("数值", "number"),
    "value.text": ("文字", "text"),
}

#: Every entry: message code -> (zh, en).  ``tests/test_diff_lang.py`` checks both agree.
MESSAGES: dict[str, tuple[str, str]] = {**_CHANGES, **_REPORT, **_WORDS, **_MIGRATE}

#: Fields whose value is a code, shown as its word from the catalogue.
_WORD_FIELDS = {
    "name": "attr",
    "what": "what",
    "kind": "kind",
    "old_kind": "kind",
    "new_kind": "kind",
    "old_unit": "unit",
    "new_unit": "unit",
    "old_value": "value",
    "new_value": "value",
}


def message(code: str, lang: Lang, params: Mapping[str, str] | None = None) -> str:
    """The text of ``code`` in ``lang``, fields filled in (codes among them as words)."""
    template = MESSAGES[code][0 if lang == "zh" else 1]
    fields = {
        key: word(_WORD_FIELDS[key], value, lang) if key in _WORD_FIELDS else value
        for key, value in (params or {}).items()
    }
    return template.format(**fields)


def word(kind: str, code: str, lang: Lang) -> str:
    """The word for ``code`` of ``kind`` (``attr``, ``kind``, ``impact`` …); the code if none."""
    pair = MESSAGES.get(f"{kind}.{code}")
    if pair is None:
        return code
    return pair[0 if lang == "zh" else 1]
