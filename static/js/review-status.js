// Quiz review while the attempt is being graded: asks the server (the
// attempt's status, JSON) every few seconds, a little less often as time
// goes by, and shows the results by loading the page again when they are
// ready. Without a script the page offers a plain link instead.
(function () {
  "use strict";
  const box = document.getElementById("grading-wait");
  if (!box || !box.dataset.statusUrl) return;
  let delay = 2000;
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (response.ok) {
        const data = await response.json();
        if (data.ready) {
          window.location.replace(data.review_url || box.dataset.reviewUrl);
          return;
        }
      } else if (response.status === 404) {
        return;
      }
    } catch (error) {
      // Offline for a moment: try again later.
    }
    delay = Math.min(15000, Math.round(delay * 1.5));
    setTimeout(poll, delay);
  }
  setTimeout(poll, delay);
})();
