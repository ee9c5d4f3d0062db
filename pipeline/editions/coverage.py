"""Which elements of a TEI text the edition stylesheets render only by their fallback.

The list of handled elements is read from the stylesheets themselves, never kept by hand:
starting at the entry stylesheets (html/html.xsl, txt/txt.xsl), every xsl:include is
followed, and the `match` pattern of every template in the modes "reading" or
"diplomatic" is split into its alternatives (top-level `|`); the element named by the
last step of an alternative (predicates and `(...)` groups set aside) has a template of
its own. Wildcards (`*`, the fallback of common/core.xsl) and `text()` name no element.
An element of `text` whose name is not in that set is rendered by the fallback only
(a span or div with class tei-NAME): its words are kept, but nothing more.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from lxml import etree

from pipeline.core import paths
from pipeline.core.ns import TEI_NS

XSL = "{http://www.w3.org/1999/XSL/Transform}"
ENTRIES = ("html/html.xsl", "txt/txt.xsl")
VIEWS = {"reading", "diplomatic", "#all"}


def _modules(entry: Path, seen: set[Path]) -> list[Path]:
    """`entry` and every module it includes, each once."""
    entry = entry.resolve()
    if entry in seen or not entry.exists():
        return []
    seen.add(entry)
    found = [entry]
    for inc in etree.parse(str(entry)).getroot().iter(f"{XSL}include", f"{XSL}import"):
        found += _modules(entry.parent / inc.get("href"), seen)
    return found


def _top_level(text: str, sep: str) -> list[str]:
    """`text` split at `sep` where it is outside brackets and parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def pattern_names(pattern: str) -> set[str]:
    """Element names a match pattern names by its last step: 'note[@place]' -> note,
    'list/head | table/head' -> head, '(lg | row)/text()' -> nothing, '*' -> nothing."""
    names = set()
    for alt in _top_level(pattern, "|"):
        alt = alt.strip()
        if alt.startswith("(") and alt.endswith(")"):  # a group alone: its alternatives
            names |= pattern_names(alt[1:-1])
            continue
        last = _top_level(alt, "/")[-1].strip()
        last = re.sub(r"\[.*\]$", "", last, flags=re.S).strip()  # predicates
        last = last.split("::")[-1]
        if re.fullmatch(r"[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?", last) and last not in (
                "node", "comment"):
            names.add(last)
    return names


@functools.lru_cache(maxsize=1)
def handled_elements(xslt_dir: Path = paths.XSLT) -> frozenset[str]:
    """Names of the elements with a template of their own in a view, in any format."""
    names: set[str] = set()
    seen: set[Path] = set()
    for entry in ENTRIES:
        for module in _modules(Path(xslt_dir) / entry, seen):
            for tpl in etree.parse(str(module)).getroot().iter(f"{XSL}template"):
                if tpl.get("match") and VIEWS & set((tpl.get("mode") or "").split()):
                    names |= pattern_names(tpl.get("match"))
    return frozenset(names)


def _name(el) -> str:
    q = etree.QName(el)
    return q.localname if q.namespace == TEI_NS else q.text


def unrendered(tree) -> Counter:
    """Counter of the names of the elements in the TEI `text` of `tree` (an lxml tree or
    element) that no template renders but the fallback."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    handled = handled_elements()
    count: Counter = Counter()
    for text in root.iter(f"{{{TEI_NS}}}text", "text"):  # P5, or a P4 file's (no namespace)
        if any(etree.QName(a).localname == "text" for a in text.iterancestors()):
            continue  # a nested text (group) is counted with its outer text
        for el in text.iterdescendants():
            if isinstance(el.tag, str) and _name(el) not in handled:
                count[_name(el)] += 1
    return count


def summary(count: Counter) -> str:
    """'3 elements without a rendering of their own: castList, ...' (most frequent
    first), or '' when every element has one."""
    if not count:
        return ""
    n = len(count)
    names = ", ".join(f"{name} ({k})" for name, k in count.most_common())
    return f"{n} element{'s' if n != 1 else ''} without a rendering of their own: {names}"
