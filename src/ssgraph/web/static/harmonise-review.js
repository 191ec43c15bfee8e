// The harmonisation review page: each button posts one decision (accept, reject, change the
// relation, undo, or add a link by hand) to the decisions API with the operator's update
// token, then reloads the page, which shows the review as stored. The reviewer's name and
// the token are kept for the browser session only.
(function () {
  "use strict";
  var root = document.getElementById("review");
  if (!root) {
    return;
  }
  var status = document.getElementById("review-status");
  var reviewer = document.getElementById("reviewer");
  var token = document.getElementById("token");
  reviewer.value = sessionStorage.getItem("ssgraph.reviewer") || "";
  token.value = sessionStorage.getItem("ssgraph.token") || "";

  function say(text, failed) {
    status.textContent = text;
    status.className = failed ? "error" : "";
  }

  function send(decision) {
    var name = reviewer.value.trim();
    var secret = token.value.trim();
    if (!name || !secret) {
      say(root.dataset.needs, true);
      return;
    }
    sessionStorage.setItem("ssgraph.reviewer", name);
    sessionStorage.setItem("ssgraph.token", secret);
    say(root.dataset.saving, false);
    fetch(root.dataset.api, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "Authorization": "Bearer " + secret },
      body: JSON.stringify({ reviewer: name, decisions: [decision] }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body.error || response.statusText);
        }
        say(root.dataset.saved, false);
        window.location.reload();
      });
    }).catch(function (error) {
      say(root.dataset.failed + " " + error.message, true);
    });
  }

  root.querySelectorAll("tr.link button[data-verdict]").forEach(function (button) {
    button.addEventListener("click", function () {
      var row = button.closest("tr");
      var verdict = button.dataset.verdict;
      var decision = { subject: row.dataset.subject, object: row.dataset.object,
                       verdict: verdict === "change" ? "accept" : verdict };
      if (verdict === "change") {
        decision.relation = row.querySelector("select[name=relation]").value;
      }
      send(decision);
    });
  });

  var form = document.getElementById("add-link");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send({ subject: form.elements.subject.value, object: form.elements.object.value, verdict: "add",
           relation: form.elements.relation.value, comment: form.elements.comment.value });
  });
})();
