// Saving a page right after typing in a rich-text block kept the text from
// before: Wagtail's Draftail writes the editor's content into its hidden input
// only 250 ms after the last keystroke (the `stateSaveInterval` debounce), and
// nothing writes it when the form is submitted. So a paragraph typed and
// saved at once (a click on Save, or Ctrl+S, within that quarter second) was
// posted as its first, empty state, stored as `<p></p>`. Before the form is
// read (submit, capture phase), write every editor's current content now, as
// Wagtail's own save would: the raw content state, as JSON.
(function () {
  "use strict";

  function flush(form) {
    var draftail = window.Draftail;
    if (!draftail || typeof draftail.serialiseEditorStateToRaw !== "function") {
      return;
    }
    // Every Draftail input holds its editor as `draftailEditor`; those of
    // StreamField blocks are made by script, without the widget's
    // data-draftail-input attribute, so look at every hidden input.
    var inputs = form.querySelectorAll("input[type=hidden]");
    for (var i = 0; i < inputs.length; i += 1) {
      var editor = inputs[i].draftailEditor;
      if (editor && typeof editor.getEditorState === "function") {
        var raw = draftail.serialiseEditorStateToRaw(editor.getEditorState());
        inputs[i].rawContentState = raw;
        inputs[i].value = JSON.stringify(raw);
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
