"""Every hook giarlint calls. Built-in rules and third-party packages implement the same hooks.

Hooks are called with keyword arguments; an implementation may accept fewer arguments than
its specification, so a hook can grow without breaking plugins.
"""

from __future__ import annotations

import pluggy

PROJECT = "giarlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def giarlint_rules():
    """Return a list of `giarlint.rule.Rule` instances this plugin provides."""


@hookspec
def giarlint_report_set_rules():
    """Return a list of `giarlint.rule.ReportSetRule` instances: rules that compare several
    reports (e.g. one agency's consecutive years). Their codes share the registry, selection
    and documentation of single-report rules. `summarize(report, context)` runs on each report
    where it was built (in the worker process under ``--jobs``) and returns what the rule needs of
    it, small and picklable (the default: the report itself); `check_set(summaries, context)` then
    runs once per ``giarlint check`` of two or more reports, after every file has been linted, with
    the summaries of all of them, and yields `Finding`s whose `path` names the report they point
    into."""


@hookspec
def giarlint_template_dirs():
    """Return a list of directories with table templates (``table2.yaml`` …) that replace the
    built-in files of the same name, e.g. a province's variant of the national form."""


@hookspec(firstresult=True)
def giarlint_read_source(path, data, encoding):
    """Convert a published report (a web page, a Word or PDF file …) into text giarlint parses.

    `path` is the file name (its suffix usually decides), `data` its bytes, `encoding` the
    user's ``--encoding`` or None. Return a `giarlint.readers.ConvertedSource`, or None when
    this plugin does not read such files; the first non-None answer wins. Raise
    `giarlint.readers.ReaderError` for a file you claim but cannot read.
    """


@hookspec
def giarlint_source_suffixes():
    """Return a list of the file suffixes a reader plugin reads (``[".html", ".htm"]``, with the
    dot). ``giarlint check DIRECTORY`` then walks such files as well as the ``.txt``, ``.md`` and
    ``.markdown`` files it always picks; files named on the command line are read whatever
    their suffix."""


@hookspec
def giarlint_formatters():
    """Return a dict of output format name -> formatter for ``--output-format``.

    A formatter is a callable ``formatter(diagnostics, context) -> str`` that receives the
    sorted diagnostics of the run and a `giarlint.formatters.FormatContext` (rule docs, source
    lines, checked paths, language, colour) and returns the whole output text. A formatter with
    the attribute ``needs_reports = True`` also receives ``context.reports``: path -> the plain-data
    view of each report (`giarlint.reportview`: metadata, sections, tables by canonical key,
    unread rows); diagnostics carry the keys of the table cells they involve in ``cells``."""
