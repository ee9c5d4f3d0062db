"""Stage 3, TEI to editions: XSLT transforms, digests, per-document pieces, the reduce step and collection pages."""
