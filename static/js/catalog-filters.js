// The catalog's filters apply as soon as one changes (the Apply button stays
// for a search typed in the box, and for browsers without JavaScript).
(function () {
  "use strict";
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.submit();
    });
  });
})();
