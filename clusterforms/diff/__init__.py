"""Diffs and patches across the variants of the form.

``diff(a, b)`` lists what changed between two specs, classed as breaking,
additive or wording; ``patch(a, d)`` rebuilds ``b`` from ``a`` and the diff;
:mod:`.reports` renders a diff for people; :mod:`.matrix` lines up the items
of several specs.  Internal: everything public is re-exported by :mod:`clusterforms`.
"""
