# The version catalogue after a write that may have removed goal structure graphs (DROP,
# CLEAR, DELETE, MOVE, Graph Store DELETE or PUT). The store appends this to the same update
# request, so the drop and the catalogue change are one transaction. The rule of which
# version is current is ssgraph.versions' (its module docstring); this is its write side.
# Full IRIs, no prologue: it follows the writer's own operations in one request.

# 1. An organisation whose current version's graph is gone, and no other current version
# left: its latest remaining version (by import time, then label) becomes current. An
# organisation whose versions were all set not current on purpose stays so. (Written
# plainly enough for Virtuoso 7's compiler: no nested or OPTIONAL patterns in the filters.)
DELETE { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?next <https://w3id.org/ssgraph/ontology#isCurrentVersion> false } }
INSERT { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?next <https://w3id.org/ssgraph/ontology#isCurrentVersion> true } }
WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?gone <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?gone_graph ; <https://w3id.org/ssgraph/ontology#isCurrentVersion> true }
  FILTER NOT EXISTS { GRAPH ?gone_graph { ?s ?p ?o } }
  GRAPH <https://w3id.org/ssgraph/graph/catalog> {
    ?next a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?next_graph ;
          <https://w3id.org/ssgraph/ontology#isCurrentVersion> false ; <http://www.w3.org/ns/prov#generatedAtTime> ?at ;
          <http://www.w3.org/2000/01/rdf-schema#label> ?label
  }
  FILTER EXISTS { GRAPH ?next_graph { ?s1 ?p1 ?o1 } }
  FILTER NOT EXISTS {  # another current version remains
    GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?kept <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?kept_graph ; <https://w3id.org/ssgraph/ontology#isCurrentVersion> true }
    GRAPH ?kept_graph { ?s2 ?p2 ?o2 }
  }
  FILTER NOT EXISTS {  # a later version remains
    GRAPH <https://w3id.org/ssgraph/graph/catalog> {
      ?later <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#graph> ?later_graph ; <http://www.w3.org/ns/prov#generatedAtTime> ?later_at ;
             <http://www.w3.org/2000/01/rdf-schema#label> ?later_label
    }
    FILTER(?later_at > ?at || (?later_at = ?at && STR(?later_label) > STR(?label)))
    GRAPH ?later_graph { ?s3 ?p3 ?o3 }
  }
} ;

# 2. A version whose graph holds nothing any more leaves the catalogue.
DELETE { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/catalog> {
    ?entry a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#graph> ?graph ; ?p ?o
  }
  FILTER NOT EXISTS { GRAPH ?graph { ?s ?q ?x } }
}
