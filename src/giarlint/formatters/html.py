"""``html``: one self-contained page for people (a disclosure office, a supervisor reading a
province's run). Per report: its metadata, the findings by section, tables 二/三/四 drawn in the
form's layout with the cells of a failing identity marked, and the text with each finding's span
highlighted and its message beside it. Over several reports: a sortable index and two inline-SVG
charts. No external resource of any kind (a Content-Security-Policy says so to the browser too);
every piece of report text is escaped; the page works without its one small script.

The tables come from the plain-data report views (`giarlint.reportview`), the cells of an
identity from the diagnostics' `cells` (set by the rule that checked it): nothing is re-read here.
"""

from __future__ import annotations

from collections import Counter

from giarlint.formatters import summary
from giarlint.formatters.html_assets import CSS, SCRIPT, TABLE_TITLES, WORDS
from giarlint.hookspecs import hookimpl
from giarlint.messages import pick

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
MAX_TEXT = 400_000  # characters of a report's text shown whole; beyond, the lines around findings
CONTEXT_LINES = 2
NUMERALS = "零一二三四五六七八九十"
BINS = ((0, 0), (1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, None))


# what html.escape(text, quote=True) replaces; a table of our own spares every run that does not
# write a page the import of the html package and its entity tables
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _e(text) -> str:
    return str(text).translate(_ESCAPES)


class _Finding:
    """A diagnostic as the page shows it: its ids and where it points."""

    def __init__(self, number: int, report: int, diagnostic):
        self.d = diagnostic
        self.id = f"r{report}f{number}"
        self.target = ""  # id of the highlighted piece of text it points at
        self.cell = ""  # id of the table cell it points at, when it names cells


def html_report(diagnostics, context) -> str:
    lang = "en" if context.lang == "en" else "zh"
    words = WORDS[lang]
    by_path: dict[str, list] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    paths = list(dict.fromkeys([p for p in context.paths if p != "-"] + list(context.reports) + list(by_path)))
    reports = [_ReportPage(number, path, by_path.get(path, []), context, words, lang)
               for number, path in enumerate(paths, 1)]
    severities = Counter(d.severity for d in diagnostics)
    head = words["summary"].format(reports=len(paths), findings=len(diagnostics), E=severities["E"], W=severities["W"])
    out = [
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="giarlint {_e(context.version)}">'
        f'<title>{_e(words["page_title"])}</title><style>{CSS}</style></head><body>',
        f'<header class="run"><h1>{_e(words["page_title"])}</h1><p class="muted" id="summary">{_e(head)} · '
        f'giarlint {_e(context.version)}</p></header>',
    ]
    if len(reports) > 1:
        out.append(_index(reports, diagnostics, words))
    out.append("<main>")
    out.extend(page.html() for page in reports)
    out.append("</main>")
    out.append(_rule_docs(sorted({d.code for d in diagnostics}), context, words, lang))
    out.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "".join(out)


html_report.needs_reports = True  # the linter builds each report's view for this format


