"""The spec model: item kinds, rules, the spec itself, and reading spec files.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
