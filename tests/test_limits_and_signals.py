"""A looping rule is stopped per report (GIA099 with the time), with -j 1 and -j 2; Ctrl-C and
SIGTERM end a run, workers included, with no traceback; an unpicklable report-set summary is a
GIA099 naming its plugin under -j 1 and -j 2 alike."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from giarlint_run import SEEDS, run, seed_copies

LOOPING = '''
from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Rule

TEXT = {"zh": "测试", "en": "test"}


class Looping(Rule):
    name = "looping"

    def catalogue(self):
        return {"LOP001": CodeDoc("LOP001", self.name, "E", True, TEXT, TEXT, "", "", {"default": TEXT})}

    def check(self, report, context):
        while True:
            try:
                sum(range(1000))
            except Exception:  # a rule that swallows errors is stopped all the same
                pass


@hookimpl
def giarlint_rules():
    return [Looping()]
'''

UNPICKLABLE = '''
from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import ReportSetRule

TEXT = {"zh": "测试", "en": "test"}


class Unpicklable(ReportSetRule):
    name = "unpicklable"

    def catalogue(self):
        return {"UNP001": CodeDoc("UNP001", self.name, "E", True, TEXT, TEXT, "", "", {"default": TEXT})}

    def summarize(self, report, context):
        return {"path": report.path, "later": lambda: report.year}

    def check_set(self, summaries, context):
        return []


@hookimpl
def giarlint_report_set_rules():
    return [Unpicklable()]
'''


def plugin(tmp_path: Path, name: str, source: str) -> str:
    """A distribution with a ``giarlint`` entry point, in a directory to put on PYTHONPATH."""
    root = tmp_path / f"site-{name}"
    module = f"giarlint_test_{name}"
    dist = root / f"{module}-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[giarlint]\n{name} = {module}\n", encoding="utf-8")
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    return str(root)


def corpus(tmp_path: Path, copies: int) -> Path:
    return seed_copies(tmp_path / "reports", copies)


def without_times(text: str) -> str:
    return re.sub(r"\d+\.\d s", "N s", text)


def test_a_looping_rule_is_stopped_on_each_report_with_one_and_two_jobs(tmp_path):
    env = {"PYTHONPATH": plugin(tmp_path, "looping", LOOPING)}
    tree = corpus(tmp_path, 1)
    plain = run("check", "--isolated", "--lang", "en", tree)
    for jobs in ("1", "2"):
        started = time.monotonic()
        process = run("check", "--isolated", "--lang", "en", "--rule-time-limit", "0.3", "-j", jobs, tree,
                      autoload=True, env=env)
        assert time.monotonic() - started < 30
        assert process.returncode == 1, process.stderr
        lines = process.stdout.splitlines()
        stopped = [line for line in lines if " GIA099 " in line]
        assert len(stopped) == len(SEEDS)
        assert all("rule looping of plugin looping ran over 0." in line and "was stopped (rule-time-limit 0.3 s)" in line
                   for line in stopped)
        assert [line for line in lines if " GIA099 " not in line] == plain.stdout.splitlines()  # the rest all ran
        if jobs == "1":
            one = process.stdout
    assert without_times(process.stdout) == without_times(one)


def test_the_time_limit_is_configurable_and_validated(tmp_path):
    env = {"PYTHONPATH": plugin(tmp_path, "looping", LOOPING)}
    (tmp_path / ".giarlint.yaml").write_text("rule-time-limit: 0.2\n", encoding="utf-8")
    report = tmp_path / SEEDS[0].name
    shutil.copy(SEEDS[0], report)
    process = run("check", "--lang", "en", report, cwd=tmp_path, autoload=True, env=env)
    assert process.returncode == 1 and "(rule-time-limit 0.2 s)" in process.stdout
    (tmp_path / ".giarlint.yaml").write_text("rule-time-limit: -1\n", encoding="utf-8")
    process = run("check", report, cwd=tmp_path)
    assert process.returncode == 2 and "rule-time-limit" in process.stderr


def test_an_unpicklable_summary_is_gia099_naming_the_plugin_with_one_and_two_jobs(tmp_path):
    env = {"PYTHONPATH": plugin(tmp_path, "unpicklable", UNPICKLABLE)}
    tree = corpus(tmp_path, 2)
    plain = run("check", "--isolated", "--lang", "en", tree)
    outputs = []
    for jobs in ("1", "2"):
        process = run("check", "--isolated", "--lang", "en", "-j", jobs, tree, autoload=True, env=env)
        assert process.returncode == 1 and "internal error" not in process.stderr, process.stderr
        lines = process.stdout.splitlines()
        failed = [line for line in lines if " GIA099 " in line]
        assert len(failed) == 2 * len(SEEDS)
        assert all("rule unpicklable of plugin unpicklable returned a report summary that cannot be pickled" in line
                   for line in failed)
        assert [line for line in lines if " GIA099 " not in line] == plain.stdout.splitlines()
        outputs.append(process.stdout)
    assert outputs[0] == outputs[1]


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _interruptible() -> None:
    """Ctrl-C as at a terminal, even when the tests themselves run with SIGINT ignored (a job
    started in the background of a script inherits that, and Python then keeps ignoring it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_looping_run(tmp_path: Path, jobs: str) -> tuple[subprocess.Popen, set[int]]:
    """A run that loops for ever (no time limit), once its workers are busy."""
    tree = corpus(tmp_path, 2)
    env = {**os.environ, "PYTHONPATH": plugin(tmp_path, "looping", LOOPING)}
    env.pop("GIARLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "giarlint", "check", "--isolated", "--rule-time-limit", "0", "-j", jobs, str(tree)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
        preexec_fn=_interruptible,
    )
    expected = int(jobs) if jobs != "1" else 0
    deadline = time.monotonic() + 60
    children: set[int] = set()
    while time.monotonic() < deadline:
        children = descendants(process.pid)
        if len(children) >= expected:
            break
        time.sleep(0.1)
    time.sleep(1.5)  # the workers are in the looping rule by now
    assert process.poll() is None and len(descendants(process.pid)) >= expected
    return process, descendants(process.pid) | children


def ended(process: subprocess.Popen, children: set[int], sent: float) -> tuple[int, str]:
    try:
        _, stderr = process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError("the run did not end within 5 s of the signal")
    assert time.monotonic() - sent < 5
    deadline = time.monotonic() + 3
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in children if alive(pid)], "worker processes outlived the run"
    return process.returncode, stderr.decode("utf-8")


