// The query page: YASGUI with one tab per library query (no persistence, so the examples
// are always fresh); #query=<name> opens that example.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("examples").textContent);
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: data.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: data.endpoint }]; },
      keys: [],
    },
  });
  var first = yasgui.getTab();
  var wanted = (window.location.hash.match(/query=([A-Za-z0-9_]+)/) || [])[1];
  var selected = null;
  data.queries.forEach(function (query) {
    var tab = yasgui.addTab(false, {
      name: query.title,
      yasqe: { value: query.text },
      requestConfig: { endpoint: data.endpoint, method: "POST" },
    });
    tab.getId && (tab.ssgraphName = query.name);
    if (query.name === wanted || (!wanted && selected === null)) {
      selected = tab;
    }
  });
  if (selected) {
    yasgui.selectTabId(selected.getId());
    if (first && first !== selected) {
      first.close();
    }
  }
  window.ssgraphYasgui = yasgui;
})();
