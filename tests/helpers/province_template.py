"""A province's template plugin, as a package would write one: its table 三 has one row more
than the national form (tests/helpers/province_tables/table3.yaml)."""

import os

from giarlint.hookspecs import hookimpl


@hookimpl
def giarlint_template_dirs():
    return [os.path.join(os.path.dirname(__file__), "province_tables")]
