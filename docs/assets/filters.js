/* Narrow a page's entries by country and by tag, in the page. The choice is kept in the URL
   (?country=KZ,UZ&tag=portal), so it can be shared and survives going back. The page lists
   every entry without this script; it only hides what does not match. */
(function () {
  "use strict";

  var GROUPS = [
    { name: "country", legend: "Countries", attribute: "countries" },
    { name: "tag", legend: "Tags", attribute: "tags" },
  ];

  function parseQuery(search) {
    var params = new URLSearchParams(search);
    var choice = {};
    GROUPS.forEach(function (group) {
      choice[group.name] = (params.get(group.name) || "").split(",").filter(Boolean);
    });
    return choice;
  }

  // The query with the choice in it; other parameters (Material's ?h= highlight) stay as they are.
  // Commas stay literal: `?country=KZ,UZ` is the format the site's own links use.
  function withChoice(search, choice) {
    var params = new URLSearchParams(search);
    var parts = [];
    GROUPS.forEach(function (group) {
      params.delete(group.name);
      if (choice[group.name].length) {
        parts.push(group.name + "=" + choice[group.name].map(encodeURIComponent).join(","));
      }
    });
    if (params.toString()) parts.unshift(params.toString());
    return parts.length ? "?" + parts.join("&") : "";
  }

  function checkboxGroup(group, options, selected) {
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = group.legend;
    fieldset.appendChild(legend);
    // A value asked for in the URL but absent from this page still gets a box, so it can be unticked.
    selected.forEach(function (value) {
      if (!options.some(function (option) { return option[0] === value; })) options.push([value, value]);
    });
    options.forEach(function (option) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = group.name;
      box.value = option[0];
      box.checked = selected.indexOf(option[0]) !== -1;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + option[1]));
      fieldset.appendChild(label);
    });
    return fieldset;
  }

  // A year heading with what follows it up to the next heading: its list and its "more" link.
  function yearSections(article) {
    return Array.prototype.map.call(article.querySelectorAll("h2"), function (heading) {
      var parts = [];
      for (var node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
        parts.push(node);
      }
      return { heading: heading, parts: parts };
    }).filter(function (section) {
      return section.parts.some(function (part) { return part.matches("ol.oss-entries, p.oss-more"); });
    });
  }

  function matches(entry, choice) {
    return GROUPS.every(function (group) {
      var wanted = choice[group.name];
      var values = (entry.getAttribute("data-" + group.attribute) || "").split(" ");
      return !wanted.length || wanted.some(function (value) { return values.indexOf(value) !== -1; });
    });
  }

  function setUp(panel) {
    var article = panel.closest("article") || document.body;
    var entries = article.querySelectorAll("li.oss-entry");
    var sections = yearSections(article);
    var links = article.querySelectorAll(".oss-more a, .oss-pager a");
    Array.prototype.forEach.call(links, function (link) {
      link.setAttribute("data-base-href", link.getAttribute("href"));
    });

    var choice = parseQuery(window.location.search);
    var form = document.createElement("form");
    form.className = "oss-filter__form";
    form.setAttribute("aria-label", "Filter the entries");
    GROUPS.forEach(function (group) {
      var options = JSON.parse(panel.getAttribute("data-" + group.attribute) || "[]").map(function (option) {
        return Array.isArray(option) ? option : [option, option];
      });
      if (options.length || choice[group.name].length) form.appendChild(checkboxGroup(group, options, choice[group.name]));
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button";
    clear.textContent = "Show all entries";
    form.appendChild(clear);
    // Folded by default so the entries stay near the top; open when the URL already narrows.
    var box = document.createElement("details");
    var summary = document.createElement("summary");
    summary.textContent = "Filter by country or tag";
    box.appendChild(summary);
    box.appendChild(form);
    box.open = GROUPS.some(function (group) { return choice[group.name].length; });
    var status = document.createElement("p");
    status.className = "oss-filter__status";
    status.setAttribute("role", "status");
    panel.appendChild(box);
    panel.appendChild(status);

    function apply() {
      GROUPS.forEach(function (group) {
        var boxes = form.querySelectorAll('input[name="' + group.name + '"]:checked');
        choice[group.name] = Array.prototype.map.call(boxes, function (box) { return box.value; });
      });
      var shown = 0;
      Array.prototype.forEach.call(entries, function (entry) {
        entry.hidden = !matches(entry, choice);
        if (!entry.hidden) shown += 1;
      });
      sections.forEach(function (section) {
        var empty = !section.parts.some(function (part) {
          return part.matches("p.oss-more") || part.querySelector("li.oss-entry:not([hidden])");
        });
        section.heading.hidden = empty;
        section.parts.forEach(function (part) { part.hidden = empty; });
        var tocLink = document.querySelector('.md-nav--secondary a[href="#' + CSS.escape(section.heading.id) + '"]');
        if (tocLink) tocLink.parentElement.hidden = empty;
      });
      Array.prototype.forEach.call(links, function (link) {
        // A link that already narrows (a country page's year links) keeps that unless overridden.
        var base = link.getAttribute("data-base-href").split("?");
        var kept = parseQuery(base[1] || "");
        GROUPS.forEach(function (group) {
          if (choice[group.name].length) kept[group.name] = choice[group.name];
        });
        link.setAttribute("href", base[0] + withChoice(base[1] || "", kept));
      });
      status.textContent = shown + " of " + entries.length + " entries shown";
      history.replaceState(history.state, "", window.location.pathname + withChoice(window.location.search, choice) + window.location.hash);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(form.querySelectorAll("input"), function (box) { box.checked = false; });
      apply();
    });
    panel.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".oss-filter:not([data-ready])"), function (panel) {
      panel.setAttribute("data-ready", "");
      setUp(panel);
    });
  }

  // Material's instant navigation swaps pages without a load event; document$ tells of each one.
  if (window.document$) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
