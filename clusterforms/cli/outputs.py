"""Where a verb may write: never onto one of its inputs, never over a folder or a device.

Each verb checks its ``-o`` (and ``--report``, ``--annotate``) before any work,
so a mistyped path costs nothing, and writes through :func:`write_output`, so
a failure at the last moment is the same one clear line (exit 2) and never a
traceback.  Files are written atomically by :func:`clusterforms._files.write_atomic`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from clusterforms import OutputError, names_spec_file
from clusterforms._files import write_atomic, write_target


def spec_inputs(*names: str | None) -> list[Path]:
    """The spec arguments that name files (the others are shipped ids)."""
    return [Path(name) for name in names if name is not None and names_spec_file(name)]


def check_outputs(outputs: Iterable[Path | None], inputs: Iterable[Path | None]) -> None:
    """Refuse outputs that cannot be written, that are an input, or that name one file twice.

    An input is recognised however it is named: the same resolved path, or the
    same file (device and inode), so neither a symlink nor a hard link slips by.

    Raises:
        OutputError: naming the output and why it cannot be written.

    """
    named = [path for path in outputs if path is not None]
    sources = [path for path in inputs if path is not None]
    for n, output in enumerate(named):
        _check_writable(output)
        for source in sources:
            if same_file(output, source):
                msg = f"{output}: cannot be written: it is the input {source}; name another file"
                raise OutputError(msg)
        for other in named[:n]:
            if same_file(output, other):
                msg = f"{output}: cannot be written: {other} is already written there"
                raise OutputError(msg)


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file (or, for files not yet there, one path)."""
    if write_target(a) == write_target(b):
        return True
    try:
        first, second = a.stat(), b.stat()
    except (OSError, ValueError):
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def _check_writable(output: Path) -> None:
    target = write_target(output)
    if target.is_dir():
        msg = f"{output}: cannot be written: it is a folder; name a file"
        raise OutputError(msg)
    if target.exists() and not target.is_file():
        msg = f"{output}: cannot be written: not a regular file"
        raise OutputError(msg)
    folder = target.parent
    if not folder.is_dir():
        blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            msg = f"{output}: cannot be written: {blocker} is a file, not a folder"
        else:
            msg = f"{output}: cannot be written: the folder {output.parent} does not exist"
        raise OutputError(msg)
    try:  # a real try, not os.access: root, ACLs and read-only mounts all answer truly
        fd, probe = tempfile.mkstemp(prefix=".clusterforms-", suffix=".tmp", dir=folder)
    except OSError as exc:
        msg = f"{output}: cannot be written in the folder {output.parent} ({exc.strerror or exc})"
        raise OutputError(msg) from None
    os.close(fd)
    Path(probe).unlink()


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; any failure is an :class:`OutputError`."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        msg = f"{path}: cannot be written ({exc.strerror or exc})"
        raise OutputError(msg) from None
