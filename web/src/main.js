// The dashboard: one page per URL (history API), the session from /api/ik, a menu per role.
// Every figure comes from the server, which authorises each request; the menu only leaves out what
// a role cannot open anyway.
import "./styles/index.js";
import { ApiError, forget, get, post, setCsrfToken } from "./api.js";
import { alertBox, announce, append, clear, h, heading, paragraph } from "./dom.js";
import * as fmt from "./format.js";
import { roleOf } from "./session.js";
import { loginPage } from "./pages/login.js";
import { overviewPage } from "./pages/overview.js";
import { municipalityPage } from "./pages/municipality.js";
import { themePage } from "./pages/theme.js";
import { indicatorPage } from "./pages/indicator.js";
import { signalsPage } from "./pages/signals.js";
import { targetsPage } from "./pages/targets.js";
import { adminPage } from "./pages/admin.js";

const app = { user: null };

// [pattern, page, who may open it: "publiek" (anyone) or a test on the role]
const routes = [
  [/^\/inloggen$/, loginPage, "publiek"],
  [/^\/publiek$/, (ctx) => overviewPage({ ...ctx, publiek: true }), "publiek"],
  [/^\/publiek\/indicator\/([a-z0-9_]+)$/, (ctx, [id]) => indicatorPage({ ...ctx, publiek: true }, id), "publiek"],
  [/^\/overzicht$/, overviewPage, (r) => r.figures],
  [/^\/gemeente\/(GM[0-9]{4})$/, (ctx, [code]) => municipalityPage(ctx, code), (r) => r.figures],
  [/^\/gemeente$/, (ctx) => municipalityPage(ctx, null), (r) => r.figures],
  [/^\/thema\/([a-z-]+)$/, (ctx, [slug]) => themePage(ctx, fmt.themeFromSlug(slug)), (r) => r.figures],
  [/^\/indicator\/([a-z0-9_]+)$/, (ctx, [id]) => indicatorPage(ctx, id), (r) => r.figures],
  [/^\/signalen$/, signalsPage, (r) => r.signals],
  [/^\/doelen$/, targetsPage, (r) => r.figures],
  [/^\/beheer$/, adminPage, (r) => r.admin],
];

function home() {
  if (!app.user) return "/publiek";
  return roleOf(app.user).admin ? "/beheer" : "/overzicht";
}

function menuItems() {
  if (!app.user) return [["/publiek", "Openbare cijfers"], ["/inloggen", "Inloggen"]];
  const role = roleOf(app.user);
  const items = [];
  if (role.figures) {
    items.push(["/overzicht", "Overzicht Twente"]);
    items.push([role.gemeente ? `/gemeente/${role.gemeente}` : "/gemeente", role.gemeente ? "Mijn gemeente" : "Gemeenten"]);
    for (const t of fmt.THEMES) items.push([`/thema/${fmt.themeSlug(t)}`, fmt.theme(t)]);
  }
  if (role.signals) items.push(["/signalen", "Signalen"]);
  if (role.figures) items.push(["/doelen", "Doelen 2030"]);
  if (role.admin) items.push(["/beheer", "Beheer"]);
  items.push(["/publiek", "Openbare cijfers"]);
  return items;
}

function renderChrome() {
  const menu = clear(document.getElementById("menu"));
  const here = location.pathname;
  for (const [href, label] of menuItems()) {
    const current = here === href || (href !== "/" && here.startsWith(`${href}/`));
    menu.append(h("li", {}, h("a", { href, class: "sz-nav__link", "aria-current": current ? "page" : null }, label)));
  }
  const who = clear(document.getElementById("gebruiker"));
  if (app.user) {
    append(who, [
      `Ingelogd als ${app.user.gebruikersnaam} (${roleOf(app.user).label}) `,
      h("button", { type: "button", class: "utrecht-button utrecht-button--secondary-action sz-logout", onclick: logout }, "Uitloggen"),
    ]);
  }
}

