// Build step: the boundaries of the region's municipalities for the dashboard's map.
//
// Reads the Netherlands' 2024 municipality boundaries (TopoJSON, CBS via PDOK, simplified by
// cartomap/nl; ../shared/geo/gemeente_2024.topojson) and the region file the server uses
// (config/regions/*.csv, docs/regions.md), keeps the geometries whose `statcode` is a gemeente of the
// region file, keeps only the arcs those use (renumbered), and writes web/.generated/gemeenten.json,
// a TopoJSON topology with one object `gemeenten`. Fails, naming the code, when a gemeente of the
// region file has no boundary.
//
//   node scripts/twente-geo.mjs [--geo FILE] [--regions FILE] [--out FILE]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const geoFile = option("--geo", process.env.SZ_GEO ?? path.join(repo, "../shared/geo/gemeente_2024.topojson"));
const regionsDir = path.join(repo, "config/regions");
const regionFile = option(
  "--regions",
  path.join(regionsDir, fs.readdirSync(regionsDir).filter((f) => f.endsWith(".csv")).sort()[0]),
);
const outFile = option("--out", path.join(repo, "web/.generated/gemeenten.json"));

function fail(message) {
  console.error(`twente-geo: ${message}`);
  process.exit(1);
}

// The gemeenten of the region file: `code;naam;niveau;ouder`, comment lines start with '#'.
const gemeenten = new Map();
for (const line of fs.readFileSync(regionFile, "utf8").split(/\r?\n/)) {
  if (line.startsWith("#") || line.trim() === "") continue;
  const [code, naam, niveau] = line.split(";");
  if (niveau === "gemeente") gemeenten.set(code, naam);
}
if (gemeenten.size === 0) fail(`${regionFile}: geen gemeenten gevonden (kolom niveau = gemeente)`);

let topology;
try {
  topology = JSON.parse(fs.readFileSync(geoFile, "utf8"));
} catch (e) {
  fail(`${geoFile}: niet te lezen als TopoJSON (${e.message})`);
}
const object = Object.values(topology.objects ?? {})[0];
if (topology.type !== "Topology" || !object || object.type !== "GeometryCollection")
  fail(`${geoFile}: geen TopoJSON-topologie met een GeometryCollection`);

const kept = object.geometries.filter((g) => gemeenten.has(g.properties?.statcode));
const missing = [...gemeenten.keys()].filter((code) => !kept.some((g) => g.properties.statcode === code));
if (missing.length > 0) fail(`${geoFile}: geen grens voor ${missing.join(", ")} (property statcode)`);

// Renumber the arcs the kept geometries use; a negative index ~i means arc i reversed.
const renumber = new Map();
const arcs = [];
const mapArc = (i) => {
  const original = i < 0 ? ~i : i;
  if (!renumber.has(original)) {
    renumber.set(original, arcs.length);
    arcs.push(topology.arcs[original]);
  }
  const n = renumber.get(original);
  return i < 0 ? ~n : n;
};
const mapRings = (rings) => rings.map((ring) => ring.map(mapArc));
const geometries = kept.map((g) => ({
  type: g.type,
  id: g.properties.statcode,
  properties: { statcode: g.properties.statcode, statnaam: g.properties.statnaam },
  arcs: g.type === "Polygon" ? mapRings(g.arcs) : g.arcs.map(mapRings),
}));

const out = {
  type: "Topology",
  transform: topology.transform,
  arcs,
  objects: { gemeenten: { type: "GeometryCollection", geometries } },
};
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(out));
console.error(`twente-geo: ${geometries.length} gemeenten, ${arcs.length} bogen → ${path.relative(repo, outFile)}`);