class _ReportPage:
    """One report's section of the page."""

    def __init__(self, number: int, path: str, diagnostics, context, words, lang):
        self.number, self.path, self.words, self.lang = number, path, words, lang
        self.view = context.reports.get(path)
        self.findings = [_Finding(k, number, d) for k, d in enumerate(diagnostics, 1)]
        text = self.view.get("text") if self.view else None
        self.lines = text.split("\n") if text is not None else list(context.sources.lines(path)) or [""]
        self.id = f"r{number}"

    # -- the parts -----------------------------------------------------------------
    def html(self) -> str:
        text = self._text()  # first: it gives each finding its target
        tables = self._tables()
        return (f'<section class="report" id="{self.id}" data-path="{_e(self.path)}">'
                f'{self._meta()}{self._finding_list()}{tables}'
                f'<h3>{_e(self.words["text"])}</h3>{text}</section>')

    @property
    def title(self) -> str:
        return (self.view or {}).get("title") or self.path

    def _meta(self) -> str:
        w, view = self.words, self.view or {}
        items = [(w["file"], self.path), (w["agency"], view.get("agency")), (w["year"], view.get("year")),
                 (w["format"], view.get("format")), (w["published"], view.get("publication_date")),
                 (w["source"], w["plain"] if view.get("source") == "text" else view.get("source"))]
        rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v if v is not None else w['none'])}</dd>" for k, v in items)
        note = "" if self.view else f'<p class="muted">{_e(w["not_report"])}</p>'
        return f'<h2><a href="#{self.id}">{_e(self.title)}</a></h2><dl class="meta">{rows}</dl>{note}'

    def _finding_list(self) -> str:
        w = self.words
        if not self.findings:
            return f'<h3>{_e(w["findings"])}</h3><p class="muted">{_e(w["no_findings"])}</p>'
        sections = (self.view or {}).get("sections", [])
        groups: dict[str, list] = {}
        for f in self.findings:
            name = w["preamble"] if self.view else w["whole"]
            for section in sections:
                if section["line"] <= f.d.line:
                    name = section["title"]
            groups.setdefault(name, []).append(f)
        out = [f'<h3>{_e(w["findings"])}</h3>']
        for name, found in groups.items():
            items = "".join(self._item(f) for f in found)
            out.append(f'<h4 class="group">{_e(name)}</h4><ol class="findings">{items}</ol>')
        return "".join(out)

    def _item(self, f: _Finding) -> str:
        d = f.d
        cell = (f' data-cell="{f.cell}"' if f.cell else "")
        to_cell = f' · <a href="#{f.cell}">{_e(self.words["cell"])}</a>' if f.cell else ""
        return (f'<li class="finding {d.severity}" id="{f.id}" data-code="{_e(d.code)}" data-target="{f.target}"{cell}>'
                f'<a class="pos" href="#{f.target}">{d.line}:{d.column}</a> '
                f'<a class="code" href="#rule-{_e(d.code)}">{_e(d.code)}</a> {_e(d.message)}{to_cell}</li>')

    # -- the text ------------------------------------------------------------------
    def _text(self) -> str:
        lines = self.lines
        marks: dict[int, list] = {}  # line -> [(start, end, finding)]; end == start: a point
        starting: dict[int, list] = {}
        for f in self.findings:
            d = f.d
            first = min(max(d.line, 1), len(lines))
            last = min(max(d.end_line, first), len(lines))
            starting.setdefault(first, []).append(f)
            for number in range(first, last + 1):
                line = lines[number - 1]
                start = min(max(d.column - 1, 0), len(line)) if number == first else 0
                end = min(max(d.end_column - 1, 0), len(line)) if number == last else len(line)
                if end <= start and number == first:
                    end = start + 1 if start < len(line) and last == first else start
                if end > start or number == first:
                    marks.setdefault(number, []).append((start, max(end, start), f))
        shown = range(1, len(lines) + 1)
        out = ['<div class="rtext">']
        if sum(map(len, lines)) > MAX_TEXT:
            keep = {n for line in marks for n in range(line - CONTEXT_LINES, line + CONTEXT_LINES + 1)}
            shown = sorted(n for n in keep if 1 <= n <= len(lines))
            out.append(f'<p class="muted">{_e(self.words["text_cut"])}</p>')
        previous = 0
        for number in shown:
            if number != previous + 1 and previous:
                out.append(f'<p class="gap" style="counter-set:l {number - 1}"><span></span></p>')
            previous = number
            body = self._marked(number, lines[number - 1], marks.get(number, []))
            notes = "".join(f'<div class="{f.d.severity}"><a class="code" href="#{f.id}">{_e(f.d.code)}</a> '
                            f'{_e(f.d.message)} <a href="#rule-{_e(f.d.code)}">{_e(self.words["to_rule"])}</a></div>'
                            for f in starting.get(number, []))
            aside = f"<aside>{notes}</aside>" if notes else ""
            out.append(f"<p><span>{body}</span>{aside}</p>")  # the line number is a CSS counter
        out.append("</div>")
        return "".join(out)

    def _marked(self, number: int, line: str, marks: list) -> str:
        """The line with its findings' spans wrapped in <mark>s: overlapping spans are cut into
        pieces, each naming every finding that covers it (``data-f``)."""
        if not marks:
            return _e(line)
        cuts = sorted({0, len(line)} | {s for s, _, _ in marks} | {e for _, e, _ in marks})
        out = []
        for index, position in enumerate(cuts):
            points = [f for s, e, f in marks if s == e == position]
            if points:
                out.append(self._piece(number, position, "⁁", points, " pt"))
            if index + 1 == len(cuts):
                break
            end = cuts[index + 1]
            covering = [f for s, e, f in marks if s <= position and e >= end and e > s]
            piece = line[position:end]
            out.append(self._piece(number, position, piece, covering) if covering else _e(piece))
        return "".join(out)

    def _piece(self, number: int, position: int, text: str, found: list, extra: str = "") -> str:
        piece_id = f"{self.id}p{number}-{position}{'x' if extra else ''}"
        for f in found:
            if not f.target:
                f.target = piece_id
        severity = "E" if any(f.d.severity == "E" for f in found) else "W"
        ids = " ".join(f.id for f in found)
        return f'<mark class="hl {severity}{extra}" id="{piece_id}" data-f="{ids}">{_e(text)}</mark>'

    # -- the tables ----------------------------------------------------------------
    def _tables(self) -> str:
        if not self.view:
            return ""
        marked = self._cell_marks()
        out = [f'<h3>{_e(self.words["tables"])}</h3>']
        for name in ("table2", "table3", "table4"):
            table = self.view["tables"].get(name)
            title = TABLE_TITLES[name][self.lang]
            if table is None:
                out.append(f'<p class="verdict">{_e(title)}：{_e(self.words["not_found"])}</p>')
                continue
            out.append(_Grid(self, name, table, marked).html(title))
        return "".join(out)

    def _cell_marks(self) -> dict[str, tuple[str, list]]:
        """cell key -> (class, findings): ``at`` the cell a finding points at, ``in`` the other
        cells of its identity, ``flag`` a cell named alone (text, blank)."""
        marked: dict[str, tuple[str, list]] = {}
        rank = {"flag": 0, "in": 1, "at": 2}
        for f in self.findings:
            groups = f.d.cells
            if not groups:
                continue
            keys = [key for group in groups for key in group]
            f.cell = self._cell_id(keys[0])
            for index, key in enumerate(keys):
                kind = "flag" if len(groups) == 1 else ("at" if index == 0 else "in")
                held, found = marked.get(key, ("flag", []))
                marked[key] = (kind if rank[kind] > rank[held] else held, found + [f])
        return marked

    def _cell_id(self, key: str) -> str:
        return f"{self.id}c-{_e(key)}"


