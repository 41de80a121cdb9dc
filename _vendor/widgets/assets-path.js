// Loaded just before embed-amd.js (the ipywidgets renderer) on pages with saved widgets.
// 1. The renderer finds its icon fonts through window.__jupyter_widgets_assets_path__:
//    point it at this folder, wherever the page sits in the site.
// 2. A widget that is not built into ipywidgets would be fetched from a CDN
//    (jsdelivr) by default. The renderer reads data-jupyter-widgets-cdn from the
//    page's script tags; this one sets it, so it looks in ./modules/ on this site
//    instead, and no request ever leaves the site. (The course uses only
//    built-in widgets, so nothing is looked up there today.)
// 3. The bundled widget code finds its icon fonts next to its own RequireJS
//    module name, "@jupyter-widgets/html-manager/dist/...", which RequireJS would
//    look for beside the page: map that name to this folder.
(function () {
  var here = new URL(".", document.currentScript.src).href;
  window.__jupyter_widgets_assets_path__ = here;
  // 4. The bundled controls compute their fonts' folder from their own RequireJS module
  //    address, "@jupyter-widgets/controls": map the "@jupyter-widgets" prefix here too,
  //    or the fonts are looked for in "<page folder>/@jupyter-widgets/" (404).
  var folder = here.replace(/\/$/, "");
  window.requirejs.config({ paths: { "@jupyter-widgets/html-manager/dist": folder, "@jupyter-widgets": folder } });
  document.currentScript.setAttribute("data-jupyter-widgets-cdn", here + "modules/");
})();
