"""The fuzz inputs of the hardening harness through a run with every hostile plugin installed
(tests/helpers/hostile.py, through entry points): every run still exits 1 with well-formed output,
each plugin is named in a GIA099, and every finding of giarlint's own rules is still printed
(issue 14)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(TESTS))

from harness import check_directory, write_inputs  # noqa: E402

from helpers import hostile  # noqa: E402

CI_HOSTILE_INPUTS = 150  # numbered inputs 200,000…: ones the other CI runs do not use
FORMATS = ("concise", "json", "sarif", "junit")
# every hostile rule and report-set rule, and one hostile reader (the first reader to answer a
# file is the only one asked)
RUN_TIME = [name for name in hostile.PLUGINS if name not in hostile.NOT_AT_RUN_TIME
            and name not in hostile.FORMATTER_BEHAVIOURS and name not in hostile.READER_BEHAVIOURS] + ["reader-returns-str"]
ARGS = ("--isolated", "--no-cache")


def test_fuzz_inputs_with_the_hostile_plugins_installed(tmp_path):
    inputs = tmp_path / "inputs"
    write_inputs(inputs, 200_000, CI_HOSTILE_INPUTS)
    shutil.copy(TESTS / "seeds" / "000_074461f2da15a71b.txt", inputs / "seed.hostile")  # the hostile readers' file
    clean = check_directory(inputs, ("concise",), extra_args=ARGS)["concise"].splitlines()
    assert len(clean) > CI_HOSTILE_INPUTS // 2
    site = hostile.install(tmp_path / "site", RUN_TIME)
    env = {"PYTHONPATH": f"{site}:{TESTS}", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": ""}
    for extra in ((), ("-j", "2")):
        outputs = check_directory(inputs, FORMATS, env=env, extra_args=(*ARGS, *extra))
        lines = outputs["concise"].splitlines()
        assert [line for line in clean if line not in lines] == []  # nothing of giarlint's own is lost
        named = {name for name in RUN_TIME if any(" GIA099 " in line and f"插件 {name} " in line for line in lines)}
        assert named == set(RUN_TIME)
