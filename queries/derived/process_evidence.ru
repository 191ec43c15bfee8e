# The evidence of each SS 854000 process element in one organisation graph, counted once at
# every write: ssgraph.store.process_evidence runs this for each version graph that changed
# (`$graph`), and for every organisation graph when the standard's definitions changed. The
# cycle status of every organisation (queries/cycle_status.rq) reads these rows instead of
# looking through every goal structure.
#
# What counts is the standard's concepts (data/reference/standard.ttl): the distinct resources
# of the graph that are of an element's ssg:evidenceClass or a subclass of it, or that use one
# of its ssg:evidenceProperty. An element without evidence gets no row (it has 0).
# The graph is a constant in every pattern, not a VALUES row: Oxigraph then looks the evidence
# up in that graph (some 10 ms) instead of joining it with every graph's (some 700 ms).
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ?p ?o } }
WHERE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row a ssg:EvidenceCount ; ssg:summaryOf $graph ; ?p ?o } } ;

INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:EvidenceCount ; ssg:summaryOf $graph ; ssg:evidenceOf ?element ; ssg:evidenceCount ?evidence } }
WHERE {
  { SELECT ?element (COUNT(DISTINCT ?resource) AS ?evidence) WHERE {
    {
      GRAPH ?definitions { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
      GRAPH $graph { ?resource a ?class }
    } UNION {
      GRAPH ?definitions { ?element a ssg:ProcessElement ; ssg:evidenceClass ?class }
      GRAPH ?ontology { ?type rdfs:subClassOf+ ?class }
      GRAPH $graph { ?resource a ?type }
    } UNION {
      GRAPH ?definitions { ?element a ssg:ProcessElement ; ssg:evidenceProperty ?property }
      GRAPH $graph { ?resource ?property ?value }
    }
  }
  GROUP BY ?element }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR($graph), " element ", STR(?element))))) AS ?row)
}
