#include "core/region.h"

#include "core/digits.h"
#include "core/messages.h"

namespace sz {

std::string_view RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kLand: return "land";
    case RegionLevel::kRegio: return "regio";
    case RegionLevel::kGemeente: return "gemeente";
    case RegionLevel::kWijk: return "wijk";
    case RegionLevel::kBuurt: return "buurt";
  }
  return "?";
}

Result<RegionLevel> ParseRegionLevel(std::string_view name) {
  for (RegionLevel level :
       {RegionLevel::kLand, RegionLevel::kRegio, RegionLevel::kGemeente, RegionLevel::kWijk, RegionLevel::kBuurt}) {
    if (RegionLevelName(level) == name) return level;
  }
  return DataError(msg::UnknownRegionLevel(name));
}

Result<RegionLevel> LevelFromCode(std::string_view code) {
  if (code.size() == 6 && code.substr(0, 2) == "GM" && AllDigits(code.substr(2))) return RegionLevel::kGemeente;
  if (code.size() == 8 && code.substr(0, 2) == "WK" && AllDigits(code.substr(2))) return RegionLevel::kWijk;
  if (code.size() == 10 && code.substr(0, 2) == "BU" && AllDigits(code.substr(2))) return RegionLevel::kBuurt;
  return DataError(msg::NotACbsCode(code));
}

std::string ImpliedParentCode(std::string_view code) {
  auto level = LevelFromCode(code);
  if (!level.ok()) return "";
  switch (*level) {
    case RegionLevel::kWijk: return "GM" + std::string(code.substr(2, 4));
    case RegionLevel::kBuurt: return "WK" + std::string(code.substr(2, 6));
    default: return "";
  }
}

Status RegionTable::Add(Region region) {
  if (region.code.empty()) return DataError(msg::RegionWithoutCode());
  if (by_code_.count(region.code)) return DataError(msg::RegionTwice(region.code));
  std::string implied = ImpliedParentCode(region.code);
  if (region.parent_code.empty()) region.parent_code = implied;
  if (!implied.empty() && region.parent_code != implied) {
    return DataError(msg::ParentDisagreesWithCode(region.code, region.parent_code, implied));
  }
  if (auto coded_level = LevelFromCode(region.code); coded_level.ok() && *coded_level != region.level) {
    return DataError(
        msg::LevelDisagreesWithCode(region.code, RegionLevelName(region.level), RegionLevelName(*coded_level)));
  }
  if (!region.parent_code.empty()) {
    const Region* parent = Find(region.parent_code);
    if (parent == nullptr) {
      return DataError(msg::ParentNotListedBefore(region.code, region.parent_code));
    }
    if (static_cast<int>(parent->level) >= static_cast<int>(region.level)) {
      return DataError(
          msg::CannotLieIn(region.code, RegionLevelName(region.level), parent->code, RegionLevelName(parent->level)));
    }
  }
  regions_.push_back(std::make_unique<Region>(std::move(region)));
  const Region* added = regions_.back().get();
  by_code_.emplace(added->code, added);
  if (!added->parent_code.empty()) children_[added->parent_code].push_back(added);
  return Status::Ok();
}

const Region* RegionTable::Find(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : it->second;
}

namespace {
const Region* AncestorAt(const RegionTable& table, std::string_view code, RegionLevel level) {
  const Region* region = table.Find(code);
  while (region != nullptr && region->level != level) {
    if (static_cast<int>(region->level) < static_cast<int>(level)) return nullptr;
    region = region->parent_code.empty() ? nullptr : table.Find(region->parent_code);
  }
  return region;
}
}  // namespace

const Region* RegionTable::GemeenteOf(std::string_view code) const {
  return AncestorAt(*this, code, RegionLevel::kGemeente);
}
const Region* RegionTable::WijkOf(std::string_view code) const { return AncestorAt(*this, code, RegionLevel::kWijk); }

std::vector<const Region*> RegionTable::Children(std::string_view code) const {
  auto it = children_.find(code);
  return it == children_.end() ? std::vector<const Region*>{} : it->second;
}

std::vector<const Region*> RegionTable::AtLevel(RegionLevel level) const {
  std::vector<const Region*> out;
  for (const auto& region : regions_) {
    if (region->level == level) out.push_back(region.get());
  }
  return out;
}

}  // namespace sz
