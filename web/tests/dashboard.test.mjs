// Browser tests of the dashboard against a real `samenzicht serve` over a small synthetic Twente
// (web/tests/run.sh makes it): every page for every role, no WCAG 2.1 A/AA violation that axe-core
// finds, screenshots of every page, the refusals the interface must keep, a download, a triage step.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { apiFromPage, assertAccessible, assertNoErrors, BASE, launch, login, newPage, open, openDetails, screenshot, settled } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const THEMES = ["meedoen", "opgroeien", "ouder-worden", "organisatie"];
const INDICATOR = "vt_meldingen_kindermishandeling_per_1000_minderjarigen";

// Visits `url`, checks it renders without browser errors and accessibly, and keeps a screenshot.
async function visit(page, url, name) {
  await open(page, url);
  await openDetails(page);
  assertNoErrors(page, url);
  await assertAccessible(page, `${name} (${url})`);
  await screenshot(page, name);
  return page;
}

describe("zonder inloggen", () => {
  it("toont de openbare kaart met tabel, zonder wijken", async () => {
    const page = await newPage(browser);
    const started = Date.now();
    await open(page, "/publiek");
    const elapsed = Date.now() - started;
    console.log(`# openbaar overzicht getekend in ${elapsed} ms`);
    assert.equal(await page.locator("html").getAttribute("lang"), "nl");
    assert.equal(await page.locator("main h1").textContent(), "Openbare cijfers voor Twente");
    assert.ok((await page.locator("main svg path").count()) >= 14, "een kaart met 14 gemeenten");
    await openDetails(page);
    assert.equal(await page.locator("main table tbody tr").count(), 14, "een tabel met 14 gemeenten");
    await assertAccessible(page, "publiek");
    assertNoErrors(page, "publiek");
    await screenshot(page, "publiek-overzicht");
    await page.context().close();
  });

  it("toont een openbare indicator met download, zonder wijken", async () => {
    const page = await visit(await newPage(browser), `/publiek/indicator/${INDICATOR}`, "publiek-indicator");
    assert.equal(await page.getByRole("heading", { name: /^Wijken van/ }).count(), 0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /openbare cijfers van .* \(CSV\)/ }).click();
    const file = await fs.readFile(await (await download).path(), "utf8");
    assert.match(file.split("\r\n")[0], /^indicator;titel;regio;regio_naam;niveau;periode/);
    assert.ok(!/;wijk;/.test(file), "geen wijkcijfers in de openbare download");
    assert.ok(!/alleen_analist/.test(file), "geen ongepubliceerde cellen");
    await page.context().close();
  });

  it("stuurt pagina's met cijfers naar het inloggen", async () => {
    const page = await newPage(browser);
    await open(page, "/overzicht");
    assert.equal(new URL(page.url()).pathname, "/inloggen");
    assert.equal(new URL(page.url()).searchParams.get("terug"), "/overzicht");
    await page.context().close();
  });

  it("meldt een fout wachtwoord en laat het formulier toegankelijk", async () => {
    const page = await newPage(browser);
    await open(page, "/inloggen");
    await page.getByLabel("Gebruikersnaam").fill("t-analist");
    await page.getByLabel("Wachtwoord").fill("fout");
    await page.getByRole("button", { name: "Inloggen" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /Controleer uw gebruikersnaam en wachtwoord/);
    assert.equal(new URL(page.url()).pathname, "/inloggen");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "wachtwoord");
    await assertAccessible(page, "inloggen met fout");
    await screenshot(page, "inloggen-fout");
    await page.context().close();
  });

  it("begint met een skiplink naar de inhoud", async () => {
    const page = await newPage(browser);
    await open(page, "/publiek");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Naar de inhoud");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300); // a rebuild after the jump would start within this time
    await settled(page); // and must not take the focus away from the main content
    assert.equal(await page.evaluate(() => document.activeElement?.id), "inhoud");
    assert.equal(new URL(page.url()).hash, "#inhoud");
    await page.context().close();
  });
});

