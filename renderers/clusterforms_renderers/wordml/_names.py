"""The XML names the reader looks for: namespaces, tags and attributes in Clark notation."""

from __future__ import annotations

from typing import Final

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The ISO "Strict" flavour of WordprocessingML, which Word writes only when asked.
W_STRICT_NS: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_PROPS_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"

_W: Final = "{" + W_NS + "}"

# block level
W_BODY: Final = _W + "body"
W_P: Final = _W + "p"
W_TBL: Final = _W + "tbl"
W_SDT: Final = _W + "sdt"
W_SDT_CONTENT: Final = _W + "sdtContent"
W_SDT_PR: Final = _W + "sdtPr"
W_SDT_TAG: Final = _W + "tag"
W_CUSTOM_XML: Final = _W + "customXml"
W_ALT_CHUNK: Final = _W + "altChunk"

# paragraph properties
W_PPR: Final = _W + "pPr"
W_PSTYLE: Final = _W + "pStyle"
W_NUMPR: Final = _W + "numPr"
W_NUM_ID: Final = _W + "numId"
W_ILVL: Final = _W + "ilvl"

# runs and what they hold
W_R: Final = _W + "r"
W_RPR: Final = _W + "rPr"
W_RFONTS: Final = _W + "rFonts"
W_T: Final = _W + "t"
W_TAB: Final = _W + "tab"
W_TABS: Final = _W + "tabs"
W_PTAB: Final = _W + "ptab"
W_BR: Final = _W + "br"
W_CR: Final = _W + "cr"
W_SYM: Final = _W + "sym"
W_NO_BREAK_HYPHEN: Final = _W + "noBreakHyphen"
W_CHECKBOX: Final = _W + "checkBox"
W_CHECKED: Final = _W + "checked"
W_DEFAULT: Final = _W + "default"
W_COMMENT_START: Final = _W + "commentRangeStart"
W_COMMENT_REFERENCE: Final = _W + "commentReference"
W_TXBX_CONTENT: Final = _W + "txbxContent"
W_RT: Final = _W + "rt"
W_SUB_DOC: Final = _W + "subDoc"
MC_FALLBACK: Final = "{" + MC_NS + "}Fallback"

# tracked changes
W_INS: Final = _W + "ins"
W_DEL: Final = _W + "del"
W_MOVE_FROM: Final = _W + "moveFrom"
W_MOVE_TO: Final = _W + "moveTo"

# tables
W_TBL_PR: Final = _W + "tblPr"
W_TBL_STYLE: Final = _W + "tblStyle"
W_TBL_GRID: Final = _W + "tblGrid"
W_GRID_COL: Final = _W + "gridCol"
W_TR: Final = _W + "tr"
W_TR_PR: Final = _W + "trPr"
W_GRID_BEFORE: Final = _W + "gridBefore"
W_GRID_AFTER: Final = _W + "gridAfter"
W_TC: Final = _W + "tc"
W_TC_PR: Final = _W + "tcPr"
W_GRID_SPAN: Final = _W + "gridSpan"
W_VMERGE: Final = _W + "vMerge"
W_HMERGE: Final = _W + "hMerge"

# numbering and styles
W_ABSTRACT_NUM: Final = _W + "abstractNum"
W_ABSTRACT_NUM_ID: Final = _W + "abstractNumId"
W_NUM: Final = _W + "num"
W_LVL: Final = _W + "lvl"
W_LVL_OVERRIDE: Final = _W + "lvlOverride"
W_START_OVERRIDE: Final = _W + "startOverride"
W_START: Final = _W + "start"
W_NUM_FMT: Final = _W + "numFmt"
W_LVL_TEXT: Final = _W + "lvlText"
W_LVL_RESTART: Final = _W + "lvlRestart"
W_IS_LGL: Final = _W + "isLgl"
W_STYLE: Final = _W + "style"
W_NAME: Final = _W + "name"
W_BASED_ON: Final = _W + "basedOn"

# comments, headers and footers
W_COMMENT: Final = _W + "comment"

# attributes
W_VAL: Final = _W + "val"
W_ID: Final = _W + "id"
W_FONT: Final = _W + "font"
W_CHAR: Final = _W + "char"
W_AUTHOR: Final = _W + "author"
W_INITIALS: Final = _W + "initials"
W_DATE: Final = _W + "date"
W_STYLE_ID: Final = _W + "styleId"
W_TYPE: Final = _W + "type"
W_ILVL_ATTR: Final = _W + "ilvl"
W_ABSTRACT_NUM_ID_ATTR: Final = _W + "abstractNumId"
W_NUM_ID_ATTR: Final = _W + "numId"
R_ID: Final = "{" + R_NS + "}id"
