"""A third-party report-set rule, as a plugin package would write one: it reports how many
reports it was given, at the title of the last one. Used by tests/test_crossyear.py."""

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Finding, ReportSetRule
from giarlint.tree import Span


class CountReports(ReportSetRule):
    name = "count-reports"

    def catalogue(self):
        text = {"zh": "测试用：报告数量", "en": "test only: number of reports"}
        messages = {"default": {"zh": "共 {count} 份报告", "en": "{count} reports"}}
        return {"TST601": CodeDoc("TST601", self.name, "W", True, text, text, "", "", messages)}

    def check_set(self, reports, context):
        last = reports[-1]
        yield Finding("TST601", Span(1, 1, 1, 1), {"count": len(reports)}, path=last.path)


@hookimpl
def giarlint_report_set_rules():
    return [CountReports()]
