// The dashboard's charts: SVG drawn by Observable Plot, each in a <figure> with a caption, a text
// summary (what a screen reader says, and what every reader can read) and the same data as a table
// beside it. Colour never carries meaning alone: series also differ by symbol and are labelled at
// their ends, map areas carry their values as text, suppressed values are hatched and named.
import * as Plot from "@observablehq/plot";
import { h, table } from "./dom.js";
import * as fmt from "./format.js";

// Readies Plot's output for the page. Plot adds <style> elements to its SVG; the server's
// Content-Security-Policy allows only the dashboard's own stylesheet, which carries the same rules
// (styles/app.css), so they are removed before the chart reaches the page. Plot also labels its
// mark groups ("line", "area"); the chart is one image whose label is the caption and the summary,
// so those labels go and the drawing itself is hidden from assistive technology.
export function prepareChart(node) {
  for (const style of node.querySelectorAll("style")) style.remove();
  for (const el of node.querySelectorAll("[aria-label], [aria-description]")) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  node.removeAttribute("aria-label");
  node.removeAttribute("aria-description");
  node.setAttribute("aria-hidden", "true");
  return node;
}

function figure(caption, summary, chart, tableNode) {
  const id = `fig-${Math.random().toString(36).slice(2, 10)}`;
  return h(
    "figure",
    { class: "sz-figure", "aria-labelledby": `${id}-titel` },
    h("figcaption", { id: `${id}-titel`, class: "sz-figure__caption" }, caption),
    h("p", { class: "utrecht-paragraph sz-figure__summary", id: `${id}-samenvatting` }, summary),
    chart ? h("div", { class: "sz-chart", role: "img", "aria-label": `${caption}. ${summary}` }, prepareChart(chart)) : null,
    tableNode ? h("details", { class: "sz-details" }, h("summary", {}, "Tabel met dezelfde gegevens"), tableNode) : null,
  );
}