def test_ctrl_c_ends_a_parallel_run_and_its_workers(tmp_path):
    process, children = start_looping_run(tmp_path, "2")
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    status, stderr = ended(process, children, time.monotonic())
    assert status == 130 and "Traceback" not in stderr and "interrupted" in stderr


def test_ctrl_c_ends_a_single_process_run(tmp_path):
    process, children = start_looping_run(tmp_path, "1")
    os.killpg(process.pid, signal.SIGINT)
    status, stderr = ended(process, children, time.monotonic())
    assert status == 130 and "Traceback" not in stderr


def test_sigterm_to_the_main_process_ends_the_workers_too(tmp_path):
    process, children = start_looping_run(tmp_path, "2")
    os.kill(process.pid, signal.SIGTERM)  # the main process only, as a CI runner's timeout does
    status, stderr = ended(process, children, time.monotonic())
    assert status == 143 and "Traceback" not in stderr


def test_the_alarm_handler_is_installed_once_a_report_and_the_hosts_comes_back(monkeypatch):
    """A library user's own SIGALRM handler is in place again after each check; the rules of
    one report share one installation of giarlint's."""
    from giarlint import budget
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    def hosts(signum, frame):
        pass

    installed = []
    real_signal = signal.signal
    def recording(number, handler):
        if number == signal.SIGALRM:
            installed.append(handler)
        return real_signal(number, handler)

    monkeypatch.setattr(budget.signal, "signal", recording)
    previous = real_signal(signal.SIGALRM, hosts)
    try:
        linter = Linter(build_registry(load_plugins=False), Settings())
        result = linter.summarize(linter.check_text("a.txt", SEEDS[0].read_text(encoding="utf-8")))
        assert result.summaries is not None and signal.getsignal(signal.SIGALRM) is hosts
        assert installed == [budget._expired, hosts, budget._expired, hosts]  # rules, then the summaries
    finally:
        real_signal(signal.SIGALRM, previous)


def test_workers_end_themselves_when_the_main_process_is_killed_outright(tmp_path):
    """SIGKILL (the out-of-memory killer, `kill -9`) leaves the main process no chance to end its
    workers: they notice that it is gone and end within a second or two, busy or not."""
    process, children = start_looping_run(tmp_path, "2")
    assert children
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=5)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in children if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=5)  # the workers held the output pipes open too
    assert not left, "worker processes outlived a killed main process"
