// On the platform's lesson page: takes statements from H5P player frames, only
// from the content origin and only from our own frames, and posts them with
// CSRF to the platform, bound to the frame's launch token.
(function () {
  "use strict";
  if (window.ignH5PRelay) return;
  window.ignH5PRelay = true;
  function frameFor(source) {
    var frames = document.querySelectorAll("iframe[data-h5p-launch]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }
  // Statements come in bursts (a question set answers, scores and completes
  // at once): they are posted together, a batch per quiet moment, all or
  // nothing on the server.
  var FLUSH_AFTER_MS = 200;
  var MAX_BATCH = 100;
  var pending = new Map();
  function flush(frame, keepalive) {
    var entry = pending.get(frame);
    if (!entry) return;
    pending.delete(frame);
    clearTimeout(entry.timer);
    var batch = entry.statements;
    fetch(frame.dataset.h5pXapiUrl, {
      method: "POST",
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": frame.dataset.h5pCsrf,
      },
      body: JSON.stringify(batch),
    }).then(function (response) {
      if (response.ok) {
        frame.dataset.h5pRecorded = String(
          Number(frame.dataset.h5pRecorded || "0") + batch.length
        );
      }
    });
  }
  function queue(frame, statement) {
    var entry = pending.get(frame) || { statements: [], timer: null };
    pending.set(frame, entry);
    entry.statements.push(statement);
    clearTimeout(entry.timer);
    if (entry.statements.length >= MAX_BATCH) {
      flush(frame);
    } else {
      entry.timer = setTimeout(function () { flush(frame); }, FLUSH_AFTER_MS);
    }
  }
  window.addEventListener("pagehide", function () {
    pending.forEach(function (_, frame) { flush(frame, true); });
  });
  window.addEventListener("message", function (event) {
    var frame = frameFor(event.source);
    if (!frame || event.origin !== frame.dataset.h5pOrigin) return;
    var data = event.data || {};
    if (data.launch !== frame.dataset.h5pLaunch) return;
    if (data.type === "ign-h5p-height" && typeof data.height === "number") {
      frame.style.height = Math.min(Math.max(data.height, 150), 4000) + "px";
    } else if (data.type === "ign-h5p-ready") {
      frame.dataset.h5pReady = "true";
    } else if (data.type === "ign-h5p-xapi" && data.statement) {
      queue(frame, data.statement);
    }
  });
})();
