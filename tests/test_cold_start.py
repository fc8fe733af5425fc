"""What keeps a cold ``giarlint check`` short (README, Speed): modules and patterns a plain check of a
text report does not need are not loaded, and what replaced a costly pattern counts the same."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS

# loaded only by the runs that need them: the result cache, an atomic write, the html format, Lark
# itself (giarlint runs its standalone parsers), the table reader's similarity of a row no label
# matched, the JSON formats (the rules' data cache is marshal); never: the logging Lark's runtime
# imports for its logger (tools/generate_parsers.py leaves it out)
NOT_LOADED = ("lark", "hashlib", "tempfile", "html", "giarlint.readers.htmlpage", "difflib", "json", "logging")
PROBE = """
import sys
sys.argv = ["giarlint", "check", "--isolated", "--no-cache", "-q", sys.argv[1]]
from giarlint.cli import main
status = main()
modules = sorted(sys.modules)
import json
from giarlint import tree
from giarlint.readers import flat
from giarlint.tables import tokens
compiled = [f"{module.__name__}.{name}" for module in (flat, tokens, tree) for name, value in vars(module).items()
            if getattr(value, "_compiled", None) is not None]
print(json.dumps({"status": status, "modules": modules, "lazy_compiled": compiled}))
"""


def test_a_plain_check_loads_only_what_it_uses():
    env = dict(os.environ, GIARLINT_DISABLE_PLUGIN_AUTOLOAD="1")
    done = subprocess.run([sys.executable, "-c", PROBE, str(SEEDS[0])], capture_output=True, text=True, env=env, check=True)
    probe = json.loads(done.stdout.splitlines()[-1])
    assert probe["status"] == 1  # the seed has findings: the check ran whole
    assert [name for name in NOT_LOADED if name in probe["modules"]] == []
    assert probe["lazy_compiled"] == []  # flat text's reflow, a table left as HTML, a written row's cells


_COUNTED = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # what GIA401 counted before


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("aZ09_中文\u4dff\u4e00\u9fff\ua000，。 \n１２ａ²٣𠀀"), max_size=60), st.integers(0, 80))
def test_gia401_counts_as_the_character_class_did(text, minimum):
    from giarlint.builtin_rules.content import _counted

    exact = len(_COUNTED.findall(text))
    count = _counted(text, minimum)
    assert (count < minimum) == (exact < minimum)
    if exact < minimum:
        assert count == exact  # the count a finding names is exact



def test_the_script_imports_nothing_large_before_main_sets_the_collector_thresholds():
    """The ``giarlint`` script imports giarlint.cli before `main` raises the garbage collector's
    thresholds: argparse and the run's modules must load after that, not with the defaults."""
    probe = "import json, sys; import giarlint.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert {"argparse", "signal", "typing", "pluggy", "giarlint.commands.common"} & loaded == set()


def test_a_lazy_pattern_answers_as_the_compiled_one_and_survives_pickle_and_copy():
    import copy
    import pickle

    from giarlint.patterns import lazy

    pattern = lazy(r"[一二三]+(?P<tail>x)?", re.IGNORECASE)
    for copied in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):  # before it is compiled
        assert copied._compiled is None and copied.match("一二X").group("tail") == "X"
    compiled = re.compile(r"[一二三]+(?P<tail>x)?", re.IGNORECASE)
    for text in ("一二三x", "a一", "三X三", ""):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.sub("-", text) == compiled.sub("-", text)
    assert (pattern.pattern, pattern.flags, pattern.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)
    assert "finditer" in vars(pattern)  # kept after the first use: the next call goes straight to the pattern
    again = pickle.loads(pickle.dumps(pattern))  # after: a new lazy pattern of the same source
    assert again._compiled is None and again.search("x三").span() == (1, 2)
