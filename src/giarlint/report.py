"""The object rules check: the positioned document, its tables as data, and its facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from giarlint.assemble import read_document
from giarlint.facts import Facts, read_facts
from giarlint.tables import TableData, read_tables
from giarlint.tables.templates import Templates, format_for_year, load_templates
from giarlint.tree import Document, Span


_MISSING = object()


@dataclass(slots=True)
class Report:
    path: str
    text: str  # newline-normalised; line and column numbers are those of the original
    document: Document
    tables: dict[str, TableData]
    facts: Facts
    format: str | None  # "2019" or "2021"; None when neither tables nor year tell
    format_source: str | None = None  # "tables", "year" or "config"
    lines: list[str] = field(default_factory=list)
    templates: Templates | None = None  # the templates the tables were read with: rules check against them
    shared: dict = field(default_factory=dict)  # what several rules derive from the report, made once (`shared`)
    # how many radical look-alikes the text held, each read as its ideograph, and (line, column,
    # code point, ideograph) of the first thousands (`giarlint.readers.radicals.look_alikes`): GIA505
    look_alikes: tuple = (0, ())

    def __post_init__(self):
        if self.templates is None:
            self.templates = load_templates()

    @property
    def year(self) -> int | None:
        return self.facts.year

    def cell_values(self):
        """Every value of tables 二, 三 and 四: (table, row, column, `Value`)."""
        for name in ("table2", "table3", "table4"):
            table = self.tables.get(name)
            if table is not None:
                for row, columns in table.values.items():
                    for column, value in columns.items():
                        yield name, row, column, value

    def last_line(self) -> Span:
        """The last non-blank line: where something missing at the end belongs."""
        for number in range(len(self.lines), 0, -1):
            if self.lines[number - 1].strip():
                return Span(number, 1, number, len(self.lines[number - 1]) + 1)
        return Span(1, 1, 1, 1)

    def shared_value(self, name: str, make):
        """`make()`, computed once per report: the sections' identification, the folded text and
        its line starts are needed by several rules, and each would otherwise redo them."""
        found = self.shared.get(name, _MISSING)
        if found is _MISSING:
            found = self.shared[name] = make()
        return found

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def detect_format(tables: dict[str, TableData], year: int | None) -> tuple[str | None, str | None]:
    """The template a report follows: what its tables show, else what its year implies."""
    votes = [t.format for t in tables.values() if t.format]
    if votes:
        return ("2019" if votes.count("2019") > votes.count("2021") else "2021"), "tables"
    if year is not None and year >= 2019:
        return format_for_year(year), "year"
    return None, None


def build_report(text: str, path: str = "<string>", templates: Templates | None = None,
                 forced_format: str | None = None) -> Report:
    """Parse newline-normalised text into a `Report`."""
    templates = templates or load_templates()
    lines = text.split("\n")
    document = read_document(text, templates, lines)
    facts = read_facts(document)
    tables = read_tables(document, templates, facts.year)
    if forced_format:
        format_name, source = forced_format, "config"
    else:
        format_name, source = detect_format(tables, facts.year)
    return Report(path, text, document, tables, facts, format_name, source, lines, templates)
