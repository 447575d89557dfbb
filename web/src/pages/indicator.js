// Indicatorpagina: definition, source, date, numerator and denominator; the trend of a gemeente
// against Twente and chosen others, with intervals and a table; the municipalities compared at the
// latest period; the wijken where the role may see them; CSV and XLSX downloads. On the public pages
// (ctx.publiek) the cells are those published to `publiek` and the download is made from them.
import { bars, trend, wijken } from "../charts.js";
import { breakdowns, cellsCsv, latestPeriod, ofGranularity, trendGranularity } from "../cells.js";
import { url } from "../api.js";
import * as data from "../data.js";
import { alertBox, h, heading, link, paragraph, select } from "../dom.js";
import * as fmt from "../format.js";
import { mayTryWijken } from "../session.js";

export async function indicatorPage(ctx, id) {
  const ind = await data.indicator(ctx, id);
  if (!ind) return [heading(1, "Onbekende indicator"), paragraph(`Er is geen indicator ${id}.`)];
  const all = await data.values(ctx, { indicator: id, niveau: "gemeente" });
  const twenteAll = await data.values(ctx, { indicator: id, niveau: "twente" });
  const names = new Map(all.map((c) => [c.regio, c.regio_naam]));
  const municipalities = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], "nl"));
  const choices = breakdowns([...twenteAll, ...all]);
  const split = choices.includes(ctx.query.get("uitsplitsing")) ? ctx.query.get("uitsplitsing") : choices[0] ?? "totaal";
  const wanted = ctx.query.get("gemeente");
  const code = names.has(wanted) ? wanted : names.has(ctx.role.gemeente) ? ctx.role.gemeente : municipalities[0]?.[0] ?? null;
  const compare = (ctx.query.getAll("vergelijk") ?? []).filter((c) => names.has(c) && c !== code).slice(0, 5);
  const cells = all.filter((c) => c.uitsplitsing === split);
  const twente = twenteAll.filter((c) => c.uitsplitsing === split);
  const g = trendGranularity(cells.length ? cells : twente);
  const base = ctx.publiek ? `/publiek/indicator/${id}` : `/indicator/${id}`;

  const form = h(
    "form",
    { class: "sz-filters", method: "get", action: base },
    municipalities.length
      ? select({ id: "gemeente", label: "Gemeente", value: code, options: municipalities.map(([c, n]) => ({ value: c, label: n })) })
      : null,
    choices.length > 1 ? select({ id: "uitsplitsing", label: "Uitsplitsing", value: split, options: choices.map((u) => ({ value: u, label: fmt.breakdown(u) })) }) : null,
    municipalities.length > 1
      ? h(
          "fieldset",
          { class: "utrecht-form-fieldset sz-compare" },
          h("legend", { class: "utrecht-form-fieldset__legend" }, "Vergelijk met (hoogstens 5)"),
          municipalities
            .filter(([c]) => c !== code)
            .map(([c, n]) =>
              h("div", { class: "sz-check" }, h("input", { type: "checkbox", id: `vergelijk-${c}`, name: "vergelijk", value: c, checked: compare.includes(c) }), h("label", { for: `vergelijk-${c}` }, n)),
            ),
        )
      : null,
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Toon"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const m = form.querySelector("#gemeente")?.value;
    if (m) params.set("gemeente", m);
    const u = form.querySelector("#uitsplitsing")?.value;
    if (u && u !== "totaal") params.set("uitsplitsing", u);
    const checked = [...form.querySelectorAll("input[name=vergelijk]:checked")].map((i) => i.value);
    if (checked.length > 5) {
      form.querySelector(".sz-compare").after(alertBox("error", paragraph("Kies hoogstens 5 gemeenten om mee te vergelijken.")));
      return;
    }
    for (const c of checked) params.append("vergelijk", c);
    ctx.navigate(`${base}${params.size ? `?${params}` : ""}`);
  });

  const computed = [...cells, ...twente].map((c) => c.berekend_op).filter(Boolean).sort().at(-1);
  const facts = h(
    "dl",
    { class: "sz-facts" },
    fact("Definitie", ind.definitie),
    fact("Thema", fmt.theme(ind.thema)),
    fact("Eenheid", ind.eenheid),
    fact("Richting", fmt.direction(ind.richting)),
    fact("Bronnen", (ind.bronnen ?? []).map((b) => b.replace(/_/g, " ")).join(", ")),
    fact("Niveaus", (ind.niveaus ?? []).join(", ")),
    fact("Uitsplitsingen", (ind.uitsplitsingen ?? []).map((u) => u.replace(/_/g, " ")).join(", ") || "geen"),
    fact("Doel 2030", ind.doel_2030 === null || ind.doel_2030 === undefined ? "geen" : `${fmt.number(ind.doel_2030)}${ind.eenheid === "%" ? "%" : ` ${ind.eenheid}`}`),
    fact("Berekend op", fmt.dateTime(computed)),
  );

  const nodes = [heading(1, ind.titel), facts, form];
  const name = names.get(code);
  const trendSeries = [];
  if (code) trendSeries.push({ name, cells: ofGranularity(cells.filter((c) => c.regio === code), g) });
  for (const c of compare) trendSeries.push({ name: names.get(c), cells: ofGranularity(cells.filter((x) => x.regio === c), g) });
  if (twente.length) trendSeries.push({ name: "Twente", cells: ofGranularity(twente, g) });
  nodes.push(heading(2, `Verloop${split !== "totaal" ? ` (${fmt.breakdown(split)})` : ""}`));
  nodes.push(
    trendSeries.some((s) => s.cells.length)
      ? trend(`${ind.titel}: ${trendSeries.map((s) => s.name).join(", ")}`, trendSeries, { unit: ind.eenheid })
      : paragraph("Geen cijfers voor deze keuze."),
  );

  if (cells.length) {
    const period = latestPeriod(cells, g);
    const atPeriod = cells.filter((c) => c.periode === period);
    const twenteCell = twente.find((c) => c.periode === period);
    nodes.push(
      heading(2, `Gemeenten vergeleken, ${fmt.period(period)}`),
      bars(`${ind.titel} per gemeente, ${fmt.period(period)}`, atPeriod.map((c) => ({ name: c.regio_naam, cell: c })), {
        unit: ind.eenheid,
        reference: twenteCell ? { name: "Twente", cell: twenteCell } : null,
        highlight: name,
      }),
    );
    if (!ctx.publiek && code && mayTryWijken(ctx.role, code) && data.hasLevel(ind, "wijk")) {
      nodes.push(heading(2, `Wijken van ${name}, ${fmt.period(period)}`));
      try {
        const [cells, features] = await Promise.all([
          data.values(ctx, { indicator: id, niveau: "wijk", gemeente: code, periode: period, uitsplitsing: split }),
          data.wijkFeatures(ctx, code),
        ]);
        nodes.push(
          cells.length
            ? wijken(`${ind.titel} per wijk van ${name}, ${fmt.period(period)}`, cells, features, { unit: ind.eenheid })
            : paragraph("Geen cijfers per wijk voor deze periode."),
        );
      } catch (e) {
        nodes.push(alertBox("warning", paragraph(e.message)));
      }
    }
  }

  nodes.push(heading(2, "Downloaden"));
  if (ctx.publiek) {
    const file = new Blob([cellsCsv([...twenteAll, ...all])], { type: "text/csv;charset=utf-8" });
    nodes.push(paragraph(h("a", { class: "utrecht-link", href: URL.createObjectURL(file), download: `samenzicht-publiek-${id}.csv` }, `Alle openbare cijfers van ${ind.titel} (CSV)`)));
  } else {
    const list = h(
      "ul",
      { class: "sz-downloads" },
      h("li", {}, h("a", { class: "utrecht-link", href: url("/api/export", { indicator: id, formaat: "csv" }), download: "" }, `Alle cijfers van ${ind.titel} (CSV)`)),
      h("li", {}, h("a", { class: "utrecht-link", href: url("/api/export", { indicator: id, formaat: "xlsx" }), download: "" }, `Alle cijfers van ${ind.titel} (Excel)`)),
      code && mayTryWijken(ctx.role, code)
        ? h("li", {}, h("a", { class: "utrecht-link", href: url("/api/export", { indicator: id, gemeente: code, formaat: "csv" }), download: "" }, `${name} met zijn wijken (CSV)`))
        : null,
    );
    nodes.push(list, paragraph("Een download bevat wat uw rol mag zien; niet getoonde cijfers staan erin als \".\" met de reden."));
  }
  return nodes;
}

function fact(term, description) {
  return [h("dt", {}, term), h("dd", {}, description || "–")];
}
