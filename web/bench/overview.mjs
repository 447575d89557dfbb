// Time to a rendered dashboard page on loopback, against its own data as the peer (BENCHMARKS.md,
// "The dashboard"). For each page: load it in Debian's Chromium until it has settled (its h1 is there
// and nothing is busy), N times in fresh contexts (no cache); the peer is the same API requests the
// page made, fetched all at once from a page of the same origin with the same cookies, so the ratio
// is what building and drawing the page costs on top of getting its figures.
//   SZ_URL=http://127.0.0.1:PORT SZ_USER=NAME SZ_PASSWORD=PW node web/bench/overview.mjs [RUNS]
// Without SZ_USER only the public overview is measured. Prints one line per page.
import { launch, login, newPage, BASE } from "../tests/support.mjs";

const RUNS = Number(process.argv[2] ?? 10);
const pages = [{ path: "/publiek", user: null }];
if (process.env.SZ_USER) {
  pages.push({ path: "/overzicht", user: process.env.SZ_USER }, { path: "/gemeente/GM0168", user: process.env.SZ_USER });
}

function quantile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

async function settled(page) {
  await page.waitForSelector("main h1");
  await page.waitForFunction(() => !document.querySelector("main[aria-busy]") && !document.querySelector(".sz-busy"));
}

const browser = await launch();
try {
  for (const { path, user } of pages) {
    const rendered = [], fetched = [];
    let requests = [];
    for (let run = 0; run < RUNS; ++run) {
      const page = await newPage(browser);
      if (user) await login(page, user);
      const api = [];
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith("/api/") && r.method() === "GET") api.push(url.pathname + url.search);
      });
      const started = performance.now();
      await page.goto(BASE + path);
      await settled(page);
      rendered.push(performance.now() - started);
      requests = api;
      // The peer: the same requests from the same origin and session, all at once.
      fetched.push(
        await page.evaluate(async (urls) => {
          const t0 = performance.now();
          await Promise.all(urls.map((u) => fetch(u, { cache: "no-store" }).then((r) => r.arrayBuffer())));
          return performance.now() - t0;
        }, api),
      );
      if (page.errors.length) throw new Error(`${path}: ${page.errors.join("; ")}`);
      await page.context().close();
    }
    const r50 = quantile(rendered, 0.5), f50 = quantile(fetched, 0.5);
    console.log(
      `${path}${user ? ` (${user})` : ""}: ${RUNS} keer, ${requests.length} API-verzoeken; getekend mediaan ${r50.toFixed(0)} ms ` +
        `(p90 ${quantile(rendered, 0.9).toFixed(0)} ms); alleen de gegevens mediaan ${f50.toFixed(0)} ms; verhouding ${(r50 / f50).toFixed(1)}x`,
    );
  }
} finally {
  await browser.close();
}
