// Accessibility repairs for markup the book's theme (sphinx-book-theme on
// pydata-sphinx-theme) and Sphinx write, so readers using a screen reader or
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
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", repair);
  } else {
    repair();
  }
})();
