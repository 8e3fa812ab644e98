"""Reporting (MOF step 5): metrics defined once, for the digest, the report and the export."""
