"""Every line of each seed form is in its spec verbatim and in order, and nothing else is."""

from __future__ import annotations

import pytest

import clusterforms
from tests.fidelity import SLICES, missing_in_order, normalize, seed_lines

#: Lines a spec prints that its seed lacks, each with the reason.
ADDED_LINES: dict[str, tuple[str, ...]] = {
    # The extraction lost the cover title of the Shanghai form; its own
    # appendix names the form 《上海市中小企业特色产业集群申报表》.
    "shanghai-2023": ("上海市中小企业特色产业集群申报表",),
}

#: Numbers the seeds lost with Word's automatic numbering, restored where the sequence
#: proves them (存在的问题 between 二、 and 四、): the printed line → the seed's.
RESTORED: dict[str, str] = {"三、存在的问题": "存在的问题"}


@pytest.mark.parametrize("spec_id", sorted(SLICES))
def test_seed_lines_appear_in_spec_in_order(spec_id: str) -> None:
    """Each seed line is somewhere in the spec's printed text, after the one before it."""
    spec = clusterforms.load_spec(spec_id)
    printed = "".join(normalize(line) for line in clusterforms.iter_text(spec))
    assert missing_in_order(seed_lines(spec_id), printed) == []


@pytest.mark.parametrize("spec_id", sorted(SLICES))
def test_spec_prints_only_seed_text_in_order(spec_id: str) -> None:
    """Nothing the spec prints is invented: each line comes from the seed, in order."""
    spec = clusterforms.load_spec(spec_id)
    printed = [normalize(line) for line in clusterforms.iter_text(spec)]
    added = ADDED_LINES.get(spec_id, ())
    printed = [RESTORED.get(x, x) for x in printed if x and x not in added]
    assert missing_in_order(printed, "".join(seed_lines(spec_id))) == []
