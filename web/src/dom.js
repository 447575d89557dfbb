// Building DOM nodes without innerHTML: every text goes in as a text node, so nothing the server or
// a user sends can become markup.
//
//   h("a", { href: "/x", class: "utrecht-link" }, "tekst", otherNode)
// Attributes: `class`, `for` and others as attributes; `on<event>` as listeners; `null`, `undefined`
// and `false` are left out; `true` sets an empty attribute. Children: nodes, strings, numbers, arrays
// (flattened), and null/undefined/false (skipped).
export function h(tag, attrs = {}, ...children) {
  const el = tag === "svg" || attrs?.xmlns ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "xmlns") continue;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// Announces `text` to screen readers through the page's polite live region.
export function announce(text) {
  const region = document.getElementById("melding");
  if (!region) return;
  region.textContent = "";
  setTimeout(() => (region.textContent = text), 50);
}

// A table with a caption: `columns` are [{ label, value: row => text|node, numeric }].
export function table(caption, columns, rows, { className = "" } = {}) {
  return h(
    "div",
    { class: "sz-table-scroll", tabindex: "0", role: "region", "aria-label": caption },
    h(
      "table",
      { class: `utrecht-table utrecht-table--html-table ${className}` },
      h("caption", { class: "utrecht-table__caption" }, caption),
      h(
        "thead",
        { class: "utrecht-table__header" },
        h(
          "tr",
          { class: "utrecht-table__row" },
          columns.map((c) =>
            h("th", { class: `utrecht-table__header-cell${c.numeric ? " utrecht-table__header-cell--numeric" : ""}`, scope: "col" }, c.label),
          ),
        ),
      ),
      h(
        "tbody",
        { class: "utrecht-table__body" },
        rows.length === 0
          ? h("tr", { class: "utrecht-table__row" }, h("td", { class: "utrecht-table__cell", colspan: columns.length }, "Geen gegevens."))
          : rows.map((row) =>
              h(
                "tr",
                { class: "utrecht-table__row" },
                columns.map((c, i) =>
                  h(
                    i === 0 ? "th" : "td",
                    {
                      class: `utrecht-table__${i === 0 ? "header-" : ""}cell${c.numeric ? " utrecht-table__cell--numeric" : ""}`,
                      scope: i === 0 ? "row" : null,
                    },
                    c.value(row),
                  ),
                ),
              ),
            ),
      ),
    ),
  );
}

// A labelled select: options [{ value, label, group }]; grouped options go into <optgroup>s.
export function select({ id, label, name, options, value, description }) {
  const groups = new Map();
  for (const o of options) {
    const key = o.group ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(o);
  }
  const optionNodes = (list) => list.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label));
  return h(
    "div",
    { class: "utrecht-form-field utrecht-form-field--select" },
    h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id }, label)),
    description ? h("div", { class: "utrecht-form-field-description", id: `${id}-uitleg` }, description) : null,
    h(
      "div",
      { class: "utrecht-form-field__input" },
      h(
        "select",
        { class: "utrecht-select utrecht-select--html-select", id, name: name ?? id, "aria-describedby": description ? `${id}-uitleg` : null },
        [...groups.entries()].map(([group, list]) => (group ? h("optgroup", { label: group }, optionNodes(list)) : optionNodes(list))),
      ),
    ),
  );
}

export function heading(level, text, attrs = {}) {
  return h(`h${level}`, { class: `utrecht-heading-${level}`, ...attrs }, text);
}

export function paragraph(...children) {
  return h("p", { class: "utrecht-paragraph" }, ...children);
}

export function link(href, text, attrs = {}) {
  return h("a", { class: "utrecht-link utrecht-link--html-a", href, ...attrs }, text);
}

export function alertBox(kind, ...children) {
  // kind: "info" | "warning" | "error"
  return h(
    "div",
    { class: `utrecht-alert utrecht-alert--${kind}`, role: kind === "error" ? "alert" : null },
    h("div", { class: "utrecht-alert__content" }, h("div", { class: "utrecht-alert__message" }, ...children)),
  );
}
