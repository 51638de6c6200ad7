"""The parts beside the body, as plain data: custom properties, custom XML, comments, headers.

Custom document properties and custom XML parts are where a document can
carry data that survives editors' saves (our renderer stores the spec id and
digest there); they are read as text and bytes, never interpreted here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from clusterforms_renderers.wordml._model import Comment, CustomXmlPart, HeaderFooter
from clusterforms_renderers.wordml._names import (
    CUSTOM_PROPS_NS,
    W_AUTHOR,
    W_COMMENT,
    W_DATE,
    W_ID,
    W_INITIALS,
)
from clusterforms_renderers.wordml._open import WordPackage
from clusterforms_renderers.wordml._walk import Walker
from clusterforms_renderers.wordml._xml import parse_xml

MAX_PROPERTIES: Final = 10_000
MAX_CUSTOM_XML_PARTS: Final = 100
MAX_COMMENTS: Final = 20_000
MAX_STORIES: Final = 100
PROPERTIES_LIMIT: Final = 1024 * 1024
CUSTOM_XML_LIMIT: Final = 1024 * 1024
STORY_LIMIT: Final = 4 * 1024 * 1024
_PROPERTY: Final = "{" + CUSTOM_PROPS_NS + "}property"


def custom_properties(package: WordPackage) -> dict[str, str]:
    """The custom document properties, name → the text of its value."""
    parts = package.related("", "custom-properties")
    if not parts:
        return {}
    root = package.parse(parts[0], PROPERTIES_LIMIT)
    found: dict[str, str] = {}
    for element in root.iterchildren(_PROPERTY):
        if len(found) >= MAX_PROPERTIES:
            msg = f"{parts[0]} holds more than {MAX_PROPERTIES} properties; refused"
            raise package.package.error(msg)
        name = element.get("name")
        if name is None:
            continue
        value = next(iter(element), None)
        found[name] = (value.text or "") if value is not None else ""
    return found


def custom_xml(package: WordPackage) -> tuple[CustomXmlPart, ...]:
    """The custom XML data parts the main part relates to, each checked to be safe XML."""
    targets = package.related(package.main, "customXml")
    if len(targets) > MAX_CUSTOM_XML_PARTS:
        msg = f"{len(targets)} custom XML parts; more than {MAX_CUSTOM_XML_PARTS} is refused"
        raise package.package.error(msg)
    found = []
    for target in targets:
        data = package.package.read(target, CUSTOM_XML_LIMIT)
        root = parse_xml(data, target, package.package.error)
        name = etree.QName(root)
        found.append(CustomXmlPart(target, name.namespace or "", name.localname, data))
    return tuple(found)


def comments(
    package: WordPackage, walker: Callable[[str], Walker]
) -> tuple[list[Comment], Walker | None]:
    """The comments part's comments, and the walker that read them (for its notes)."""
    parts = package.related(package.main, "comments")
    if not parts:
        return [], None
    root = package.parse(parts[0], STORY_LIMIT)
    reader = walker(parts[0])
    reader.check_size(root)
    found: list[Comment] = []
    for element in root.iterchildren(W_COMMENT):
        if len(found) >= MAX_COMMENTS:
            msg = f"more than {MAX_COMMENTS} comments; refused"
            raise reader.refuse(msg)
        found.append(
            Comment(
                id=element.get(W_ID) or "",
                author=element.get(W_AUTHOR) or "",
                initials=element.get(W_INITIALS) or "",
                date=element.get(W_DATE) or "",
                blocks=reader.blocks(element),
            )
        )
    return found, reader


def headers_footers(
    package: WordPackage, walker: Callable[[str], Walker]
) -> tuple[list[HeaderFooter], list[Walker]]:
    """The header and footer parts in relationship order, and the walkers that read them."""
    stories = [
        (r.type, r.target)
        for r in package.relationships(package.main)
        if r.type in {"header", "footer"} and not r.external and package.package.has(r.target)
    ]
    if len(stories) > MAX_STORIES:
        msg = f"{len(stories)} headers and footers; more than {MAX_STORIES} is refused"
        raise package.package.error(msg)
    found = []
    readers = []
    for kind, target in stories:
        reader = walker(target)
        root = package.parse(target, STORY_LIMIT)
        reader.check_size(root)
        found.append(HeaderFooter(kind, target, reader.blocks(root)))
        readers.append(reader)
    return found, readers
