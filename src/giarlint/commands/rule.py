"""``giarlint rule CODE`` / ``giarlint rule --all``: the documentation of codes (like ``ruff rule``)."""

from __future__ import annotations

import json
import sys

from giarlint.commands.common import UsageError

FORMATS = ("text", "json", "markdown")


def add_arguments(parser) -> None:
    parser.add_argument("code", nargs="?", help="a code such as GIA406")
    parser.add_argument("--all", action="store_true", help="every code: engine, built-in rules and plugins")
    parser.add_argument("--output-format", choices=FORMATS, default="text", help="text (default), json or markdown")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the text format (default zh)")
    parser.add_argument("--no-plugins", action="store_true", help="built-in rules only")


def run(args) -> int:
    from giarlint.plugins import build_registry
    from giarlint.ruledocs import all_docs, as_markdown, as_text, plugin_of, record

    if bool(args.code) == bool(args.all):
        raise UsageError("give one code (e.g. `giarlint rule GIA406`) or --all")
    registry = build_registry(load_plugins=not args.no_plugins)
    docs = all_docs(registry)
    if args.code:
        code = args.code.strip().upper()
        if code not in docs:
            raise UsageError(f"unknown code {code}; `giarlint rule --all` lists every code")
        docs = {code: docs[code]}
    if args.output_format == "json":
        records = [record(doc, plugin_of(registry, doc)) for doc in docs.values()]
        sys.stdout.write(json.dumps(records if args.all else records[0], ensure_ascii=False, indent=2) + "\n")
    elif args.output_format == "markdown":
        sys.stdout.write(as_markdown(docs, registry))
    else:
        sys.stdout.write("\n".join(as_text(doc, plugin_of(registry, doc), args.lang) for doc in docs.values()))
    return 0
