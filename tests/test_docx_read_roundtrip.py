"""Our own Word form read back: the same application, also after LibreOffice has saved it.

For every shipped spec, Hypothesis fills the form (tests/test_docx_read_apps.py); the
rendered .docx, read back, gives the very application it was filled with, and its reading
has nothing to report.  A batch of them is then opened and saved by LibreOffice in one call
(``soffice --convert-to docx``), which rewrites every part of the package: read back without
naming the spec, each still gives its application (the spec comes from the custom
properties, which survive the save).  A .doc made by LibreOffice from each hand-filled
fixture reads as the .docx does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import clusterforms as cf
from tests import office, wordforms
from tests.test_docx_read_apps import applications

SPECS = cf.list_specs()


def _want(spec: cf.FormSpec, document: dict[str, Any]) -> dict[str, Any]:
    return cf.read_application(spec, document).to_document()


@pytest.mark.parametrize("spec_id", SPECS)
def test_our_form_reads_back_as_it_was_filled(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(applications(spec))
    def check(document: dict[str, Any]) -> None:
        reading = cf.read(cf.render(spec, "docx", document), spec=spec)
        assert reading.document == _want(spec, document)
        assert reading.problems == ()

    check()


@settings(
    max_examples=1,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(st.tuples(*(st.lists(applications(cf.load_spec(s)), min_size=3, max_size=3) for s in SPECS)))
def test_our_form_reads_back_after_libreoffice_saved_it(batches: tuple[list[Any], ...]) -> None:
    import tempfile  # noqa: PLC0415 - given() tests cannot take the tmp_path fixture

    with tempfile.TemporaryDirectory() as folder:
        tmp_path = Path(folder)
        saved = tmp_path / "saved"
        saved.mkdir()
        files, wanted = [], {}
        for spec_id, batch in zip(SPECS, batches, strict=True):
            spec = cf.load_spec(spec_id)
            for n, document in enumerate(batch):
                path = tmp_path / f"{spec_id}-{n}.docx"
                path.write_bytes(cf.render(spec, "docx", document))
                files.append(path)
                wanted[path.name] = (spec, _want(spec, document))
        office.convert(files, "docx", saved, timeout=900)
        for name, (spec, want) in wanted.items():
            reading = cf.read(saved / name)  # no spec named: the saved file still says it
            assert reading.spec.id == spec.id, name
            assert reading.document == want, name


def test_a_doc_made_from_each_hand_filled_form_reads_as_the_docx(tmp_path: Path) -> None:
    files = []
    for form in wordforms.FORMS:
        path = tmp_path / f"{form}.docx"
        path.write_bytes(wordforms.build(form, filled=True))
        files.append(path)
    out = tmp_path / "doc"
    out.mkdir()
    office.convert(files, "doc", out, timeout=900)
    for form in wordforms.FORMS:
        spec = cf.load_spec(form)
        docx = cf.read(tmp_path / f"{form}.docx", spec=spec)
        doc = cf.read(out / f"{form}.doc", spec=spec)
        assert doc.format == "docx"
        assert doc.document == docx.document, form
        assert any(".doc file" in n.message for n in doc.problems)
