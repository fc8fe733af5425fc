"""The pre-commit hook in a real report repository, and the install snippets of the docs run as printed.

Slow: pre-commit builds the hook's environment (once for the whole module, shared by every format)
and a fresh virtual environment installs giarlint for the plugin snippet.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml
from giarlint_run import ROOT, SEED_000
from seed_renderings import RENDERERS, markdown_rows, seed_report

GIT_ENV = {
    "GIT_AUTHOR_NAME": "giarlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "giarlint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}
TAG = "v0.1.0"  # the rev the docs name; the snapshot below carries it as this repository does
BROKEN_CELL, FIXED_CELL = "企业类674件;个人类69535件", "70209"  # seed 000's text cell (GIA205) and a number


def snippet(doc: str, name: str) -> str:
    """The code block that follows ``<!-- snippet: NAME -->`` in a document of this repository."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    found = re.search(rf"<!-- snippet: {re.escape(name)} -->\s*\n\s*```\w*\n(.*?)\n\s*```", text, re.S)
    assert found, f"{doc}: no snippet {name!r}"
    lines = found.group(1).split("\n")
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines) + "\n"


def environment(home: Path, cache: Path) -> dict:
    env = {**os.environ, **GIT_ENV, "HOME": str(home), "PRE_COMMIT_HOME": str(cache)}
    for name in ("GIARLINT_OUTPUT_FORMAT", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")  # pre-commit itself
    return env


def git(*args, cwd, env=None, check=True):
    return subprocess.run(["git", *args], cwd=cwd, env=env or {**os.environ, **GIT_ENV, "HOME": str(cwd)},
                          check=check, capture_output=True, text=True, timeout=900)


def checkout_files() -> list[str]:
    """Files of this checkout as git sees them (committed, changed and new, not ignored)."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8")
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder holding ``giarlint/``, a git clone of this checkout's files at a commit tagged v0.1.0
    (local changes count too), and the pre-commit cache shared by the module's tests."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("this test needs git and a git checkout of giarlint")
    top = tmp_path_factory.mktemp("workspace")
    snapshot = top / "snapshot"
    for name in checkout_files():
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    git("init", "-q", cwd=snapshot)
    git("add", "-A", cwd=snapshot)
    git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    git("tag", TAG, cwd=snapshot)
    git("clone", "-q", str(snapshot), str(top / "giarlint"), cwd=top)
    return top


def renderings(fixed: bool, tmp: Path) -> dict[str, bytes]:
    """Seed 000 as each format the hook covers, with its text cell (GIA205) or with a number there."""
    text = SEED_000.read_text(encoding="utf-8")
    if fixed:
        text = text.replace(BROKEN_CELL, FIXED_CELL)
    source = tmp / ("fixed.txt" if fixed else "broken.txt")
    source.write_text(text, encoding="utf-8")
    report = seed_report(source)
    out = {".txt": text.encode("utf-8"), ".md": markdown_rows(text).encode("utf-8")}
    out.update((suffix, render(report)) for suffix, render in RENDERERS.items())
    return out


def commit(repo: Path, env: dict, *names: str):
    git("add", *names, cwd=repo, env=env)
    return git("commit", "-m", f"add {' '.join(names)}", cwd=repo, env=env, check=False)


@pytest.mark.slow
def test_a_commit_of_each_format_is_refused_with_its_findings_and_accepted_once_fixed(workspace, tmp_path):
    reports = workspace / "reports"
    reports.mkdir()
    env = environment(reports, workspace / "cache")
    git("init", "-q", cwd=reports, env=env)
    config = snippet("docs/pre-commit.md", "pre-commit-config")
    assert yaml.safe_load(snippet("README.md", "pre-commit-config")) == yaml.safe_load(config)
    (reports / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    installed = subprocess.run(["bash", "-euc", snippet("docs/pre-commit.md", "pre-commit-install")],
                               cwd=reports, env=env, capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (reports / ".git" / "hooks" / "pre-commit").is_file()

    # a repository's own README is no report: the hook skips it instead of refusing it (GIA002)
    (reports / "README.md").write_text("# 报告仓库\n\n本仓库存放本单位历年政府信息公开工作年度报告。\n\n## 使用\n\n"
                                       "一、安装 pre-commit\n二、提交报告\n", encoding="utf-8")
    first = commit(reports, env, ".pre-commit-config.yaml", "README.md")
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"^giarlint\.+Passed$", first.stderr, re.M), first.stderr  # the hook ran on README.md
    assert "GIA002" not in first.stdout + first.stderr

    broken, fixed = renderings(False, tmp_path), renderings(True, tmp_path)
    assert set(broken) == {".txt", ".md", ".html", ".docx", ".pdf"}
    for suffix in broken:
        name = f"report-2022{suffix}"
        (reports / name).write_bytes(broken[suffix])
        refused = commit(reports, env, name)
        output = refused.stdout + refused.stderr
        assert refused.returncode == 1, output
        assert re.search(rf"{re.escape(name)}:\d+:\d+: GIA205 ", output), output
        assert "Failed" in output
        if suffix == ".pdf":  # ignored rather than fixed: the configuration the hook reads
            (reports / ".giarlint.yaml").write_text(f'per-file-ignores:\n  "{name}": [GIA205]\n', encoding="utf-8")
            accepted = commit(reports, env, name, ".giarlint.yaml")
        else:
            (reports / name).write_bytes(fixed[suffix])
            accepted = commit(reports, env, name)
        assert accepted.returncode == 0, accepted.stdout + accepted.stderr
        assert re.search(r"^giarlint\.+Passed$", accepted.stderr, re.M), accepted.stdout + accepted.stderr
    log = git("log", "--format=%s", cwd=reports, env=env).stdout.split("\n")
    assert len([line for line in log if line.startswith("add report-2022")]) == 5


def test_no_doc_gives_an_install_command_that_cannot_work():
    """giarlint is not on PyPI; no placeholder owner in a URL; every rev named is the tag the tests make."""
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        for line in text.split("\n"):
            if "请安装" in line:  # GIA001's advice to add an extra to an installed giarlint, which works
                continue
            for command in re.findall(r"pip install ['\"]?giarlint\b[^\n`]*", line):
                assert " @ git+" in command, (doc, command)  # a bare name would ask PyPI
        assert "OWNER" not in text, doc
        for rev in re.findall(r"\brev: (\S+)", text):
            assert rev == TAG, (doc, rev)


@pytest.mark.slow
def test_the_plugin_install_snippet_works_as_printed(workspace, tmp_path):
    work = tmp_path / "work"
    (work / "reports").mkdir(parents=True)
    shutil.copy(SEED_000, work / "reports" / "2022.txt")
    (tmp_path / "giarlint").symlink_to(workspace / "giarlint")  # the clone in ../giarlint, as the doc says
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    env = environment(work, workspace / "cache")
    env["PATH"] = str(env_dir / "bin") + os.pathsep + os.environ.get("PATH", "")
    env["VIRTUAL_ENV"] = str(env_dir)
    ran = subprocess.run(["bash", "-euc", snippet("docs/plugins.md", "plugin-install")], cwd=work, env=env,
                         capture_output=True, text=True, timeout=900)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "PRV101" in ran.stdout, ran.stdout
