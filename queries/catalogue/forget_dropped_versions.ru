# The version catalogue after a write that may have removed goal structure graphs (DROP,
# CLEAR, DELETE, MOVE, Graph Store DELETE or PUT). The store appends this to the same update
# request, so the drop and the catalogue change are one transaction. The rule of which
# version is current is ssgraph.versions' (its module docstring); this is its write side.
# Full IRIs, no prologue: it follows the writer's own operations in one request.

# 1. A version whose graph holds nothing any more leaves the catalogue.
DELETE { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#graph> ?graph ; ?p ?o }
  FILTER NOT EXISTS { GRAPH ?graph { ?s ?q ?x } }
} ;

# 2. An organisation whose versions are all marked not current (its current one was
# dropped): the latest remaining version, by import time and then label, becomes current.
DELETE { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry <https://w3id.org/ssgraph/ontology#isCurrentVersion> ?flag } }
INSERT { GRAPH <https://w3id.org/ssgraph/graph/catalog> { ?entry <https://w3id.org/ssgraph/ontology#isCurrentVersion> true } }
WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/catalog> {
    ?entry a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#versionOf> ?org ; <https://w3id.org/ssgraph/ontology#isCurrentVersion> ?flag .
    FILTER NOT EXISTS {
      ?current a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#versionOf> ?org .
      FILTER NOT EXISTS { ?current <https://w3id.org/ssgraph/ontology#isCurrentVersion> false }
    }
    OPTIONAL { ?entry <http://www.w3.org/ns/prov#generatedAtTime> ?at }
    OPTIONAL { ?entry <http://www.w3.org/2000/01/rdf-schema#label> ?label }
    FILTER NOT EXISTS {
      ?later a <https://w3id.org/ssgraph/ontology#GoalStructureVersion> ; <https://w3id.org/ssgraph/ontology#versionOf> ?org .
      FILTER(?later != ?entry)
      OPTIONAL { ?later <http://www.w3.org/ns/prov#generatedAtTime> ?later_at }
      OPTIONAL { ?later <http://www.w3.org/2000/01/rdf-schema#label> ?later_label }
      FILTER(COALESCE(?later_at > ?at, BOUND(?later_at) && !BOUND(?at))
             || (COALESCE(?later_at = ?at, !BOUND(?later_at) && !BOUND(?at))
                 && STR(COALESCE(?later_label, "")) > STR(COALESCE(?label, ""))))
    }
  }
}
