// Quiz attempt page: saves answers as they are given and shows the server's
// timer. The server enforces the deadline; this script only keeps the learner
// informed and hands the attempt in when the time is up.
(function () {
  "use strict";
  const form = document.getElementById("attempt-form");
  const status = document.getElementById("autosave-status");
  const timer = document.querySelector("[data-seconds-left]");

  // Texts come from the page (data-text-*), translated with the rest of the UI.
  function text(name, fallback) {
    return (form && form.dataset[name]) || fallback;
  }

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Autosave: the state is always in view ("Saved 14:02", "Not saved —
  // retrying"); a failed save is retried with a growing pause.
  function clock() {
    const locale = document.documentElement.lang || undefined;
    return new Date().toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  }
  function showStatus(message, state) {
    if (!status) return;
    status.textContent = message;
    status.dataset.state = state;
  }
  let pending = null;
  let retryDelay = 0;
  async function save() {
    pending = null;
    let response;
    try {
      response = await fetch(form.dataset.saveUrl, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
    } catch (error) {
      return retry();
    }
    const data = await response.json().catch(() => ({}));
    if (response.status === 409 && data.redirect) {
      window.location.assign(data.redirect);
      return;
    }
    if (response.status >= 500) return retry();
    retryDelay = 0;
    if (response.ok) {
      showStatus(text("textSaved", "Saved {time}").replace("{time}", clock()), "saved");
    } else {
      showStatus(data.error || text("textFailed", "Could not save; your answers are kept on this page."), "error");
    }
    if (response.ok && typeof data.seconds_left === "number") {
      remaining = data.seconds_left;
    }
  }
  function retry() {
    showStatus(text("textRetrying", "Not saved — retrying"), "retrying");
    retryDelay = Math.min(30000, (retryDelay || 2500) * 2);
    if (pending) clearTimeout(pending);
    pending = setTimeout(save, retryDelay);
  }
  function scheduleSave() {
    showStatus(text("textSaving", "Saving…"), "saving");
    if (pending) clearTimeout(pending);
    pending = setTimeout(save, 600);
  }

  // The navigator follows the answers as they are given.
  function answered(fieldset) {
    if (fieldset.querySelector("input[type=radio]:checked, input[type=checkbox]:checked")) return true;
    const moved = fieldset.querySelector(".ordering-moved");
    if (moved) return moved.value === "1";
    const fields = fieldset.querySelectorAll("input[type=text], textarea, select");
    return Array.from(fields).some((field) => field.value.trim() !== "");
  }
  function follow(event) {
    const fieldset = event.target.closest("fieldset.question");
    if (!fieldset) return;
    if (event.target.matches(".ordering select")) {
      const moved = fieldset.querySelector(".ordering-moved");
      if (moved) moved.value = "1";
    }
    const yes = answered(fieldset);
    const state = fieldset.querySelector(".answer-state");
    if (state && state.dataset.yes && state.dataset.no) {
      state.textContent = yes ? state.dataset.yes : state.dataset.no;
    }
    const item = document.getElementById("nav-q" + fieldset.dataset.slot);
    if (!item) return;
    item.classList.toggle("answered", yes);
    const words = item.querySelector(".visually-hidden");
    const nav = document.querySelector(".quiz-navigator");
    if (words && nav) {
      const flag = item.classList.contains("flagged") ? nav.dataset.textFlagged : "";
      words.textContent = (yes ? nav.dataset.textAnswered : nav.dataset.textUnanswered) + flag;
    }
  }
  if (form) {
    form.addEventListener("change", (event) => { follow(event); scheduleSave(); });
    form.addEventListener("input", (event) => { follow(event); scheduleSave(); });
  }

  // "Submit all and finish": with a script, a dialog asks on the summary
  // page; without one, the button opens the confirmation page.
  const opener = document.getElementById("confirm-open");
  const dialog = document.getElementById("confirm-dialog");
  if (opener && dialog && typeof dialog.showModal === "function") {
    opener.addEventListener("submit", (event) => {
      event.preventDefault();
      dialog.showModal();
      const confirmButton = document.getElementById("confirm-submit");
      if (confirmButton) confirmButton.focus();
    });
    const cancel = document.getElementById("confirm-cancel");
    if (cancel) {
      cancel.addEventListener("click", (event) => {
        event.preventDefault();
        dialog.close();
      });
    }
  }

  // Text limits: the server refuses a longer answer (never cuts it), and the
  // textarea's maxlength stops typing there; the counter says how close it is.
  // Counted as the server counts: characters, a line break as one.
  function showCount(field) {
    const counter = document.getElementById(field.dataset.charCounter);
    if (!counter || !counter.dataset.template) return;
    const limit = parseInt(field.getAttribute("maxlength"), 10);
    const count = Array.from(field.value).length;
    const locale = document.documentElement.lang || undefined;
    counter.textContent = counter.dataset.template
      .replace("{count}", count.toLocaleString(locale))
      .replace("{limit}", limit.toLocaleString(locale));
    counter.classList.toggle("error", count >= limit);
  }
  document.querySelectorAll("[data-char-counter]").forEach((field) => {
    showCount(field);
    field.addEventListener("input", () => showCount(field));
  });

  let remaining = timer ? parseInt(timer.dataset.secondsLeft, 10) : null;
  const label = document.getElementById("time-left");
  function format(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const mm = String(m).padStart(2, "0");
    const ss = String(s).padStart(2, "0");
    return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
  }
  function tick() {
    if (remaining === null || Number.isNaN(remaining)) return;
    remaining = Math.max(0, remaining - 1);
    if (label) label.textContent = format(remaining);
    if (remaining === 120 || remaining === 60 || remaining === 30 || remaining === 10 ||
        (remaining > 0 && remaining % 300 === 0)) {
      announce(remaining);
    }
    if (remaining === 0) {
      clearInterval(handle);
      // Time is up: post the page; the server refuses late answers and
      // submits the attempt, then shows the results.
      const target = form || document.getElementById("submit-form");
      if (target) {
        const go = document.createElement("input");
        go.type = "hidden";
        go.name = "go";
        go.value = "summary";
        target.appendChild(go);
        // A moment's grace, so the post arrives after the server's deadline.
        setTimeout(() => target.submit(), 1000);
      }
    }
  }
  // The visible clock changes every second, too often for a screen reader;
  // a polite live region says the time left on arrival, every five minutes,
  // and at two minutes, one minute, 30 and 10 seconds.
  const announcer = document.getElementById("timer-announcement");
  function announce(seconds) {
    if (!announcer) return;
    let text;
    if (seconds >= 90) text = announcer.dataset.minutes.replace("{n}", Math.round(seconds / 60));
    else if (seconds >= 60) text = announcer.dataset.oneMinute;
    else text = announcer.dataset.seconds.replace("{n}", seconds);
    announcer.textContent = text;
  }
  if (label && remaining !== null) {
    label.textContent = format(remaining);
    // After a moment, so assistive technology has seen the empty region.
    setTimeout(() => announce(remaining), 1000);
  }
  const handle = setInterval(tick, 1000);
})();
