"""Sub-commands of ``giarlint``: each module adds its parser and runs it.

A module provides ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
"""

COMMAND_MODULES = (
    "giarlint.commands.check",
    "giarlint.commands.extract",
    "giarlint.commands.parse",
    "giarlint.commands.plugins",
    "giarlint.commands.rule",
    "giarlint.commands.convert",
)
