"""The example third-party package installs next to giarlint with pip and its rule runs (slow: builds wheels)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from giarlint_run import ROOT, SEEDS, run

EXAMPLE = ROOT / "examples" / "giarlint-plugin-example"


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory):
    venv = tmp_path_factory.mktemp("plugin-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT), str(EXAMPLE)],
        capture_output=True, text=True, timeout=900,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return str(python)


@pytest.mark.slow
def test_the_plugin_rule_runs_on_the_seeds(venv_python):
    process = run("check", "--isolated", "--select", "PRV", *SEEDS, autoload=True, python=venv_python)
    assert process.returncode == 1, process.stderr
    # seed 000 reports its 2022 政务公开工作要点落实情况 in section 六; the others do not
    assert process.stdout.splitlines() == [
        f"{SEEDS[1]}:626:1: PRV101 2021 年度报告的“其他需要報告的事項”未报告年度政务公开工作要点落实情况",
        f"{SEEDS[2]}:65:1: PRV101 2020 年度报告的“其他需要报告的事项”未报告年度政务公开工作要点落实情况",
        f"{SEEDS[3]}:92:1: PRV101 2022 年度报告的“其他需要报告的事项”未报告年度政务公开工作要点落实情况",
        f"{SEEDS[4]}:304:1: PRV101 2022 年度报告的“其他需要报告的事项”未报告年度政务公开工作要点落实情况",
    ]


@pytest.mark.slow
def test_the_plugin_is_listed_with_its_version(venv_python):
    version = run("--version", autoload=True, python=venv_python).stdout
    assert "plugin province-example 0.1.0 (giarlint_plugin_example)" in version
    listing = run("plugins", autoload=True, python=venv_python).stdout
    assert "province-example 0.1.0 (giarlint_plugin_example)\n  rules: work-plan-implementation (PRV101)" in listing
    assert "province-example" not in run("plugins", "--no-plugins", autoload=True, python=venv_python).stdout


@pytest.mark.slow
def test_the_plugin_cases_pass_with_giarlint_testing(venv_python):
    script = (
        "import sys; from giarlint.testing import check_case_file; "
        "print(check_case_file(sys.argv[1]))"
    )
    cases = EXAMPLE / "tests" / "rule_cases" / "PRV101.yaml"
    process = subprocess.run([venv_python, "-c", script, str(cases)], capture_output=True, text=True)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "4"


@pytest.mark.slow
def test_the_plugin_options_are_validated(venv_python, tmp_path):
    (tmp_path / ".giarlint.yaml").write_text(
        "rule-options:\n  work-plan-implementation: {keyword: [要点]}\n", encoding="utf-8"
    )
    shutil.copy(SEEDS[1], tmp_path / "report.txt")  # the configuration nearest to the report applies
    process = run("check", "report.txt", cwd=tmp_path, autoload=True, python=venv_python)
    assert process.returncode == 2
    assert "`rule-options.work-plan-implementation.keyword`: rule work-plan-implementation has no option" in process.stderr
