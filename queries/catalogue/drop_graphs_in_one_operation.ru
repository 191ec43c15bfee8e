# Drop graphs and keep the version catalogue in ONE update operation, for servers that apply
# the operations of a request one by one without a transaction around them (Virtuoso 7: see
# ssgraph.store.dialects). One operation is one transaction there: it is applied whole or
# not at all, so a failed drop leaves every graph and the catalogue as they were.
# It does what DROP SILENT GRAPH of each graph followed by forget_dropped_versions.ru does,
# read on the store before the drop ($graphs: the graphs dropped, as VALUES; $dropped: the
# same as a list): the graphs' triples go, the catalogue entries of versions in them go, and
# an organisation whose current version is dropped, with no other current version left,
# gets its latest remaining version (by import time, then label) as current.
# Full IRIs, no prologue (as forget_dropped_versions.ru); written plainly enough for
# Virtuoso 7's compiler (no nested or OPTIONAL patterns in the filters).
DELETE {
  GRAPH ?g { ?s ?p ?o }
  GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry ?entry_p ?entry_o . ?next <https://w3id.org/ssgraph/ontology#isCurrentVersion> false }
}
INSERT { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?next <https://w3id.org/ssgraph/ontology#isCurrentVersion> true } }
WHERE {
  { VALUES ?g { $graphs } GRAPH ?g { ?s ?p ?o } }
  UNION
  {
    GRAPH <https://w3id.org/ssgraph/graph/catalog> {
      ?entry a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#graph> ?entry_graph ; ?entry_p ?entry_o
    }
    FILTER(?entry_graph IN ($dropped))
  }
  UNION
  {
    GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?gone <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?gone_graph ; <https://w3id.org/ssgraph/ontology#isCurrentVersion> true }
    FILTER(?gone_graph IN ($dropped))
    GRAPH <https://w3id.org/ssgraph/graph/catalog> {
      ?next a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?next_graph ;
            <https://w3id.org/ssgraph/ontology#isCurrentVersion> false ; <http://www.w3.org/ns/prov#generatedAtTime> ?at ;
            <http://www.w3.org/2000/01/rdf-schema#label> ?label
    }
    FILTER(?next_graph NOT IN ($dropped))
    FILTER EXISTS { GRAPH ?next_graph { ?s1 ?p1 ?o1 } }
    FILTER NOT EXISTS {  # another current version remains
      GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?kept <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?kept_graph ; <https://w3id.org/ssgraph/ontology#isCurrentVersion> true }
      FILTER(?kept_graph NOT IN ($dropped))
      GRAPH ?kept_graph { ?s2 ?p2 ?o2 }
    }
    FILTER NOT EXISTS {  # a later version remains
      GRAPH <https://w3id.org/ssgraph/graph/catalog> {
        ?later <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?later_graph ; <http://www.w3.org/ns/prov#generatedAtTime> ?later_at ;
               <http://www.w3.org/2000/01/rdf-schema#label> ?later_label
      }
      FILTER(?later_graph NOT IN ($dropped))
      FILTER(?later_at > ?at || (?later_at = ?at && STR(?later_label) > STR(?label)))
      GRAPH ?later_graph { ?s3 ?p3 ?o3 }
    }
  }
}
