/*
 * Seven Cs self-check quizzes in the published book: one script for every quiz on every page.
 *
 * The book build writes each quiz as plain HTML (sevencs/render/templates/quiz.html):
 *   <div class="sevencs-quiz" data-quiz-id="clients-sc1" data-answers="<base64 of JSON>">
 *     <button class="sevencs-quiz-option" data-index="0"> per option
 *     <div class="sevencs-quiz-feedback" role="status" aria-live="polite">
 *     <button class="sevencs-quiz-reset">Reset my answers</button>
 * data-answers is {"why": [<explanation HTML per option>], "right": <index>} as ASCII JSON in
 * base64 (sevencs.render.html.quiz_answers): the page does not show the answer in plain sight
 * before a reader picks. It works from file:// too: nothing is fetched.
 * Picking an option shows whether it is right ("Right: ..." or "Not quite: ...") and that
 * option's explanation. The answer is kept in localStorage under "sevencs-quiz:<quiz id>" as
 * {"choice": <index picked last>, "tried": [<every index picked>]} and restored on reload.
 * The quiz's data-state attribute says "right", "wrong" or "" (nothing picked).
 * Without this script the question and the options still show, with a note (<noscript>).
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

  // The quiz's right option and explanations, or null when data-answers is missing or damaged.
  function answers(quiz, count) {
    try {
      var data = JSON.parse(window.atob(quiz.getAttribute("data-answers") || ""));
      var ok = data && typeof data.right === "number" && data.right >= 0 && data.right < count &&
        Array.isArray(data.why) && data.why.length === count;
      return ok ? data : null;
    } catch (e) {
      return null;
    }
  }

  function setUp(quiz) {
    if (quiz.getAttribute("data-sevencs-ready")) return;
    var id = quiz.getAttribute("data-quiz-id") || "";
    var options = Array.prototype.slice.call(quiz.querySelectorAll(".sevencs-quiz-option"));
    var feedback = quiz.querySelector(".sevencs-quiz-feedback");
    var reset = quiz.querySelector(".sevencs-quiz-reset");
    var key = answers(quiz, options.length);
    if (!key) return; // nothing to judge with: leave the buttons inert rather than guess
    quiz.setAttribute("data-sevencs-ready", "true");
    var state = { choice: null, tried: [] };
    quiz.classList.add("sevencs-quiz-ready");

    function render() {
      options.forEach(function (button, i) {
        var right = i === key.right;
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
      var right = state.choice === key.right;
      var letter = LETTERS.charAt(state.choice) + ")";
      quiz.setAttribute("data-state", right ? "right" : "wrong");
      feedback.className = "sevencs-quiz-feedback " + (right ? "sevencs-quiz-feedback-right" : "sevencs-quiz-feedback-wrong");
      feedback.innerHTML =
        "<p><strong>" + (right ? "Right" : "Not quite") + "</strong>: " + letter +
        (right ? " is the best answer." : " is not the best answer. Try another option.") + "</p>" +
        "<p>" + key.why[state.choice] + "</p>";
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
