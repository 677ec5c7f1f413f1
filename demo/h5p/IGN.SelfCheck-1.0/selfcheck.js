// IGN.SelfCheck: a statement the learner judges true or false. Reports the
// answer as an xAPI "answered" statement with a score of 0 or 1, and keeps the
// answer as its state so a learner who comes back sees what they chose.
var IGN = window.IGN || {};
window.IGN = IGN;

IGN.SelfCheck = (function () {
  "use strict";

  function SelfCheck(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    var previous = extras && extras.previousState;
    this.answer = previous && typeof previous.answer === "boolean" ? previous.answer : null;
  }

  SelfCheck.prototype = Object.create(H5P.EventDispatcher.prototype);
  SelfCheck.prototype.constructor = SelfCheck;

  SelfCheck.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add("ign-selfcheck");
    root.textContent = "";

    var statement = document.createElement("p");
    statement.className = "ign-selfcheck__statement";
    statement.textContent = this.params.statement || "";
    root.appendChild(statement);

    var choices = document.createElement("div");
    choices.className = "ign-selfcheck__choices";
    choices.setAttribute("role", "group");
    choices.setAttribute("aria-label", "Your answer");
    root.appendChild(choices);

    var feedback = document.createElement("p");
    feedback.className = "ign-selfcheck__feedback";
    feedback.setAttribute("aria-live", "polite");
    root.appendChild(feedback);

    var buttons = [true, false].map(function (value) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = value ? "True" : "False";
      button.addEventListener("click", function () {
        self.choose(value);
      });
      choices.appendChild(button);
      return { value: value, element: button };
    });

    this.render = function () {
      buttons.forEach(function (button) {
        button.element.setAttribute("aria-pressed", String(button.value === self.answer));
      });
      if (self.answer === null) {
        feedback.textContent = "";
      } else {
        feedback.textContent = self.isCorrect()
          ? self.params.feedbackCorrect || "Correct."
          : self.params.feedbackWrong || "Not quite.";
      }
    };
    this.render();
  };

  SelfCheck.prototype.isCorrect = function () {
    return this.answer === Boolean(this.params.correct);
  };

  SelfCheck.prototype.choose = function (value) {
    this.answer = value;
    if (this.render) this.render();
    var score = this.isCorrect() ? 1 : 0;
    this.triggerXAPIScored(score, 1, "answered", true, score === 1);
  };

  SelfCheck.prototype.getScore = function () {
    return this.answer === null ? 0 : this.isCorrect() ? 1 : 0;
  };

  SelfCheck.prototype.getMaxScore = function () {
    return 1;
  };

  SelfCheck.prototype.getCurrentState = function () {
    return this.answer === null ? undefined : { answer: this.answer };
  };

  return SelfCheck;
})();
