// The quiz editor's question slots: each slot shows only the fields of its
// kind (a fixed question, or questions drawn at random from a category or a
// tag), and a random slot says how many questions its category or tag holds.
// The fields of the other kind are disabled, so they are not sent; the server
// refuses a mixed slot anyway (AssessmentSlot.clean).
(function () {
  "use strict";
  var script = document.currentScript;
  var poolUrl = script ? script.getAttribute("data-pool-url") : null;
  var timers = new WeakMap();

  function slotOf(element) {
    return element.closest("[data-inline-panel-child]");
  }

  function sourceOf(slot) {
    var checked = slot.querySelector('input[type="radio"][name$="-source"]:checked');
    return checked ? checked.value : null;
  }

  function setPart(slot, selector, shown) {
    slot.querySelectorAll(selector).forEach(function (part) {
      part.hidden = !shown;
      part
        .querySelectorAll("input:not(.slot-count), select, textarea")
        .forEach(function (field) {
          field.disabled = !shown;
        });
    });
  }

  function poolNote(slot) {
    var note = slot.querySelector(".slot-pool");
    if (!note) {
      var count = slot.querySelector(".slot-count");
      if (!count) {
        return null;
      }
      note = document.createElement("p");
      note.className = "slot-pool help";
      note.setAttribute("aria-live", "polite");
      count.insertAdjacentElement("afterend", note);
    }
    return note;
  }

  function showPool(slot) {
    var note = poolNote(slot);
    if (!note || !poolUrl) {
      return;
    }
    if (sourceOf(slot) !== "random") {
      note.textContent = "";
      return;
    }
    var category = slot.querySelector('select[name$="-category"]');
    var tag = slot.querySelector('input[name$="-tag"]');
    var params = new URLSearchParams();
    params.set("category", category ? category.value : "");
    params.set("tag", tag ? tag.value.trim() : "");
    fetch(poolUrl + "?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { text: "" };
      })
      .then(function (data) {
        note.textContent = data.text || "";
      })
      .catch(function () {
        note.textContent = "";
      });
  }

  function apply(slot) {
    var source = sourceOf(slot);
    if (!source) {
      return;
    }
    setPart(slot, ".slot-fixed", source === "question");
    setPart(slot, ".slot-random", source === "random");
    showPool(slot);
  }

  function applyAll(root) {
    root.querySelectorAll("[data-inline-panel-child]").forEach(function (slot) {
      if (slot.querySelector('input[name$="-source"]')) {
        apply(slot);
      }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.name) {
      return;
    }
    var slot = slotOf(target);
    if (!slot) {
      return;
    }
    if (/-source$/.test(target.name)) {
      apply(slot);
    } else if (/-(category|tag)$/.test(target.name)) {
      showPool(slot);
    }
  });

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !/-tag$/.test(target.name || "")) {
      return;
    }
    var slot = slotOf(target);
    if (!slot) {
      return;
    }
    clearTimeout(timers.get(slot));
    timers.set(
      slot,
      setTimeout(function () {
        showPool(slot);
      }, 400)
    );
  });

  document.addEventListener("w-formset:added", function (event) {
    if (event.target instanceof Element) {
      applyAll(event.target.parentElement || document);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      applyAll(document);
    });
  } else {
    applyAll(document);
  }
})();
