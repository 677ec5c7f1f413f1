// Saving a page right after typing in a rich-text block kept the text from
// before: Draftail writes the editor's content into its hidden input only
// 250 ms after the last keystroke (its `stateSaveInterval` debounce), and
// nothing writes it when the form is submitted. So a paragraph typed and
// saved at once (Ctrl+S, or a click on Save within that quarter second) was
// posted as its empty first state, `<p></p>`. Before any submit handler
// reads the form (capture phase), write every editor's current content now.
(function () {
  "use strict";

  function flush(form) {
    var inputs = form.querySelectorAll("input[data-draftail-input]");
    for (var i = 0; i < inputs.length; i += 1) {
      var editor = inputs[i].draftailEditor;
      if (editor && typeof editor.saveState === "function") {
        editor.saveState();
      }
    }
  }

  document.addEventListener(
    "submit",
    function (event) {
      if (event.target instanceof HTMLFormElement) {
        flush(event.target);
      }
    },
    true,
  );
  // Ctrl+S: written on the key too, in case a shortcut reads the form
  // before it fires a submit event.
  document.addEventListener(
    "keydown",
    function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        var form = event.target && event.target.closest && event.target.closest("form");
        if (form) {
          flush(form);
        }
      }
    },
    true,
  );
})();