const symbols = ["circle", "square", "triangle", "diamond", "cross", "star", "wye", "plus"];
const palette = ["#00549e", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#0e7490", "#be123c", "#4d7c0f"];

// A trend over periods, one line per series, with its interval as a band.
// series: [{ name, cells }] (cells of one granularity, sorted by period).
export function trend(caption, series, { unit = "" } = {}) {
  const rows = series.flatMap((s) =>
    s.cells.map((c) => ({
      reeks: s.name,
      periode: c.periode,
      waarde: fmt.valueOf(c),
      onder: typeof c.ondergrens === "number" ? c.ondergrens : null,
      boven: typeof c.bovengrens === "number" ? c.bovengrens : null,
      cell: c,
    })),
  );
  const periods = [...new Set(rows.map((r) => r.periode))].sort();
  // Years are placed on a linear axis, so that the gaps between survey waves show; other periods
  // are consecutive and go on a point axis.
  const yearly = periods.every((p) => /^\d{4}$/.test(p));
  for (const r of rows) r.x = yearly ? Number(r.periode) : r.periode;
  const shown = rows.filter((r) => r.waarde !== null);
  const names = series.map((s) => s.name);
  const summary = series
    .map((s) => {
      const values = s.cells.filter((c) => fmt.valueOf(c) !== null);
      if (values.length === 0) return `${s.name}: geen getoonde waarden.`;
      const first = values[0];
      const last = values.at(-1);
      const hidden = s.cells.filter(fmt.isSuppressed).length;
      return `${s.name}: van ${fmt.withUnit(first)} in ${fmt.period(first.periode)} naar ${fmt.withUnit(last)} in ${fmt.period(last.periode)}${hidden ? ` (${hidden} ${hidden === 1 ? "periode" : "perioden"} niet getoond)` : ""}.`;
    })
    .join(" ");
  const chart =
    shown.length === 0
      ? null
      : Plot.plot({
          width: 720,
          height: 320,
          marginLeft: 56,
          marginRight: 110,
          marginBottom: 44,
          x: yearly
            ? { type: "linear", label: null, tickFormat: (v) => String(v), ticks: thin(periods, 12).map(Number), inset: 12 }
            : { type: "point", domain: periods, label: null, tickFormat: fmt.periodShort, tickRotate: periods.length > 8 ? -35 : 0, ticks: thin(periods, 12) },
          y: { label: unit, grid: true, zero: false, tickFormat: fmt.tick },
          color: { domain: names, range: palette },
          symbol: { domain: names, range: symbols },
          marks: [
            Plot.areaY(
              shown.filter((r) => r.onder !== null),
              { x: "x", y1: "onder", y2: "boven", z: "reeks", fill: "reeks", fillOpacity: 0.14, curve: "linear" },
            ),
            Plot.lineY(shown, { x: "x", y: "waarde", z: "reeks", stroke: "reeks", strokeWidth: 2 }),
            Plot.dot(shown, { x: "x", y: "waarde", stroke: "reeks", symbol: "reeks", fill: "white", r: 3.5, title: (r) => `${r.reeks}, ${fmt.period(r.periode)}: ${fmt.withUnit(r.cell)}` }),
            Plot.text(
              shown,
              Plot.selectLast({ x: "x", y: "waarde", z: "reeks", text: "reeks", textAnchor: "start", dx: 8, fill: "reeks", fontSize: 12, fontWeight: 600 }),
            ),
          ],
        });
  const legend = chart && names.length > 1 ? h("ul", { class: "sz-legend" }, names.map((n, i) => h("li", {}, h("span", { class: `sz-legend__mark sz-legend__mark--${symbols[i % symbols.length]}`, "data-kleur": i % palette.length, "aria-hidden": "true" }), n))) : null;
  const tableNode = table(caption, [
    { label: "Periode", value: (r) => fmt.period(r.periode) },
    { label: "Regio", value: (r) => r.reeks },
    { label: "Waarde", value: (r) => valueWithReason(r.cell), numeric: true },
    { label: "Interval", value: (r) => fmt.interval(r.cell), numeric: true },
    { label: "Teller", value: (r) => fmt.number(r.cell.teller), numeric: true },
    { label: "Noemer", value: (r) => fmt.number(r.cell.noemer), numeric: true },
    { label: "Status", value: (r) => cellStatusText(r.cell) },
  ], rows);
  const fig = figure(caption, summary, chart, tableNode);
  if (legend) fig.querySelector(".sz-chart")?.before(legend);
  return fig;
}

function thin(periods, max) {
  if (periods.length <= max) return periods;
  const step = Math.ceil(periods.length / max);
  return periods.filter((_, i) => i % step === 0 || i === periods.length - 1);
}

// Regions side by side at one period, longest bar first, with the interval as a line and a
// reference (Twente) as a dashed rule. rows: [{ name, cell }].
export function bars(caption, rows, { unit = "", reference = null, highlight = null } = {}) {
  const data = rows.map((r) => ({
    naam: r.name,
    waarde: fmt.valueOf(r.cell),
    onder: typeof r.cell?.ondergrens === "number" ? r.cell.ondergrens : null,
    boven: typeof r.cell?.bovengrens === "number" ? r.cell.bovengrens : null,
    cell: r.cell,
    eigen: r.name === highlight,
  }));
  const shown = data.filter((d) => d.waarde !== null).sort((a, b) => b.waarde - a.waarde);
  const hidden = data.filter((d) => d.waarde === null);
  const order = [...shown, ...hidden].map((d) => d.naam);
  const top = shown[0];
  const bottom = shown.at(-1);
  const summary =
    shown.length === 0
      ? "Geen van de waarden wordt getoond."
      : `${shown.length} van ${data.length} waarden getoond. Hoogste: ${top.naam} (${fmt.withUnit(top.cell)}); laagste: ${bottom.naam} (${fmt.withUnit(bottom.cell)}).` +
        (reference && fmt.valueOf(reference.cell) !== null ? ` ${reference.name}: ${fmt.withUnit(reference.cell)}.` : "") +
        (hidden.length ? ` Niet getoond: ${hidden.map((d) => d.naam).join(", ")}.` : "");
  const chart =
    shown.length === 0
      ? null
      : Plot.plot({
          width: 720,
          height: Math.max(120, 26 * order.length + 50),
          marginLeft: 170,
          marginRight: 80,
          x: { label: unit, grid: true, tickFormat: fmt.tick },
          y: { domain: order, label: null },
          marks: [
            Plot.barX(shown, { y: "naam", x: "waarde", fill: (d) => (d.eigen ? "#c2410c" : "#00549e"), title: (d) => `${d.naam}: ${fmt.withUnit(d.cell)}` }),
            Plot.ruleY(shown.filter((d) => d.onder !== null), { y: "naam", x1: "onder", x2: "boven", stroke: "#1f2937", strokeWidth: 1.5 }),
            Plot.text(shown, { y: "naam", x: "waarde", text: (d) => fmt.value(d.cell), textAnchor: "start", dx: 6, dy: -7, fill: "#1f2937", fontSize: 11 }),
            Plot.text(hidden, { y: "naam", x: 0, text: () => ". niet getoond", textAnchor: "start", dx: 4, fill: "#1f2937", fontSize: 11 }),
            reference && fmt.valueOf(reference.cell) !== null
              ? Plot.ruleX([fmt.valueOf(reference.cell)], { stroke: "#1f2937", strokeDasharray: "5,4", strokeWidth: 1.5 })
              : null,
            Plot.ruleX([0]),
          ],
        });
  const tableNode = table(caption, [
    { label: "Regio", value: (d) => d.naam },
    { label: "Waarde", value: (d) => valueWithReason(d.cell), numeric: true },
    { label: "Interval", value: (d) => fmt.interval(d.cell), numeric: true },
    { label: "Teller", value: (d) => fmt.number(d.cell?.teller), numeric: true },
    { label: "Noemer", value: (d) => fmt.number(d.cell?.noemer), numeric: true },
    { label: "Status", value: (d) => cellStatusText(d.cell) },
  ], [...shown, ...hidden]);
  const note = reference && chart ? ` De gestippelde lijn is ${reference.name}.` : "";
  return figure(caption, summary + note, chart, tableNode);
}

// A map of regions coloured by value in five classes, with the value written in each area.
// features: GeoJSON features with properties.statcode; cells: Map code → cell. A cell whose region
// has no feature is in the table and named in the summary. With `names` false (wijken, many small
// areas) only the value is written in an area; its name is in the tooltip and the table.
export function map(caption, features, cells, { unit = "", regionLabel = "Gemeente", names = true, height = 560 } = {}) {
  const collection = { type: "FeatureCollection", features };
  const valueOfFeature = (f) => fmt.valueOf(cells.get(f.properties.statcode));
  const shown = features.filter((f) => valueOfFeature(f) !== null);
  const hidden = features.filter((f) => valueOfFeature(f) === null);
  const drawn = new Set(features.map((f) => f.properties.statcode));
  const unmapped = [...cells.keys()].filter((code) => !drawn.has(code)).map((code) => ({ type: "Feature", geometry: null, properties: { statcode: code } }));
  const name = (f) => cells.get(f.properties.statcode)?.regio_naam ?? f.properties.statnaam;
  const sorted = [...shown].sort((a, b) => valueOfFeature(b) - valueOfFeature(a));
  const summary =
    (shown.length === 0
      ? `Voor geen van de getekende gebieden wordt een waarde getoond.`
      : `Hoogste waarde: ${name(sorted[0])} (${fmt.withUnit(cells.get(sorted[0].properties.statcode))}); laagste: ${name(sorted.at(-1))} (${fmt.withUnit(cells.get(sorted.at(-1).properties.statcode))}).` +
        (hidden.length ? ` Zonder getoonde waarde: ${hidden.map(name).join(", ")}.` : "")) +
    (unmapped.length ? ` Niet op de kaart (geen grens bekend), wel in de tabel: ${unmapped.map(name).join(", ")}.` : "");
  const label = (f) => (names ? `${name(f)}\n${fmt.value(cells.get(f.properties.statcode))}` : fmt.value(cells.get(f.properties.statcode)));
  const chart = Plot.plot({
    width: 640,
    height,
    projection: { type: "mercator", domain: collection },
    color: { type: "quantile", n: 5, scheme: "blues", legend: true, label: unit, tickFormat: fmt.tick },
    marks: [
      Plot.geo(shown, { fill: valueOfFeature, stroke: "white", strokeWidth: 1.5, title: (f) => `${name(f)}: ${fmt.withUnit(cells.get(f.properties.statcode))}` }),
      Plot.geo(hidden, { fill: "#e5e7eb", stroke: "white", strokeWidth: 1.5, title: (f) => `${name(f)}: niet getoond (${cells.get(f.properties.statcode)?.reden ?? "geen waarde"})` }),
      Plot.text(features, Plot.centroid({ text: label, fill: "#111827", stroke: "white", strokeWidth: 3, fontSize: 11, fontWeight: 600, lineHeight: 1.2 })),
    ],
  });
  const rows = [...sorted, ...hidden, ...unmapped];
  const tableNode = table(caption, [
    { label: regionLabel, value: (f) => name(f) },
    { label: "Waarde", value: (f) => valueWithReason(cells.get(f.properties.statcode)), numeric: true },
    { label: "Interval", value: (f) => fmt.interval(cells.get(f.properties.statcode)), numeric: true },
    { label: "Status", value: (f) => cellStatusText(cells.get(f.properties.statcode)) },
  ], rows);
  return figure(caption, summary, chart, tableNode);
}

// The wijken of one gemeente: a map when the server has their real boundaries (features, from
// data.wijkFeatures), else the ordered bar chart. cells: the wijk cells of one period.
export function wijken(caption, cells, features, { unit = "" } = {}) {
  if (!features?.length) return bars(caption, cells.map((c) => ({ name: c.regio_naam, cell: c })), { unit });
  return map(caption, features, new Map(cells.map((c) => [c.regio, c])), { unit, regionLabel: "Wijk", names: false, height: 480 });
}

// A value for a table: a suppressed one as "." with its reason in a tooltip and in words for screen
// readers (the status column names the reason too).
export function valueWithReason(cell) {
  if (!cell) return "–";
  if (fmt.isSuppressed(cell)) return h("abbr", { class: "sz-suppressed", title: cell.reden ?? "niet getoond" }, ".");
  return fmt.value(cell);
}

export function cellStatusText(cell) {
  if (!cell) return "geen waarde";
  const reason = cell.reden && cell.status !== "gepubliceerd" ? `: ${cell.reden}` : "";
  return `${fmt.cellStatus(cell.status)}${reason}`;
}