class _Grid:
    """One table drawn as the official form lays it out."""

    def __init__(self, page: _ReportPage, name: str, table: dict, marked: dict):
        self.page, self.name, self.table, self.marked = page, name, table, marked
        self.words, self.lang = page.words, page.lang
        self.unread = {u["row"]: u["why"][1 if self.lang == "en" else 0] for u in table["unread"]}
        self.missing = set(table["missing"])

    def html(self, title: str) -> str:
        w = self.words
        verdict = w["verdict"].get(self.table["verdict"], self.table["verdict"])
        body = {"table2": self._table2, "table3": self._table3, "table4": self._table4}[self.name]()
        identities = "".join(self._identity(f) for f in self.page.findings
                             if len(f.d.cells) == 2 and f.d.cells[0][0].startswith(self.name + "."))
        return (f'<table class="grid {self.name}" data-verdict="{_e(self.table["verdict"])}">'
                f'<caption>{_e(title)} · {_e(verdict)} <span class="muted">({_e(w["layout"])}: '
                f'{_e(self.table["layout_name"][1 if self.lang == "en" else 0])})</span></caption>{body}</table>{identities}')

    def _label(self, label: dict) -> str:
        return label["en"] if self.lang == "en" else label["zh"]

    def _cell(self, row: str, column: str) -> str:
        key = f"{self.name}.{row}.{column}"
        value = self.table["values"].get(key)
        classes, text = [], ""  # only marked cells get an id and a key: 1,000 reports hold 10^5 cells
        if value is None:
            classes.append("absent")
            text = "" if row in self.unread or row in self.missing else self.words["none"]
        else:
            kind, text = value
            if kind == "blank":
                classes.append("blank")
                text = self.words["blank"]
            elif kind != "number":
                classes.append("na" if kind == "na" else "text")
        attributes = ""
        if key in self.marked:
            kind, found = self.marked[key]
            classes.append(kind)
            classes.append("E" if any(f.d.severity == "E" for f in found) else "W")
            attributes = f' id="{self.page._cell_id(key)}" data-key="{_e(key)}" data-f="{" ".join(f.id for f in found)}"'
        if classes:
            attributes += f' class="{" ".join(classes)}"'
        return f"<td{attributes}>{_e(text)}</td>"

    def _row_head(self, row: dict, span: int = 1) -> str:
        why = ""
        if row["key"] in self.unread:
            why = f'<span class="why">{_e(self.words["unread"])}：{_e(self.unread[row["key"]])}</span>'
        elif row["key"] in self.missing:
            why = f'<span class="why">{_e(self.words["missing"])}</span>'
        colspan = f' colspan="{span}"' if span > 1 else ""
        return f"<th{colspan}>{_e(self._label(row))}{why}</th>"

    def _row_class(self, key: str) -> str:
        return ' class="unread"' if key in self.unread or key in self.missing else ""

    def _table2(self) -> str:
        blocks = self.table["grid"]["blocks"]
        width = max(len(b["columns"]) for b in blocks) + 1
        out = []
        for block in blocks:
            item = NUMERALS[block["item"]] if block["item"] < len(NUMERALS) else str(block["item"])
            out.append(f'<tr class="caption"><th colspan="{width}">{_e(self.words["item"].format(n=item))}</th></tr>')
            pad = width - 1 - len(block["columns"])
            filler = f'<th class="pad" colspan="{pad}"></th>' if pad else ""
            out.append(f'<tr><th>{_e(self.words["content"])}</th>'
                       + "".join(f"<th>{_e(self._label(c))}</th>" for c in block["columns"]) + filler + "</tr>")
            for row in block["rows"]:
                cells = "".join(self._cell(row["key"], c["key"]) for c in block["columns"])
                filler = f'<td class="pad" colspan="{pad}"></td>' if pad else ""
                out.append(f'<tr{self._row_class(row["key"])}>{self._row_head(row)}{cells}{filler}</tr>')
        return "".join(out)

    def _table3(self) -> str:
        """Rows nested as on the form: 三、本年度办理结果 spans its rows, （三）不予公开 its eight."""
        grid = self.table["grid"]
        columns = grid["columns"]
        keys = [c["key"] for c in columns]
        top: list = []
        groups: dict[str, list] = {}
        for row in grid["rows"]:
            container = groups.get(row.get("group_of"), top)
            if row["key"] is None:
                groups[row["group"]] = []
                container.append((row, groups[row["group"]]))
            else:
                container.append((row, None))

        def depth(items) -> int:
            return max((1 + depth(children) for _, children in items if children is not None), default=1)

        label_columns = depth(top)

        def lines(items, level: int) -> list[tuple[list[str], str]]:
            out = []
            for row, children in items:
                if children is None:
                    out.append(([self._row_head(row, label_columns - level)], row["key"]))
                    continue
                inner = lines(children, level + 1)
                if inner:
                    vertical = ' class="vertical"' if level == 0 else ""
                    inner[0][0].insert(0, f'<th rowspan="{len(inner)}"{vertical}>{_e(self._label(row))}</th>')
                    out.extend(inner)
            return out

        note = _e(self.words["t3_note"])
        head = [f'<tr><th rowspan="3" colspan="{label_columns}" class="note">{note}</th>'
                f'<th colspan="{len(columns)}">{_e(self.words["applicant"])}</th></tr>']
        if len(keys) > 2 and keys[0] == "natural_person" and keys[-1] == "total":  # the national form's header
            head.append(f'<tr><th rowspan="2">{_e(self._label(columns[0]))}</th>'
                        f'<th colspan="{len(columns) - 2}">{_e(self.words["org"])}</th>'
                        f'<th rowspan="2">{_e(self._label(columns[-1]))}</th></tr>')
            head.append("<tr>" + "".join(f"<th>{_e(self._label(c))}</th>" for c in columns[1:-1]) + "</tr>")
        else:
            head.append("<tr>" + "".join(f"<th>{_e(self._label(c))}</th>" for c in columns) + "</tr><tr></tr>")
        body = "".join(f'<tr{self._row_class(key)}>{"".join(heads)}{"".join(self._cell(key, c) for c in keys)}</tr>'
                       for heads, key in lines(top, 0))
        return "<thead>" + "".join(head) + "</thead><tbody>" + body + "</tbody>"

    def _table4(self) -> str:
        grid = self.table["grid"]
        groups, columns = grid["groups"], grid["columns"]
        parts = [self._label(g).split("·", 1) for g in groups]
        top, second, third = [], [], []
        for index, part in enumerate(parts):
            if len(part) == 1:
                top.append(f'<th colspan="{len(columns)}">{_e(part[0])}</th>')
                second.extend(f'<th rowspan="2">{_e(self._label(c))}</th>' for c in columns)
                continue
            if index == 0 or parts[index - 1][0] != part[0] or len(parts[index - 1]) == 1:
                span = sum(1 for p in parts[index:] if len(p) == 2 and p[0] == part[0])  # consecutive ones
                top.append(f'<th colspan="{span * len(columns)}">{_e(part[0])}</th>')
            second.append(f'<th colspan="{len(columns)}">{_e(part[1])}</th>')
            third.extend(f"<th>{_e(self._label(c))}</th>" for c in columns)
        values = "".join(self._cell(g["key"], c["key"]) for g in groups for c in columns)
        unread = [g for g in groups if g["key"] in self.unread or g["key"] in self.missing]
        why = "".join(f'<span class="why">{_e(self._label(g))}：{_e(self.unread.get(g["key"], self.words["missing"]))}</span>'
                      for g in unread)
        row_class = ' class="unread"' if unread else ""
        return (f"<thead><tr>{''.join(top)}</tr><tr>{''.join(second)}</tr><tr>{''.join(third)}</tr></thead>"
                f"<tbody><tr{row_class}>{values}</tr></tbody>{f'<tfoot><tr><td colspan=99>{why}</td></tr></tfoot>' if why else ''}")

    def _identity(self, f: _Finding) -> str:
        """The identity of a finding written out with its numbers: side = side."""
        left, right = f.d.cells
        keys = list(left) + list(right)
        rows = {key.split(".", 1)[1].rsplit(".", 1)[0] for key in keys}
        names = self._names()

        def term(key: str) -> tuple[str, float | None]:
            row, column = key.split(".", 1)[1].rsplit(".", 1)
            value = self.table["values"].get(key)
            text = value[1] if value else "?"
            name = names.get(column, column) if len(rows) == 1 else names.get(row, row)
            try:
                number = float(text)
            except ValueError:
                number = None
            return f"{_e(name)} {_e(text)}", number

        def side(group) -> str:
            terms = [term(key) for key in group]
            written = " + ".join(t for t, _ in terms)
            if len(terms) > 1 and all(n is not None for _, n in terms):
                total = sum(n for _, n in terms)
                written += f" = {_e(int(total) if float(total).is_integer() else round(total, 4))}"
            return written

        if len(rows) == 1:
            where = names.get(next(iter(rows)), "")
        else:
            where = self.words["column"].format(names.get(keys[0].rsplit(".", 1)[1], ""))
        return (f'<p class="identity {f.d.severity}" data-f="{f.id}"><a class="code" href="#{f.id}">{_e(f.d.code)}</a> '
                f'{_e(self.words["identity"])} {_e(where)}：<b>{side(left)}</b> ≠ {side(right)}</p>')

    def _names(self) -> dict[str, str]:
        grid = self.table["grid"]
        labels = grid.get("rows", []) + grid.get("columns", []) + grid.get("groups", [])
        for block in grid.get("blocks", []):
            labels += block["rows"] + block["columns"]
        short = "en" if self.lang == "en" else "short"
        return {label["key"]: label[short] for label in labels if label["key"]}


