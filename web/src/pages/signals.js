// Signalen: the ranked list of the signaleringsoverleg, filtered by status, region and desk, each
// with its Dutch explanation, its figures and notes, and a form to take the next triage step.
import { ApiError, get, post } from "../api.js";
import * as data from "../data.js";
import { alertBox, announce, h, heading, paragraph, select, table } from "../dom.js";
import * as fmt from "../format.js";

const STATUSES = ["nieuw", "besproken", "geagendeerd", "afgesloten"];

export async function signalsPage(ctx) {
  const status = STATUSES.includes(ctx.query.get("status")) ? ctx.query.get("status") : "";
  const all = await get("/api/signalen", status ? { status } : {});
  const regions = new Map((await data.regions(ctx)).map((r) => [r.code, r.naam]));
  const regionName = (code) => regions.get(code) ?? code;
  const region = ctx.query.get("regio") ?? "";
  const source = ctx.query.get("bron") ?? "";
  const list = all.filter((s) => (!region || s.regio === region) && (!source || s.bronnen.includes(source)));
  const regionCodes = [...new Set(all.map((s) => s.regio))].sort((a, b) => regionName(a).localeCompare(regionName(b), "nl"));
  const sources = [...new Set(all.flatMap((s) => s.bronnen))].sort();

  const form = h(
    "form",
    { class: "sz-filters", method: "get", action: "/signalen" },
    select({ id: "status", label: "Status", value: status, options: [{ value: "", label: "alle" }, ...STATUSES.map((s) => ({ value: s, label: fmt.signalStatus(s) }))] }),
    select({ id: "regio", label: "Regio", value: region, options: [{ value: "", label: "alle" }, ...regionCodes.map((c) => ({ value: c, label: regionName(c) }))] }),
    select({ id: "bron", label: "Meldpunt of bron", value: source, options: [{ value: "", label: "alle" }, ...sources.map((s) => ({ value: s, label: s.replace(/_/g, " ") }))] }),
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Filter"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const name of ["status", "regio", "bron"]) if (form.querySelector(`#${name}`).value) params.set(name, form.querySelector(`#${name}`).value);
    ctx.navigate(`/signalen${params.size ? `?${params}` : ""}`);
  });

  const nodes = [
    heading(1, "Signalen"),
    paragraph(
      "De signalen van de laatste berekening, gerangschikt: bovenaan wat het sterkst, het grootst, het nieuwst is en de meeste inwoners raakt. " +
        "Elk signaal blijft bestaan tot het is afgesloten; een signaal dat terugkomt, wordt een vervolg.",
    ),
    form,
    paragraph(`${list.length} ${list.length === 1 ? "signaal" : "signalen"}${list.length !== all.length ? ` van ${all.length}` : ""}.`),
  ];
  const overview = table("Overzicht van de signalen", [
    { label: "Rang", value: (s) => h("a", { class: "utrecht-link", href: `#signaal-${s.id}` }, String(s.rang)) },
    { label: "Soort", value: (s) => fmt.signalKind(s.soort) },
    { label: "Regio", value: (s) => regionName(s.regio) },
    { label: "Periode", value: (s) => `${fmt.period(s.periode_van)} t/m ${fmt.period(s.periode_tot)}` },
    { label: "Bronnen", value: (s) => s.bronnen.join(", ").replace(/_/g, " ") },
    { label: "Status", value: (s) => statusBadge(s.status) },
  ], list);
  nodes.push(overview);
  for (const s of list) nodes.push(signalCard(ctx, s, regionName));
  return nodes;
}

function statusBadge(status) {
  return h("span", { class: `utrecht-status-badge sz-status sz-status--${status}` }, fmt.signalStatus(status));
}

function signalCard(ctx, s, regionName) {
  const card = h("article", { class: "sz-signal", id: `signaal-${s.id}`, "aria-labelledby": `signaal-${s.id}-titel` });
  const render = (signal) => {
    card.replaceChildren(
      heading(2, `Signaal ${signal.id}: ${fmt.signalKind(signal.soort)} in ${regionName(signal.regio)}`, { id: `signaal-${signal.id}-titel` }),
      h("p", { class: "utrecht-paragraph" }, "Status: ", statusBadge(signal.status), signal.volgt_op ? ` · vervolg op signaal ${signal.volgt_op}` : ""),
      paragraph(signal.uitleg),
      h(
        "dl",
        { class: "sz-facts sz-facts--compact" },
        [
          ["Periode", `${fmt.period(signal.periode_van)} t/m ${fmt.period(signal.periode_tot)}`],
          ["Indicatoren", signal.indicatoren.join(", ")],
          ["Methode", signal.methode],
          ["Waargenomen", fmt.number(signal.waargenomen)],
          ["Verwacht", fmt.number(signal.verwacht)],
          ["Drempel", fmt.number(signal.drempel)],
          ["p-waarde", signal.p_waarde === null ? "–" : fmt.number(signal.p_waarde, 4)],
          ["q-waarde", signal.q_waarde === null ? "–" : fmt.number(signal.q_waarde, 4)],
          ["Score", fmt.number(signal.score, 2)],
          ["Rang", String(signal.rang)],
        ].map(([t, d]) => [h("dt", {}, t), h("dd", {}, d)]),
      ),
      notes(signal),
      triageForm(ctx, signal, render),
    );
  };
  render(s);
  return card;
}

function notes(signal) {
  if (!signal.notities?.length) return paragraph("Nog geen notities.");
  return h(
    "div",
    {},
    heading(3, "Verloop en notities"),
    h(
      "ol",
      { class: "sz-notes" },
      signal.notities.map((n) => h("li", {}, `${fmt.dateTime(n.tijd)}, ${n.door}: ${fmt.signalStatus(n.van)} → ${fmt.signalStatus(n.naar)}${n.notitie ? `. ${n.notitie}` : ""}`)),
    ),
  );
}

function triageForm(ctx, signal, render) {
  const id = `triage-${signal.id}`;
  const error = h("div", { "aria-live": "assertive" });
  const form = h(
    "form",
    { class: "sz-triage", "aria-labelledby": `${id}-titel` },
    heading(3, `Signaal ${signal.id} bijwerken`, { id: `${id}-titel` }),
    select({ id: `${id}-status`, label: "Nieuwe status", value: signal.status, options: STATUSES.map((s) => ({ value: s, label: fmt.signalStatus(s) })) }),
    h(
      "div",
      { class: "utrecht-form-field utrecht-form-field--textarea" },
      h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: `${id}-notitie` }, "Notitie (optioneel)")),
      h("div", { class: "utrecht-form-field__input" }, h("textarea", { class: "utrecht-textarea utrecht-textarea--html-textarea", id: `${id}-notitie`, rows: 3, maxlength: 2000 })),
    ),
    error,
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Opslaan"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const status = form.querySelector(`#${id}-status`).value;
    const note = form.querySelector(`#${id}-notitie`).value.trim();
    try {
      const updated = await post(`/api/signalen/${signal.id}/triage`, note ? { status, notitie: note } : { status });
      render(updated);
      announce(`Signaal ${signal.id} staat nu op ${fmt.signalStatus(updated.status)}.`);
      document.getElementById(`signaal-${signal.id}-titel`)?.setAttribute("tabindex", "-1");
      document.getElementById(`signaal-${signal.id}-titel`)?.focus();
    } catch (e) {
      error.append(alertBox("error", paragraph(e instanceof ApiError ? e.message : String(e))));
    }
  });
  return form;
}
