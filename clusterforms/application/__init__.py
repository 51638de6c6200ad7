"""Applications: reading and writing application documents, and their typed values.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
