"""Drafts of specs imported from Word templates: their model, alignment with a base spec."""
