"""Validation of applications: field checks, consistency rules, findings, eligibility.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
