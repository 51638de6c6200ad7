"""The 推荐集群汇总表: many applications collected into one table.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
