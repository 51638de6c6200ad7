"""The renderers that ship with clusterforms, registered through entry points.

Each module holds one renderer and imports its heavy dependency (openpyxl,
python-docx) only inside ``render``, so listing renderers stays cheap.
"""