async function logout() {
  try {
    await post("/api/uitloggen");
  } catch {
    // The session is gone either way.
  }
  app.user = null;
  forget();
  navigate("/inloggen", { replace: true, message: "U bent uitgelogd." });
}

export function navigate(to, { replace = false, message = null } = {}) {
  if (replace) history.replaceState({}, "", to);
  else history.pushState({}, "", to);
  render(message);
}

async function loadSession() {
  try {
    const me = await get("/api/ik");
    setCsrfToken(me.csrf_token);
    app.user = me;
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
    app.user = null;
  }
}

let renderCount = 0;
let renderedLocation = null; // path and query of the page on screen; a change of #fragment alone keeps it
async function render(message = null) {
  const mine = ++renderCount;
  renderedLocation = location.pathname + location.search;
  const main = document.getElementById("inhoud");
  let path = location.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") {
    history.replaceState({}, "", home());
    path = home();
  }
  const route = routes.find(([pattern]) => pattern.test(path));
  renderChrome();
  clear(main);
  if (!route) {
    document.title = "Niet gevonden – Samenzicht";
    append(main, [heading(1, "Deze pagina bestaat niet", { tabindex: "-1" }), paragraph("Kies een pagina in het menu.")]);
    main.querySelector("h1").focus();
    return;
  }
  const [pattern, page, who] = route;
  if (who !== "publiek") {
    if (!app.user) {
      navigate(`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
      return;
    }
    if (!who(roleOf(app.user))) {
      document.title = "Geen toegang – Samenzicht";
      append(main, [heading(1, "Geen toegang", { tabindex: "-1" }), paragraph(`Uw rol (${roleOf(app.user).label}) geeft geen toegang tot deze pagina.`)]);
      main.querySelector("h1").focus();
      return;
    }
  }
  const busy = h("p", { class: "utrecht-paragraph sz-busy" }, "Bezig met laden…");
  main.setAttribute("aria-busy", "true");
  main.append(busy);
  const ctx = {
    user: app.user,
    role: app.user ? roleOf(app.user) : roleOf(null),
    query: new URLSearchParams(location.search),
    navigate,
    onLogin: async (me) => {
      setCsrfToken(me.csrf_token);
      app.user = me;
    },
    publiek: false,
  };
  let nodes;
  try {
    nodes = await page(ctx, pattern.exec(path).slice(1));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && who !== "publiek") {
      app.user = null;
      forget();
      navigate(`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`, { replace: true, message: "Uw sessie is verlopen. Log opnieuw in." });
      return;
    }
    nodes = [heading(1, "Er ging iets mis", { tabindex: "-1" }), alertBox("error", paragraph(e.message ?? String(e)))];
  }
  if (mine !== renderCount) return; // a later navigation took over
  busy.remove();
  main.removeAttribute("aria-busy");
  if (message) main.append(alertBox("info", paragraph(message)));
  append(main, [nodes]);
  const h1 = main.querySelector("h1");
  if (h1) {
    h1.setAttribute("tabindex", "-1");
    document.title = `${h1.textContent} – Samenzicht`;
    if (renderCount > 1) h1.focus();
  }
  renderChrome();
  if (message) announce(message);
}

// Links within the dashboard change the page without a reload; downloads and the API are left alone.
document.addEventListener("click", (event) => {
  const a = event.target.closest?.("a");
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.hasAttribute("download") || a.target || a.origin !== location.origin || a.pathname.startsWith("/api/")) return;
  if (a.getAttribute("href")?.startsWith("#")) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
});
// Chromium fires popstate for a jump within the page too (the skip link to #inhoud); that must not
// rebuild the page, or the focus the jump gave to the main content would move to its heading.
window.addEventListener("popstate", () => {
  if (location.pathname + location.search !== renderedLocation) render();
});

loadSession()
  .catch((e) => {
    append(clear(document.getElementById("inhoud")), [heading(1, "De server is niet bereikbaar"), paragraph(e.message)]);
    throw e;
  })
  .then(() => render());
