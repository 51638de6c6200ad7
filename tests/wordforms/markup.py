"""Text as a person types it into Word: a small markup for the mess Word makes of it.

:func:`typed` turns a string into paragraphs of inline content:

``\\n``
    a new paragraph (Enter);
``↵``
    a line break inside the paragraph (Shift+Enter, ``w:br``);
``|``
    a run boundary: Word splits runs where the text was edited, each edit session stamping its own
    ``w:rsidR``;
``~``
    switches the following runs to Latin language properties (``w:lang w:val="en-US"``,
    Times New Roman), and back at the next ``~``; as Word does around digits and Latin words;
``` ` ```
    a spelling mark: ``w:proofErr spellStart`` at the first, ``spellEnd`` at the next;
``^``
    a point bookmark ``_GoBack`` (Word leaves it where the cursor last was);
``{+…+}`` / ``{-…-}``
    a tracked insertion (``w:ins``, to be read) / deletion (``w:del`` with ``w:delText``, not to
    be read).
"""

from __future__ import annotations

import re

from tests.wordforms.ooxml import RSIDS, Bookmark, Del, Inline, Ins, Para, ProofErr, Run
from tests.wordforms.package import Style

_TOKEN = re.compile(r"(\{\+.*?\+\}|\{-.*?-\}|[|~`^])")


def typed(
    text: str,
    style: Style | None = None,
    *,
    align: str | None = None,
    author: str = "Administrator",
) -> list[Para]:
    """The paragraphs of ``text`` in the markup above (an empty string is one empty paragraph)."""
    st = style or Style()
    return [
        Para(tuple(inlines(line, st, author=author)), align=align, mark_size=st.size)
        for line in text.split("\n")
    ]


def inlines(
    text: str, style: Style | None = None, *, author: str = "Administrator"
) -> list[Inline]:
    """The inline content of one paragraph of ``text`` (no ``\\n``) in the markup above."""
    st = style or Style()
    out: list[Inline] = []
    latin = False
    spelling = False
    edit = 0
    for piece in _TOKEN.split(text):
        if not piece:
            continue
        if piece == "|":
            edit += 1
        elif piece == "~":
            latin = not latin
        elif piece == "`":
            out.append(ProofErr("spellEnd" if spelling else "spellStart"))
            spelling = not spelling
        elif piece == "^":
            out.append(Bookmark("_GoBack"))
        elif piece.startswith("{+"):
            out.append(Ins((_run(piece[2:-2], st, latin=latin, edit=edit + 1),), author=author))
        elif piece.startswith("{-"):
            out.append(Del((_run(piece[2:-2], st, latin=latin, edit=edit),), author=author))
        else:
            out.append(_run(piece.replace("↵", "\n"), st, latin=latin, edit=edit))
    return out


def _run(text: str, st: Style, *, latin: bool, edit: int) -> Run:
    return Run(
        text,
        bold=st.bold,
        underline=st.underline,
        size=st.size,
        font=st.font,
        latin="Times New Roman" if latin else st.latin,
        lang="en-US" if latin else None,
        hint=not latin,
        rsid=RSIDS[edit % len(RSIDS)] if edit else None,
    )


def plain(text: str) -> str:
    """``text`` as it reads once the markup is applied (insertions kept, deletions dropped)."""
    text = re.sub(r"\{-.*?-\}", "", text)
    text = re.sub(r"\{\+(.*?)\+\}", r"\1", text)
    return re.sub(r"[|~`^]", "", text).replace("↵", "\n")
