"""XML namespaces used across the pipeline, with explicit prefix maps."""

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Default-namespace map for writing TEI; prefixed map for XPath queries.
TEI_NSMAP = {None: TEI_NS}
NS = {"tei": TEI_NS, "xml": XML_NS}


def tei(local: str) -> str:
    """Clark name of a TEI element: tei("p") -> "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{local}"


def xml(local: str) -> str:
    """Clark name of an attribute in the xml: namespace (xml:id, xml:lang)."""
    return f"{{{XML_NS}}}{local}"
