# Summaries of each organisation's goal structure versions, counted once at every write
# (ssgraph.store.derived runs this after an import, load, update, Graph Store write or drop,
# for the version graphs that changed; `VALUES ?g { }` gets those graphs). The national
# library queries read these rows instead of counting some 100,000 goals every time.
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

# the graphs' earlier summaries go
DELETE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ?p ?o } }
WHERE {
  VALUES ?g { }
  GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ssg:summaryOf ?g ; ?p ?o }
} ;

# the graph's size when counted (a later difference means the summaries are stale) and
# its number of goals in all
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf ?g ; ssg:sourceTripleCount ?triples ; ssg:goalCount ?goals } }
WHERE {
  { SELECT ?g (COUNT(*) AS ?triples) WHERE { VALUES ?g { } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }
  { SELECT ?g (COUNT(DISTINCT ?goal) AS ?goals) WHERE { VALUES ?g { } OPTIONAL { GRAPH ?g { ?goal a ssg:Goal } } }
    GROUP BY ?g }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(STR(?g)))) AS ?row)
} ;

# goals per goal level, dimension, aspect, public-health area and environmental objective
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf ?g ; ssg:groupedBy ?property ; ssg:groupValue ?value ; ssg:goalCount ?goals } }
WHERE {
  { SELECT ?g ?property ?value (COUNT(DISTINCT ?goal) AS ?goals) WHERE {
    VALUES ?g { }
    VALUES ?property { ssg:goalLevel ssg:dimension ssg:aspect ssg:addressesPublicHealthArea
                       ssg:addressesEnvironmentalObjective }
    GRAPH ?g { ?goal ?property ?value . ?goal a ssg:Goal . }
  }
  GROUP BY ?g ?property ?value }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR(?g), " ", STR(?property), " ", STR(?value))))) AS ?row)
} ;

# goals per SDG (through the goal, its targets or indicators), and how many of them no
# indicator in the same graph measures
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf ?g ; ssg:groupedBy ssg:addressesSDG ; ssg:groupValue ?sdg ;
     ssg:goalCount ?goals ; ssg:unmeasuredGoalCount ?unmeasured } }
WHERE {
  { SELECT ?g ?sdg (COUNT(?goal) AS ?goals) (SUM(?notMeasured) AS ?unmeasured) WHERE {
    {
      SELECT DISTINCT ?g ?sdg ?goal WHERE {
        VALUES ?g { }
        GRAPH ?g { ?goal ssg:addressesSDG ?link . ?goal a ssg:Goal . }
        GRAPH ?vocabulary { ?link skos:notation ?linkNotation . }
        FILTER(STRSTARTS(STR(?link), "https://w3id.org/ssgraph/ref/sdg/"))
        BIND(IRI(CONCAT("https://w3id.org/ssgraph/ref/sdg/", STRBEFORE(CONCAT(?linkNotation, "."), "."))) AS ?sdg)
      }
    }
    BIND(IF(EXISTS { GRAPH ?g { ?indicator ssg:measures ?goal } }, 0, 1) AS ?notMeasured)
  }
  GROUP BY ?g ?sdg }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR(?g), " sdg ", STR(?sdg))))) AS ?row)
} ;

# the SDGs some goal, indicator or activity of the graph touches
INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:GoalCount ; ssg:summaryOf ?g ; ssg:coversSDG ?sdg } }
WHERE {
  { SELECT DISTINCT ?g ?sdg WHERE {
    VALUES ?g { }
    GRAPH ?g { ?resource ssg:addressesSDG ?link . }
    GRAPH ?vocabulary { ?link skos:notation ?linkNotation . }
    FILTER(STRSTARTS(STR(?link), "https://w3id.org/ssgraph/ref/sdg/"))
    BIND(IRI(CONCAT("https://w3id.org/ssgraph/ref/sdg/", STRBEFORE(CONCAT(?linkNotation, "."), "."))) AS ?sdg)
  } }
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR(?g), " covers ", STR(?sdg))))) AS ?row)
}
