"""The workbook's look: named styles for printed text, input cells and check cells.

Named styles are registered once per workbook and assigned by name, which is
both what keeps the file small (one ``xf`` record per style) and the fastest
way openpyxl has to style thousands of cells.  Every style uses 宋体 (SimSun)
with the GB2312 charset, so Excel and WPS pick a CJK font and LibreOffice
substitutes its own (Noto Sans/Serif CJK) where SimSun is not installed.
Input cells are the only unlocked cells, shaded light yellow.
"""

from __future__ import annotations

from typing import Final

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.workbook.workbook import Workbook

from clusterforms_renderers.xlsx._plan import InputRule

FONT_NAME: Final = "宋体"
_CHARSET_GB2312: Final = 134
INPUT_FILL: Final = "FFF2CC"
CHECK_FILL: Final = "DDEBF7"
HEADER_FILL: Final = "EDEDED"
PROBLEM_FILL: Final = "FFC7CE"
PROBLEM_FONT: Final = "9C0006"

_THIN = Side(style="thin", color="808080")
BOX: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NONE = Border()


def font(*, size: float = 11, bold: bool = False, color: str | None = None) -> Font:
    """The CJK font at ``size`` points."""
    return Font(name=FONT_NAME, size=size, bold=bold, color=color, charset=_CHARSET_GB2312)


def _style(  # noqa: PLR0913 - a style's facets
    name: str,
    *,
    size: float = 11,
    bold: bool = False,
    color: str | None = None,
    horizontal: str = "left",
    boxed: bool = True,
    fill: str | None = None,
    number_format: str = "General",
    locked: bool = True,
    vertical: str = "center",
) -> NamedStyle:
    return NamedStyle(
        name=name,
        font=font(size=size, bold=bold, color=color),
        alignment=Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True),
        border=BOX if boxed else _NONE,
        fill=PatternFill("solid", fgColor=fill) if fill else PatternFill(),
        number_format=number_format,
        protection=Protection(locked=locked),
    )


#: The styles of printed text, by the plan's style names.
TEXT_STYLES: Final = {
    "title": {"size": 16, "bold": True, "horizontal": "center", "boxed": False},
    "subtitle": {"size": 13, "bold": True, "horizontal": "center", "boxed": False},
    "heading": {"bold": True, "boxed": False},
    "label": {},
    "header": {"bold": True, "horizontal": "center", "fill": HEADER_FILL},
    "body": {"boxed": False},
    "guidance": {"size": 10, "color": "595959"},
    "note": {"size": 10, "boxed": False, "color": "404040"},
    "right": {"horizontal": "right", "boxed": False},
    "center": {"horizontal": "center"},
    "caption": {"horizontal": "center", "boxed": False},
    "option": {},
}


def text_style(style: str) -> str:
    """The registered name of a printed-text style."""
    return f"cf_{style}"


def _horizontal(rule: InputRule) -> str:
    if rule.center:
        return "center"
    return "right" if rule.right or rule.type in {"decimal", "whole"} else "left"


def input_style(rule: InputRule) -> str:
    """The registered name of the style an input cell with ``rule`` uses."""
    top = "_top" if rule.tall else ""
    return f"cf_in_{_horizontal(rule)}{top}_{rule.number_format}"


CHECK_STYLE: Final = "cf_check"


class Styles:
    """Registers styles in one workbook on first use."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.known: set[str] = set()
        for style, options in TEXT_STYLES.items():
            self._add(_style(text_style(style), **options))  # type: ignore[arg-type]
        self._add(
            _style(
                CHECK_STYLE,
                horizontal="center",
                fill=CHECK_FILL,
                number_format="0.00",
                color="1F4E78",
            )
        )

    def _add(self, style: NamedStyle) -> None:
        self.workbook.add_named_style(style)
        self.known.add(style.name)

    def for_input(self, rule: InputRule) -> str:
        """The style name for an input cell, registering it the first time."""
        name = input_style(rule)
        if name not in self.known:
            self._add(
                _style(
                    name,
                    horizontal=_horizontal(rule),
                    vertical="top" if rule.tall else "center",
                    fill=INPUT_FILL,
                    number_format=rule.number_format,
                    locked=False,
                )
            )
        return name
