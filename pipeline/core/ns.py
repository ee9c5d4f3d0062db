"""XML namespaces used across the pipeline, with explicit prefix maps."""

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The stylesheets' own namespace (prefix a:). The export sets attributes in it on TEI
# elements, in memory only, to hand the stylesheets what Python decided (a name's
# entry, a date's chronology row), so that no rule is written twice.
ARCHIVE_NS = "urn:archive:functions"

# Default-namespace map for writing TEI; prefixed map for XPath queries.
TEI_NSMAP = {None: TEI_NS}
NS = {"tei": TEI_NS, "xml": XML_NS}


def tei(local: str) -> str:
    """Clark name of a TEI element: tei("p") -> "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{local}"


def archive(local: str) -> str:
    """Clark name of an attribute in the stylesheets' namespace (a:key, a:row)."""
    return f"{{{ARCHIVE_NS}}}{local}"


def xml(local: str) -> str:
    """Clark name of an attribute in the xml: namespace (xml:id, xml:lang)."""
    return f"{{{XML_NS}}}{local}"
