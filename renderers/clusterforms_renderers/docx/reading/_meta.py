"""The application's ``meta`` strings, from the custom XML part our renderer writes.

The printed form has no place for them (集群简介, who prepared the file…), so
without this part a Word round trip would lose them.  The part is untrusted like
the rest of the document: read only if it has our namespace, entries counted,
and each key and value kept as text (``validate`` checks them as it checks any
document's ``meta``).
"""

from __future__ import annotations

from typing import Final

from clusterforms.errors import ReadError
from clusterforms_renderers.docx._properties import META_NAMESPACE
from clusterforms_renderers.wordml import WordDocument
from clusterforms_renderers.wordml._xml import parse_xml

#: More entries than any application has; beyond it the part is not ours to trust.
MAX_ENTRIES: Final = 1_000
_ENTRY: Final = "{" + META_NAMESPACE + "}entry"


def read_meta(word: WordDocument) -> dict[str, str]:
    """The ``meta`` of the first custom XML part in our namespace; empty when there is none."""
    part = next((p for p in word.custom_xml if p.namespace == META_NAMESPACE), None)
    if part is None:
        return {}
    # Checked to be safe XML when the document was read; parsed again as plain data.
    root = parse_xml(part.xml, part.part, lambda why: ReadError(f"{word.name}: {why}"))
    meta: dict[str, str] = {}
    for entry in root.iterchildren(_ENTRY):
        key = entry.get("key")
        if key is None:
            continue
        if len(meta) >= MAX_ENTRIES:
            break
        meta[key] = entry.text or ""
    return meta
