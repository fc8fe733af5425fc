"""The table wing: locate tables 二, 三 and 四 in a report, tokenize them, place the template's
row labels, fit the values to the template's width, and give one verdict per table.

Modules, in the order a report goes through them: `locate` (line ranges by anchor words),
`tokens` (``grammar/cells.lark``), `anchors` (template rows on the stream), `fitting` (values of
one row), `identities` (readings only the arithmetic confirms), `reader` (tables and
verdicts); `templates` and `values` are the data they use.
"""

from giarlint.tables.reader import PARTIAL, READ, TABLE_KEYS, UNREADABLE, Reading, TableData, read_tables

__all__ = ["PARTIAL", "READ", "TABLE_KEYS", "UNREADABLE", "Reading", "TableData", "read_tables"]
