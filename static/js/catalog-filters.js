// The catalog's filters apply as soon as one changes (the Apply button stays
// for a search typed in the box, and for browsers without JavaScript). On a
// wide screen the filters are shown open; on a phone they fold under
// "Filters" so the courses come into view.
(function () {
  "use strict";
  if (window.matchMedia("(min-width: 48.01rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.submit();
    });
  });
})();