# -- over many reports -------------------------------------------------------------
def _family(code: str) -> str:
    return code[:-2] + "xx" if len(code) > 2 else code


def _index(reports: list[_ReportPage], diagnostics, words) -> str:
    families = sorted({_family(d.code) for d in diagnostics})
    head = [words["report"], words["agency"], words["year"], words["format"], "E", "W", *families,
            *words["short_tables"]]
    rows = []
    for page in reports:
        view = page.view or {}
        severities = Counter(f.d.severity for f in page.findings)
        by_family = Counter(_family(f.d.code) for f in page.findings)
        cells = [f'<td data-v="{_e(page.path)}"><a href="#{page.id}">{_e(page.title)}</a></td>',
                 f"<td>{_e(view.get('agency') or '')}</td>",
                 f'<td class="n">{_e(view.get("year") or "")}</td>', f"<td>{_e(view.get('format') or '')}</td>",
                 f'<td class="n">{severities["E"]}</td>', f'<td class="n">{severities["W"]}</td>']
        cells += [f'<td class="n">{by_family[family]}</td>' for family in families]
        for name in ("table2", "table3", "table4"):
            verdict = (view.get("tables", {}).get(name) or {}).get("verdict", "absent")
            cells.append(f'<td class="v-{_e(verdict)}" data-v="{_e(verdict)}">{_e(words["verdict"].get(verdict, verdict))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = ('<table class="sortable" id="index-table"><thead><tr>'
             + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    by_code = Counter(d.code for d in diagnostics)
    counts = Counter()
    for page in reports:
        for low, high in BINS:
            if len(page.findings) >= low and (high is None or len(page.findings) <= high):
                label = str(low) if low == high else (f"{low}+" if high is None else f"{low}–{high}")
                counts[label] += 1
    bins = [(str(low) if low == high else (f"{low}+" if high is None else f"{low}–{high}")) for low, high in BINS]
    charts = (f'<div class="charts"><figure><figcaption>{_e(words["by_code"])}</figcaption>'
              f'{_bars(by_code.most_common(), "chart-codes")}</figure>'
              f'<figure><figcaption>{_e(words["by_count"])}</figcaption>'
              f'{_columns([(b, counts[b]) for b in bins], "chart-counts")}</figure></div>')
    return (f'<section class="index" id="index"><h2>{_e(words["index"])}</h2>{charts}'
            f'<p class="muted">{_e(words["sort_hint"])}</p>{table}</section>')


def _bars(items: list[tuple[str, int]], ident: str) -> str:
    """A horizontal bar chart: one labelled bar per item."""
    top = max((n for _, n in items), default=1) or 1
    height = 16 * len(items) + 4
    bars = "".join(
        f'<text x="0" y="{16 * i + 13}">{_e(label)}</text>'
        f'<rect class="bar" x="60" y="{16 * i + 3}" width="{max(1, round(260 * n / top))}" height="12"><title>{_e(label)}: {n}</title></rect>'
        f'<text x="{64 + round(260 * n / top)}" y="{16 * i + 13}">{n}</text>'
        for i, (label, n) in enumerate(items))
    return f'<svg id="{ident}" xmlns="http://www.w3.org/2000/svg" width="360" height="{height}" role="img">{bars}</svg>'


def _columns(items: list[tuple[str, int]], ident: str) -> str:
    """A column chart: one labelled column per bin."""
    top = max((n for _, n in items), default=1) or 1
    columns = "".join(
        f'<rect class="bar" x="{8 + 44 * i}" y="{20 + 120 - round(120 * n / top)}" width="34" height="{round(120 * n / top)}">'
        f'<title>{_e(label)}: {n}</title></rect>'
        f'<text x="{8 + 44 * i}" y="{14 + 120 - round(120 * n / top)}">{n}</text>'
        f'<text x="{8 + 44 * i}" y="156">{_e(label)}</text>'
        for i, (label, n) in enumerate(items))
    return f'<svg id="{ident}" xmlns="http://www.w3.org/2000/svg" width="{16 + 44 * len(items)}" height="162" role="img">{columns}</svg>'


def _rule_docs(codes: list[str], context, words, lang: str) -> str:
    """The documentation of every code the page reports, so its links stay inside the file."""
    out = [f'<section class="rules" id="rules"><h2>{_e(words["rules"])}</h2>']
    for code in codes:
        doc = context.docs.get(code)
        if doc is None:
            out.append(f'<section class="rule" id="rule-{_e(code)}"><h3>{_e(code)}</h3></section>')
            continue
        explanation = pick(doc.explanation, lang).strip() if doc.explanation else ""
        examples = "".join(f'<pre class="{kind}" title="{_e(words[kind])}">{_e(text.rstrip())}</pre>'
                           for kind, text in (("bad", doc.bad), ("good", doc.good)) if text)
        out.append(f'<section class="rule {doc.severity}" id="rule-{_e(code)}"><h3><span class="code">{_e(code)}</span> '
                   f'{_e(doc.rule)} — {_e(summary(doc, lang))}</h3><p>{_e(explanation)}</p>{examples}</section>')
    out.append("</section>")
    return "".join(out)


@hookimpl
def giarlint_formatters():
    return {"html": html_report}
