// Themapagina (Meedoen, Opgroeien, Ouder worden, Organisatie): each indicator of the theme with the
// 14 municipalities side by side at the latest period and Twente as reference.
import { bars } from "../charts.js";
import { latestPeriod, trendGranularity } from "../cells.js";
import * as data from "../data.js";
import { h, heading, link, paragraph } from "../dom.js";
import * as fmt from "../format.js";
import { inBatches } from "./util.js";

const intro = {
  meedoen: "Gezondheid, eenzaamheid, leefstijl en zorgen over inwoners en hun woning: kan iedereen meedoen?",
  opgroeien: "Veilig opgroeien: meldingen bij Veilig Thuis, jeugdhulp en uithuisplaatsingen, en hoe vaak gezinnen meerdere organisaties tegenkomen.",
  ouder_worden: "Ouder worden in Twente: mantelzorg, Wmo-ondersteuning en ouderenmishandeling.",
  organisatie: "Hoe de meldpunten en de gegevenslevering draaien: werklast, doorlooptijden, volledigheid en tijdigheid.",
};

export async function themePage(ctx, theme) {
  if (!fmt.THEMES.includes(theme)) return [heading(1, "Onbekend thema"), paragraph("Kies een thema in het menu.")];
  const list = (await data.indicators(ctx)).filter((i) => i.thema === theme && data.hasLevel(i, "gemeente"));
  const own = ctx.role.gemeente ?? null;
  const loaded = await inBatches(list, 6, async (ind) => {
    const [cells, twente] = await Promise.all([
      data.values(ctx, { indicator: ind.id, niveau: "gemeente", uitsplitsing: "totaal" }),
      data.values(ctx, { indicator: ind.id, niveau: "twente", uitsplitsing: "totaal" }),
    ]);
    return { ind, cells, twente };
  });
  const nodes = [heading(1, `Thema ${fmt.theme(theme)}`), paragraph(intro[theme])];
  if (list.length === 0) nodes.push(paragraph("Dit thema heeft nog geen indicatoren per gemeente."));
  for (const { ind, cells, twente } of loaded) {
    const section = h("section", { class: "sz-indicator", "aria-labelledby": `ind-${ind.id}` }, heading(2, ind.titel, { id: `ind-${ind.id}` }), paragraph(ind.definitie));
    if (cells.length === 0) {
      section.append(paragraph("Geen totaal per gemeente; ", link(`/indicator/${ind.id}`, "bekijk de indicator"), " voor de uitsplitsingen."));
      nodes.push(section);
      continue;
    }
    const period = latestPeriod(cells, trendGranularity(cells));
    const atPeriod = cells.filter((c) => c.periode === period);
    const twenteCell = twente.find((c) => c.periode === period);
    const ownName = atPeriod.find((c) => c.regio === own)?.regio_naam ?? null;
    section.append(
      bars(`${ind.titel} per gemeente, ${fmt.period(period)}`, atPeriod.map((c) => ({ name: c.regio_naam, cell: c })), {
        unit: ind.eenheid,
        reference: twenteCell ? { name: "Twente", cell: twenteCell } : null,
        highlight: ownName,
      }),
      ownName ? paragraph(`De oranje staaf is uw gemeente, ${ownName}.`) : null,
      paragraph(link(`/indicator/${ind.id}`, `${ind.titel}: verloop, definitie en download`)),
    );
    nodes.push(section);
  }
  return nodes;
}
