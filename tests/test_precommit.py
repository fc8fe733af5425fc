"""The pre-commit hook of this repository, run by the real ``pre-commit try-repo`` (slow: builds an environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from giarlint_run import ROOT, SEED_000

GIT_ENV = {
    "GIT_AUTHOR_NAME": "giarlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "giarlint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args, cwd):
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def checkout_files() -> list[str]:
    """Files of this checkout as git sees them (committed, changed and new, not ignored)."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8")
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A committed copy of this checkout: try-repo installs a repository's HEAD, so local changes count too."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("this test needs git and a git checkout of giarlint")
    repo = tmp_path_factory.mktemp("hook") / "giarlint"
    for name in checkout_files():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


def try_repo(hook_repo, work, cache):
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(cache), "HOME": str(work)}
    env.pop("GIARLINT_OUTPUT_FORMAT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "giarlint", "--files", "report.txt"],
        cwd=work, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.slow
def test_the_hook_fails_on_a_broken_report_and_passes_on_a_fixed_one(hook_repo, tmp_path):
    work = tmp_path / "reports"
    work.mkdir()
    git("init", "-q", cwd=work)
    report = work / "report.txt"
    shutil.copy(SEED_000, report)
    git("add", "report.txt", cwd=work)
    broken = try_repo(hook_repo, work, tmp_path / "cache")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "report.txt:16:8: GIA205" in broken.stdout
    report.write_text(SEED_000.read_text(encoding="utf-8").replace("企业类674件;个人类69535件", "70209"), encoding="utf-8")
    git("add", "report.txt", cwd=work)
    fixed = try_repo(hook_repo, work, tmp_path / "cache")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "giarlint" in fixed.stdout and "Passed" in fixed.stdout
