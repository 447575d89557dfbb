// Helpers of the dashboard's browser tests: Debian's Chromium through playwright-core, logging in,
// waiting for a page to finish, the axe-core WCAG 2.1 A/AA check, and screenshots as artefacts.
import assert from "node:assert/strict";
import path from "node:path";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export const BASE = process.env.SZ_URL;
export const PASSWORD = process.env.SZ_PASSWORD;
const ARTEFACTS = process.env.SZ_ARTEFACTS;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.SZ_CHROMIUM ?? "/usr/bin/chromium",
    // As root in CI Chromium needs --no-sandbox; the other flags keep it off the (closed) network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A fresh browser context (no cookies) whose page records console errors and failed requests.
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nl-NL", acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // A 401 of /api/ik before logging in and a 403 the test asks for are answers, not errors.
    if (m.type() === "error" && !/status of 40[13]/.test(m.text())) page.errors.push(`console: ${m.text()}`);
  });
  return page;
}

export async function settled(page) {
  await page.waitForSelector("main h1");
  await page.waitForFunction(() => !document.querySelector("main[aria-busy]") && !document.querySelector(".sz-busy"));
}

export async function open(page, url) {
  await page.goto(BASE + url);
  await settled(page);
}

export async function login(page, name, password = PASSWORD) {
  await open(page, "/inloggen");
  await page.getByLabel("Gebruikersnaam").fill(name);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/inloggen"));
  await settled(page);
}

// No WCAG 2.1 A or AA violation that axe-core can find on the page as it is now.
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(found, [], `${label}: toegankelijkheidsfouten`);
}

// Opens the details elements (the tables beside the charts), so that axe checks them and the
// screenshot shows them.
export async function openDetails(page) {
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => (d.open = true)));
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
}

export function assertNoErrors(page, label) {
  assert.deepEqual(page.errors, [], `${label}: fouten in de browser`);
}

// Calls the API from the page (with its session cookie and CSRF token), answering { status, body }.
export async function apiFromPage(page, pathAndQuery) {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: "same-origin" });
    return { status: r.status, body: await r.text() };
  }, pathAndQuery);
}