describe("analist", () => {
  let page;
  before(async () => {
    page = await newPage(browser);
    await login(page, "t-analist");
  });
  after(() => page.context().close());

  it("loopt elke pagina af", async () => {
    await visit(page, "/overzicht", "analist-overzicht");
    await visit(page, "/gemeente/GM0153", "analist-gemeente-enschede");
    for (const t of THEMES) await visit(page, `/thema/${t}`, `analist-thema-${t}`);
    await visit(page, `/indicator/${INDICATOR}?gemeente=GM0153&vergelijk=GM0168`, "analist-indicator");
    await visit(page, "/signalen", "analist-signalen");
    await visit(page, "/doelen", "analist-doelen");
    await visit(page, "/publiek", "analist-publiek");
  });

  it("kiest indicator en periode op het overzicht", async () => {
    await open(page, "/overzicht");
    await page.getByLabel("Indicator").selectOption(INDICATOR);
    await page.getByRole("button", { name: "Toon" }).click();
    await page.waitForURL((u) => u.searchParams.get("indicator") === INDICATOR);
    await settled(page);
    assert.match(await page.locator("main h2").first().textContent(), /kindermishandeling/);
    const latest = await page.getByLabel("Periode").inputValue();
    assert.match(latest, /^\d{4}/);
  });

  it("ziet de wijken van elke gemeente, zonder wijkgrenzen als staafdiagram", async () => {
    await open(page, `/indicator/${INDICATOR}?gemeente=GM0153`);
    assert.equal(await page.getByRole("heading", { name: /^Wijken van Enschede/ }).count(), 1);
    await openDetails(page);
    const figure = page.locator("main figure", { hasText: "per wijk van Enschede" });
    assert.equal(await figure.locator("table th").first().textContent(), "Regio", "de server heeft alleen grenzen van Losser");
  });

  it("downloadt een export als CSV", async () => {
    await open(page, `/indicator/${INDICATOR}`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /\(CSV\)$/ }).first().click();
    const saved = await download;
    const text = await fs.readFile(await saved.path(), "utf8");
    assert.match(saved.suggestedFilename(), /\.csv$/);
    const lines = text.split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
    assert.ok(lines.length > 14, `een export met cellen (${lines.length} regels)`);
    assert.match(lines[0], /indicator/);
  });

  it("zet een signaal op besproken met een notitie", async () => {
    await open(page, "/signalen?status=nieuw");
    const card = page.locator("article.sz-signal").first();
    const id = (await card.getAttribute("id")).replace("signaal-", "");
    await card.getByLabel("Nieuwe status").selectOption("besproken");
    await card.getByLabel("Notitie (optioneel)").fill("Besproken in de browsertest");
    await card.getByRole("button", { name: "Opslaan" }).click();
    await page.locator(`#signaal-${id} .sz-status`, { hasText: "besproken" }).first().waitFor();
    assert.match(await page.locator(`#signaal-${id}`).textContent(), /Besproken in de browsertest/);
    await page.waitForFunction(() => document.getElementById("melding")?.textContent.includes("besproken"));
    const answer = JSON.parse((await apiFromPage(page, "/api/signalen")).body);
    const stored = answer.find((s) => String(s.id) === id);
    assert.equal(stored.status, "besproken");
    assert.equal(stored.notities.at(-1).door, "t-analist");
    await assertAccessible(page, "signalen na triage");
    await screenshot(page, "analist-signaal-besproken");
  });
});

