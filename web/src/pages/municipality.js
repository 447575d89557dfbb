// Gemeenteprofiel: every theme, each indicator of the gemeente against Twente over time with its
// interval, and the wijken where the role may see them (loaded when opened).
import { trend, wijken } from "../charts.js";
import { latestPeriod, ofGranularity, trendGranularity } from "../cells.js";
import * as data from "../data.js";
import { alertBox, h, heading, link, paragraph, select } from "../dom.js";
import * as fmt from "../format.js";
import { mayTryWijken } from "../session.js";
import { inBatches } from "./util.js";

export async function municipalityPage(ctx, code) {
  const regions = await data.regions(ctx);
  const municipalities = regions.filter((r) => r.niveau === "gemeente");
  const twente = regions.find((r) => r.niveau === "twente");
  const chooser = h(
    "form",
    { class: "sz-filters", method: "get", action: "/gemeente" },
    select({ id: "gemeente", label: "Gemeente", value: code, options: municipalities.map((m) => ({ value: m.code, label: m.naam })) }),
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Toon profiel"),
  );
  chooser.addEventListener("submit", (event) => {
    event.preventDefault();
    ctx.navigate(`/gemeente/${chooser.querySelector("#gemeente").value}`);
  });
  if (!code) return [heading(1, "Gemeenteprofielen"), paragraph("Kies een gemeente."), chooser];
  const municipality = municipalities.find((m) => m.code === code);
  if (!municipality) return [heading(1, "Onbekende gemeente"), paragraph(`${code} is geen gemeente van Twente.`), chooser];

  const list = (await data.indicators(ctx)).filter((i) => data.hasLevel(i, "gemeente"));
  const series = await inBatches(list, 6, async (ind) => {
    const [own, region] = await Promise.all([
      data.values(ctx, { indicator: ind.id, regio: code, uitsplitsing: "totaal" }),
      twente ? data.values(ctx, { indicator: ind.id, regio: twente.code, uitsplitsing: "totaal" }) : [],
    ]);
    return { ind, own, region };
  });
  const wijken = mayTryWijken(ctx.role, code);
  const nodes = [
    heading(1, `Gemeenteprofiel ${municipality.naam}`),
    paragraph(`Alle indicatoren van ${municipality.naam} naast Twente, per thema, met hun verloop en onzekerheidsmarge.${wijken ? " Onder elke indicator staan de wijken, als uw rol die mag zien." : ""}`),
    chooser,
  ];
  for (const theme of fmt.THEMES) {
    const ofTheme = series.filter((s) => s.ind.thema === theme);
    if (ofTheme.length === 0) continue;
    nodes.push(heading(2, fmt.theme(theme)));
    for (const { ind, own, region } of ofTheme) {
      const section = h("section", { class: "sz-indicator", "aria-labelledby": `ind-${ind.id}` });
      section.append(heading(3, ind.titel, { id: `ind-${ind.id}` }));
      if (own.length === 0) {
        section.append(paragraph("Geen totaal per gemeente voor deze indicator. ", link(`/indicator/${ind.id}?gemeente=${code}`, "Bekijk de indicator")));
        nodes.push(section);
        continue;
      }
      const g = trendGranularity(own);
      const mine = ofGranularity(own, g);
      const theirs = ofGranularity(region, g);
      const last = mine.at(-1);
      const lastTwente = theirs.find((c) => c.periode === last?.periode);
      section.append(
        paragraph(`${fmt.period(last.periode)}: ${municipality.naam} ${fmt.withUnit(last)}${lastTwente ? `, Twente ${fmt.withUnit(lastTwente)}` : ""}. ${ind.richting ? `(${fmt.direction(ind.richting)})` : ""}`),
        trend(`${ind.titel}: ${municipality.naam} en Twente`, [
          { name: municipality.naam, cells: mine },
          ...(theirs.length ? [{ name: "Twente", cells: theirs }] : []),
        ], { unit: ind.eenheid }),
      );
      if (wijken && data.hasLevel(ind, "wijk")) section.append(wijkDetails(ctx, ind, municipality, latestPeriod(own, g)));
      section.append(paragraph(link(`/indicator/${ind.id}?gemeente=${code}`, `${ind.titel}: alles over deze indicator`)));
      nodes.push(section);
    }
  }
  return nodes;
}

// The wijken of a gemeente at one period, read when the reader opens them.
export function wijkDetails(ctx, ind, municipality, period) {
  const body = h("div", {}, paragraph("Bezig met laden…"));
  const details = h("details", { class: "sz-details" }, h("summary", {}, `Wijken van ${municipality.naam}, ${fmt.period(period)}`), body);
  let loaded = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      const [cells, features] = await Promise.all([
        data.values(ctx, { indicator: ind.id, niveau: "wijk", gemeente: municipality.code, periode: period, uitsplitsing: "totaal" }),
        data.wijkFeatures(ctx, municipality.code),
      ]);
      body.replaceChildren(
        cells.length === 0
          ? paragraph("Geen cijfers per wijk voor deze periode.")
          : wijken(`${ind.titel} per wijk van ${municipality.naam}, ${fmt.period(period)}`, cells, features, { unit: ind.eenheid }),
      );
    } catch (e) {
      body.replaceChildren(alertBox("warning", paragraph(e.message)));
    }
  });
  return details;
}
