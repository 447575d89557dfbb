// Beheer: accounts, the key fingerprints per desk and the audit log (the beheerder sees no figures).
import { get } from "../api.js";
import { h, heading, paragraph, table } from "../dom.js";
import * as fmt from "../format.js";

export async function adminPage(ctx) {
  const [users, keys, audit] = await Promise.all([get("/api/gebruikers"), get("/api/sleutels"), get("/api/audit", { van: sevenDaysAgo(), gebruiker: ctx.query.get("gebruiker") })]);
  const latest = audit.slice(-100).reverse();
  return [
    heading(1, "Beheer"),
    paragraph("Accounts maakt en verwijdert u met ", h("code", {}, "samenzicht user"), "; de keten van het auditlog controleert u met ", h("code", {}, "samenzicht audit verify"), "."),
    heading(2, "Accounts"),
    table("Accounts", [
      { label: "Naam", value: (u) => u.naam },
      { label: "Rol", value: (u) => u.rol },
      { label: "Aangemaakt", value: (u) => fmt.dateTime(u.aangemaakt) },
      { label: "Wachtwoord gewijzigd", value: (u) => fmt.dateTime(u.wachtwoord_gewijzigd) },
    ], users),
    heading(2, "Sleutels"),
    paragraph(`Vingerafdruk van de koppelsleutel van de opslag: ${keys.koppelsleutel ?? "–"}.`),
    table("Vingerafdrukken van de sleutels per meldpunt", [
      { label: "Bron", value: (k) => k.bron.replace(/_/g, " ") },
      { label: "Vingerafdruk", value: (k) => h("code", {}, k.vingerafdruk) },
      { label: "Extracten", value: (k) => String(k.extracten), numeric: true },
      { label: "Laatst ingelezen", value: (k) => fmt.dateTime(k.laatst_ingelezen) },
    ], keys.meldpunten ?? []),
    heading(2, "Auditlog"),
    paragraph(`${audit.length} regels in de afgelopen zeven dagen; de laatste ${latest.length}, nieuwste eerst.`),
    table("Auditlog, nieuwste eerst", [
      { label: "Nr", value: (a) => String(a.nr), numeric: true },
      { label: "Tijd", value: (a) => fmt.dateTime(a.tijd) },
      { label: "Gebruiker", value: (a) => a.gebruiker },
      { label: "Handeling", value: (a) => a.handeling },
      { label: "Parameters", value: (a) => h("code", {}, typeof a.parameters === "string" ? a.parameters : JSON.stringify(a.parameters)) },
      { label: "Cellen", value: (a) => String(a.cellen), numeric: true },
      { label: "Uitkomst", value: (a) => String(a.uitkomst) },
    ], latest),
  ];
}

function sevenDaysAgo() {
  return new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
