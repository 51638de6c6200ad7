"""write_atomic: all or nothing, with the permissions a plain open() would give or the file had."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clusterforms._files import _current_umask, write_atomic


def test_writes_with_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert target.stat().st_mode & 0o777 == 0o666 & ~_current_umask()


def test_reading_the_umask_leaves_it_unchanged() -> None:
    before = os.umask(0o027)
    try:
        assert _current_umask() == 0o027
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(before)


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


class TestWhatIsReplaced:
    """A symlink is written through, an existing file keeps its mode and owner, odd files stay."""

    def test_a_symlink_is_written_through(self, tmp_path: Path) -> None:
        target = tmp_path / "real.bin"
        target.write_bytes(b"old")
        link = tmp_path / "link.bin"
        link.symlink_to(target)
        write_atomic(link, b"new")
        assert link.is_symlink()
        assert target.read_bytes() == b"new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["link.bin", "real.bin"]

    def test_an_existing_file_keeps_its_mode(self, tmp_path: Path) -> None:
        target = tmp_path / "secret.bin"
        target.write_bytes(b"old")
        target.chmod(0o600)
        write_atomic(target, b"new")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        target.chmod(0o640)
        write_atomic(target, b"newer")
        assert stat.S_IMODE(target.stat().st_mode) == 0o640

    def test_an_existing_file_keeps_its_owner_where_allowed(self, tmp_path: Path) -> None:
        target = tmp_path / "theirs.bin"
        target.write_bytes(b"old")
        if os.geteuid() == 0:
            os.chown(target, 4242, 4343)
        before = target.stat()
        write_atomic(target, b"new")
        after = target.stat()
        assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(IsADirectoryError):
            write_atomic(tmp_path, b"data")
        assert list(tmp_path.iterdir()) == []

    def test_a_fifo_is_neither_replaced_nor_opened(self, tmp_path: Path) -> None:
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        with pytest.raises(OSError, match="not a regular file"):
            write_atomic(fifo, b"data")
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
