"""The characters an application cannot hold, and how to name them in a message.

Word and Excel files are XML 1.0, which cannot hold most control characters,
unpaired surrogates or the non-characters U+FFFE and U+FFFF; a terminal would
act on an escape character rather than print it.  Such a character in an
application is refused where it is read, so nothing downstream ever sees one.
Tab, line feed and carriage return are ordinary text.
"""

from __future__ import annotations

import re
from typing import Final

#: One character an application cannot hold.
INVALID_CHARACTER: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def first_invalid_character(value: object) -> str | None:
    """The first character an application cannot hold in ``value``, a text or data holding text.

    Keys are searched as well as values; None when there is none.
    """
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            found = INVALID_CHARACTER.search(node)
            if found is not None:
                return found.group()
        elif isinstance(node, dict):
            stack.extend(reversed([t for pair in node.items() for t in pair]))
        elif isinstance(node, list | tuple):
            stack.extend(reversed(node))
    return None


def describe_character(char: str, lang: str = "en") -> str:
    """``char`` as a message names it: ``a control character U+001B`` (``控制字符 U+001B``)."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        en, zh = "an unpaired surrogate", "未配对的代理字符"
    elif code in {0xFFFE, 0xFFFF}:
        en, zh = "a non-character", "非字符"
    else:
        en, zh = "a control character", "控制字符"
    return f"{zh if lang == 'zh' else en} U+{code:04X}"
