// On the content origin's SCORM launch page: starts scorm-again with the SCO's
// stored data model, frames the SCO, and lets the platform page know when a
// commit was stored. Commits go to this origin's commit endpoint with the
// launch token; LMSCommit/Commit commit at once, and leaving the page ends the
// session (LMSFinish/Terminate), whose commit scorm-again sends by sendBeacon.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("scorm-config").textContent);
  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "flattened",
    sendFullCommit: true,
    autocommit: true,
    autocommitSeconds: 10,
    terminateCommitParam: "final",
    logLevel: 4,
    fetchMode: "same-origin",
  };
  var is2004 = config.version === "2004";
  var api = is2004
    ? new window.Scorm2004API(settings)
    : new window.Scorm12API(settings);
  api.loadFromFlattenedJSON(config.cmi, "");
  if (is2004) {
    window.API_1484_11 = api;
  } else {
    window.API = api;
  }
  function tell(type) {
    if (window.parent === window) return;
    window.parent.postMessage(
      { type: type, launch: config.token },
      config.platformOrigin
    );
  }
  var events = is2004 ? ["Commit", "Terminate"] : ["LMSCommit", "LMSFinish"];
  events.forEach(function (name) {
    api.on(name, function () {
      document.body.dataset.scormCommits = String(
        Number(document.body.dataset.scormCommits || "0") + 1
      );
      tell("ign-scorm-commit");
    });
  });
  window.addEventListener("pagehide", function () {
    if (api.isInitialized() && !api.isTerminated()) {
      if (is2004) {
        api.Terminate("");
      } else {
        api.LMSFinish("");
      }
    }
  });
  var frame = document.getElementById("sco-frame");
  frame.addEventListener("load", function () {
    document.body.dataset.scormReady = "true";
    tell("ign-scorm-ready");
  });
  frame.src = config.sco;
})();
