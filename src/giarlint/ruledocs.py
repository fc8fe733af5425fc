"""The documentation of every code, rendered from the registry the linter uses: the text of
``giarlint rule CODE``, its JSON catalogue and the generated ``docs/rules.md``."""

from __future__ import annotations

from giarlint.catalogue import CodeDoc, builtin_catalogue
from giarlint.messages import pick

ENGINE_RULE = "engine"
ENGINE_PLUGIN = "giarlint"
REGENERATE = "giarlint rule --all --output-format markdown --no-plugins > docs/rules.md"

_WORDS = {
    "zh": {"severity": "严重程度", "default": "默认", "on": "启用", "off": "不启用（需 --select 选择）",
           "E": "E（错误）", "W": "W（警告）", "plugin": "来源", "rule": "规则", "why": "说明",
           "bad": "错误示例", "good": "正确示例"},
    "en": {"severity": "Severity", "default": "Default", "on": "on", "off": "off (select it with --select)",
           "E": "E (error)", "W": "W (warning)", "plugin": "Provided by", "rule": "Rule", "why": "Explanation",
           "bad": "Bad", "good": "Good"},
}


def all_docs(registry) -> dict[str, CodeDoc]:
    """Engine codes and every registered rule's codes, sorted by code."""
    docs = dict(builtin_catalogue(ENGINE_RULE))
    docs.update(registry.docs)
    return dict(sorted(docs.items()))


def plugin_of(registry, doc: CodeDoc) -> str:
    return ENGINE_PLUGIN if doc.rule == ENGINE_RULE else registry.rule_plugin.get(doc.rule, "?")


def record(doc: CodeDoc, plugin: str) -> dict:
    return dict(doc.as_dict(), plugin=plugin, messages=doc.messages)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.rstrip("\n").split("\n"))


def as_text(doc: CodeDoc, plugin: str, lang: str) -> str:
    words = _WORDS[lang]
    lines = [
        f"{doc.code} ({doc.rule})",
        pick(doc.summary, lang),
        "",
        f"{words['severity']}: {words.get(doc.severity, doc.severity)}",
        f"{words['default']}: {words['on'] if doc.default else words['off']}",
        f"{words['plugin']}: {plugin}",
        "",
        f"{words['why']}:",
        _indent(pick(doc.explanation, lang)),
        "",
        f"{words['bad']}:",
        _indent(doc.bad),
        "",
        f"{words['good']}:",
        _indent(doc.good),
    ]
    return "\n".join(lines) + "\n"


def _fenced(text: str) -> str:
    return "```text\n" + text.rstrip("\n") + "\n```"


def as_markdown(docs: dict[str, CodeDoc], registry) -> str:
    """The whole catalogue as Markdown: an index table, then every code in Chinese and English."""
    out = [
        "# giarlint rules / 规则目录",
        "",
        f"<!-- Generated from the rule registry; do not edit. Regenerate with: {REGENERATE} -->",
        "",
        "| code | rule | severity | default | summary | 说明 |",
        "|---|---|---|---|---|---|",
    ]
    for code, doc in docs.items():
        default = "on" if doc.default else "off"
        summaries = (pick(doc.summary, lang).replace("|", "\\|") for lang in ("en", "zh"))
        out.append(f"| [{code}](#{code.lower()}) | {doc.rule} | {doc.severity} | {default} | " + " | ".join(summaries) + " |")
    for code, doc in docs.items():
        out += [
            "",
            f"## {code}",
            "",
            f"**{pick(doc.summary, 'zh')}** — {pick(doc.summary, 'en')}",
            "",
            f"Rule `{doc.rule}` ({plugin_of(registry, doc)}), severity {doc.severity}, "
            f"{'on' if doc.default else 'off'} by default.",
            "",
            pick(doc.explanation, "zh").strip(),
            "",
            pick(doc.explanation, "en").strip(),
            "",
            "Bad / 错误示例:",
            "",
            _fenced(doc.bad),
            "",
            "Good / 正确示例:",
            "",
            _fenced(doc.good),
        ]
    return "\n".join(out) + "\n"
