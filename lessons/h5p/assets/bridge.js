// Runs on the H5P content origin, inside the sandboxed frame. Starts
// h5p-standalone and relays xAPI statements and the frame's height to the
// platform's lesson page, and to no other origin.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var target = config.platformOrigin;
  function send(message) {
    message.launch = config.launch;
    window.parent.postMessage(message, target);
  }
  var container = document.getElementById("h5p-container");
  // A browser blocking third-party storage denies localStorage to this frame
  // (the content origin is another site in development); H5P only caches in
  // it, so memory will do.
  try {
    window.localStorage.getItem("probe");
  } catch (denied) {
    var memory = {};
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      value: {
        getItem: function (key) { return key in memory ? memory[key] : null; },
        setItem: function (key, value) { memory[key] = String(value); },
        removeItem: function (key) { delete memory[key]; },
        clear: function () { memory = {}; },
      },
    });
  }
  new H5PStandalone.H5P(container, config.options).then(function () {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      send({ type: "ign-h5p-xapi", statement: event.data.statement });
    });
    send({ type: "ign-h5p-ready" });
  });
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      send({ type: "ign-h5p-height", height: document.body.scrollHeight });
    }).observe(document.body);
  }
})();
