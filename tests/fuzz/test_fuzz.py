"""The fuzz harness, short run for CI: a few thousand generated inputs in process, a few hundred
through the command in every output format, and hypothesis choosing mutator chains (so that a
failure shrinks to the fewest mutations). The long run is ``python tests/fuzz/run_long.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import FORMATS, Failure, check_directory, check_input, write_inputs  # noqa: E402
from mutators import SEEDS, TEXT_MUTATORS, encode, mutate  # noqa: E402

CI_INPUTS = 3000  # in process, numbered inputs 0…2999 (about 40 s)
CI_CLI_INPUTS = 200  # through the command, in each of the eight formats


def test_numbered_inputs_in_process(linter):
    failures = []
    for number in range(CI_INPUTS):
        name, data = mutate(number)
        try:
            check_input(linter, name, data)
        except Failure as failure:
            failures.append(str(failure)[:500])
    assert not failures, f"{len(failures)} of {CI_INPUTS} inputs failed:\n" + "\n".join(failures[:10])


def test_numbered_inputs_through_the_command_in_every_format(tmp_path):
    write_inputs(tmp_path, 100_000, CI_CLI_INPUTS)  # numbers the in-process run does not use
    outputs = check_directory(tmp_path, FORMATS)
    assert set(outputs) == set(FORMATS)
    assert outputs["concise"].count("\n") > CI_CLI_INPUTS // 2  # findings were printed, not swallowed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.sampled_from(SEEDS), chain=st.lists(st.sampled_from(TEXT_MUTATORS), min_size=1, max_size=4),
       rng=st.randoms(use_true_random=False))
def test_mutator_chains(linter, seed, chain, rng):
    text = seed.read_text(encoding="utf-8")
    for mutator in chain:
        text = mutator(rng, text)
    check_input(linter, "chain.txt", encode(rng, text))


def test_inputs_are_a_function_of_their_number():
    assert mutate(12345) == mutate(12345) and mutate(1) != mutate(2)
    assert len({mutate(n)[0].rsplit(".", 1)[1] for n in range(200)}) == 3  # .txt, .md and .html inputs


def test_the_harness_catches_what_it_looks_for(linter, monkeypatch):
    """A harness that cannot fail proves nothing: a crash, a bad position and a slow input are caught."""
    from giarlint.diagnostics import Diagnostic

    monkeypatch.setattr(linter, "lint_bytes", lambda name, data: 1 / 0)
    with pytest.raises(Failure, match="ZeroDivisionError"):
        check_input(linter, "x.txt", b"")
    monkeypatch.setattr(linter, "lint_bytes", lambda name, data: [Diagnostic("x.txt", 0, 1, "GIA001", "m", 0, 1, "engine", "E")])
    with pytest.raises(Failure, match="bad diagnostic"):
        check_input(linter, "x.txt", b"")

    def slow(name, data):
        end = __import__("time").process_time() + 0.3
        while __import__("time").process_time() < end:
            pass
        return []

    monkeypatch.setattr(linter, "lint_bytes", slow)
    monkeypatch.setattr("harness.SECONDS_PER_INPUT", 0.1)
    with pytest.raises(Failure, match="CPU time"):
        check_input(linter, "x.txt", b"")
