"""The message catalogue: one Chinese and one English template per finding code.

Templates use ``str.format`` fields: ``label`` (the field's label as printed),
``where`` (" 2021年" or "", the year), ``option``, and the code's own fields.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

Lang: TypeAlias = Literal["zh", "en"]

MESSAGES: dict[str, tuple[str, str]] = {
    "not_an_object": (
        "申报数据必须是一个 JSON 对象，且含有 spec 和 values 两项",
        "the application must be a JSON object with 'spec' and 'values'",
    ),
    "wrong_spec": (
        "申报数据填写的是“{got}”，而不是“{expected}”的申报表",
        "the application is for spec '{got}', not '{expected}'",
    ),
    "unknown_field": (
        "申报表中没有编号为 {field} 的栏目",
        "the form has no field with id '{field}'",
    ),
    "wrong_type": (
        "「{label}」{where}应填写{expected}，实际为{got}",
        "'{label}'{where} must be {expected_en}, got {got}",
    ),
    "unknown_year": (
        "「{label}」只填写 {years} 年的数据，不应有“{year_}”",
        "'{label}' takes the years {years}, not '{year_}'",
    ),
    "unknown_option": (
        "「{label}」没有选项“{option}”，可选：{options}",
        "'{label}' has no option '{option}'; the options are {options}",
    ),
    "unknown_key": (
        "「{label}」中不应有“{key}”一项",
        "'{label}' has no part '{key}'",
    ),
    "multiple_choices": (
        "「{label}」只能选择一项，填报了 {count} 项",
        "'{label}' takes one option, {count} were given",
    ),
    "required": (
        "「{label}」{where}为必填栏目，不得空缺；无相关情况时应填写“无”",
        "'{label}'{where} is required; write 无 where nothing applies",
    ),
    "required_number": (
        "「{label}」{where}为必填栏目，应填写数值，不得空缺",
        "'{label}'{where} is required and must be a number",
    ),
    "required_number_or_none": (
        "「{label}」{where}为必填栏目，应填写数值，不得空缺；无相关情况时应填写“无”",
        "'{label}'{where} is required: write a number, or 无 where there is none",
    ),
    "none_not_allowed": (
        "「{label}」{where}不能填写“无”：{why}",
        "'{label}'{where} cannot be 无: {why_en}",
    ),
    "none_but_inputs_show_value": (
        "「{label}」{where}填报为“无”，但按已填数据计算应为 {computed}，应填写数值（{source}）",
        (
            "'{label}'{where} is 无, but the figures on the form give {computed}: "
            "write the number ({source})"
        ),
    ),
    "decimals": (
        "「{label}」{where}填报为 {value}，数据有小数时保留小数点后{decimals}位",
        "'{label}'{where} is {value}; keep {decimals} decimal places",
    ),
    "too_many_digits": (
        (
            "「{label}」{where}填报为 {value}，位数超出范围"
            "（整数部分至多{whole}位，小数部分至多{places}位）"
        ),
        (
            "'{label}'{where} is {value}, which has too many digits "
            "(at most {whole} before the point and {places} after)"
        ),
    ),
    "invalid_character": (
        "「{label}」{where}含有文档无法保存的{char}，请删除",
        "'{label}'{where} contains {char_en}, which a document cannot hold; remove it",
    ),
    "not_integer": (
        "「{label}」{where}应为整数，填报为 {value}",
        "'{label}'{where} must be a whole number, got {value}",
    ),
    "negative": (
        "「{label}」{where}不能为负数，填报为 {value}",
        "'{label}'{where} cannot be negative, got {value}",
    ),
    "out_of_range": (
        "「{label}」{where}应在 {low} 至 {high} 之间，填报为 {value}",
        "'{label}'{where} must be between {low} and {high}, got {value}",
    ),
    "too_long": (
        "「{label}」限{limit}字以内，填报了{count}字",
        "'{label}' is limited to {limit} characters, got {count}",
    ),
    "too_long_together": (
        "「{label}」与{others}合计限{limit}字以内，填报了{count}字",
        "'{label}' and {others} are limited to {limit} characters together, got {count}",
    ),
    "explanation_required": (
        "「{label}」选择“{option_label}”时需附情况说明",
        "'{label}': choosing '{option_label}' needs an explanation",
    ),
    "other_text_required": (
        "「{label}」勾选“{option_label}”时需填写具体内容",
        "'{label}': '{option_label}' needs its blank filled in",
    ),
    "evidence_missing": (
        "「{label}」勾选了“{option_label}”，勾选需提供佐证材料，但未列出佐证材料",
        "'{label}': '{option_label}' is checked and needs evidence, but none is listed",
    ),
    "unknown_attachment": (
        "「{label}」引用的佐证材料“{ref}”不在附件清单中",
        "'{label}' cites evidence '{ref}', which is not among the attachments",
    ),
    "formula_mismatch": (
        "「{label}」{where}按公式计算应为 {computed}，填报为 {reported}（{source}）",
        (
            "'{label}'{where} should be {computed} by its formula, "
            "but {reported} was reported ({source})"
        ),
    ),
    "formula_unchecked": (
        "「{label}」{where}填报为 {reported}，无法按公式核对：{reason}（{source}）",
        (
            "'{label}'{where} is {reported} but cannot be checked by its formula: "
            "{reason_en} ({source})"
        ),
    ),
    "exceeds": (
        "「{label}」{where}为 {reported}，不应{op}「{other_label}」的 {other}",
        "'{label}'{where} is {reported}, which must not be {op_en} '{other_label}' ({other})",
    ),
    "target_rule": (
        "「{label}」{detail}，不符合备注要求“{rule}”",
        "'{label}': {detail_en}, which breaks the rule '{rule}'",
    ),
}

OP_WORDS: dict[str, tuple[str, str]] = {
    "le": ("大于", "greater than"),
    "lt": ("大于或等于", "greater than or equal to"),
    "ge": ("小于", "less than"),
    "gt": ("小于或等于", "less than or equal to"),
    "eq": ("不等于", "different from"),
}


def render(code: str, lang: Lang, **fields: object) -> str:
    """The message for ``code`` in ``lang`` with ``fields`` filled in."""
    template = MESSAGES[code][0 if lang == "zh" else 1]
    return template.format(**fields)
