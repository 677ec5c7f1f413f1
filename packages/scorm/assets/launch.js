// On the content origin's SCORM launch page: starts scorm-again with the SCO's
// stored data model, frames the SCO, and lets the platform page know when a
// commit was stored. Commits go to this origin's commit endpoint with the
// launch token; LMSCommit/Commit commit at once, and leaving the page ends the
// session (LMSFinish/Terminate), whose commit scorm-again sends by sendBeacon.
//
// A sequenced SCORM 2004 package: scorm-again's sequencing engine runs with
// the manifest's activity tree and the attempt's saved sequencing state. It
// decides whether this SCO may be delivered (if not, the platform page is sent
// to the one it delivers), which navigation is valid (told to the platform
// page, which greys out the outline and its Previous/Continue buttons), and
// where a navigation request leads (the SCO's adl.nav.request, or the
// platform's buttons): the platform page then opens that SCO.
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
  var sequenced = is2004 && !!config.sequencing;
  var running = false;
  var leaving = false;
  var unloading = false;
  var frame = document.getElementById("sco-frame");

  function tell(type, extra) {
    if (window.parent === window) return;
    var message = { type: type, launch: config.token };
    Object.keys(extra || {}).forEach(function (key) {
      message[key] = extra[key];
    });
    window.parent.postMessage(message, config.platformOrigin);
  }

  // The engine's rollup of the whole package: the attempt's completion and
  // success follow it on the server.
  function root() {
    try {
      var data = api.getActivityTrackingData(config.sequencing.activityTree.id);
      var completions = ["completed", "incomplete", "not attempted", "unknown"];
      var successes = ["passed", "failed", "unknown"];
      if (
        !data ||
        completions.indexOf(data.completionStatus) < 0 ||
        successes.indexOf(data.successStatus) < 0
      ) {
        return null;
      }
      return { completion: data.completionStatus, success: data.successStatus };
    } catch (error) {
      return null;
    }
  }

  function saveState(stateData) {
    var body = JSON.stringify({ state: stateData, root: root() });
    return fetch(config.stateUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: body.length < 60000,
      headers: { "Content-Type": "application/json" },
      body: body,
    }).then(
      function (response) {
        return response.ok;
      },
      function () {
        return false;
      }
    );
  }

  function loadState() {
    return fetch(config.stateUrl, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { state: null };
      })
      .then(
        function (data) {
          return data.state || null;
        },
        function () {
          return null;
        }
      );
  }

  var api;
  var lastNav = null;

  // What the engine would do with Continue or Previous now, the SCO's live
  // data included: "allowed", "blocked" or "unknown".
  function preview(request) {
    try {
      return api.previewNavigationRequest(request).outcome;
    } catch (error) {
      return "unknown";
    }
  }

  function refreshNav() {
    if (!lastNav || !running) return;
    var nav = JSON.parse(JSON.stringify(lastNav));
    ["continue", "previous"].forEach(function (request) {
      var outcome = preview(request);
      if (outcome !== "unknown") nav[request] = outcome === "allowed";
    });
    document.body.dataset.scormNav = JSON.stringify(nav);
    tell("ign-scorm-nav", { nav: nav });
  }

  function current() {
    var state = api.getSequencingState();
    return state && state.currentActivity ? state.currentActivity.id : null;
  }

  function save() {
    return api.saveSequencingState().catch(function () {
      return false;
    });
  }

  // Opens another SCO: the engine delivered it (a navigation request).
  function go(item) {
    if (leaving) return;
    leaving = true;
    document.body.dataset.scormGo = item;
    save().then(function () {
      tell("ign-scorm-go", { item: item });
    });
  }

  if (sequenced) {
    var sequencing = JSON.parse(JSON.stringify(config.sequencing));
    sequencing.eventListeners = {
      onActivityDelivery: function (activity) {
        if (running && activity.id !== config.item) go(activity.id);
      },
      onNavigationValidityUpdate: function (data) {
        lastNav = {
          continue: data.continue === true,
          previous: data.previous === true,
          choice: data.choice || {},
          hide: data.hideLmsUi || [],
        };
        refreshNav();
      },
      onSequencingSessionEnd: function () {
        if (!running) return;
        save().then(function () {
          tell("ign-scorm-end");
        });
      },
    };
    settings.sequencing = sequencing;
    settings.sequencingStatePersistence = {
      persistence: { saveState: saveState, loadState: loadState },
      autoLoadOnInitialize: false,
      autoSaveOn: "commit",
    };
  }
  api = is2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  api.loadFromFlattenedJSON(config.cmi, "");
  if (is2004) {
    window.API_1484_11 = api;
  } else {
    window.API = api;
  }
  var events = is2004 ? ["Commit", "Terminate"] : ["LMSCommit", "LMSFinish"];
  events.forEach(function (name) {
    api.on(name, function () {
      document.body.dataset.scormCommits = String(
        Number(document.body.dataset.scormCommits || "0") + 1
      );
      tell("ign-scorm-commit");
      if (sequenced) refreshNav();
    });
  });
  if (sequenced) {
    // Once the SCO starts, the engine can judge Continue and Previous.
    api.on("Initialize", function () {
      refreshNav();
    });
  }
  window.addEventListener("pagehide", function () {
    if (api.isInitialized() && !api.isTerminated()) {
      if (is2004) {
        api.Terminate("");
      } else {
        api.LMSFinish("");
      }
    }
  });
  var REQUESTS = ["continue", "previous", "choice", "exitAll", "suspendAll"];
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (
      !sequenced ||
      !running ||
      event.origin !== config.platformOrigin ||
      !data ||
      data.type !== "ign-scorm-request" ||
      REQUESTS.indexOf(data.request) < 0
    ) {
      return;
    }
    var target = typeof data.target === "string" ? data.target.slice(0, 255) : "";
    if (
      (data.request === "continue" || data.request === "previous") &&
      preview(data.request) === "blocked"
    ) {
      // Not now (e.g. this part is not passed yet): the SCO keeps running.
      tell("ign-scorm-refused", { request: data.request });
      refreshNav();
      return;
    }
    if (api.isInitialized() && !api.isTerminated()) {
      // The LMS takes the SCO away: it ends its own session as it unloads
      // (or is ended here if it does not), and scorm-again processes the
      // request as the session terminates.
      api.SetValue(
        "adl.nav.request",
        data.request === "choice" ? "{target=" + target + "}choice" : data.request
      );
      unloading = true;
      frame.addEventListener(
        "load",
        function () {
          if (api.isInitialized() && !api.isTerminated()) api.Terminate("");
        },
        { once: true }
      );
      frame.src = "about:blank";
    } else if (!api.processNavigationRequest(data.request, target || undefined)) {
      tell("ign-scorm-refused", { request: data.request });
    }
  });

  function deliver() {
    running = true;
    if (sequenced) {
      // A restored state fires no event: ask the engine for the validity.
      try {
        api.getSequencingService().getOverallSequencingProcess().updateNavigationValidity();
      } catch (error) {
        refreshNav();
      }
    }
    frame.addEventListener("load", function () {
      if (unloading) return;
      document.body.dataset.scormReady = "true";
      tell("ign-scorm-ready");
    });
    frame.src = config.sco;
  }

  if (!sequenced) {
    deliver();
    return;
  }
  api.loadSequencingState().then(function (restored) {
    if (!restored || !current()) {
      api.processNavigationRequest("start");
    }
    var now = current();
    if (now !== config.item && !api.processNavigationRequest("choice", config.item)) {
      now = current();
      if (now && now !== config.item) {
        // Sequencing does not let this SCO open now: open the one it delivers.
        document.body.dataset.scormBlocked = "true";
        running = true;
        go(now);
        return;
      }
    }
    save();
    deliver();
  });
})();
