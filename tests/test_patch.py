"""patch(a, diff(a, b)) == b: over every pair of shipped specs and over mutated ones.

The mutations edit shipped specs the way a new year's variant does — relabel,
remove, add, move (also between sections), change kind, unit or options,
add and drop sections, shift the years, edit instructions, cover, rules and
appendices — with attrs.evolve, so ids stay unique and the result is a spec
someone could have written.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clusterforms as cf
from clusterforms import PatchError, SpecDiff, diff, patch
from clusterforms import spec_digest as digest
from clusterforms.errors import ClusterformsError
from tests.strategies import specs as random_specs

SPEC_IDS = cf.list_specs()
PAIRS = list(itertools.permutations(SPEC_IDS, 2))
labels = st.text(alphabet="集群企业数量增速比例年度产值（）%新旧甲乙", min_size=1, max_size=14)


# ------------------------------------------------------------------ helpers
def map_items(items: tuple[cf.Item, ...], fn: Callable[[cf.Item], cf.Item | None]) -> tuple:
    """Apply ``fn`` to every item, nested ones included; None removes the item."""
    result = []
    for item in items:
        inner = item
        if isinstance(item, cf.GroupItem):
            inner = attrs.evolve(item, items=map_items(item.items, fn))
        new = fn(inner)
        if new is not None:
            result.append(new)
    return tuple(result)


def edit_items(spec: cf.FormSpec, fn: Callable[[cf.Item], cf.Item | None]) -> cf.FormSpec:
    sections = tuple(attrs.evolve(s, items=map_items(s.items, fn)) for s in spec.sections)
    return attrs.evolve(spec, sections=sections)


def replace_item(spec: cf.FormSpec, item_id: str, new: cf.Item | None) -> cf.FormSpec:
    return edit_items(spec, lambda item: new if item.id == item_id else item)


def all_ids(spec: cf.FormSpec) -> set[str]:
    ids = {line.id for line in spec.cover.lines} | {s.id for s in spec.sections}
    ids |= {item.id for _, item in spec.walk()}
    for _, item in spec.walk():
        if isinstance(item, cf.TargetsItem):
            ids |= {d.id for d in item.directions} | {r.id for r in item.rules}
            ids |= {row.id for d in item.directions for row in d.rows}
    return ids | {a.id for a in spec.appendices}


def fresh_id(spec: cf.FormSpec, stem: str) -> str:
    taken = all_ids(spec)
    return next(f"{stem}{n}" for n in itertools.count() if f"{stem}{n}" not in taken)


# --------------------------------------------------------------- mutations
MUTATIONS: dict[str, Callable[[st.DrawFn, cf.FormSpec], cf.FormSpec]] = {}


def mutation(fn: Callable[[st.DrawFn, cf.FormSpec], cf.FormSpec]) -> Callable:
    MUTATIONS[fn.__name__] = fn
    return fn


def _labelled(spec: cf.FormSpec) -> list[cf.Item]:
    return [item for _, item in spec.walk() if isinstance(getattr(item, "label", None), str)]


@mutation
def relabel(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    if not _labelled(spec):
        return spec
    item = draw(st.sampled_from(_labelled(spec)))
    return replace_item(spec, item.id, attrs.evolve(item, label=draw(labels)))


@mutation
def remove_item(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    candidates = [item for s in spec.sections for item in s.items]
    candidates += [c for _, i in spec.walk() if isinstance(i, cf.GroupItem) for c in i.items]
    if not candidates:  # earlier steps removed every item (summary-2023 has only two)
        return spec
    item = draw(st.sampled_from(candidates))
    return replace_item(spec, item.id, None)


def _new_item(draw: st.DrawFn, item_id: str) -> cf.Item:
    kind = draw(
        st.sampled_from(["text", "number", "yearly", "choice", "checklist", "group", "roster"])
    )
    label = draw(labels)
    if kind == "roster":
        columns = (cf.RosterColumn(id="seq", label="序号", numbered=True),
                   cf.RosterColumn(id="name", label=label, max_chars=300))  # fmt: skip
        return cf.RosterItem(id=item_id, columns=columns)
    if kind == "text":
        return cf.TextItem(id=item_id, label=label, required=draw(st.booleans()))
    if kind == "number":
        return cf.NumberItem(id=item_id, label=label, unit=draw(st.sampled_from(["%", "万元"])))
    if kind == "yearly":
        return cf.YearlyItem(
            id=item_id, label=label, value=draw(st.sampled_from(["number", "count"]))
        )
    options = (cf.Option(id="yes", label="是"), cf.Option(id="no", label="否"))
    if kind == "choice":
        return cf.ChoiceItem(id=item_id, label=label, options=options)
    if kind == "checklist":
        return cf.ChecklistItem(id=item_id, label=label, options=options, evidence=True)
    child = cf.CountItem(id=f"{item_id}.count", label=draw(labels))
    return cf.GroupItem(id=item_id, label=label, items=(child,))


@mutation
def add_item(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    k = draw(st.integers(0, len(spec.sections) - 1))
    section = spec.sections[k]
    item = _new_item(draw, fresh_id(spec, f"{section.id}.added"))
    pos = draw(st.integers(0, len(section.items)))
    items = (*section.items[:pos], item, *section.items[pos:])
    sections = list(spec.sections)
    sections[k] = attrs.evolve(section, items=items)
    return attrs.evolve(spec, sections=tuple(sections))


@mutation
def move_item(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    """Move a top-level item anywhere, also into another section."""
    src = draw(st.integers(0, len(spec.sections) - 1))
    if not spec.sections[src].items:
        return spec
    index = draw(st.integers(0, len(spec.sections[src].items) - 1))
    item = spec.sections[src].items[index]
    sections = [list(s.items) for s in spec.sections]
    del sections[src][index]
    dst = draw(st.integers(0, len(spec.sections) - 1))
    sections[dst].insert(draw(st.integers(0, len(sections[dst]))), item)
    new = tuple(
        attrs.evolve(s, items=tuple(i)) for s, i in zip(spec.sections, sections, strict=True)
    )
    return attrs.evolve(spec, sections=new)


@mutation
def change_kind(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    if not _labelled(spec):
        return spec
    item = draw(st.sampled_from(_labelled(spec)))
    label = str(getattr(item, "label", ""))
    if isinstance(item, cf.YearlyItem):
        new: cf.Item = cf.NumberItem(id=item.id, label=label, unit=item.unit)
    else:
        new = cf.YearlyItem(id=item.id, label=label, value="count")
    return replace_item(spec, item.id, new)


@mutation
def change_unit(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    items = [i for _, i in spec.walk() if isinstance(i, cf.NumberItem | cf.YearlyItem)]
    if not items:
        return spec
    item = draw(st.sampled_from(items))
    unit = draw(st.sampled_from(["亿元", "万元", "%", None]))
    return replace_item(
        spec, item.id, attrs.evolve(item, unit=unit, decimals=draw(st.integers(0, 4)))
    )


@mutation
def change_limits(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    items = [i for _, i in spec.walk() if isinstance(i, cf.NarrativeItem | cf.TextItem)]
    if not items:
        return spec
    item = draw(st.sampled_from(items))
    return replace_item(
        spec,
        item.id,
        attrs.evolve(
            item,
            max_chars=draw(st.none() | st.integers(1, 3000)),
            required=draw(st.booleans()),
            notes=tuple(draw(st.lists(labels, max_size=2))),
        ),
    )


@mutation
def change_options(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    items = [i for _, i in spec.walk() if isinstance(i, cf.ChoiceItem | cf.ChecklistItem)]
    if not items:
        return spec
    item = draw(st.sampled_from(items))
    options = list(item.options)
    action = draw(st.sampled_from(["add", "remove", "relabel", "reorder", "explain"]))
    k = draw(st.integers(0, len(options) - 1))
    if action == "add":
        taken = {o.id for o in options}  # a second "add" on the same item needs a new id
        new_id = next(
            f"added_option_{n}" for n in itertools.count() if f"added_option_{n}" not in taken
        )
        options.insert(k, cf.Option(id=new_id, label=draw(labels)))
    elif action == "remove" and len(options) > 1:
        del options[k]
    elif action == "relabel":
        options[k] = attrs.evolve(options[k], label=draw(labels))
    elif action == "reorder":
        options = draw(st.permutations(options))
    else:
        options[k] = attrs.evolve(options[k], explain=not options[k].explain, evidence=True)
    return replace_item(spec, item.id, attrs.evolve(item, options=tuple(options)))


@mutation
def add_section(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    section_id = fresh_id(spec, "extra")
    item = _new_item(draw, f"{section_id}.item")
    section = cf.Section(id=section_id, title=draw(labels), items=(item,))
    pos = draw(st.integers(0, len(spec.sections)))
    return attrs.evolve(spec, sections=(*spec.sections[:pos], section, *spec.sections[pos:]))


@mutation
def remove_section(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    if len(spec.sections) < 2:
        return spec
    k = draw(st.integers(0, len(spec.sections) - 1))
    return attrs.evolve(spec, sections=spec.sections[:k] + spec.sections[k + 1 :])


@mutation
def retitle_or_reorder_sections(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    sections = list(spec.sections)
    if draw(st.booleans()):
        k = draw(st.integers(0, len(sections) - 1))
        sections[k] = attrs.evolve(
            sections[k],
            title=draw(labels),
            new_page=draw(st.booleans()),
            heading=draw(st.none() | labels),
            orientation=draw(st.sampled_from(["portrait", "landscape"])),
        )
    else:
        sections = draw(st.permutations(sections))
    return attrs.evolve(spec, sections=tuple(sections))


@mutation
def edit_roster(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    rosters = [i for _, i in spec.walk() if isinstance(i, cf.RosterItem)]
    if not rosters:
        return add_item(draw, spec)
    item = draw(st.sampled_from(rosters))
    columns = list(item.columns)
    k = draw(st.integers(0, len(columns) - 1))
    action = draw(st.sampled_from(["add", "remove", "relabel", "reorder", "limit", "rows"]))
    if action == "add":
        taken = {c.id for c in columns}  # a second "add" on the same roster needs a new id
        new_id = next(
            f"added_column_{n}" for n in itertools.count() if f"added_column_{n}" not in taken
        )
        columns.insert(k, cf.RosterColumn(id=new_id, label=draw(labels)))
    elif action == "remove" and len(columns) > 1:
        del columns[k]
    elif action == "relabel":
        columns[k] = attrs.evolve(columns[k], label=draw(labels), prompt=draw(st.none() | labels))
    elif action == "reorder":
        columns = draw(st.permutations(columns))
    elif action == "limit":
        columns[k] = attrs.evolve(columns[k], max_chars=draw(st.none() | st.integers(1, 400)))
    else:
        item = attrs.evolve(item, rows=draw(st.integers(0, 9)), required=draw(st.booleans()))
    return replace_item(spec, item.id, attrs.evolve(item, columns=tuple(columns)))


@mutation
def shift_years(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    k = draw(st.integers(-3, 3).filter(bool))
    return attrs.evolve(
        spec,
        data_years=tuple(y + k for y in spec.data_years),
        baseline_year=spec.baseline_year + k,
        target_year=spec.target_year + k,
        declaration_year=spec.declaration_year + k,
    )


@mutation
def edit_instructions(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    paragraphs = list(spec.instructions)
    k = draw(st.integers(0, max(len(paragraphs) - 1, 0)))
    action = draw(st.sampled_from(["add", "remove", "edit"]))
    if action == "add" or not paragraphs:
        paragraphs.insert(k, draw(labels))
    elif action == "remove":
        del paragraphs[k]
    else:
        paragraphs[k] = paragraphs[k] + draw(labels)
    return attrs.evolve(spec, instructions=tuple(paragraphs))


@mutation
def edit_cover(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    lines = list(spec.cover.lines)
    if draw(st.booleans()) and lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    else:
        lines.append(cf.CoverLine(id=fresh_id(spec, "cover.extra"), label=draw(labels)))
    cover = attrs.evolve(spec.cover, lines=tuple(lines), title=draw(st.none() | labels))
    return attrs.evolve(spec, cover=cover)


@mutation
def edit_rules(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    rules = list(spec.rules)
    if rules:
        del rules[draw(st.integers(0, len(rules) - 1))]
    criteria = list(spec.criteria)
    if criteria:
        k = draw(st.integers(0, len(criteria) - 1))
        criteria[k] = attrs.evolve(criteria[k], text=draw(labels))
    return attrs.evolve(spec, rules=tuple(rules), criteria=tuple(criteria))


@mutation
def edit_target_rule(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    tables = [i for _, i in spec.walk() if isinstance(i, cf.TargetsItem) and i.rules]
    if not tables:
        return spec
    table = tables[0]
    rules = list(table.rules)
    k = draw(st.integers(0, len(rules) - 1))
    rules[k] = attrs.evolve(
        rules[k],
        text=draw(labels),
        check=draw(st.sampled_from(["min_value", "min_growth", "not_below_average"])),
        threshold=draw(st.none() | st.decimals(0, 50, places=1)),
        tolerance=None,
    )
    return replace_item(spec, table.id, attrs.evolve(table, rules=tuple(rules)))


@mutation
def edit_appendices(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    appendices = list(spec.appendices)
    if appendices and draw(st.booleans()):
        k = draw(st.integers(0, len(appendices) - 1))
        if draw(st.booleans()):
            del appendices[k]
        else:
            appendices[k] = attrs.evolve(appendices[k], paragraphs=(draw(labels),))
    else:
        appendices.append(
            cf.Appendix(
                id=fresh_id(spec, "extra_appendix"), title=draw(labels), paragraphs=("正文",)
            )
        )
    return attrs.evolve(spec, appendices=tuple(appendices))


@mutation
def edit_metadata(draw: st.DrawFn, spec: cf.FormSpec) -> cf.FormSpec:
    return attrs.evolve(spec, id=f"{spec.id}-x", title=draw(labels), issuer=draw(labels))


@st.composite
def mutated(draw: st.DrawFn, spec: cf.FormSpec, min_steps: int = 1) -> cf.FormSpec:
    for _ in range(draw(st.integers(min_steps, 5))):
        spec = MUTATIONS[draw(st.sampled_from(sorted(MUTATIONS)))](draw, spec)
    return spec


@st.composite
def spec_pairs(draw: st.DrawFn) -> tuple[cf.FormSpec, cf.FormSpec]:
    base = cf.load_spec(draw(st.sampled_from(SPEC_IDS)))
    a = draw(mutated(base, min_steps=0)) if draw(st.booleans()) else base
    return a, draw(mutated(a))


# ------------------------------------------------------------------- tests
@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_pair_of_shipped_specs_patches_back_exactly(old: str, new: str) -> None:
    a, b = cf.load_spec(old), cf.load_spec(new)
    d = diff(a, b)
    assert patch(a, d) == b
    again = SpecDiff.from_json(d.to_json())
    assert again == d
    assert patch(a, again) == b


@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_a_spec_against_itself_is_empty(spec_id: str) -> None:
    spec = cf.load_spec(spec_id)
    d = diff(spec, spec)
    assert d.is_empty
    assert not d
    assert len(d) == 0
    assert list(d) == []
    assert d.changes == ()
    assert d.edits == ()
    assert d.counts() == {"breaking": 0, "additive": 0, "wording": 0, "total": 0}
    assert patch(spec, d) == spec


@given(spec_pairs())
def test_patch_reproduces_mutated_specs(pair: tuple[cf.FormSpec, cf.FormSpec]) -> None:
    a, b = pair
    d = diff(a, b)
    assert patch(a, d) == b
    assert patch(a, SpecDiff.from_json(d.to_json())) == b
    assert d.is_empty == (a == b)
    assert bool(d) == (a != b) == (len(d) > 0)
    assert diff(b, b).is_empty


@given(spec_pairs())
def test_every_mutation_that_changes_the_spec_is_reported(
    pair: tuple[cf.FormSpec, cf.FormSpec],
) -> None:
    a, b = pair
    d = diff(a, b)
    if a != b:
        assert d.edits
    assert all(c.impact in {"breaking", "additive", "wording"} for c in d.changes)
    assert sum(1 for c in d.changes if c.code == "years_shifted") <= 1


@given(spec_pairs())
def test_reverse_diff_patches_back_to_the_old_spec(pair: tuple[cf.FormSpec, cf.FormSpec]) -> None:
    a, b = pair
    assert patch(b, diff(b, a)) == a


@given(random_specs(), random_specs())
def test_patch_reproduces_unrelated_generated_specs(a: cf.FormSpec, b: cf.FormSpec) -> None:
    for labels_mode in (None, True, False):
        d = diff(a, b, match_labels=labels_mode)
        assert patch(a, d) == b


@given(spec_pairs())
def test_label_matching_does_not_change_what_patch_builds(
    pair: tuple[cf.FormSpec, cf.FormSpec],
) -> None:
    a, b = pair
    assert patch(a, diff(a, b, match_labels=True, threshold=0.5)) == b


def test_patching_onto_another_spec_names_both() -> None:
    d = diff(cf.load_spec("national-2023"), cf.load_spec("guangxi-2025"))
    with pytest.raises(PatchError, match=r"national-2023 into guangxi-2025.*jiangsu-2024"):
        patch(cf.load_spec("jiangsu-2024"), d)


def test_patching_onto_another_version_of_the_base_says_what_differs() -> None:
    national = cf.load_spec("national-2023")
    d = diff(national, cf.load_spec("guangxi-2025"))
    item = national.find("industry.total_output")
    edited = replace_item(national, item.id, attrs.evolve(item, label="集群总产值（万元）"))
    with pytest.raises(PatchError, match="not the version this diff was made from"):
        patch(edited, d)


def test_patch_error_is_a_clusterforms_error_and_a_value_error() -> None:
    assert issubclass(PatchError, ClusterformsError)
    assert issubclass(PatchError, ValueError)


def test_a_tampered_diff_is_refused() -> None:
    a, b = cf.load_spec("national-2023"), cf.load_spec("guangxi-2025")
    d = diff(a, b)
    edits = list(d.edits)
    k = next(i for i, e in enumerate(edits) if e.node == "item" and e.new is not None)
    edits[k] = attrs.evolve(edits[k], new={**edits[k].new, "label": "篡改"})
    with pytest.raises(PatchError, match="damaged or was edited"):
        patch(a, attrs.evolve(d, edits=tuple(edits)))
    edits[k] = attrs.evolve(edits[k], new={"kind": "no-such-kind", "id": "x"})
    with pytest.raises(PatchError, match="damaged"):
        patch(a, attrs.evolve(d, edits=tuple(edits)))


def test_digest_agrees_with_equality_for_equal_decimals() -> None:
    national = cf.load_spec("national-2023")
    table = national.find("plan.targets")
    assert isinstance(table, cf.TargetsItem)
    rules = tuple(
        attrs.evolve(r, threshold=Decimal("45.00")) if r.threshold == 45 else r for r in table.rules
    )
    same = replace_item(national, table.id, attrs.evolve(table, rules=rules))
    assert same == national
    assert digest(same) == digest(national)
    assert patch(same, diff(national, cf.load_spec("guangxi-2025"))) == cf.load_spec("guangxi-2025")
