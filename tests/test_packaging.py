"""The wheel carries grammar/ and rules/, and giarlint finds them there (as in an editable install)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("giarlint-*.whl")
    return built


def test_wheel_contains_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"giarlint/_data/grammar/report.lark", "giarlint/_data/grammar/cells.lark",
                "giarlint/_data/rules/structure.yaml"}
    expected |= {f"giarlint/_data/rules/tables/table{n}.yaml" for n in (2, 3, 4)}
    expected |= {f"giarlint/_data/rules/{p.relative_to(ROOT / 'rules')}" for p in (ROOT / "rules").rglob("*.yaml")}
    assert expected <= names
    assert "giarlint/cli.py" in names and not any(n.startswith("tests/") for n in names)


def test_installed_wheel_finds_its_data_and_checks_a_report(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(tmp_path), GIARLINT_NO_CACHE="1")
    where = subprocess.run(
        [sys.executable, "-c", "from giarlint.resources import data_dir; print(data_dir('rules'))"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    ).stdout.strip()
    assert Path(where) == tmp_path / "giarlint" / "_data" / "rules"
    out = subprocess.run(
        [sys.executable, "-m", "giarlint", "check", "--no-plugins", str(SEED["004"])],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert out.returncode == 1 and ":3:1: GIA105" in out.stdout


def test_editable_install_finds_repository_data():
    """The suite runs against an editable install (README): data comes from the checkout."""
    from giarlint.resources import data_dir

    assert Path(data_dir("grammar")) == ROOT / "grammar"
    assert Path(data_dir("rules")) == ROOT / "rules"
