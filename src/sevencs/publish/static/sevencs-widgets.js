// Pages that still show a live ipywidget (saved widget state) load the widget renderer, 3.6 MB,
// only when a widget comes near the screen, not with the page. The files are the ones
// `make widgets` copies into _static/widgets, loaded in the order they need:
// RequireJS, assets-path.js (where the renderer finds its fonts), then the renderer, which draws
// every saved widget at once when it arrives (the page has finished loading by then).
(function () {
  "use strict";
  var folder = new URL("widgets/", document.currentScript.src).href;
  var files = ["require.js", "assets-path.js", "embed-amd.js"];
  var started = false;

  function next(i) {
    if (i >= files.length) return;
    var script = document.createElement("script");
    script.src = folder + files[i];
    script.onload = function () { next(i + 1); };
    document.head.appendChild(script);
  }

  function loadRenderer() {
    if (started) return;
    started = true;
    next(0);
  }

  function watch() {
    var views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    if (!views.length) return;
    if (!("IntersectionObserver" in window)) { loadRenderer(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        observer.disconnect();
        loadRenderer();
      }
    }, { rootMargin: "600px 0px" });
    views.forEach(function (view) { observer.observe(view.parentElement); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
