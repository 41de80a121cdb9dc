/*
 * Seven Cs self-check quizzes in the published book: one script for every quiz on every page.
 *
 * The book build writes each quiz as plain HTML (sevencs/bookmode.py):
 *   <div class="sevencs-quiz" data-quiz-id="clients-sc1">
 *     <button class="sevencs-quiz-option" data-index="0" data-correct="true|false"> per option
 *     <div class="sevencs-quiz-feedback" role="status" aria-live="polite">
 *     <details class="sevencs-quiz-explanations"> <li class="sevencs-quiz-why" data-index="0">
 *     <button class="sevencs-quiz-reset">Reset my answers</button>
 * Picking an option shows whether it is right ("Right: ..." or "Not quite: ...") and that
 * option's explanation. The answer is kept in localStorage under "sevencs-quiz:<quiz id>" as
 * {"choice": <index picked last>, "tried": [<every index picked>]} and restored on reload.
 * The quiz's data-state attribute says "right", "wrong" or "" (nothing picked).
 * Without this script the question, the options and the explanations (collapsed) still show.
 */
(function () {
  "use strict";

  var PREFIX = "sevencs-quiz:";
  var LETTERS = "abcdefgh";

  function load(id, count) {
    try {
      var raw = window.localStorage.getItem(PREFIX + id);
      if (!raw) return null;
      var state = JSON.parse(raw);
      var ok = function (i) { return typeof i === "number" && i >= 0 && i < count && Math.floor(i) === i; };
      if (!state || !ok(state.choice)) return null;
      var tried = Array.isArray(state.tried) ? state.tried.filter(ok) : [];
      if (tried.indexOf(state.choice) < 0) tried.push(state.choice);
      return { choice: state.choice, tried: tried };
    } catch (e) {
      return null; // storage blocked or a damaged entry: start afresh
    }
  }

  function save(id, state) {
    try {
      window.localStorage.setItem(PREFIX + id, JSON.stringify(state));
    } catch (e) {
      /* storage blocked (private window, file://): the quiz still works for this visit */
    }
  }

  function forget(id) {
    try {
      window.localStorage.removeItem(PREFIX + id);
    } catch (e) {
      /* nothing stored, nothing to clear */
    }
  }

  function setUp(quiz) {
    if (quiz.getAttribute("data-sevencs-ready")) return;
    quiz.setAttribute("data-sevencs-ready", "true");
    var id = quiz.getAttribute("data-quiz-id") || "";
    var options = Array.prototype.slice.call(quiz.querySelectorAll(".sevencs-quiz-option"));
    var feedback = quiz.querySelector(".sevencs-quiz-feedback");
    var reset = quiz.querySelector(".sevencs-quiz-reset");
    var fallback = quiz.querySelector(".sevencs-quiz-explanations");
    var state = { choice: null, tried: [] };

    // With the script running, the buttons answer; the no-script list of every explanation
    // is hidden unless the page opened it (the instructor edition).
    if (fallback && !fallback.open) fallback.hidden = true;
    quiz.classList.add("sevencs-quiz-ready");

    function why(index) {
      var item = quiz.querySelector('.sevencs-quiz-why[data-index="' + index + '"] .sevencs-quiz-why-text');
      return item ? item.innerHTML : "";
    }

    function render() {
      options.forEach(function (button, i) {
        var right = button.getAttribute("data-correct") === "true";
        var tried = state.tried.indexOf(i) >= 0;
        button.setAttribute("aria-pressed", i === state.choice ? "true" : "false");
        button.classList.toggle("sevencs-quiz-right", tried && right);
        button.classList.toggle("sevencs-quiz-wrong", tried && !right);
        var mark = button.querySelector(".sevencs-quiz-mark");
        if (mark) mark.textContent = tried ? (right ? " ✔" : " ✘") : "";
      });
      if (state.choice === null) {
        quiz.setAttribute("data-state", "");
        return;
      }
      var picked = options[state.choice];
      var right = picked.getAttribute("data-correct") === "true";
      var letter = LETTERS.charAt(state.choice) + ")";
      quiz.setAttribute("data-state", right ? "right" : "wrong");
      feedback.className = "sevencs-quiz-feedback " + (right ? "sevencs-quiz-feedback-right" : "sevencs-quiz-feedback-wrong");
      feedback.innerHTML =
        "<p><strong>" + (right ? "Right" : "Not quite") + "</strong>: " + letter +
        (right ? " is the best answer." : " is not the best answer. Try another option.") + "</p>" +
        "<p>" + why(state.choice) + "</p>";
    }

    options.forEach(function (button, i) {
      button.addEventListener("click", function () {
        state.choice = i;
        if (state.tried.indexOf(i) < 0) state.tried.push(i);
        save(id, state);
        render();
      });
    });

    if (reset) {
      reset.addEventListener("click", function () {
        state = { choice: null, tried: [] };
        forget(id);
        render();
        feedback.className = "sevencs-quiz-feedback";
        feedback.textContent = "Your answers to this question are cleared. Pick an option to try again.";
      });
    }

    var saved = load(id, options.length);
    if (saved) state = saved;
    render();
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".sevencs-quiz"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
