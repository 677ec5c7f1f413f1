// The SCORM activity page (platform origin), for a sequenced SCORM 2004
// package: listens to the launch page on the content origin, whose
// scorm-again sequencing engine says which navigation is valid (the outline's
// parts it does not allow are greyed out and not links; Previous and Continue
// follow it) and which part to open next. Nothing is trusted from any other
// window or origin; the buttons only ask the engine, which decides.
(function () {
  "use strict";
  var frame = document.querySelector(".scorm-frame[data-scorm-sequenced]");
  if (!frame) return;
  var origin = frame.dataset.scormOrigin;
  var bar = document.querySelector(".scorm-nav");
  var hint = document.querySelector(".scorm-nav__hint");
  var buttons = {
    previous: document.querySelector("[data-scorm-request='previous']"),
    continue: document.querySelector("[data-scorm-request='continue']"),
  };
  var links = Array.prototype.slice.call(
    document.querySelectorAll(".scorm-outline [data-scorm-item]")
  );
  var known = links.map(function (link) {
    return link.dataset.scormItem;
  });

  function ask(request, target) {
    frame.contentWindow.postMessage(
      { type: "ign-scorm-request", request: request, target: target || "" },
      origin
    );
  }

  function open(item) {
    if (known.indexOf(item) < 0) return;
    var url = new URL(window.location.href);
    url.searchParams.set("sco", item);
    window.location.assign(url.toString());
  }

  function showNav(nav) {
    if (bar) bar.hidden = false;
    ["previous", "continue"].forEach(function (name) {
      var button = buttons[name];
      if (!button) return;
      button.hidden = (nav.hide || []).indexOf(name) >= 0;
      button.disabled = !nav[name];
    });
    if (hint) {
      hint.textContent = nav.continue
        ? hint.dataset.ordered
        : hint.dataset.refusedContinue;
    }
    links.forEach(function (link) {
      var allowed = nav.choice[link.dataset.scormItem];
      var blocked = allowed === "false" && link.getAttribute("aria-current") !== "page";
      if (blocked && link.hasAttribute("href")) {
        link.dataset.href = link.getAttribute("href");
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
      } else if (!blocked && link.dataset.href) {
        link.setAttribute("href", link.dataset.href);
        link.removeAttribute("aria-disabled");
      }
    });
  }

  Object.keys(buttons).forEach(function (name) {
    if (!buttons[name]) return;
    buttons[name].addEventListener("click", function () {
      buttons[name].disabled = true;
      ask(name);
    });
  });

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || event.source !== frame.contentWindow || !data) {
      return;
    }
    if (data.type === "ign-scorm-nav" && data.nav && typeof data.nav.choice === "object") {
      showNav(data.nav);
    } else if (data.type === "ign-scorm-go" && typeof data.item === "string") {
      open(data.item);
    } else if (data.type === "ign-scorm-refused") {
      if (hint) {
        hint.textContent =
          data.request === "previous" ? hint.dataset.refusedPrevious : hint.dataset.refusedContinue;
      }
    } else if (data.type === "ign-scorm-end") {
      window.location.reload();
    }
  });
})();
