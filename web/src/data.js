// The figures a page reads, from the API of the session's role or, on the public pages, from the
// public API (only cells published to `publiek`).
import { feature } from "topojson-client";
import { get, getCached } from "./api.js";
import gemeenten from "../.generated/gemeenten.json";

export async function indicators(ctx) {
  return getCached(ctx.publiek ? "/api/publiek/indicatoren" : "/api/indicatoren");
}

export async function indicator(ctx, id) {
  return (await indicators(ctx)).find((i) => i.id === id) ?? null;
}

// The cells of one indicator; `params` as /api/waarden takes them.
export async function values(ctx, params) {
  const answer = await get(ctx.publiek ? "/api/publiek/waarden" : "/api/waarden", params);
  return answer.cellen;
}

// The regions (needs a session); for the public pages the names come with the cells.
export async function regions(ctx) {
  if (ctx.publiek || !ctx.user) return [];
  return getCached("/api/regios");
}

// The municipalities' boundaries as GeoJSON features (built from ../shared/geo by scripts/twente-geo.mjs).
let features = null;
export function municipalityFeatures() {
  features ??= feature(gemeenten, gemeenten.objects.gemeenten).features;
  return features;
}

// The real wijk boundaries of one gemeente as GeoJSON features, when the server was given them
// (samenzicht serve --wijkgrenzen); null when it has none for this gemeente (the wijk views then
// show the ordered bar chart).
export async function wijkFeatures(ctx, gemeente) {
  if (ctx.publiek || !ctx.user) return null;
  const topology = await getCached("/api/wijkgrenzen");
  const object = topology?.objects?.wijken;
  if (!object?.geometries?.length) return null;
  const mine = feature(topology, object).features.filter((f) => f.properties.gemeente === gemeente);
  return mine.length ? mine : null;
}

export const hasLevel = (ind, level) => (ind.niveaus ?? []).includes(level);
