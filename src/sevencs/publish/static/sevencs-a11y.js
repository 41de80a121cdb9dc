// Accessibility repairs for markup the book's theme (sphinx-book-theme on
// pydata-sphinx-theme), Sphinx and the saved widgets write, so readers using a screen reader or
// voice control get names that match what they see. Each repair is small and
// says what it fixes; the browser tests run axe-core with no exception for them
// (tests/test_browser.py lists the one theme control it still allows, and why).
(function () {
  "use strict";
  function repair() {
    // 1. The search field's button reads "Search Ctrl+K" but is named "Search":
    //    voice-control users say what they see. Let its visible text name it.
    document.querySelectorAll(".search-button-field[aria-label]").forEach(function (button) {
      button.removeAttribute("aria-label");
    });
    // 2. The sidebar's expand/collapse toggles hold only an icon: name each one
    //    after the chapter it opens.
    document.querySelectorAll(".bd-sidenav details > summary").forEach(function (summary) {
      var item = summary.closest("li");
      var link = item && item.querySelector(":scope > a");
      var title = link ? link.textContent.replace(/\s+/g, " ").trim() : "this chapter";
      summary.setAttribute("aria-label", "Show or hide the pages of " + title);
    });
    // 3. Sphinx marks the list of references role="list", but its entries are
    //    role="doc-biblioentry", which ARIA no longer accepts inside a list.
    document.querySelectorAll(".citation-list[role='list']").forEach(function (list) {
      list.removeAttribute("role");
    });
  }
  // 4. The explorers' figures are ipywidgets Image widgets, whose view sets no
  //    alt attribute: their alt text comes as the widget's tooltip, the <img>'s
  //    title (its accessible name without alt). Make it the alt text, as every
  //    other figure of the book has, and drop the title (a long tooltip over the
  //    figure). Saved widgets render after the page has loaded, so this watches.
  function altFromTitle() {
    document.querySelectorAll("img.widget-image[title]").forEach(function (img) {
      img.setAttribute("alt", img.getAttribute("title"));
      img.removeAttribute("title");
    });
  }
  function start() {
    repair();
    altFromTitle();
    new MutationObserver(altFromTitle).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
