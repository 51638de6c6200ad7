"""The rule of each input cell: number format, data validation, prompt and error text.

Prompts carry what the printed form says next to the blank (notes such as
（注：勾选需提供佐证材料）, hints, units, character limits) so the person filling
the workbook sees them when they select the cell; errors are in Chinese.
Excel refuses a file whose prompt title is over 32 characters or whose prompt
or error is over 255, so every text is cut to fit.  A number cell takes "无"
besides a number in its range (填报说明 2), through a formula of the cell itself
(:func:`number_or_none`); whether "无" is right for the item, validation says.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from clusterforms import NONE_TEXT
from clusterforms_renderers.xlsx._plan import InputRule

_TITLE_MAX: Final = 32
_TEXT_MAX: Final = 255
#: The bounds Excel's own number precision allows, for decimal rules without limits.
_HUGE: Final = Decimal(999999999999999)

YES: Final = "是"
NO: Final = "否"
MARK_CHOICES: Final = f'"{YES},{NO}"'
#: What a number cell's prompt and error add: the form's own instruction 2.
_OR_NONE: Final = f"；无相关情况时填写“{NONE_TEXT}”"


def _fit(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _title(label: str) -> str:
    return _fit(" ".join(label.split()), _TITLE_MAX)


def _prompt(parts: Iterable[str | None]) -> str:
    return _fit("\n".join(p for p in parts if p), _TEXT_MAX)


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def text_rule(
    label: str,
    *,
    max_chars: int | None = None,
    notes: Iterable[str] = (),
    hint: str | None = None,
    tall: bool = False,
) -> InputRule:
    """Free text; a length rule (a warning, since whitespace does not count) when limited."""
    limit = f"{max_chars}字以内（空格和换行不计）" if max_chars else None
    if max_chars is None:
        return InputRule(
            prompt_title=_title(label),
            prompt=_prompt([hint, *notes, "无相关情况时填写“无”"]),
            tall=tall,
        )
    return InputRule(
        type="textLength",
        maximum=Decimal(max_chars),
        prompt_title=_title(label),
        prompt=_prompt([limit, hint, *notes]),
        error=_fit(f"超过{max_chars}字，请精简（空格和换行不计入字数）。", _TEXT_MAX),
        error_style="warning",
        tall=tall,
    )


def number_rule(  # noqa: PLR0913 - the facts of a number cell
    label: str,
    *,
    decimals: int = 2,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    unit: str | None = None,
    notes: Iterable[str] = (),
) -> InputRule:
    """A decimal with the form's places (``0.00``) and its range."""
    low = minimum if minimum is not None else -_HUGE
    high = maximum if maximum is not None else _HUGE
    if minimum is not None and maximum is not None:
        span = f"{_number_text(minimum)}～{_number_text(maximum)}之间的数值"
    elif minimum is not None:
        span = f"不小于{_number_text(minimum)}的数值"
    elif maximum is not None:
        span = f"不大于{_number_text(maximum)}的数值"
    else:
        span = "数值"
    places = f"，保留小数点后{decimals}位" if decimals else ""
    unit_text = f"（单位：{unit}）" if unit else ""
    fmt = "0." + "0" * decimals if decimals > 0 else "0"
    return InputRule(
        type="decimal",
        minimum=low,
        maximum=high,
        number_format=fmt,
        prompt_title=_title(label),
        prompt=_prompt([f"填写{span}{unit_text}{places}{_OR_NONE}", *notes]),
        error=_fit(f"请输入{span}{places}，或“{NONE_TEXT}”。", _TEXT_MAX),
    )


def count_rule(label: str, *, unit: str | None = None, notes: Iterable[str] = ()) -> InputRule:
    """A whole number, never negative."""
    unit_text = f"（单位：{unit}）" if unit else ""
    return InputRule(
        type="whole",
        minimum=Decimal(0),
        maximum=_HUGE,
        number_format="0",
        prompt_title=_title(label),
        prompt=_prompt([f"填写不小于0的整数{unit_text}{_OR_NONE}", *notes]),
        error=f"请输入不小于0的整数，或“{NONE_TEXT}”。",
    )


def number_or_none(rule: InputRule, cell: str) -> str:
    """The custom validation of a number cell at ``cell``: "无", or a number in the range.

    ``cell`` is the top-left cell of the one range the validation covers, so the
    reference is the cell itself wherever the rule is used.
    """
    low = format(rule.minimum if rule.minimum is not None else -_HUGE, "f")
    high = format(rule.maximum if rule.maximum is not None else _HUGE, "f")
    whole = f",{cell}=INT({cell})" if rule.type == "whole" else ""
    number = f"AND(ISNUMBER({cell}),{cell}>={low},{cell}<={high}{whole})"
    return f'OR(TRIM({cell})="{NONE_TEXT}",{number})'


def choice_rule(label: str, choices: str, *, notes: Iterable[str] = ()) -> InputRule:
    """A drop-down of the option labels."""
    return InputRule(
        type="list",
        choices=choices,
        prompt_title=_title(label),
        prompt=_prompt(["从下拉列表中选择一项", *notes]),
        error="请从下拉列表中选择。",
        center=True,
    )


def mark_rule(option_label: str, *, evidence: bool) -> InputRule:
    """是/否 for one option of a checklist."""
    note = "选“是”即勾选此项；勾选需提供佐证材料" if evidence else "选“是”即勾选此项"
    return InputRule(
        type="list",
        choices=MARK_CHOICES,
        prompt_title=_title(option_label),
        prompt=_prompt([note]),
        error="请选择“是”或“否”。",
        center=True,
    )


def evidence_rule(*, required: bool) -> InputRule:
    """The ids of the 佐证材料 a checked option cites (as listed on the 佐证材料清单 sheet)."""
    need = "勾选此项需提供佐证材料，" if required else ""
    return InputRule(
        prompt_title="佐证材料编号",
        prompt=_prompt([f"{need}填写“佐证材料清单”中的编号，多个编号用顿号（、）分隔，如 A1、A2"]),
    )


def blank_rule(option_label: str, *, explain: bool) -> InputRule:
    """The text after an option's blank: 其他____ or 是（需附情况说明）."""
    what = "情况说明" if explain else "具体内容"
    return InputRule(
        prompt_title=_title(option_label),
        prompt=_prompt([f"选择“{option_label}”时，在此填写{what}"]),
    )


def continued_rule(title: str) -> InputRule:
    """A cell continuing the long text above it: read back joined to it exactly."""
    return InputRule(
        prompt_title=title,
        prompt=_prompt(
            ["接上格续写：上一格写满后在此接着写，读取时与上一格连成一段（另起一段时先换行）"]
        ),
        tall=True,
    )


def any_rule(label: str, *, decimals: int = 2) -> InputRule:
    """A free cell of the plan's extra rows: a number or text (a count shown whole)."""
    places = f"（保留小数点后{decimals}位）" if decimals else "（整数）"
    return InputRule(
        number_format="0." + "0" * decimals if decimals else "0",
        prompt_title=_title(label),
        prompt=_prompt([f"可填写数值{places}或文字"]),
        right=True,
    )
