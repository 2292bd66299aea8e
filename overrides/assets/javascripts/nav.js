/* The page's chrome, drawn from the language's data (issue 22, app shell).
 *
 * The build writes each language's navigation once, as data: nav/<lang>.js
 * (window.aci.nav, aci_course/core/shell.py), with the header and Material's
 * configuration of the language's home page. This script finds the page's site path
 * from its own address and runs synchronously where it stands, before Material's
 * bundle binds to what it drew, in three places:
 *
 * - data-aci-header (overrides/partials/header.html): the header, as the home page
 *   has it, with this page's links and title;
 * - in the sidebar (overrides/partials/nav.html): Material's markup of
 *   partials/nav-item.html (our copy) for this page: navigation.sections (top-level
 *   sections open), navigation.indexes (a section's index page is its link),
 *   navigation.prune (closed sections are one link to their first page);
 * - data-aci-page, after the article (overrides/main.html, block scripts): the table
 *   of contents from the page's headings inside its item (toc.integrate; only where
 *   Markdown's toc extension gave the page one: data-aci-toc, its title), the
 *   footer's links to the previous and next page in the navigation's order
 *   (navigation.footer; the footer carries Material's texts) and, on a page drawn by
 *   the shell, Material's configuration (#__config) with the page's addresses.
 *
 * The links are relative to the page, as MkDocs writes them.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var data = window.aci && window.aci.nav;
  if (!me || !data) return;
  // The page's site path: its address below the folder that holds assets/.
  var site = me.src.replace(/assets\/javascripts\/nav\.js([?#].*)?$/, "");
  var page = location.href.replace(/[?#].*$/, "");
  if (page.indexOf(site) !== 0) return;
  page = decodeURI(page.slice(site.length)).replace(/(^|\/)$/, "$1index.html");
  var here = page.split("/").slice(0, -1);
  var absolute = /^([a-z][a-z0-9+.-]*:|\/|#)/i;

  function href(url) {
    if (absolute.test(url)) return url;
    var to = url.split("/");
    var same = 0;
    while (same < here.length && same < to.length - 1 && here[same] === to[same]) same++;
    var up = "";
    for (var i = same; i < here.length; i++) up += "../";
    return up + to.slice(same).join("/") || "./";
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function icon() {
    return el("span", { class: "md-nav__icon md-icon" });
  }
  function content(title) {
    return el("span", { class: "md-ellipsis" }, [title]);
  }

  // Made whole once (aci_course/core/shell.py writes it short): a page is
  // [title, address], [address] for its section's index titled as the section,
  // [title, address, 1] for another index page (the home page), its address without
  // ".html" and from its section's folder (d).
  function whole(item, base, section) {
    if (Array.isArray(item)) {
      item = item.length === 1 ? { t: section, u: item[0], x: 1 } : { t: item[0], u: item[1], x: item[2] };
      item.u = base + item.u + ".html";
      item.p = 1;
      return item;
    }
    if (!item.c) return item;
    if (item.d) base += item.d;
    item.c = item.c.map(function (child) {
      return whole(child, base, item.t);
    });
    return item;
  }
  if (!data.whole) {
    whole(data, "", "");
    data.whole = true;
  }

  if (me.hasAttribute("data-aci-page")) {
    pageEnd();
    return;
  }

  // The header, as Material rendered it on the language's home page (data.home):
  // its links made relative to this page, the selector's to this page in each
  // language, this page's title. Material's palette script follows in the page.
  if (me.hasAttribute("data-aci-header")) {
    if (!data.header) return;
    var shell = document.createElement("template");
    shell.innerHTML = data.header;
    var header = shell.content;
    var from = "https://shell.invalid/" + data.home;
    var resolve = function (url) {
      return decodeURI(new URL(url, from).pathname.slice(1));
    };
    var own = resolve(".");
    Array.prototype.forEach.call(header.querySelectorAll("script"), function (script) {
      script.parentNode.removeChild(script);
    });
    ["href", "src"].forEach(function (name) {
      Array.prototype.forEach.call(header.querySelectorAll("[" + name + "]"), function (node) {
        var url = node.getAttribute(name);
        if (absolute.test(url)) return;
        var path = resolve(url);
        if (node.matches(".md-select__link")) {
          path = path.replace(/[^/]*$/, "") + page.slice(own.length);
        }
        node.setAttribute(name, href(path));
      });
    });
    // The page's title as Material writes it: <title> is "title - site name".
    var topic = header.querySelector('[data-md-component="header-topic"] .md-ellipsis');
    var name = " - " + (header.querySelector(".md-logo") || me).getAttribute("title");
    var title = document.title;
    if (title.slice(-name.length) === name) title = title.slice(0, -name.length);
    if (topic) topic.textContent = title;
    me.parentNode.insertBefore(header, me);
    return;
  }

  var root = me.parentNode;
  var list = root.querySelector(":scope > .md-nav__list");
  if (!list) return;
  // The drawer's title, when the page left it out: the header's logo and the site name.
  var logo = document.querySelector(".md-header .md-logo");
  if (!root.querySelector(":scope > .md-nav__title") && logo) {
    logo = logo.cloneNode(true);
    logo.className = "md-nav__button md-logo";
    var drawer = el("label", { class: "md-nav__title", for: "__drawer" }, [logo]);
    drawer.appendChild(document.createTextNode(logo.getAttribute("title") || ""));
    root.insertBefore(drawer, root.firstChild);
  }

  function active(item) {
    item.a = item.c ? item.c.map(active).some(Boolean) : item.u === page;
    return item.a;
  }
  active(data);

  // A closed section: one link to its first page, with the section's title.
  function pruned(item, title) {
    var first = item.c[0];
    if (first.c) return pruned(first, title);
    return el("a", { href: href(first.u), class: "md-nav__link" }, [content(title), icon()]);
  }

  // The page's own item holds the toggle of its table of contents, which the
  // data-aci-page run draws after the article.
  function leaf(item) {
    var link = el("a", { href: href(item.u), class: "md-nav__link" }, [content(item.t)]);
    if (item.u !== page) return el("li", { class: "md-nav__item" }, [link]);
    link.className += " md-nav__link--active";
    link.setAttribute("aria-current", "page");
    return el("li", { class: "md-nav__item md-nav__item--active" }, [
      el("input", { class: "md-nav__toggle md-toggle", type: "checkbox", id: "__toc" }),
      link,
    ]);
  }

  function render(item, path, level) {
    if (!item.c) return leaf(item);
    var open = item.a;
    var section = level === 1;
    if (!section && !open) return el("li", { class: "md-nav__item" }, [pruned(item, item.t)]);
    var index = null;
    item.c.forEach(function (child) {
      if (child.x && !index) index = child;
    });
    var tabindex = section ? null : "0";
    var li = el("li", {
      class:
        "md-nav__item" +
        (open ? " md-nav__item--active" : "") +
        (section ? " md-nav__item--section" : "") +
        " md-nav__item--nested",
    });
    var toggle = el("input", { class: "md-nav__toggle md-toggle", type: "checkbox", id: path });
    if (open) toggle.setAttribute("checked", "");
    li.appendChild(toggle);
    if (!index) {
      li.appendChild(
        el("label", { class: "md-nav__link", for: path, id: path + "_label", tabindex: tabindex }, [
          content(item.t),
          icon(),
        ])
      );
    } else {
      var current = index.u === page;
      var mark = current ? " md-nav__link--active" : "";
      var link = el("a", { href: href(index.u), class: "md-nav__link" + mark }, [content(item.t)]);
      if (current) link.setAttribute("aria-current", "page");
      var box = el("div", { class: "md-nav__link md-nav__container" }, [link]);
      if (item.c.length > 1) {
        box.appendChild(
          el("label", { class: "md-nav__link" + mark, for: path, id: path + "_label", tabindex: tabindex }, [icon()])
        );
      }
      li.appendChild(box);
    }
    var title = el("label", { class: "md-nav__title", for: path }, [icon()]);
    title.appendChild(document.createTextNode(item.t));
    var ul = el("ul", { class: "md-nav__list", "data-md-scrollfix": "" });
    item.c.forEach(function (child, i) {
      if (child !== index) ul.appendChild(render(child, path + "_" + (i + 1), level + 1));
    });
    li.appendChild(
      el(
        "nav",
        { class: "md-nav", "data-md-level": String(level), "aria-labelledby": path + "_label", "aria-expanded": String(open) },
        [title, ul]
      )
    );
    return li;
  }

  var items = document.createDocumentFragment();
  data.c.forEach(function (item, i) {
    items.appendChild(render(item, "__nav_" + (i + 1), 1));
  });
  list.textContent = "";
  list.appendChild(items);

  // --- after the article (data-aci-page) ---------------------------------------

  function pageEnd() {
    if (data.config && !document.getElementById("__config")) config();
    var footer = document.querySelector("footer.md-footer[data-aci-footer]");
    if (footer && !footer.querySelector(".md-footer__inner")) neighbours(footer);
    var toggle = document.getElementById("__toc");
    var title = me.getAttribute("data-aci-toc");
    if (title && toggle && toggle.parentNode.matches(".md-nav--primary .md-nav__item--active")) {
      contents(toggle.parentNode, title);
    }
  }

  // Material's configuration: its addresses (site paths in the data) from this page.
  function config() {
    var values = JSON.parse(JSON.stringify(data.config));
    ["base", "search"].forEach(function (name) {
      if (typeof values[name] === "string") values[name] = href(values[name]);
    });
    var script = el("script", { id: "__config", type: "application/json" }, [JSON.stringify(values)]);
    me.parentNode.insertBefore(script, me);
  }

  // The previous and next page in the navigation's order, as MkDocs links them.
  function neighbours(footer) {
    var pages = [];
    (function walk(item) {
      if (item.p) pages.push(item);
      (item.c || []).forEach(walk);
    })(data);
    var at = -1;
    pages.forEach(function (item, i) {
      if (item.u === page) at = i;
    });
    if (at < 0) return;
    var before = pages[at - 1];
    var after = pages[at + 1];
    if (!before && !after) return;
    function svg(name) {
      var node = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      // The footer icons of Material's default theme (overrides/.icons, aci_course/core/icons.py).
      node.setAttribute("class", "aci-icon aci-icon--material-arrow-" + name);
      return el("div", { class: "md-footer__button md-icon" }, [node]);
    }
    function link(item, kind) {
      var direction = footer.getAttribute("data-aci-" + (kind === "prev" ? "previous" : "next"));
      // Blanks around the texts, as Material's template has them: the visible text
      // then reads "Next Title", as the link's label "Next: Title" says.
      var title = el("div", { class: "md-footer__title" }, [
        el("span", { class: "md-footer__direction" }, [" " + direction + " "]),
        el("div", { class: "md-ellipsis" }, [" " + item.t + " "]),
      ]);
      var parts = kind === "prev" ? [svg("left"), title] : [title, svg("right")];
      return el(
        "a",
        {
          href: href(item.u),
          class: kind === "prev" ? "md-footer__link md-footer__link--prev" : "md-footer__link md-footer__link--next",
          "aria-label": direction + ": " + item.t,
        },
        parts
      );
    }
    var nav = el("nav", { class: "md-footer__inner md-grid", "aria-label": footer.getAttribute("data-aci-footer") }, [
      before && link(before, "prev"),
      after && link(after, "next"),
    ]);
    footer.insertBefore(nav, footer.firstChild);
  }

  // The table of contents of Material's partials/toc.html and toc-item.html, from the
  // article's headings as Markdown's toc extension lists them: each heading with an
  // id, the page's title (its first h1) left out, not the plain-language version's
  // own headings nor any inside a form.
  function contents(item, title) {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var headings = Array.prototype.filter.call(
      article.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"),
      function (heading) {
        return !heading.closest("[data-plain], form");
      }
    );
    if (headings.length && headings[0].tagName === "H1") {
      headings = headings.slice(1);
      var next = headings.map(function (h) { return h.tagName; }).indexOf("H1");
      if (next >= 0) headings = headings.slice(0, next);
    }
    if (!headings.length) return;
    var top = { level: 0, children: [] };
    var stack = [top];
    headings.forEach(function (heading) {
      var level = Number(heading.tagName.slice(1));
      while (stack.length > 1 && stack[stack.length - 1].level >= level) stack.pop();
      var entry = { level: level, heading: heading, children: [] };
      stack[stack.length - 1].children.push(entry);
      stack.push(entry);
    });
    function text(heading) {
      var copy = heading.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) {
        link.parentNode.removeChild(link);
      });
      return copy.textContent.trim();
    }
    function entries(list) {
      return list.map(function (entry) {
        var name = text(entry.heading);
        var li = el("li", { class: "md-nav__item" }, [
          el("a", { href: "#" + entry.heading.id, class: "md-nav__link" }, [content(name)]),
        ]);
        if (entry.children.length) {
          li.appendChild(
            el("nav", { class: "md-nav", "aria-label": name }, [
              el("ul", { class: "md-nav__list" }, entries(entry.children)),
            ])
          );
        }
        return li;
      });
    }
    var link = item.querySelector(":scope > .md-nav__link--active");
    var label = el("label", { class: "md-nav__link md-nav__link--active", for: "__toc" }, [
      content(link ? link.textContent : title),
      icon(),
    ]);
    item.insertBefore(label, link);
    var toc = el("nav", { class: "md-nav md-nav--secondary", "aria-label": title }, [
      el("label", { class: "md-nav__title", for: "__toc" }, [icon(), title]),
      el("ul", { class: "md-nav__list", "data-md-component": "toc", "data-md-scrollfix": "" }, entries(top.children)),
    ]);
    item.appendChild(toc);
  }
})();
