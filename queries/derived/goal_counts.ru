# Summaries of each organisation's goal structure versions, counted once at every write
# (ssgraph.store.derived runs this after an import, load, update, Graph Store write or drop,
# for each version graph that changed: `$graph`). The national library queries read these
# rows instead of counting some 100,000 goals every time.
# The graph is a constant in every pattern, not a VALUES row: Oxigraph then looks the goals
# up in that graph instead of joining them with every graph's (a 50,000-row import: 1.1 s
# → 0.3 s; the DELETE alone stays cheap either way).
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

# the graph's earlier summaries go
DELETE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ssg:summaryOf $graph ; ?p ?o }
} ;

# the graph's size when counted (a later difference means the summaries are stale) and
# its number of goals in all (a graph that is gone or empty gets no row)
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf $graph ; ssg:sourceTripleCount ?triples ; ssg:goalCount ?goals } }
WHERE {
  { SELECT (COUNT(*) AS ?triples) WHERE { GRAPH $graph { ?s ?p ?o } } }
  FILTER(?triples > 0)
  { SELECT (COUNT(DISTINCT ?goal) AS ?goals) WHERE { OPTIONAL { GRAPH $graph { ?goal a ssg:Goal } } } }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(STR($graph)))) AS ?row)
} ;

# goals per goal level, dimension, aspect, public-health area and environmental objective
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf $graph ; ssg:groupedBy ?property ; ssg:groupValue ?value ; ssg:goalCount ?goals } }
WHERE {
  { SELECT ?property ?value (COUNT(DISTINCT ?goal) AS ?goals) WHERE {
    VALUES ?property { ssg:goalLevel ssg:dimension ssg:aspect ssg:addressesPublicHealthArea
                       ssg:addressesEnvironmentalObjective }
    GRAPH $graph { ?goal ?property ?value . ?goal a ssg:Goal . }
  }
  GROUP BY ?property ?value }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR($graph), " ", STR(?property), " ", STR(?value))))) AS ?row)
} ;

# goals per SDG (through the goal, its targets or indicators), and how many of them no
# indicator in the same graph measures
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf $graph ; ssg:groupedBy ssg:addressesSDG ; ssg:groupValue ?sdg ;
     ssg:goalCount ?goals ; ssg:unmeasuredGoalCount ?unmeasured } }
WHERE {
  { SELECT ?sdg (COUNT(?goal) AS ?goals) (SUM(?notMeasured) AS ?unmeasured) WHERE {
    {
      SELECT DISTINCT ?sdg ?goal WHERE {
        GRAPH $graph { ?goal ssg:addressesSDG ?link . ?goal a ssg:Goal . }
        GRAPH ?vocabulary { ?link skos:notation ?linkNotation . }
        FILTER(STRSTARTS(STR(?link), "https://w3id.org/ssgraph/ref/sdg/"))
        BIND(IRI(CONCAT("https://w3id.org/ssgraph/ref/sdg/", STRBEFORE(CONCAT(?linkNotation, "."), "."))) AS ?sdg)
      }
    }
    BIND(IF(EXISTS { GRAPH $graph { ?indicator ssg:measures ?goal } }, 0, 1) AS ?notMeasured)
  }
  GROUP BY ?sdg }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR($graph), " sdg ", STR(?sdg))))) AS ?row)
} ;

# the SDGs some goal, indicator or activity of the graph touches
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf $graph ; ssg:coversSDG ?sdg } }
WHERE {
  { SELECT DISTINCT ?sdg WHERE {
    GRAPH $graph { ?resource ssg:addressesSDG ?link . }
    GRAPH ?vocabulary { ?link skos:notation ?linkNotation . }
    FILTER(STRSTARTS(STR(?link), "https://w3id.org/ssgraph/ref/sdg/"))
    BIND(IRI(CONCAT("https://w3id.org/ssgraph/ref/sdg/", STRBEFORE(CONCAT(?linkNotation, "."), "."))) AS ?sdg)
  } }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR($graph), " covers ", STR(?sdg))))) AS ?row)
}
