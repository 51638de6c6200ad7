"""The reviewer's batch report: one row per application, its criteria and findings.

``model`` builds the review from each file's validation, ``figures`` the
number each numeric criterion turns on, ``charts`` the strip charts, and
``html``, ``sheets`` (xlsx table and csv) and ``documents`` (JSON) write it;
``report`` picks the format by name; ``words`` is what they call things.

Internal: everything public is re-exported by :mod:`clusterforms`.
"""
