"""Stage 2, TEI checked: RELAX NG and Schematron, problems as file:line:col."""
