"""A third-party report-set rule that claims a built-in code: registration must fail."""

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import ReportSetRule


class Clash(ReportSetRule):
    name = "clash"

    def catalogue(self):
        text = {"zh": "冲突", "en": "clash"}
        return {"TST999": CodeDoc("TST999", self.name, "W", True, text, text, "", ""),
                "GIA601": CodeDoc("GIA601", self.name, "W", True, text, text, "", "")}

    def check_set(self, reports, context):
        return ()


@hookimpl
def giarlint_report_set_rules():
    return [Clash()]
