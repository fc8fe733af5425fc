"""Run generated inputs through giarlint and say what went wrong, if anything.

Two ways, both used by the CI tests and by the long run (`run_long.py`):

* in process (`check_input`): no exception (GIARLINT_DEBUG is set, so a giarlint bug on one
  file raises instead of becoming that file's GIA001), sane positions, bounded CPU time;
* through the command (`check_directory`): a directory of inputs checked in every output format,
  exit code 0 or 1, JSON / SARIF / JUnit output that parses, every input reported or clean.

Another helper runs the same inputs with hostile plugins installed: `write_inputs` puts inputs
``start … start+count-1`` in a directory, and `check_directory` takes the environment to use.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

from mutators import mutate

SECONDS_PER_INPUT = 5.0  # CPU time one input may take in process (a seed takes about 0.02 s)…
SECONDS_PER_MIB = 1.0  # …plus this much per MiB: a 13 MiB input of 200 copies of a long table row takes 8 s
FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit")


class Failure(AssertionError):
    """An input giarlint mishandled; the message names the input number and what happened."""


def check_input(linter, name: str, data: bytes) -> list:
    """Lint one input in process; `Failure` on an exception, a bad position or too much time."""
    previous = os.environ.get("GIARLINT_DEBUG")
    os.environ["GIARLINT_DEBUG"] = "1"
    start = time.process_time()
    try:
        diagnostics = linter.lint_bytes(name, data)
    except Exception as exc:  # noqa: BLE001 - that is what is being looked for
        raise Failure(f"{name}: {type(exc).__name__}: {exc}") from exc
    finally:
        linter.converted.pop(name, None)  # what a reader made of the input: kept by a run only while needed
        if previous is None:
            del os.environ["GIARLINT_DEBUG"]
        else:
            os.environ["GIARLINT_DEBUG"] = previous
    spent = time.process_time() - start
    limit = SECONDS_PER_INPUT + SECONDS_PER_MIB * len(data) / 1048576
    if spent > limit:
        raise Failure(f"{name}: {spent:.1f} s of CPU time for {len(data)} bytes (limit {limit:.1f} s)")
    for d in diagnostics:
        if not (d.line >= 1 and d.column >= 1 and isinstance(d.message, str) and d.code.startswith("GIA")):
            raise Failure(f"{name}: bad diagnostic {d!r}")
    return diagnostics


def write_inputs(directory: Path, start: int, count: int) -> list[Path]:
    """Inputs start … start+count-1 as files in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        name, data = mutate(number)
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _parse(output_format: str, out: str) -> set[str]:
    """The paths an output names; parsing proves it well-formed."""
    if output_format in ("json", "gitlab"):
        items = json.loads(out)
        return {i["path"] if output_format == "json" else i["location"]["path"] for i in items}
    if output_format == "json-lines":
        return {json.loads(line)["path"] for line in out.splitlines()}
    if output_format == "sarif":
        log = json.loads(out)
        assert log["version"] == "2.1.0"
        return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    if output_format == "junit":
        return {suite.get("name") for suite in ElementTree.fromstring(out.encode("utf-8")).iter("testsuite")}
    return set()


def check_directory(directory: Path, formats=FORMATS, env: dict | None = None, extra_args=(),
                    timeout: float = 600) -> dict[str, str]:
    """``giarlint check DIRECTORY`` in each format; `Failure` unless every run exits 0 or 1
    within `timeout` with well-formed output and no internal error. Returns format -> output."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GIARLINT_OUTPUT_FORMAT")}
    environment.setdefault("GIARLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    outputs = {}
    for output_format in formats:
        command = [sys.executable, "-m", "giarlint", "check", "--output-format", output_format, *extra_args, "."]
        try:
            process = subprocess.run(command, cwd=directory, env=environment, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise Failure(f"{directory} [{output_format}]: no answer in {timeout} s") from exc
        out, err = process.stdout.decode("utf-8"), process.stderr.decode("utf-8", "replace")
        if process.returncode not in (0, 1) or "internal error" in err or "Traceback" in err:
            raise Failure(f"{directory} [{output_format}]: exit {process.returncode}: {err[-2000:]}")
        try:
            _parse(output_format, out)
        except Exception as exc:  # noqa: BLE001
            raise Failure(f"{directory} [{output_format}]: output does not parse: {exc!r}") from exc
        outputs[output_format] = out
    return outputs
