"""Sub-commands of ``giarlint``: name -> (module, one-line help).

A module provides ``add_arguments(parser)`` and ``run(args) -> int``. Only the module of the
command being run is imported, so a check does not pay for the others.
"""

COMMANDS = {
    "check": ("giarlint.commands.check", "check reports and print diagnostics"),
    "extract": ("giarlint.commands.extract", "print the numbers of every table as data"),
    "parse": ("giarlint.commands.parse", "print the parsed tree of one report"),
    "plugins": ("giarlint.commands.plugins", "list the built-in and installed plugins with their rules and output formats"),
    "rule": ("giarlint.commands.rule", "explain a code (or, with --all, print the whole catalogue)"),
    "convert": ("giarlint.commands.convert", "write the text (Markdown) form of web pages, Word and PDF reports"),
}
