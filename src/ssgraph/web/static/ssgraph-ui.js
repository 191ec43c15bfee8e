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

  // Links in the results to IRIs this service serves (instances, reference concepts, the
  // ontology) go to the service's own pages, not to w3id.org.
  var bases = data.bases || {};
  function localHref(href) {
    for (var base in bases) {
      if (Object.prototype.hasOwnProperty.call(bases, base) && href.indexOf(base) === 0 && href.length > base.length) {
        return bases[base] + href.slice(base.length);
      }
    }
    return null;
  }
  function localise(root) {
    var anchors = root.querySelectorAll ? root.querySelectorAll("a[href]") : [];
    Array.prototype.forEach.call(anchors, function (anchor) {
      var local = localHref(anchor.getAttribute("href"));
      if (local !== null) {
        anchor.setAttribute("data-iri", anchor.getAttribute("href"));
        anchor.setAttribute("href", local);
        anchor.removeAttribute("target");
        anchor.removeAttribute("rel");
      }
    });
  }
  var area = document.getElementById("yasgui");
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      Array.prototype.forEach.call(change.addedNodes, function (node) {
        if (node.nodeType === 1) {
          if (node.matches && node.matches("a[href]")) {
            localise(node.parentNode || node);
          } else {
            localise(node);
          }
        }
      });
    });
  }).observe(area, { childList: true, subtree: true });
})();
