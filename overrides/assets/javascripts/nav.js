/* The primary navigation, drawn from the language's data (issue 22, app shell).
 *
 * overrides/partials/nav.html gives each page the sidebar's frame, its table of
 * contents and two plain scripts: nav/<lang>.js (window.aci.nav, written once per
 * language by aci_course/core/shell.py) and this one (which finds the page's site
 * path from its own address). Run synchronously where it stands, before Material's bundle, it
 * draws the markup of Material's partials/nav-item.html (our copy) for this page:
 * navigation.sections (top-level sections open), navigation.indexes (a section's
 * index page is its link), navigation.prune (closed sections are one link to their
 * first page), toc.integrate (the page's table of contents inside its item), so that
 * Material's drawer, sections and scroll spy bind to it as to its own. The links
 * are relative to the page, as MkDocs writes them.
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
  var toc = root.querySelector(":scope > .md-nav--secondary");
  var tocToggle = root.querySelector(":scope > #__toc");
  // The drawer's title, when the page left it out: the header's logo and the site name.
  var logo = document.querySelector(".md-header .md-logo");
  if (!root.querySelector(":scope > .md-nav__title") && logo) {
    logo = logo.cloneNode(true);
    logo.className = "md-nav__button md-logo";
    var drawer = el("label", { class: "md-nav__title", for: "__drawer" }, [logo]);
    drawer.appendChild(document.createTextNode(logo.getAttribute("title") || ""));
    root.insertBefore(drawer, root.firstChild);
  }

  // Made whole once (aci_course/core/shell.py writes it short): a page is
  // [title, address], [address] for its section's index, [title, address, 1] for
  // the home page, its address without ".html" and from its section's folder (d).
  function whole(item, base) {
    if (Array.isArray(item)) {
      item = item.length === 1 ? { u: item[0], x: 1 } : { t: item[0], u: item[1], x: item[2] };
      item.u = base + item.u + ".html";
      return item;
    }
    if (!item.c) return item;
    if (item.d) base += item.d;
    item.c = item.c.map(function (child) {
      return whole(child, base);
    });
    return item;
  }
  if (!data.whole) {
    whole(data, "");
    data.whole = true;
  }
  function active(item) {
    item.a = item.c ? item.c.map(active).some(Boolean) : item.u === page;
    return item.a;
  }
  active(data);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }
  function icon() {
    return el("span", { class: "md-nav__icon md-icon" });
  }
  function content(title) {
    var span = el("span", { class: "md-ellipsis" });
    span.textContent = title;
    return span;
  }

  // A closed section: one link to its first page, with the section's title.
  function pruned(item, title) {
    var first = item.c[0];
    if (first.c) return pruned(first, title);
    return el("a", { href: href(first.u), class: "md-nav__link" }, [content(title), icon()]);
  }

  function leaf(item) {
    var link = el("a", { href: href(item.u), class: "md-nav__link" }, [content(item.t)]);
    if (item.u !== page) return el("li", { class: "md-nav__item" }, [link]);
    link.className += " md-nav__link--active";
    link.setAttribute("aria-current", "page");
    var li = el("li", { class: "md-nav__item md-nav__item--active" }, [
      tocToggle || el("input", { class: "md-nav__toggle md-toggle", type: "checkbox", id: "__toc" }),
    ]);
    tocToggle = null;
    if (toc) {
      li.appendChild(
        el("label", { class: "md-nav__link md-nav__link--active", for: "__toc" }, [content(item.t), icon()])
      );
    }
    li.appendChild(link);
    if (toc) li.appendChild(toc);
    return li;
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
  // Not in nav-item: a page outside the navigation shows no table of contents there.
  if (toc && toc.parentNode === root) root.removeChild(toc);
  if (tocToggle) root.removeChild(tocToggle);
})();
