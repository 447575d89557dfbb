#include "server/wijk_boundaries.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "server/messages.h"

namespace sz::server {
namespace {

using nlohmann::json;

// Renumbers the arcs the kept geometries use; ~i (negative) is arc i reversed.
class ArcRenumbering {
 public:
  explicit ArcRenumbering(const json& arcs) : arcs_(arcs) {}

  Result<json> Rings(const json& rings, const std::string& file) {
    if (!rings.is_array()) return InvalidArgumentError(msg::BoundariesBadGeometry(file));
    json out = json::array();
    for (const json& ring : rings) {
      if (!ring.is_array()) return InvalidArgumentError(msg::BoundariesBadGeometry(file));
      json mapped = json::array();
      for (const json& index : ring) {
        if (!index.is_number_integer()) return InvalidArgumentError(msg::BoundariesBadGeometry(file));
        const int64_t i = index.get<int64_t>();
        const int64_t original = i < 0 ? ~i : i;
        if (original >= static_cast<int64_t>(arcs_.size()))
          return InvalidArgumentError(msg::BoundariesArcOutOfRange(file, i));
        auto [at, added] = renumbered_.try_emplace(original, static_cast<int64_t>(kept_.size()));
        if (added) kept_.push_back(arcs_[static_cast<size_t>(original)]);
        mapped.push_back(i < 0 ? ~at->second : at->second);
      }
      out.push_back(std::move(mapped));
    }
    return out;
  }
  json TakeArcs() { return std::move(kept_); }

 private:
  const json& arcs_;
  std::map<int64_t, int64_t> renumbered_;
  json kept_ = json::array();
};

// The string `key` of `object`, "" when it is absent, not a string, or `object` is no object.
std::string StringField(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto at = object.find(key);
  return at != object.end() && at->is_string() ? at->get<std::string>() : "";
}

}  // namespace

Result<WijkBoundaries> LoadWijkBoundaries(const std::filesystem::path& path, const RegionTable& regions) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgumentError(msg::BoundariesUnreadable(file));
  std::stringstream text;
  text << in.rdbuf();
  json topology;
  try {
    topology = json::parse(text.str());
  } catch (const json::parse_error& e) {
    return InvalidArgumentError(msg::BoundariesNotJson(file, e.byte));
  }
  const json* collection = nullptr;
  if (topology.is_object() && StringField(topology, "type") == "Topology" && topology.contains("objects") &&
      topology["objects"].is_object()) {
    for (const auto& [name, object] : topology["objects"].items()) {
      if (object.is_object() && StringField(object, "type") == "GeometryCollection" && object.contains("geometries") &&
          object["geometries"].is_array()) {
        collection = &object;
        break;
      }
    }
  }
  if (!collection || !topology.contains("arcs") || !topology["arcs"].is_array())
    return InvalidArgumentError(msg::BoundariesNotTopology(file));

  WijkBoundaries out;
  ArcRenumbering arcs(topology["arcs"]);
  json geometries = json::array();
  std::set<std::string> seen;
  for (const json& g : (*collection)["geometries"]) {
    const std::string code = g.is_object() && g.contains("properties") ? StringField(g["properties"], "statcode") : "";
    const Region* wijk = code.empty() ? nullptr : regions.Find(code);
    const std::string type = StringField(g, "type");
    if (!wijk || wijk->level != RegionLevel::kWijk || (type != "Polygon" && type != "MultiPolygon") ||
        !seen.insert(code).second) {
      ++out.ignored;
      continue;
    }
    if (!g.contains("arcs")) return InvalidArgumentError(msg::BoundariesBadGeometry(file));
    const json& geometry_arcs = g["arcs"];
    json mapped;
    if (type == "Polygon") {
      ASSIGN_OR_RETURN(mapped, arcs.Rings(geometry_arcs, file));
    } else {
      if (!geometry_arcs.is_array()) return InvalidArgumentError(msg::BoundariesBadGeometry(file));
      mapped = json::array();
      for (const json& polygon : geometry_arcs) {
        ASSIGN_OR_RETURN(json rings, arcs.Rings(polygon, file));
        mapped.push_back(std::move(rings));
      }
    }
    geometries.push_back(
        {{"type", type},
         {"id", code},
         {"properties", {{"statcode", code}, {"statnaam", wijk->name}, {"gemeente", wijk->parent_code}}},
         {"arcs", std::move(mapped)}});
    ++out.matched;
  }
  if (out.matched == 0) return InvalidArgumentError(msg::BoundariesNoWijk(file));
  for (const Region* wijk : regions.AtLevel(RegionLevel::kWijk))
    if (!seen.count(wijk->code)) out.missing.push_back(wijk->code);

  json result = {{"type", "Topology"}};
  if (topology.contains("transform")) result["transform"] = topology["transform"];
  result["arcs"] = arcs.TakeArcs();
  result["objects"] = {{"wijken", {{"type", "GeometryCollection"}, {"geometries", std::move(geometries)}}}};
  out.topojson = result.dump();
  return out;
}

}  // namespace sz::server
