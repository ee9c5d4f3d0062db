"""TEI archive pipeline: raw source texts to TEI P5, validation and XSLT editions."""

__version__ = "0.1.0"
