// Dutch formatting of numbers, periods and statuses, as a reader of the dashboard sees them.
const formats = new Map();
function numberFormat(digits) {
  if (!formats.has(digits))
    formats.set(digits, new Intl.NumberFormat("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return formats.get(digits);
}

// Digits after the comma from the size of the number: 0 from 100 on, 1 from 1, otherwise 2.
export function number(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 || x === 0 ? 1 : 2);
  return numberFormat(d).format(x);
}

// An axis tick: at most two digits after the comma, without trailing zeros.
const tickFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
export const tick = (v) => tickFormat.format(v);

export const isSuppressed = (cell) => cell?.waarde === ".";
export const valueOf = (cell) => (typeof cell?.waarde === "number" ? cell.waarde : null);

// The value as shown: "." when suppressed, "–" when there is none.
export function value(cell) {
  if (!cell) return "–";
  if (isSuppressed(cell)) return ".";
  return number(valueOf(cell));
}

export function withUnit(cell) {
  const text = value(cell);
  if (text === "." || text === "–") return text;
  return cell.eenheid === "%" ? `${text}%` : `${text} ${cell.eenheid ?? ""}`.trim();
}

export function interval(cell) {
  if (!cell || typeof cell.ondergrens !== "number" || typeof cell.bovengrens !== "number") return "–";
  return `${number(cell.ondergrens)} – ${number(cell.bovengrens)}`;
}

const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

// "2024" → "2024"; "2024-03" → "maart 2024"; "2024-Q1" → "1e kwartaal 2024"; "2024-W07" → "week 7 van 2024".
export function period(p) {
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(p))) return `${m[2]}e kwartaal ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(p))) return `week ${Number(m[2])} van ${m[1]}`;
  return p;
}

// A short label for chart axes: "2024", "mrt 2024", "K1 2024", "W7 2024".
export function periodShort(p) {
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) return `${months[Number(m[2]) - 1].slice(0, 3)} ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(p))) return `K${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(p))) return `W${Number(m[2])} ${m[1]}`;
  return p;
}

export function granularity(p) {
  if (/^\d{4}$/.test(p)) return "jaar";
  if (/^\d{4}-Q\d$/.test(p)) return "kwartaal";
  if (/^\d{4}-\d{2}$/.test(p)) return "maand";
  if (/^\d{4}-W\d{2}$/.test(p)) return "week";
  return "anders";
}

const cellStatuses = {
  gepubliceerd: "gepubliceerd",
  afgerond: "afgerond",
  onderdrukt_primair: "niet getoond (te klein)",
  onderdrukt_secundair: "niet getoond (af te leiden)",
  alleen_analist: "alleen voor analisten",
};
export const cellStatus = (s) => cellStatuses[s] ?? s;

const targetStatuses = { op_koers: "op koers", niet_op_koers: "niet op koers", onzeker: "onzeker" };
export const targetStatus = (s) => targetStatuses[s] ?? s;

const signalStatuses = { nieuw: "nieuw", besproken: "besproken", geagendeerd: "geagendeerd", afgesloten: "afgesloten" };
export const signalStatus = (s) => signalStatuses[s] ?? s;

const signalKinds = { reeks: "reeks", dwarsverband: "dwarsverband", golf: "golf", belasting: "belasting" };
export const signalKind = (s) => signalKinds[s] ?? s;

const themes = { meedoen: "Meedoen", opgroeien: "Opgroeien", ouder_worden: "Ouder worden", organisatie: "Organisatie" };
export const theme = (t) => themes[t] ?? t;
export const themeSlug = (t) => t.replace(/_/g, "-");
export const themeFromSlug = (s) => s.replace(/-/g, "_");
export const THEMES = Object.keys(themes);

const directions = { hoger_is_beter: "hoger is beter", lager_is_beter: "lager is beter" };
export const direction = (d) => directions[d] ?? d ?? "–";

export function dateTime(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" });
}

export function breakdown(u) {
  if (!u || u === "totaal") return "totaal";
  return u
    .split("&")
    .map((part) => part.replace("=", ": ").replace(/_/g, " "))
    .join(", ");
}
