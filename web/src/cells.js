// Choosing from an indicator's cells what a chart or a table shows.
import { granularity, valueOf } from "./format.js";

const order = ["jaar", "kwartaal", "maand", "week"];

// The granularity a trend shows: years when there are two or more, else quarters, months, weeks.
export function trendGranularity(cells) {
  const counts = new Map();
  for (const c of cells) {
    const g = granularity(c.periode);
    if (!counts.has(g)) counts.set(g, new Set());
    counts.get(g).add(c.periode);
  }
  for (const g of order) if ((counts.get(g)?.size ?? 0) >= 2) return g;
  for (const g of order) if (counts.has(g)) return g;
  return "anders";
}

export const byPeriod = (a, b) => (a.periode < b.periode ? -1 : a.periode > b.periode ? 1 : 0);

export function ofGranularity(cells, g) {
  return cells.filter((c) => granularity(c.periode) === g).sort(byPeriod);
}

// Periods (sorted, newest last) of the cells; `g` limits them to one granularity.
export function periods(cells, g) {
  return [...new Set(cells.filter((c) => !g || granularity(c.periode) === g).map((c) => c.periode))].sort();
}

// The newest period at which at least one cell has a value (or the newest at all).
export function latestPeriod(cells, g) {
  const list = periods(cells, g);
  for (let i = list.length - 1; i >= 0; i--)
    if (cells.some((c) => c.periode === list[i] && valueOf(c) !== null)) return list[i];
  return list.at(-1);
}

export function breakdowns(cells) {
  const set = [...new Set(cells.map((c) => c.uitsplitsing))];
  return set.sort((a, b) => (a === "totaal" ? -1 : b === "totaal" ? 1 : a < b ? -1 : 1));
}

// The CSV of cells as the server's export writes them (for the public view, which has no export
// endpoint): every field, `;`-separated, with a header.
export function cellsCsv(cells) {
  const fields = ["indicator", "titel", "regio", "regio_naam", "niveau", "periode", "uitsplitsing", "teller", "noemer", "waarde", "ondergrens", "bovengrens", "eenheid", "n", "status", "reden", "bron", "berekend_op"];
  const quote = (v) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [fields.join(";"), ...cells.map((c) => fields.map((f) => quote(c[f])).join(";"))].join("\r\n") + "\r\n";
}
