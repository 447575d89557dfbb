// The factsheets (`samenzicht report`, made by web/tests/run.sh for Losser): a PDF that Chromium
// printed, its first page as PNG for a reviewer, and HTML without WCAG 2.1 A/AA violations; the
// gemeente's own sheet holds no signals and no targets, the analysts' sheet does.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { assertAccessible, launch, newPage } from "./support.mjs";

const DIR = process.env.SZ_FACTSHEETS;
const ANALYST_DIR = process.env.SZ_FACTSHEETS_ANALIST;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe("factsheet Losser", () => {
  it("is een PDF met zijn eerste pagina als PNG", async () => {
    const pdf = await fs.readFile(path.join(DIR, "factsheet-GM0168.pdf"));
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    assert.ok(pdf.length > 10_000, `een PDF van ${pdf.length} bytes`);
    const png = await fs.readFile(path.join(DIR, "factsheet-GM0168-1.png"));
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it("is toegankelijk, zonder signalen, met de doelen uit de gepubliceerde cijfers", async () => {
    const page = await newPage(browser);
    await page.goto(pathToFileURL(path.join(DIR, "factsheet-GM0168.html")).href);
    assert.equal(await page.locator("h1").textContent(), "Factsheet Losser");
    assert.equal(await page.locator("html").getAttribute("lang"), "nl");
    await assertAccessible(page, "factsheet gemeente");
    const text = await page.locator("body").textContent();
    assert.match(text, /Signalen staan alleen in de factsheet voor analisten/);
    assert.equal(await page.locator(".signal").count(), 0);
    assert.equal(await page.getByRole("table", { name: /Doelen 2030 van Losser/ }).count(), 1, "de doelen");
    assert.match(text, /berekend uit de gepubliceerde jaarcijfers/);
    assert.ok((await page.locator("section table tbody tr").count()) >= 10, "kerncijfers per thema");
    await page.context().close();
  });

  it("heeft voor de analisten de open signalen en de doelen", async () => {
    const page = await newPage(browser);
    await page.goto(pathToFileURL(path.join(ANALYST_DIR, "factsheet-GM0168.html")).href);
    await assertAccessible(page, "factsheet analist");
    const text = await page.locator("body").textContent();
    assert.match(text, /niet verspreiden/);
    assert.ok((await page.getByRole("table", { name: /Doelen 2030 van Losser/ }).count()) === 1, "de doelen");
    await page.context().close();
  });
});
