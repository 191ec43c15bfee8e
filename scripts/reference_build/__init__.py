"""Builders of the reference vocabularies in ``data/reference/`` (developer-run only).

``scripts/build_reference.py`` drives them; the product never imports this package.
"""
