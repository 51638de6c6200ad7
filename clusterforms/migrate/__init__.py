"""Carrying an application over to another variant of the form.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
