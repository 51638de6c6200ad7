"""An official Word template read as a draft spec: ``clusterforms import``'s plugin side.

The document is read by :mod:`clusterforms_renderers.wordml` (.docx; .doc
and .wps through LibreOffice), every guard of that reader included, and
laid out as a person reads it: the cover (:mod:`._cover`), the 填报说明, the
numbered sections with their tables (:mod:`._document`), each table row by
row (:mod:`._blocks`, :mod:`._fields`, :mod:`._boxes`), section 八's plan
(:mod:`._plan`) and 九's sign-offs (:mod:`._signoff`), the appendices
(:mod:`._appendices`, :mod:`._roster`).  Ids are provisional; aligning the
draft with a base spec (core :func:`clusterforms.align_draft`) gives it the
base's ids.  Nothing read is dropped without a note (:mod:`._context`).
"""

from __future__ import annotations

from pathlib import Path

from clusterforms import SpecDraft
from clusterforms_renderers.docx.importing._draft import build_draft
from clusterforms_renderers.wordml import read_word


def import_template(source: str | Path | bytes, *, name: str | None = None) -> SpecDraft:
    """The draft spec of a Word template (path or bytes, untrusted).

    Raises:
        clusterforms.ReadError: not a Word file, damaged or hostile, or a .doc/.wps
            without LibreOffice to convert it; one line naming the file and the part.

    """
    return build_draft(read_word(source, name, styles=True))


__all__ = ["import_template"]
