"""Governance analytics over the store: each module answers one question and returns data.

``goal_graph`` builds the networkx graph the others start from; ``harmonise``,
``consolidate``, ``coverage``, ``council_report`` and ``suggest`` are the analyses;
``rendering`` turns their results into HTML, CSV and RDF.
"""
