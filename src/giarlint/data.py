"""Load the declarative data under ``rules/`` once per process.

Parsing YAML (and importing PyYAML) is a large part of a cold start, and pre-commit starts
giarlint on every commit. So each parsed file is kept in a cache directory, keyed by the file's
path, size and modification time; a hit needs neither PyYAML nor a parse. Entries are `marshal`
data: built in, so a hit imports nothing (`json` would cost 1 ms of the start), and it holds
what YAML gives (integer keys, tuples) but dates. An entry is
never trusted blindly: its header holds a checksum of its payload and one of the YAML file's bytes, and
an entry whose checksums do not match (corrupted, truncated, edited, or made from other bytes) is
removed and rebuilt. The cache is an optimisation only: any error reading or writing it falls
back to parsing the YAML.
Set ``GIARLINT_NO_CACHE=1`` to bypass it, ``GIARLINT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import marshal
import os
import zlib
from functools import lru_cache
from typing import Any

from giarlint.resources import data_dir


def cache_dir() -> str:
    configured = os.environ.get("GIARLINT_CACHE_DIR")
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "giarlint")


MAX_YAML_BYTES = 1024 * 1024  # the largest file under rules/ is 15 KB
MAX_YAML_NODES = 100_000  # values once aliases are expanded (rules/ has about 3,000 per file at most)
MAX_YAML_DEPTH = 50  # nested collections (rules/ nests 6 deep)


class YamlLimitError(ValueError):
    """A YAML file too large, too deep or expanding to too much through aliases (an 'alias bomb')."""


def _read_source(path) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_YAML_BYTES + 1)
    if len(data) > MAX_YAML_BYTES:
        raise YamlLimitError(f"larger than {MAX_YAML_BYTES // 1024} KB; not read")
    return data


def _parse_yaml(data: bytes) -> Any:
    """Parse one YAML file, refused before any conversion when it breaks the limits: the
    events of the parse are counted first (linear in the file's size, aliases counted by what
    they expand to), so a 1 KB alias bomb is refused at once instead of expanding to gigabytes."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = data.decode("utf-8")
    check_limits(yaml.parse(text, Loader=loader))
    return yaml.load(text, Loader=loader)


def check_limits(events) -> None:
    """Raise YamlLimitError when the document of `events` nests more than MAX_YAML_DEPTH deep or
    holds more than MAX_YAML_NODES values with aliases expanded (or an alias inside its own anchor)."""
    import yaml

    expanded: dict[str, int] = {}  # anchor -> the number of values it stands for
    stack: list[list] = []  # open collections: [values so far, anchor]
    total = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(stack) >= MAX_YAML_DEPTH:
                raise YamlLimitError(f"nested more than {MAX_YAML_DEPTH} levels deep; not read")
            stack.append([1, event.anchor])
            size = 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            size, anchor = stack.pop()
            if anchor is not None:
                expanded[anchor] = size
            if stack:
                stack[-1][0] += size
            continue
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor is not None:
                expanded[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in expanded:
                if any(frame[1] == event.anchor for frame in stack):
                    raise YamlLimitError(f"the alias *{event.anchor} is inside its own anchor; not read")
                continue  # an undefined alias: the parser says so
            size = expanded[event.anchor]
        else:
            continue
        total += size
        if total > MAX_YAML_NODES:
            raise YamlLimitError(f"expands to more than {MAX_YAML_NODES:,} values (aliases?); not read")
        if stack and not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack[-1][0] += size


def load_yaml(path) -> Any:
    """The parsed YAML file (a path as str or Path), from the cache when it is current."""
    source = _read_source(path)
    if os.environ.get("GIARLINT_NO_CACHE"):
        return _parse_yaml(source)
    stat = os.stat(path)
    where = zlib.crc32(os.path.abspath(path).encode("utf-8"))  # zlib: hashlib costs start-up time
    stem = os.path.splitext(os.path.basename(path))[0]
    same_file = f"{stem}-{where:08x}-"
    cached = os.path.join(cache_dir(), f"{same_file}{stat.st_size}-{stat.st_mtime_ns}{_SUFFIX}")
    source_sum = zlib.crc32(source)
    found = _read_entry(cached, source_sum)
    if found is not _MISSING:
        return found
    data = _parse_yaml(source)
    _write_entry(cached, data, source_sum, same_file)
    return data


_MISSING = object()
_MAGIC = b"giarlint-marshal-%d" % marshal.version  # another format version is another entry
_SUFFIX = ".data"


def _read_entry(cached: str, source_sum: int):
    """The data of a cache entry, or _MISSING. An entry is used only when its header's checksums
    match both its payload and the YAML file's current bytes; any other entry (corrupted,
    truncated, edited, of other bytes) is removed, and the caller rebuilds it."""
    try:
        with open(cached, "rb") as handle:
            raw = handle.read()
    except OSError:
        return _MISSING
    header, _, payload = raw.partition(b"\n")
    try:
        magic, payload_sum, entry_source_sum, length = header.split(b" ")
        valid = (magic == _MAGIC and int(length) == len(payload) and int(payload_sum, 16) == zlib.crc32(payload)
                 and int(entry_source_sum, 16) == source_sum)
        if valid:
            return marshal.loads(payload)
    except (ValueError, EOFError, TypeError, RecursionError):
        pass
    try:
        os.remove(cached)
    except OSError:
        pass
    return _MISSING


def _write_entry(cached: str, data, source_sum: int, same_file: str) -> None:
    try:
        payload = marshal.dumps(data)  # ValueError for what it cannot hold (dates)
        header = b"%s %08x %08x %d\n" % (_MAGIC, zlib.crc32(payload), source_sum, len(payload))
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        partial = f"{cached}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            handle.write(header + payload)
        os.replace(partial, cached)
        _remove_older(os.path.dirname(cached), same_file, os.path.basename(cached))
    except (OSError, TypeError, ValueError, RecursionError):
        pass  # an unwritable cache or data marshal cannot hold: parse again next time


def _remove_older(directory: str, prefix: str, current: str) -> None:
    """Drop the entries of earlier versions of the same file (an edited configuration file
    would otherwise leave one behind per edit)."""
    for name in os.listdir(directory):
        if name.startswith(prefix) and name != current and name.endswith((_SUFFIX, ".json")):
            try:
                os.remove(os.path.join(directory, name))
            except OSError:
                pass


@lru_cache(maxsize=None)
def rules_data(name: str) -> Any:
    """The parsed ``rules/<name>.yaml``."""
    return load_yaml(os.path.join(data_dir("rules"), f"{name}.yaml"))
