"""Parsing one XML part of an untrusted document: no DTD, no entities, no network, bounded depth.

lxml (libxml2) parses, as fast as a plain ``fromstring``, with the parser
locked down: entities are never resolved, nothing is fetched, and
``huge_tree`` stays off, which keeps libxml2's own limits — elements nested at
most :data:`MAX_DEPTH` deep, no text node over 10 MB, entity amplification
refused.  A part that declares a DTD at all is refused: Word never writes one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from clusterforms.errors import ReadError

#: libxml2's nesting limit without ``huge_tree``; Word's own parts nest under 40.
MAX_DEPTH: Final = 256


def _parser() -> etree.XMLParser:
    # One per parse: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        collect_ids=False,
    )


def parse_xml(data: bytes, member: str, error: Callable[[str], ReadError]) -> etree._Element:
    """The root element of ``data`` (the part ``member``); ``error`` names the file.

    Raises:
        ReadError: the part declares a DTD or entities, nests deeper than
            :data:`MAX_DEPTH`, or is not well-formed XML.

    """
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        text = str(exc)
        if b"<!DOCTYPE" in data[:65536] or "ntity" in text:
            msg = f"{member} declares a DTD or entities; refused"
        elif "depth" in text:
            msg = f"{member} nests elements more than {MAX_DEPTH} deep; refused"
        else:
            msg = f"{member} is not well-formed XML ({text})"
        raise error(msg) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        msg = f"{member} declares a DTD or entities; refused"
        raise error(msg)
    return root
