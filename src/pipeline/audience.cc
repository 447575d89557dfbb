#include "pipeline/audience.h"

#include "pipeline/messages.h"
#include "sources/contract.h"

namespace sz::pipeline {

std::string Audience::ToString() const {
  switch (kind) {
    case AudienceKind::kPublic: return "publiek";
    case AudienceKind::kGemeente: return "gemeente:" + code;
    case AudienceKind::kDesk: return "meldpunt:" + code;
    case AudienceKind::kAnalyst: return "analist";
  }
  return "analist";
}

Result<Audience> ParseAudience(std::string_view text, const RegionTable& regions) {
  if (text == "publiek") return Audience{AudienceKind::kPublic, ""};
  if (text == "analist") return Audience{AudienceKind::kAnalyst, ""};
  const size_t colon = text.find(':');
  const std::string_view kind = text.substr(0, colon == std::string_view::npos ? text.size() : colon);
  const std::string code(colon == std::string_view::npos ? "" : text.substr(colon + 1));
  if (kind == "gemeente" && !code.empty()) {
    const Region* gemeente = regions.Find(code);
    if (gemeente == nullptr || gemeente->level != RegionLevel::kGemeente)
      return NotFoundError(msg::UnknownRegion(code));
    return Audience{AudienceKind::kGemeente, code};
  }
  if (kind == "meldpunt" && !code.empty()) {
    const sources::SourceContract* contract = sources::FindContract(code);
    if (contract == nullptr || !contract->is_desk) {
      std::vector<std::string> desks;
      for (const sources::SourceContract& c : sources::AllContracts()) {
        if (c.is_desk) desks.push_back(c.name);
      }
      return NotFoundError(msg::UnknownDeskAudience(code, desks));
    }
    return Audience{AudienceKind::kDesk, code};
  }
  return InvalidArgumentError(msg::BadAudience(text));
}

bool ReadsOnlyDesk(const std::vector<std::string>& sources, std::string_view desk) {
  bool own = false;
  for (const std::string& source : sources) {
    const sources::SourceContract* contract = sources::FindContract(source);
    if (contract == nullptr || !contract->is_desk) continue;  // bevolking, the monitor: not a desk's data
    if (source != desk) return false;
    own = true;
  }
  return own;
}

bool MaySee(const Audience& audience, RegionLevel level, std::string_view region,
            const std::vector<std::string>& sources) {
  if (audience.kind == AudienceKind::kAnalyst || level != RegionLevel::kWijk) return true;
  switch (audience.kind) {
    case AudienceKind::kPublic: return false;
    case AudienceKind::kGemeente: return ImpliedParentCode(region) == audience.code;
    case AudienceKind::kDesk: return ReadsOnlyDesk(sources, audience.code);
    case AudienceKind::kAnalyst: return true;
  }
  return false;
}

}  // namespace sz::pipeline
