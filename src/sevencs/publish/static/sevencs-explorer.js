// The explorers of the published book (sevencs.widgets.static, templates/explorer_static.html):
// moving a main slider shows the state the explorer rendered for that value when the book was built.
// Nothing is loaded until a slider moves. A state is three files in _static/explorers/<explorer>/:
// <key>.js hands over the alt text and numbers by calling window.sevencsExplorerState (a <script src>,
// not fetch(), so it also works when the book is opened from a folder, file://), <key>.png is the figure
// and <key>.narrow.png the figure laid out for a phone (the <picture>'s <source>, as every figure of the book).
(function () {
  "use strict";
  var base = new URL("explorers/", document.currentScript.src).href;
  var known = {}; // "<explorer>/<key>" -> the state, once loaded
  var waiting = {}; // "<explorer>/<key>" -> the functions to call when it arrives

  window.sevencsExplorerState = function (state) {
    var id = state.explorer + "/" + state.key;
    known[id] = state;
    (waiting[id] || []).forEach(function (done) { done(state); });
    delete waiting[id];
  };

  function load(explorer, key, done) {
    var id = explorer + "/" + key;
    if (known[id]) { done(known[id]); return; }
    if (waiting[id]) { waiting[id].push(done); return; }
    waiting[id] = [done];
    var script = document.createElement("script");
    script.src = base + id + ".js";
    script.onload = script.onerror = function () { script.remove(); };
    document.head.appendChild(script);
  }

  function start(root) {
    var explorer = root.getAttribute("data-explorer");
    var sliders = Array.prototype.slice.call(root.querySelectorAll("input[type=range][data-labels]"));
    var figure = root.querySelector(".sevencs-explorer-figure");
    var img = figure.querySelector("img");
    var phone = figure.querySelector("picture > source"); // the figure laid out for narrow screens
    var numbers = root.querySelector(".sevencs-explorer-numbers");
    var wanted = null;

    function move() {
      var key = "v" + sliders.map(function (s) { return s.value; }).join("-");
      wanted = key;
      root.setAttribute("aria-busy", "true");
      load(explorer, key, function (state) {
        if (wanted !== key) return; // the reader has moved on
        if (state.figure) {
          var file = base + explorer + "/" + key;
          if (phone) {
            phone.srcset = file + ".narrow.png 2x";
            phone.setAttribute("data-text-px", state.narrowTextPx);
          }
          img.src = file + ".png";
          img.setAttribute("data-text-px", state.textPx);
          img.alt = state.alt;
          figure.hidden = false;
        } else {
          figure.hidden = true;
        }
        numbers.innerHTML = state.numbers; // HTML the course rendered (Jinja, autoescaped), from this site
        root.setAttribute("data-shown", key);
        root.removeAttribute("aria-busy");
      });
    }

    sliders.forEach(function (slider) {
      var labels = JSON.parse(slider.getAttribute("data-labels"));
      var out = slider.parentNode.querySelector("output");
      slider.addEventListener("input", function () {
        var text = labels[Number(slider.value)];
        out.textContent = text;
        slider.setAttribute("aria-valuetext", text);
        move();
      });
    });
  }

  function startAll() {
    document.querySelectorAll(".sevencs-explorer[data-explorer]").forEach(start);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();
