// Overzicht Twente: a map of the 14 municipalities coloured by a chosen indicator and period, with a
// legend, the values written in the map and the same data as a table. Also the public view
// (ctx.publiek): the same page over the cells published to `publiek`.
import { map } from "../charts.js";
import { breakdowns, latestPeriod, periods, trendGranularity } from "../cells.js";
import * as data from "../data.js";
import { alertBox, h, heading, link, paragraph, select } from "../dom.js";
import * as fmt from "../format.js";

export async function overviewPage(ctx) {
  const list = (await data.indicators(ctx)).filter((i) => data.hasLevel(i, "gemeente"));
  const title = ctx.publiek ? "Openbare cijfers voor Twente" : "Overzicht Twente";
  if (list.length === 0) return [heading(1, title), paragraph("Er zijn nog geen indicatoren.")];
  const chosen = list.find((i) => i.id === ctx.query.get("indicator")) ?? list.find((i) => i.soort === "verhouding") ?? list[0];
  const cells = await data.values(ctx, { indicator: chosen.id, niveau: "gemeente", uitsplitsing: "totaal" });
  const twente = await data.values(ctx, { indicator: chosen.id, niveau: "twente", uitsplitsing: "totaal" });
  const granularity = trendGranularity(cells);
  const options = periods(cells).reverse();
  const period = options.includes(ctx.query.get("periode")) ? ctx.query.get("periode") : latestPeriod(cells, granularity);
  const base = ctx.publiek ? "/publiek" : "/overzicht";

  const form = h(
    "form",
    { class: "sz-filters", method: "get", action: base },
    select({
      id: "indicator",
      label: "Indicator",
      value: chosen.id,
      options: list.map((i) => ({ value: i.id, label: i.titel, group: fmt.theme(i.thema) })),
    }),
    select({
      id: "periode",
      label: "Periode",
      value: period,
      options: options.map((p) => ({ value: p, label: fmt.period(p) })),
      description: "Na het wisselen van indicator kiest de pagina de laatste periode met cijfers.",
    }),
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Toon"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = form.querySelector("#indicator").value;
    const p = id === chosen.id ? form.querySelector("#periode").value : "";
    ctx.navigate(`${base}?indicator=${encodeURIComponent(id)}${p ? `&periode=${encodeURIComponent(p)}` : ""}`);
  });

  const atPeriod = new Map(cells.filter((c) => c.periode === period).map((c) => [c.regio, c]));
  const twenteCell = twente.find((c) => c.periode === period);
  const detail = ctx.publiek ? `/publiek/indicator/${chosen.id}` : `/indicator/${chosen.id}`;
  const nodes = [
    heading(1, title),
    ctx.publiek
      ? paragraph("Deze cijfers zijn openbaar: ze zijn na openbaarmakingscontrole gepubliceerd voor iedereen. Kleine aantallen worden niet getoond (\".\").")
      : null,
    form,
    heading(2, `${chosen.titel}, ${fmt.period(period ?? "")}`),
    paragraph(chosen.definitie),
    twenteCell ? paragraph(`Twente als geheel: ${fmt.withUnit(twenteCell)}${twenteCell.ondergrens !== null && typeof twenteCell.ondergrens === "number" ? ` (interval ${fmt.interval(twenteCell)})` : ""}.`) : null,
    cells.length === 0
      ? alertBox("info", paragraph("Voor deze indicator zijn (nog) geen cijfers per gemeente."))
      : map(`${chosen.titel} per gemeente, ${fmt.period(period)}`, data.municipalityFeatures(), atPeriod, { unit: chosen.eenheid }),
    paragraph(link(detail, `Meer over ${chosen.titel}: verloop, definitie en download`)),
  ];
  if (breakdowns(cells).length === 0 && cells.length === 0) nodes.push(paragraph("Deze indicator heeft geen totaal per gemeente; zie de indicatorpagina."));
  return nodes;
}
