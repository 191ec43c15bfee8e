"""A read-only view of a data graph that answers pyshacl's lookups from dictionaries.

pyshacl asks the data graph hundreds of thousands of small questions while the shapes run
(the values of one property of one focus node, the instances of one class, is this node
of that type). Asked of Oxigraph (or rdflib's memory store) each costs a pattern match and
the conversion of its terms. The graph does not change while the shapes run, so the view
reads each predicate's triples once, on its first question, into two dictionaries
(subject → objects, object → subjects); every later question about that predicate is a
dictionary lookup. Questions without a predicate go to the graph itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.store import Store
from rdflib.term import Node

_NO_CONTEXTS: tuple = ()


class _Predicate:
    """The triples of one predicate, by subject and by object."""

    __slots__ = ("by_subject", "by_object")

    def __init__(self, graph: Graph, predicate: Node):
        self.by_subject: dict[Node, set[Node]] = {}
        self.by_object: dict[Node, set[Node]] = {}
        for subject, obj in graph.subject_objects(predicate):
            self.by_subject.setdefault(subject, set()).add(obj)
            self.by_object.setdefault(obj, set()).add(subject)


class IndexedLookups(Store):
    """rdflib's store interface, read-only, over ``graph`` (see the module's docstring)."""

    context_aware = True  # pyshacl wraps the graph in a Dataset over its store; one graph all the same
    formula_aware = False
    transaction_aware = False
    graph_aware = True

    def __init__(self, graph: Graph):
        super().__init__()
        self.graph = graph
        self._predicates: dict[Node, _Predicate] = {}

    def _index(self, predicate: Node) -> _Predicate:
        found = self._predicates.get(predicate)
        if found is None:
            found = self._predicates[predicate] = _Predicate(self.graph, predicate)
        return found

    def triples(self, triple_pattern, context=None) -> Iterator:
        subject, predicate, obj = triple_pattern
        if predicate is None:
            for triple in self.graph.triples(triple_pattern):
                yield triple, iter(_NO_CONTEXTS)
            return
        index = self._index(predicate)
        if subject is not None:
            objects = index.by_subject.get(subject, ())
            if obj is None:
                for found in tuple(objects):
                    yield (subject, predicate, found), iter(_NO_CONTEXTS)
            elif obj in objects:
                yield (subject, predicate, obj), iter(_NO_CONTEXTS)
        elif obj is not None:
            for found in tuple(index.by_object.get(obj, ())):
                yield (found, predicate, obj), iter(_NO_CONTEXTS)
        else:
            for found, objects in tuple(index.by_subject.items()):
                for each in tuple(objects):
                    yield (found, predicate, each), iter(_NO_CONTEXTS)

    def __len__(self, context=None) -> int:
        return len(self.graph)

    def contexts(self, triple=None):
        return iter(_NO_CONTEXTS)

    def add_graph(self, graph) -> None:
        pass  # one graph only

    def remove_graph(self, graph) -> None:
        pass

    def add(self, triple, context=None, quoted: bool = False) -> None:
        raise TypeError("a read-only view")

    def remove(self, triple, context=None) -> None:
        raise TypeError("a read-only view")

    def bind(self, prefix, namespace, override: bool = True) -> None:
        self.graph.bind(prefix, namespace, override=override)

    def namespace(self, prefix):
        return self.graph.store.namespace(prefix)

    def prefix(self, namespace):
        return self.graph.store.prefix(namespace)

    def namespaces(self):
        yield from self.graph.namespaces()


# the dictionaries take about 340 bytes a triple: a larger graph (a workbook of many thousand
# rows) is read directly, so that an import's memory does not grow by a third
MOST_TRIPLES = 300_000


def indexed_view(graph: Graph) -> Graph:
    """``graph`` behind an IndexedLookups view (do not change ``graph`` while the view is used),
    or ``graph`` itself when it has more than MOST_TRIPLES triples."""
    if len(graph) > MOST_TRIPLES:
        return graph
    return Graph(store=IndexedLookups(graph), identifier=graph.identifier)
