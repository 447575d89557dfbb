// Doelen 2030: per indicator with a target, each gemeente's latest value, its trend per year and the
// expected value in 2030 with its interval, and whether that is on track.
import { ApiError, get } from "../api.js";
import * as Plot from "@observablehq/plot";
import { prepareChart } from "../charts.js";
import * as data from "../data.js";
import { alertBox, h, heading, paragraph, select, table } from "../dom.js";
import * as fmt from "../format.js";

export async function targetsPage(ctx) {
  const regions = (await data.regions(ctx)).filter((r) => r.niveau === "gemeente");
  const gemeente = regions.some((r) => r.code === ctx.query.get("gemeente")) ? ctx.query.get("gemeente") : ctx.role.gemeente ?? "";
  const nodes = [
    heading(1, "Doelen 2030"),
    paragraph(
      "Per indicator met een doel voor 2030: de laatste waarde, de trend per jaar en de verwachte waarde in 2030 met haar onzekerheid. " +
        "Op koers betekent dat de hele marge aan de goede kant van het doel ligt; niet op koers dat ze er helemaal aan de verkeerde kant ligt; anders is het onzeker." +
        (ctx.role.kind === "analist" ? "" : " De verwachting is berekend uit de cijfers die u mag zien, na openbaarmakingscontrole; een niet getoond jaar telt niet mee."),
    ),
  ];
  let list;
  try {
    list = await get("/api/doelen", gemeente ? { gemeente } : {});
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) {
      nodes.push(alertBox("info", paragraph(e.message)));
      return nodes;
    }
    throw e;
  }
  const form = h(
    "form",
    { class: "sz-filters", method: "get", action: "/doelen" },
    select({ id: "gemeente", label: "Gemeente", value: gemeente, options: [{ value: "", label: "alle gemeenten en Twente" }, ...regions.map((r) => ({ value: r.code, label: r.naam }))] }),
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Toon"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const g = form.querySelector("#gemeente").value;
    ctx.navigate(`/doelen${g ? `?gemeente=${g}` : ""}`);
  });
  nodes.push(form);
  const counts = { op_koers: 0, niet_op_koers: 0, onzeker: 0 };
  for (const t of list) counts[t.status] = (counts[t.status] ?? 0) + 1;
  nodes.push(paragraph(`${list.length} doelen: ${counts.op_koers} op koers, ${counts.niet_op_koers} niet op koers, ${counts.onzeker} onzeker.`));
  const byIndicator = new Map();
  for (const t of list) {
    if (!byIndicator.has(t.indicator)) byIndicator.set(t.indicator, []);
    byIndicator.get(t.indicator).push(t);
  }
  for (const [id, rows] of byIndicator) {
    const first = rows[0];
    nodes.push(
      h(
        "section",
        { class: "sz-indicator", "aria-labelledby": `doel-${id}` },
        heading(2, first.titel, { id: `doel-${id}` }),
        paragraph(`Doel 2030: ${fmt.number(first.doel)}${first.doel_is_voorbeeld ? " (een voorbeelddoel: nog niet vastgesteld)" : ""}. Basisjaar ${first.basisjaar}.`),
        projection(first.titel, rows),
        table(`${first.titel}: doel 2030 per regio`, [
          { label: "Regio", value: (t) => t.regio_naam },
          { label: `Laatste waarde`, value: (t) => `${fmt.number(t.laatste_waarde)} (${t.laatste_jaar})`, numeric: true },
          { label: "Trend per jaar", value: (t) => fmt.number(t.trend_per_jaar, 2), numeric: true },
          { label: "Verwacht 2030", value: (t) => fmt.number(t.verwacht_2030), numeric: true },
          { label: "Marge 2030", value: (t) => `${fmt.number(t.ondergrens_2030)} – ${fmt.number(t.bovengrens_2030)}`, numeric: true },
          { label: "Doel", value: (t) => fmt.number(t.doel), numeric: true },
          { label: "Status", value: (t) => h("span", { class: `sz-target sz-target--${t.status}` }, fmt.targetStatus(t.status)) },
        ], rows),
      ),
    );
  }
  return nodes;
}

// The expected 2030 values with their margins against the target, one row per region; the status is
// written beside each row, so colour is not needed to read it.
function projection(title, rows) {
  const shown = rows.filter((t) => typeof t.verwacht_2030 === "number");
  if (shown.length === 0) return null;
  const chart = Plot.plot({
    width: 720,
    height: Math.max(120, 26 * shown.length + 50),
    marginLeft: 170,
    marginRight: 120,
    x: { label: "verwacht in 2030", grid: true, tickFormat: (v) => fmt.number(v) },
    y: { domain: shown.map((t) => t.regio_naam), label: null },
    marks: [
      Plot.ruleY(shown, { y: "regio_naam", x1: "ondergrens_2030", x2: "bovengrens_2030", stroke: "#6b7280", strokeWidth: 2 }),
      Plot.dot(shown, { y: "regio_naam", x: "verwacht_2030", fill: "#00549e", r: 4 }),
      Plot.ruleX([shown[0].doel], { stroke: "#c2410c", strokeDasharray: "5,4", strokeWidth: 2 }),
      Plot.text(shown, { y: "regio_naam", frameAnchor: "right", text: (t) => fmt.targetStatus(t.status), textAnchor: "start", dx: 10, fill: "#111827", fontSize: 11 }),
    ],
  });
  prepareChart(chart);
  const summary = `Verwachte waarde in 2030 met marge per regio; de gestippelde lijn is het doel (${fmt.number(shown[0].doel)}).`;
  return h("figure", { class: "sz-figure" }, h("figcaption", { class: "sz-figure__caption" }, `${title}: verwacht in 2030`), h("p", { class: "utrecht-paragraph sz-figure__summary" }, summary), h("div", { class: "sz-chart", role: "img", "aria-label": summary }, chart));
}
