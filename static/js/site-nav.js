// The header's menu is a <details> (it opens without script on a phone). On a
// wide screen it is kept open and its button hidden (site.css); Escape closes
// it on a phone and gives the focus back to its button.
(function () {
  "use strict";
  var menu = document.querySelector("[data-nav-menu]");
  if (!menu) return;
  var wide = window.matchMedia("(min-width: 48.01rem)");
  var summary = menu.querySelector("summary");
  function fit() {
    menu.open = wide.matches;
  }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      summary.focus();
    }
  });
})();
