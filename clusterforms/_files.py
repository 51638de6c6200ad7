"""Files at the edges: inputs read within a bound, outputs written atomically.

Reading never waits on a pipe nor drains a device (a path may be a stranger's
choice), and writing never leaves a half-written file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def _current_umask() -> int:
    """The process umask, read without changing it where the system allows.

    Setting and restoring it (the portable way) changes it for every thread
    for a moment, so that is only the fallback, and done under a lock.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refused beyond ``limit`` bytes.

    Opened without blocking, so a FIFO is refused at once instead of waiting
    for a writer, and checked before reading, so ``/dev/zero`` is never read.

    Raises:
        OSError: the file cannot be opened; ``IsADirectoryError`` for a folder,
            ``errno.EINVAL`` for anything else that is not a regular file (a
            FIFO, a device), ``errno.EFBIG`` if it holds more than ``limit`` bytes.

    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        _check_regular(os.fstat(fd), path, "a pipe or a device is never read")
    except OSError:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes")
    return data


def write_target(path: str | Path) -> Path:
    """The file a write to ``path`` replaces: symlinks followed, so the link itself stays."""
    return Path(os.path.realpath(path))


def _check_regular(status: os.stat_result, named: str | Path, why: str) -> None:
    """Raise ``IsADirectoryError`` for a folder, ``OSError(EINVAL)`` for any other non-file."""
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(named))
    if not stat.S_ISREG(status.st_mode):
        raise OSError(errno.EINVAL, f"not a regular file ({why})", str(named))


def _existing(target: Path, named: str | Path) -> os.stat_result | None:
    """The target's status if it exists; an OSError if it is not a regular file."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return None
    # Replacing a device or a FIFO with a regular file would break it for everyone.
    _check_regular(status, named, "a pipe or a device is never replaced")
    return status


def _keep_owner(fd: int, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group, or at least its group, where allowed."""
    for owner in (status.st_uid, -1):
        try:
            os.fchown(fd, owner, status.st_gid)
        except OSError:
            continue
        return


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file beside it and a rename.

    A symlink is written through: the file it points to is replaced and the
    link stays.  An existing file keeps its permission bits (a 0600 file stays
    0600) and, where the system allows, its owner; a new file gets the mode a
    plain ``open()`` would give.  Until the rename, the previous file (if any)
    is untouched; if anything fails or interrupts the write (an exception,
    KeyboardInterrupt, SystemExit from a signal handler), the temporary file is
    removed and the error propagates.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        OSError: ``path`` is not a regular file (a device, a FIFO), or it
            cannot be written.

    """
    target = write_target(path)
    existing = _existing(target, path)
    mode = stat.S_IMODE(existing.st_mode) & 0o777 if existing else 0o666 & ~_current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if existing is not None:
                _keep_owner(handle.fileno(), existing)
            # mkstemp makes the file private (0600); give it the mode the file had or would get.
            os.fchmod(handle.fileno(), mode)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
