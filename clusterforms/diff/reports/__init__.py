"""Diff reports for people: plain text, Markdown and self-contained HTML."""
