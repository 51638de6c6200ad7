"""Where the command line writes: never onto an input, never over a folder, one line when it cannot.

Every verb that takes ``-o`` (or ``--report``, ``--annotate``) is run against
the same bad targets; a symlinked output is written through, keeping the
file's mode; a run stopped by SIGTERM or Ctrl-C in the middle of a write
leaves no temporary file behind.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import clusterforms as cf
from clusterforms.model.loading import spec_dir

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "national-2023.json"


class Inputs:
    """One copy of each kind of input file, in a folder of the test's own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app = folder / "app.json"
        self.app.write_bytes(EXAMPLE.read_bytes())
        self.workbook = folder / "filled.xlsx"
        spec = cf.load_spec("national-2023")
        self.workbook.write_bytes(cf.render(spec, "xlsx", cf.load_application(EXAMPLE)))
        self.spec = folder / "mine.toml"
        self.spec.write_bytes((spec_dir() / "national-2023.toml").read_bytes())


#: verb → (the output's suffix, argv given the inputs and the output).
Argv = Callable[[Inputs, Path], list[str | Path]]
VERBS: dict[str, tuple[str, Argv]] = {
    "render": (".json", lambda i, o: ["render", i.spec, "-f", "json-schema", "-o", o]),
    "render --data": (
        ".xlsx",
        lambda i, o: ["render", "national-2023", "-f", "xlsx", "--data", i.app, "-o", o],
    ),
    "extract": (".json", lambda i, o: ["extract", i.workbook, "-o", o]),
    "migrate -o": (".json", lambda i, o: ["migrate", i.app, "--to", "guangxi-2025", "-o", o]),
    "migrate --report": (
        ".json",
        lambda i, o: ["migrate", i.app, "--to", "guangxi-2025", "--report", o],
    ),
    "summarize": (".json", lambda i, o: ["summarize", i.app, i.workbook, "-o", o]),
    "spec-schema": (".json", lambda _, o: ["spec-schema", "-o", o]),
    "diff": (".md", lambda i, o: ["diff", i.spec, "guangxi-2025", "--format", "md", "-o", o]),
    "matrix": (".html", lambda i, o: ["matrix", i.spec, "guangxi-2025", "-o", o]),
    "validate --report": (".json", lambda i, o: ["validate", i.app, "--report", o]),
    "validate --annotate": (".xlsx", lambda i, o: ["validate", i.workbook, "--annotate", o]),
}
#: verb → the input it may not overwrite (an attribute of Inputs); matrix: see its hard-link test.
READS: dict[str, str] = {
    "render": "spec",
    "render --data": "app",
    "extract": "workbook",
    "migrate -o": "app",
    "migrate --report": "app",
    "summarize": "app",
    "diff": "spec",
    "validate --report": "app",
    "validate --annotate": "workbook",
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    return Inputs(tmp_path_factory.mktemp("inputs"))


def cli(
    *args: str | Path, timeout: float = 120, prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "clusterforms", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line of a run that exited 2, which says each of ``words``."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    for word in words:
        assert word in line, line
    return line


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


#: Runs a command with the folder ``$0`` bind-mounted read-only, in a mount namespace of its own.
READ_ONLY_MOUNT = ("unshare", "--mount", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"')


@functools.cache
def read_only_mounts_work() -> bool:
    """Whether this system lets a command run with a folder mounted read-only (root only)."""
    probe = Path(tempfile.mkdtemp())
    try:
        result = subprocess.run(
            [*READ_ONLY_MOUNT, str(probe), "touch", str(probe / "x")],
            capture_output=True,
            check=False,
        )
    except OSError:  # no unshare here
        return False
    finally:
        shutil.rmtree(probe)
    return result.returncode != 0 and b"Read-only file system" in result.stderr


def unwritable_folder(tmp_path: Path) -> tuple[Path, list[str]]:
    """A folder the command cannot create files in, and the prefix that runs the command so.

    A user's own folder is made read-only by its mode.  Root ignores modes, so
    as root the folder is bind-mounted read-only for the command alone (a
    system without mount namespaces falls back to /sys, which root cannot
    create files in either).
    """
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return folder, []
    if read_only_mounts_work():
        return folder, [*READ_ONLY_MOUNT, str(folder)]
    return Path("/sys"), []


@pytest.mark.parametrize("verb", VERBS)
class TestEveryVerb:
    """Each verb refuses the same bad outputs the same way: exit 2, one line, nothing written."""

    def test_a_folder(self, verb: str, inputs: Inputs, tmp_path: Path) -> None:
        suffix, argv = VERBS[verb]
        target = tmp_path / f"out{suffix}"
        target.mkdir()
        refused(cli(*argv(inputs, target)), str(target), "it is a folder")
        assert list(target.iterdir()) == []

    def test_a_missing_folder(self, verb: str, inputs: Inputs, tmp_path: Path) -> None:
        suffix, argv = VERBS[verb]
        target = tmp_path / "no" / "such" / f"out{suffix}"
        refused(cli(*argv(inputs, target)), str(target), "does not exist")
        assert list(tmp_path.iterdir()) == []

    def test_an_unwritable_folder(self, verb: str, inputs: Inputs, tmp_path: Path) -> None:
        suffix, argv = VERBS[verb]
        folder, prefix = unwritable_folder(tmp_path)
        result = cli(*argv(inputs, folder / f"out{suffix}"), prefix=prefix)
        line = refused(result, f"out{suffix}", "cannot be written in the folder")
        assert line.endswith(("(Permission denied)", "(Read-only file system)")), line
        assert not (folder / f"out{suffix}").exists()

    def test_a_path_under_a_file(self, verb: str, inputs: Inputs, tmp_path: Path) -> None:
        suffix, argv = VERBS[verb]
        plain = tmp_path / "plain.txt"
        plain.write_text("a file, not a folder", encoding="utf-8")
        refused(cli(*argv(inputs, plain / f"out{suffix}")), f"{plain} is a file, not a folder")
        assert plain.read_text(encoding="utf-8") == "a file, not a folder"

    def test_a_fifo_is_not_replaced_nor_waited_on(
        self, verb: str, inputs: Inputs, tmp_path: Path
    ) -> None:
        suffix, argv = VERBS[verb]
        fifo = tmp_path / f"out{suffix}"
        os.mkfifo(fifo)
        refused(cli(*argv(inputs, fifo), timeout=60), "not a regular file")
        assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("verb", READS)
def test_no_verb_writes_onto_its_input(verb: str, tmp_path: Path) -> None:
    _, argv = VERBS[verb]
    mine = Inputs(tmp_path)
    source = getattr(mine, READS[verb])
    before = snapshot(tmp_path)
    refused(cli(*argv(mine, source)), str(source), "it is the input")
    assert snapshot(tmp_path) == before


#: verb → argv given the inputs and a spec file that is both ``--spec`` (or ``--to``) and output.
SPEC_OPTIONS: dict[str, Argv] = {
    "validate --spec": lambda i, f: ["validate", i.app, "--spec", f, "--report", f],
    "extract --spec": lambda i, f: ["extract", i.workbook, "--spec", f, "-o", f],
    "migrate --to": lambda i, f: ["migrate", i.app, "--to", f, "-o", f],
    "migrate --from": lambda i, f: ["migrate", i.app, "--from", f, "--to", "guangxi-2025", "-o", f],
}


@pytest.mark.parametrize("verb", SPEC_OPTIONS)
def test_no_verb_writes_onto_its_spec_file(verb: str, tmp_path: Path) -> None:
    mine = Inputs(tmp_path)
    before = snapshot(tmp_path)
    refused(cli(*SPEC_OPTIONS[verb](mine, mine.spec)), str(mine.spec), "it is the input")
    assert snapshot(tmp_path) == before


def test_summarize_does_not_write_onto_its_summary_spec(tmp_path: Path) -> None:
    """Even a spec file named like a table (``./summary.json`` is a path: it holds a slash)."""
    mine = Inputs(tmp_path)
    spec = tmp_path / "summary.json"
    spec.write_bytes((spec_dir() / "summary-2023.toml").read_bytes())
    before = snapshot(tmp_path)
    result = cli("summarize", mine.app, "--spec", spec, "-o", spec)
    refused(result, str(spec), "it is the input")
    assert snapshot(tmp_path) == before


class TestOntoAnInput:
    """An input is recognised under any name: the same path spelt otherwise, a symlink, a hard link."""

    @pytest.mark.parametrize("how", ["dotted", "symlink", "hard link"])
    def test_migrate_refuses_every_name_of_its_input(self, tmp_path: Path, how: str) -> None:
        app = tmp_path / "app.json"
        app.write_bytes(EXAMPLE.read_bytes())
        other = tmp_path / "other.json"
        if how == "dotted":
            other = tmp_path / "." / "sub" / ".." / "app.json"
            (tmp_path / "sub").mkdir()
        elif how == "symlink":
            other.symlink_to(app)
        else:
            other.hardlink_to(app)
        refused(cli("migrate", app, "--to", "guangxi-2025", "-o", other), "it is the input")
        assert app.read_bytes() == EXAMPLE.read_bytes()

    def test_a_matrix_onto_a_hard_link_of_its_spec(self, tmp_path: Path) -> None:
        spec = tmp_path / "mine.toml"
        spec.write_bytes((spec_dir() / "national-2023.toml").read_bytes())
        html = tmp_path / "matrix.html"
        html.hardlink_to(spec)
        refused(cli("matrix", spec, "-o", html), "it is the input")
        assert spec.read_bytes() == (spec_dir() / "national-2023.toml").read_bytes()

    def test_two_outputs_onto_one_file(self, tmp_path: Path) -> None:
        out = tmp_path / "out.json"
        refused(
            cli("migrate", EXAMPLE, "--to", "guangxi-2025", "-o", out, "--report", out),
            "is already written there",
        )
        assert not out.exists()


class TestSymlinks:
    """A symlinked output is written through: the link stays, the file keeps its mode."""

    def test_written_through_keeping_the_mode_and_owner(self, tmp_path: Path) -> None:
        target = tmp_path / "real" / "schema.json"
        target.parent.mkdir()
        target.write_text("old", encoding="utf-8")
        target.chmod(0o600)
        link = tmp_path / "schema.json"
        link.symlink_to(target)
        if os.geteuid() == 0:  # only root can give a file away; others keep their own
            os.chown(target, 4242, 4343)
        owner = (target.stat().st_uid, target.stat().st_gid)
        result = cli("spec-schema", "-o", link)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink()
        assert json.loads(target.read_text(encoding="utf-8")) == cf.spec_file_schema()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert (target.stat().st_uid, target.stat().st_gid) == owner
        assert sorted(p.name for p in target.parent.iterdir()) == ["schema.json"]

    def test_a_dangling_link_creates_its_target(self, tmp_path: Path) -> None:
        link = tmp_path / "schema.json"
        link.symlink_to(tmp_path / "made.json")
        assert cli("spec-schema", "-o", link).returncode == 0
        assert link.is_symlink()
        assert json.loads((tmp_path / "made.json").read_text(encoding="utf-8"))


#: A run of ``spec-schema -o OUT`` that stops inside the write until a signal comes.
STALLED_WRITE = textwrap.dedent(
    """
    import os, sys, time
    from clusterforms.cli import main

    def stalled(fd):
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = stalled
    sys.exit(main(["spec-schema", "-o", sys.argv[1]]))
    """
)


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_write_leaves_no_temporary_file(
    tmp_path: Path, sent: signal.Signals, code: int
) -> None:
    out = tmp_path / "schema.json"
    out.write_text("the old file", encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c", STALLED_WRITE, str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
        process.send_signal(sent)
        _, err = process.communicate(timeout=30)
    assert process.returncode == code, err
    assert "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["schema.json"]
    assert out.read_text(encoding="utf-8") == "the old file"
