// Mention suggestions: in a text box with data-mentions, typing @ and two letters offers the
// colleagues who can see what is being written (the server decides who). Choosing one inserts
// @[Name](person:id). Without JavaScript people type names as plain text; nothing breaks.
(function () {
  "use strict";
  var box = null, field = null, start = -1, active = -1, timer = null;

  function close() {
    if (box) { box.remove(); box = null; }
    if (field) { field.removeAttribute("aria-activedescendant"); }
    active = -1;
  }

  function wordBeforeCaret(el) {
    var upto = el.value.slice(0, el.selectionStart);
    var match = upto.match(/(^|\s)@([^\s@\[\]()]{2,30})$/);
    return match ? { word: match[2], at: upto.length - match[2].length - 1 } : null;
  }

  function choose(option) {
    var token = option.getAttribute("data-token");
    if (!token || !field) { return; }
    var before = field.value.slice(0, start) + token + " ";
    field.value = before + field.value.slice(field.selectionStart);
    field.setSelectionRange(before.length, before.length);
    field.focus();
    close();
  }

  function show(el, html) {
    close();
    field = el;
    var holder = document.createElement("div");
    holder.innerHTML = html; // rendered and escaped by Django
    box = holder.firstElementChild;
    if (!box) { return; }
    box.id = "mention-list";
    el.insertAdjacentElement("afterend", box);
    el.setAttribute("aria-controls", "mention-list");
    box.querySelectorAll("[role=option]").forEach(function (option, i) {
      option.id = "mention-option-" + i;
      option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(option); });
    });
  }

  document.addEventListener("input", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLTextAreaElement) || !el.dataset.mentions) { return; }
    var found = wordBeforeCaret(el);
    clearTimeout(timer);
    if (!found) { close(); return; }
    timer = setTimeout(function () {
      start = found.at;
      fetch(el.dataset.mentions + "?q=" + encodeURIComponent(found.word), {
        credentials: "same-origin", headers: { "HX-Request": "true" }
      }).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
        if (html) { show(el, html); }
      });
    }, 200);
  });

  document.addEventListener("keydown", function (event) {
    if (!box || event.target !== field) { return; }
    var options = Array.prototype.slice.call(box.querySelectorAll("[role=option][data-token]"));
    if (!options.length) { if (event.key === "Escape") { close(); } return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      options.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === active)); });
      field.setAttribute("aria-activedescendant", options[active].id);
    } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });

  document.addEventListener("focusout", function (event) {
    if (event.target === field) { setTimeout(close, 150); }
  });
})();
