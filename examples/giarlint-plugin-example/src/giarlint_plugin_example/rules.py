"""work-plan-implementation (PRV101): section 六 reports how the year's 政务公开工作要点 were carried out.

This module is the plugin: giarlint loads it through the entry point and calls its hooks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from giarlint.catalogue import load_catalogue_file
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.rule import Finding, Rule

CATALOGUE = Path(__file__).with_name("catalogue.yaml")
OTHER_MATTERS = fold("其他需要报告")
DEFAULT_KEYWORDS = ("工作要点",)


@lru_cache(maxsize=None)
def catalogue():
    return load_catalogue_file(CATALOGUE)


def other_matters_section(report):
    """Section 六: the last section whose heading names 其他需要报告的事项, else the one numbered 六."""
    sections = report.document.sections
    named = [s for s in sections if OTHER_MATTERS in fold(s.heading.title)]
    if named:
        return named[-1]
    numbered = [s for s in sections if s.heading.ordinal == 6]
    return numbered[-1] if numbered else None


class WorkPlanImplementation(Rule):
    name = "work-plan-implementation"
    options = {"keywords": "words that show the section reports on the year's work plan (default: 工作要点)"}

    def catalogue(self):
        return catalogue()

    def check(self, report, context):
        section = other_matters_section(report)
        if section is None:  # a missing section is giarlint's own GIA103
            return
        keywords = [fold(word) for word in context.option("keywords", DEFAULT_KEYWORDS)]
        text = fold(section.text())
        if not any(word in text for word in keywords):
            yield Finding("PRV101", section.heading.span, {"year": report.year or "?", "heading": section.heading.title})


@hookimpl
def giarlint_rules():
    return [WorkPlanImplementation()]
