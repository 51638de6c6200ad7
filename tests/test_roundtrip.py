"""Specs survive unstructure → structure unchanged: shipped ones and generated ones."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import clusterforms
from clusterforms.model.checks import check_spec
from clusterforms.model.converter import structure_spec, unstructure_spec
from tests.strategies import specs


@pytest.mark.parametrize("spec_id", clusterforms.list_specs())
def test_shipped_spec_roundtrips_through_json(spec_id: str) -> None:
    """A shipped spec, written to JSON text and read back, is equal to itself."""
    spec = clusterforms.load_spec(spec_id)
    text = json.dumps(unstructure_spec(spec), ensure_ascii=False)
    assert structure_spec(json.loads(text)) == spec


@given(specs())
def test_generated_spec_roundtrips(spec: clusterforms.FormSpec) -> None:
    """Any valid spec, of any shape, round-trips through plain data."""
    assert check_spec(spec) == []
    assert structure_spec(unstructure_spec(spec)) == spec


@given(specs())
def test_unstructured_spec_is_json_ready(spec: clusterforms.FormSpec) -> None:
    """Unstructured data holds only JSON types (Decimals become strings)."""
    data = unstructure_spec(spec)
    assert json.loads(json.dumps(data)) == data
