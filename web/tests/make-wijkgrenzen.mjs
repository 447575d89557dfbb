// Test data: a TopoJSON of made-up boundaries for the wijken of one gemeente, in the format that
// `samenzicht serve --wijkgrenzen` takes (server/wijk_boundaries.h): one square per wijk in a grid,
// with the property statcode. Prints the number of wijken written.
//   node web/tests/make-wijkgrenzen.mjs REGION_FILE GEMEENTE OUT
import fs from "node:fs";

const [regionFile, gemeente, out] = process.argv.slice(2);
const wijken = fs
  .readFileSync(regionFile, "utf8")
  .split(/\r?\n/)
  .filter((line) => !line.startsWith("#"))
  .map((line) => line.split(";"))
  .filter(([, , niveau, ouder]) => niveau === "wijk" && ouder === gemeente)
  .map(([code]) => code);
if (wijken.length === 0) {
  console.error(`make-wijkgrenzen: geen wijken van ${gemeente} in ${regionFile}`);
  process.exit(1);
}
const columns = Math.ceil(Math.sqrt(wijken.length));
const size = 0.02; // degrees
const arcs = wijken.map((_, i) => {
  const x = 6.92 + (i % columns) * size, y = 52.26 + Math.floor(i / columns) * size;
  return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
});
const geometries = wijken.map((code, i) => ({ type: "Polygon", properties: { statcode: code }, arcs: [[i]] }));
fs.writeFileSync(out, JSON.stringify({ type: "Topology", arcs, objects: { wijk_2024: { type: "GeometryCollection", geometries } } }));
console.log(wijken.length);
