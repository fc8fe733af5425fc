"""The progress bar: on a terminal's standard error for a long run, never on a pipe, in CI or with -q;
tqdm is imported only when a bar is drawn."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

from giarlint_run import SEEDS

from giarlint.progress import MIN_FILES, wanted


def many(tmp_path, count: int):
    reports = tmp_path / "reports"
    reports.mkdir()
    for number in range(count):
        shutil.copy(SEEDS[number % len(SEEDS)], reports / f"{number:03d}.txt")
    return reports


def run_with_terminal_stderr(args, extra_env=None) -> tuple[int, bytes, bytes]:
    """giarlint with standard error on a pseudo-terminal and standard output on a pipe."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))  # a terminal's size
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GIARLINT_NO_PROGRESS")}
    env.update({"GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "GIARLINT_PROGRESS_DELAY": "0", "TERM": "xterm",
                "COLUMNS": "100", **(extra_env or {})})
    stdout = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stop the child
    process = subprocess.Popen([sys.executable, "-m", "giarlint", "check", "--isolated", *map(str, args)],
                               stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    stdout.seek(0)
    out = stdout.read()
    os.close(master)
    return process.returncode, out, seen


def test_a_long_run_on_a_terminal_shows_a_bar_on_standard_error_only(tmp_path):
    reports = many(tmp_path, MIN_FILES + 10)
    code, out, terminal = run_with_terminal_stderr([reports])
    assert code == 1
    assert b"giarlint:" in terminal and b"reports" in terminal and b"%|" in terminal, terminal[-500:]
    assert f"/{MIN_FILES + 10}".encode() in terminal
    assert b"%|" not in out and out.count(b"\n") > MIN_FILES  # the findings, clean
    code, _, quiet = run_with_terminal_stderr(["-q", reports])
    assert b"%|" not in quiet
    code, _, in_ci = run_with_terminal_stderr([reports], {"CI": "true"})
    assert b"%|" not in in_ci


def test_no_bar_on_a_pipe_or_for_a_short_run(tmp_path):
    reports = many(tmp_path, MIN_FILES + 10)
    env = {**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "GIARLINT_PROGRESS_DELAY": "0"}
    env.pop("CI", None)
    piped = subprocess.run([sys.executable, "-m", "giarlint", "check", "--isolated", str(reports)],
                           capture_output=True, env=env)
    assert b"%|" not in piped.stderr and piped.stderr.count(b"\n") == 1  # the summary line alone
    code, _, short = run_with_terminal_stderr([SEEDS[0]])
    assert b"%|" not in short


def test_wanted_only_for_a_terminal():
    class Terminal:
        def isatty(self):
            return True

    environ = {k: os.environ.pop(k) for k in ("CI", "GIARLINT_NO_PROGRESS") if k in os.environ}
    try:
        assert wanted(MIN_FILES, False, Terminal())
        assert not wanted(MIN_FILES - 1, False, Terminal())
        assert not wanted(MIN_FILES, True, Terminal())
        assert not wanted(MIN_FILES, False, open(os.devnull, "w"))
    finally:
        os.environ.update(environ)


def test_tqdm_is_imported_only_for_a_bar():
    probe = ("import sys; from giarlint.cli import main; main(['check', '-q', '--isolated', sys.argv[1]]); "
             "print('tqdm' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe, str(SEEDS[0])], capture_output=True, text=True,
                          env={**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert done.stdout.strip().splitlines()[-1] == "False", done.stdout + done.stderr
