# The series of values of the indicators in one organisation graph, kept at every write:
# ssgraph.store.indicator_series runs this for each version graph that changed (`$graph`), and
# for every organisation graph when this rule changed. Organisation pages and comparisons read
# one value per graph instead of joining every observation's statements (some 5,000 in a large
# municipality's graph: 100-400 ms a page on the national set).
#
# The values are the organisation's own observations of each indicator (ssg:indicator,
# ssg:refPeriod, ssg:value) in the graph, the total where they are split by gender (no
# ssg:gender, or the total's gender concept), as ssgraph.analysis.indicator_values reads them:
# a line per indicator, its IRI and then its "PERIOD=VALUE" pairs (each part percent-encoded),
# separated by spaces, in the store's order. One row per graph, not per indicator: the
# summaries graph stays small for the queries that read its counts.
# Values of an indicator's Kolada KPI live in other graphs and are read with the page.
# The graph is a constant in every pattern (see process_evidence.ru).
PREFIX ssg: <https://w3id.org/ssgraph/ontology#>

DELETE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row ?p ?o } }
WHERE { GRAPH <https://w3id.org/ssgraph/graph/summaries> { ?row a ssg:IndicatorSeries ; ssg:summaryOf $graph ; ?p ?o } } ;

INSERT { GRAPH <https://w3id.org/ssgraph/graph/summaries> {
  ?row a ssg:IndicatorSeries ; ssg:summaryOf $graph ; ssg:seriesValues ?series } }
WHERE {
  { SELECT (GROUP_CONCAT(?line; separator="\n") AS ?series) WHERE {
      { SELECT ?indicator (GROUP_CONCAT(CONCAT(ENCODE_FOR_URI(STR(?period)), "=", ENCODE_FOR_URI(STR(?value))); separator=" ") AS ?values)
        WHERE {
          GRAPH $graph { ?o ssg:indicator ?indicator ; ssg:refPeriod ?period ; ssg:value ?value . OPTIONAL { ?o ssg:gender ?gender } }
          FILTER(!BOUND(?gender) || STRENDS(STR(?gender), "gender-T"))
        }
        GROUP BY ?indicator }
      BIND(CONCAT(STR(?indicator), " ", ?values) AS ?line)
  } }
  FILTER(?series != "")
  BIND(IRI(CONCAT("https://w3id.org/ssgraph/id/summary/", MD5(CONCAT(STR($graph), " indicator series")))) AS ?row)
}