describe("gemeente Losser", () => {
  let page;
  before(async () => {
    page = await newPage(browser);
    await login(page, "t-losser");
  });
  after(() => page.context().close());

  it("loopt elke pagina af", async () => {
    await visit(page, "/overzicht", "losser-overzicht");
    await visit(page, "/gemeente/GM0168", "losser-mijn-gemeente");
    for (const t of THEMES) await visit(page, `/thema/${t}`, `losser-thema-${t}`);
    await visit(page, `/indicator/${INDICATOR}`, "losser-indicator");
    await visit(page, "/doelen", "losser-doelen");
  });

  it("ziet de eigen wijken na openbaarmakingscontrole, onderdrukte als '.' met reden", async () => {
    await open(page, `/indicator/${INDICATOR}?gemeente=GM0168`);
    assert.equal(await page.getByRole("heading", { name: /^Wijken van Losser/ }).count(), 1);
    await openDetails(page);
    const suppressed = page.locator("main abbr.sz-suppressed");
    if ((await suppressed.count()) > 0) {
      assert.equal(await suppressed.first().textContent(), ".");
      assert.ok((await suppressed.first().getAttribute("title")).length > 0, "de reden bij een onderdrukte cel");
    }
    const statuses = await page.locator("main table").allTextContents();
    assert.ok(!statuses.join(" ").includes("alleen voor analisten"), "geen cellen zonder openbaarmakingscontrole");
  });

  it("ziet de eigen wijken op een kaart met de wijkgrenzen die de server kreeg", async () => {
    await open(page, `/indicator/${INDICATOR}?gemeente=GM0168`);
    await openDetails(page);
    const figure = page.locator("main figure", { hasText: "per wijk van Losser" });
    assert.equal(await figure.count(), 1);
    assert.equal(await figure.locator(".sz-chart svg path").count(), Number(process.env.SZ_WIJKEN_LOSSER), "één vlak per wijk");
    assert.equal(await figure.locator("table th").first().textContent(), "Wijk");
    assert.match(await figure.locator(".sz-figure__summary").textContent(), /Hoogste waarde|geen van de getekende/i);
    await assertAccessible(page, "wijkkaart van Losser");
    await screenshot(page, "losser-wijkkaart");
  });

  it("kan de wijken van een andere gemeente niet bereiken", async () => {
    await open(page, `/indicator/${INDICATOR}?gemeente=GM0153`);
    assert.equal(await page.getByRole("heading", { name: /^Wijken van/ }).count(), 0);
    assert.equal(await page.getByRole("link", { name: /met zijn wijken/ }).count(), 0);
    await open(page, "/gemeente/GM0153");
    assert.equal(await page.locator("main details summary", { hasText: "Wijken van" }).count(), 0);
    const direct = await apiFromPage(page, `/api/waarden?indicator=${INDICATOR}&niveau=wijk&gemeente=GM0153`);
    assert.equal(direct.status, 403);
    assert.match(JSON.parse(direct.body).fout, /.+/);
  });

  it("heeft geen signalen in het menu en krijgt ze niet", async () => {
    await open(page, "/overzicht");
    assert.equal(await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Signalen" }).count(), 0);
    await open(page, "/signalen");
    assert.equal(await page.locator("main h1").textContent(), "Geen toegang");
  });
});

describe("meldpunt Veilig Thuis", () => {
  let page;
  before(async () => {
    page = await newPage(browser);
    await login(page, "t-vtt");
  });
  after(() => page.context().close());

  it("loopt elke pagina af", async () => {
    await visit(page, "/overzicht", "vtt-overzicht");
    await visit(page, "/gemeente/GM0153", "vtt-gemeente");
    for (const t of THEMES) await visit(page, `/thema/${t}`, `vtt-thema-${t}`);
    await visit(page, `/indicator/${INDICATOR}`, "vtt-indicator");
    await visit(page, "/signalen", "vtt-signalen");
    await visit(page, "/doelen", "vtt-doelen");
  });

  it("ziet alleen signalen met de eigen bron", async () => {
    await open(page, "/signalen");
    const answer = JSON.parse((await apiFromPage(page, "/api/signalen")).body);
    assert.ok(answer.every((s) => s.bronnen.includes("veilig_thuis")));
    assert.equal(await page.locator("article.sz-signal").count(), answer.length);
  });
});

describe("beheerder", () => {
  let page;
  before(async () => {
    page = await newPage(browser);
    await login(page, "t-beheer");
  });
  after(() => page.context().close());

  it("ziet accounts, sleutels en het auditlog", async () => {
    await visit(page, "/beheer", "beheer");
    const text = await page.locator("main").textContent();
    assert.match(text, /t-analist/);
    assert.match(text, /inloggen|waarden/);
  });

  it("ziet geen cijfers", async () => {
    await open(page, "/overzicht");
    assert.equal(await page.locator("main h1").textContent(), "Geen toegang");
    const direct = await apiFromPage(page, `/api/waarden?indicator=${INDICATOR}`);
    assert.equal(direct.status, 403);
  });

  it("logt uit", async () => {
    await open(page, "/beheer");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((u) => u.pathname === "/inloggen");
    await settled(page);
    assert.equal((await apiFromPage(page, "/api/ik")).status, 401);
  });
});
