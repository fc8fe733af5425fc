"""A plugin whose rule always raises: the rule cases of GIA099 register it as an extra plugin."""

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Rule


class BrokenRule(Rule):
    name = "broken-rule"

    def catalogue(self):
        text = {"zh": "测试用：总是出错的规则", "en": "test only: a rule that always raises"}
        return {"TST001": CodeDoc("TST001", self.name, "E", True, text, text, "", "", {"default": text})}

    def check(self, report, context):
        raise RuntimeError("deliberate failure")


@hookimpl
def giarlint_rules():
    return [BrokenRule()]
