// Desk records of a chunk (docs/synthetic-twente.md, "Desk events" and "Care trajectories") and the
// true CBS classification of every Veilig Thuis report (DOMAIN.md §4).
#include <algorithm>
#include <cmath>
#include <map>
#include <queue>

#include "synth/internal/chunk.h"

namespace sz::synth::internal {
namespace {

constexpr double kDaysPerMonth = 30.44;

struct Pending {
  int32_t day;
  int32_t household;
  std::vector<int32_t> core;
  std::string_view kind;  // VT geweldsvorm / wonen_verblijf soort_aanvraag
  int trigger = 0;        // 0 repeat; 1 placement career; 2 youth-care episode
  int64_t seq = 0;
  int melding = -1;  // VT: 1 melding, 0 advies, −1 decide when the report is made
};

struct HouseholdView {
  int32_t household;
  int minors = 0, adults = 0, adults_under_65 = 0, teens = 0;
  bool couple = false, has_65 = false, single = false, single_parent = false, migrant = false;
  int oldest = 0;
};

const sources::ColumnSpec* Column(const Model& model, int desk, std::string_view name) {
  return model.contracts[desk]->records->Find(name);
}

// The contract's spelling of a value (a string with static lifetime), or the first allowed value.
std::string_view Allowed(const sources::ColumnSpec* column, std::string_view value) {
  if (column == nullptr || column->allowed.empty()) return {};
  for (const std::string& allowed : column->allowed) {
    if (allowed == value) return allowed;
  }
  return column->allowed.front();
}

std::string_view Role(const Model& model, int desk, std::string_view role) {
  const sources::ColumnSpec* column = model.contracts[desk]->persons->Find("rol");
  if (column == nullptr) return {};
  for (const std::string& allowed : column->allowed) {
    if (allowed == role) return allowed;
  }
  return column->allowed.back();
}

// Picks a category value with the configured weights (uniform over the contract's values if none).
std::string_view PickCategory(const Model& model, Rng& rng, int desk, const sources::ColumnSpec& column,
                              const std::map<std::string, double>* override_weights = nullptr) {
  const DeskConfig& config = model.config->desks.at(DeskName(desk));
  const std::map<std::string, double>* weights = override_weights;
  if (weights == nullptr) {
    auto it = config.categories.find(column.name);
    if (it != config.categories.end()) weights = &it->second;
  }
  std::vector<double> w;
  for (const std::string& value : column.allowed) {
    if (weights == nullptr) {
      w.push_back(1.0);
    } else {
      auto found = weights->find(value);
      w.push_back(found == weights->end() ? 0.0 : found->second);
    }
  }
  double total = 0;
  for (double x : w) total += x;
  if (total <= 0) std::fill(w.begin(), w.end(), 1.0);
  return column.allowed[rng.Pick(w)];
}

std::vector<HouseholdView> Snapshot(const Chunk& chunk, int32_t day) {
  std::vector<HouseholdView> views;
  for (int32_t h = 0; h < static_cast<int32_t>(chunk.households.size()); ++h) {
    const Household& household = chunk.households[h];
    if (household.formed_day > day || household.ended_day <= day) continue;
    HouseholdView view;
    view.household = h;
    bool has_partner = false;
    for (int32_t p : MembersOn(chunk, h, day)) {
      const Person& person = chunk.persons[p];
      int age = AgeAt(person.birth_day, day);
      if (age < 18) {
        ++view.minors;
        if (age >= 12) ++view.teens;
      } else {
        ++view.adults;
        if (age < 65) ++view.adults_under_65;
        view.oldest = std::max(view.oldest, age);
        if (age >= 65) view.has_65 = true;
        if (person.partner >= 0) has_partner = true;
      }
      if (person.origin == Origin::kTr || person.origin == Origin::kMa || person.origin == Origin::kOther)
        view.migrant = true;
    }
    if (view.adults + view.minors == 0) continue;
    view.couple = has_partner;
    view.single = view.adults == 1 && view.minors == 0;
    view.single_parent = view.adults == 1 && view.minors > 0;
    views.push_back(view);
  }
  return views;
}

double VulnerabilityWeight(const Chunk& chunk, const HouseholdView& view, double power) {
  return std::pow(static_cast<double>(chunk.households[view.household].vulnerability), power);
}

std::string Toelichting(const Model& model, Rng& rng, const Chunk& chunk, const DeskRecord& record) {
  static const char* kTemplates[] = {
      "Melder maakt zich zorgen; situatie thuis \"onhoudbaar\" volgens buren.",
      "Eerder contact met wijkteam.\nAfspraak: huisbezoek binnen 5 werkdagen; terugkoppeling aan melder.",
      "Politie ter plaatse geweest (\"ruzie, geschreeuw\"); kinderen waren thuis.",
      "Gesprek met {naam} gevoerd; wil zelf geen hulp.\r\nNogmaals proberen via huisarts.",
      "Zie ook eerdere melding; situatie lijkt verslechterd;\nwoning ernstig vervuild.",
      "Contact met {naam}: \"het gaat wel\", maar signalen van school blijven; overleg gepland.",
      "Doorverwezen naar sociaal team; melder (anoniem) belt terug.",
      "Cliënt {naam} heeft schulden; huur 3 maanden achterstand; gesprek met corporatie.",
  };
  constexpr size_t kCount = sizeof(kTemplates) / sizeof(kTemplates[0]);
  std::string text;
  for (int attempt = 0; attempt < 4; ++attempt) {
    text = kTemplates[rng.Below(kCount)];
    bool mentions = text.find("{naam}") != std::string::npos;
    if (mentions == rng.Bernoulli(model.config->toelichting_with_name)) break;
  }
  size_t at = text.find("{naam}");
  if (at != std::string::npos) {
    std::string name = "de bewoner";
    if (!record.persons.empty()) {
      const Person& person = chunk.persons[record.persons.front().person];
      int birth_year = Date::FromDayNumber(person.birth_day).year;
      std::string_view first = GivenName(person.origin, person.female, birth_year, person.given[0]);
      std::vector<std::string_view> nicknames = Nicknames(first);
      name = std::string(person.nickname >= 0 && person.nickname < static_cast<int>(nicknames.size())
                             ? nicknames[person.nickname]
                             : first);
    }
    text.replace(at, 6, name);
  }
  return text;
}

class DeskSimulator {
 public:
  DeskSimulator(Model& model, Chunk& chunk)
      : model_(model), chunk_(chunk), rng_(Rng::Derive(model.seed, 0xDE5C, static_cast<uint64_t>(chunk.index))) {}

  void Run() {
    for (int year = model_.first_year; year <= model_.last_year; ++year) {
      int32_t year_start = DayOf(year, 1, 1);
      if (year_start > model_.end_day) break;
      int32_t year_end = std::min(DayOf(year, 12, 31), model_.end_day);
      std::vector<HouseholdView> views = Snapshot(chunk_, year_start);
      int64_t alive = 0;
      for (const Person& person : chunk_.persons) alive += person.AliveOn(year_start) ? 1 : 0;
      for (int desk : {kVeiligThuis, kZorgwekkend, kWoningvervuiling, kWonenVerblijf}) {
        ReportDesk(desk, year, year_start, year_end, views, alive);
      }
      Jeugdhulp(year, year_start, year_end);
      Wmo(year, year_start, year_end);
    }
  }

  // The extra reports of the injected dwarsverbanden planned for this chunk (crossdesk_clusters.h).
  // Runs after all years, so that with no clusters the chunk's random stream is untouched.
  void InjectCrossDeskClusters() {
    const GemeenteGeo& gemeente = model_.geography->gemeenten[chunk_.gemeente];
    size_t local = static_cast<size_t>(chunk_.index - gemeente.first_chunk);
    for (CrossDeskCluster& cluster : model_.crossdesk_clusters) {
      if (cluster.gemeente != chunk_.gemeente) continue;
      for (size_t k = 0; k < cluster.desks.size(); ++k) {
        int planned = local < cluster.planned[k].size() ? cluster.planned[k][local] : 0;
        for (int r = 0; r < planned; ++r) {
          if (InjectReport(cluster, cluster.desks[k])) ++cluster.realised;
        }
      }
    }
  }

 private:
  // One extra report of `desk` on a uniform day of the cluster's weeks, about a household living in its
  // wijk that day (weighted as the desk weighs households). False when the chunk has no such household.
  bool InjectReport(const CrossDeskCluster& cluster, int desk) {
    int32_t last = std::min(cluster.last_day, model_.end_day);
    if (last < cluster.first_day) return false;
    int32_t day = cluster.first_day + static_cast<int32_t>(rng_.Below(last - cluster.first_day + 1));
    std::vector<HouseholdView> views = Snapshot(chunk_, day);
    std::erase_if(views, [&](const HouseholdView& view) {
      const Episode& home = chunk_.households[view.household].EpisodeOn(day);
      return home.gemeente != cluster.gemeente ||
             model_.geography->WijkOf(home.gemeente, home.dwelling) != cluster.wijk;
    });
    Pending pending;
    pending.day = day;
    pending.seq = next_seq_++;
    pending.trigger = -1;
    if (desk == kVeiligThuis) {
      pending.melding = 1;
      pending.kind = DrawVtKind(true);
    } else if (desk == kWonenVerblijf) {
      pending.kind = PickCategory(model_, rng_, desk, *Column(model_, desk, "soort_aanvraag"));
    }
    WeightedIndex index = IndexFor(desk, pending.kind, views);
    if (index.empty()) return false;
    DeskRecord record;
    record.desk = desk;
    record.day = day;
    record.household = views[index.Draw(rng_)].household;
    record.gemeente = cluster.gemeente;
    std::vector<Pending> follow_ups;  // an injected report has no follow-ups
    if (desk == kVeiligThuis) {
      VeiligThuisRecord(record, pending, follow_ups);
    } else {
      ReportRecord(desk, record, pending, follow_ups);
    }
    if (record.persons.empty()) return false;
    FinishRecord(record);
    return true;
  }

  double ExpectedReports(int desk, int year, int64_t alive) const {
    const DeskConfig& config = model_.config->desks.at(DeskName(desk));
    double trend = std::pow(1.0 + config.trend_per_year, year - model_.config->population.reference_year);
    return model_.params.rate_per_person[desk] * alive * model_.geography->gemeenten[chunk_.gemeente].deprivation *
           trend;
  }

  WeightedIndex IndexFor(int desk, std::string_view kind, const std::vector<HouseholdView>& views) const {
    double power = model_.config->desks.at(DeskName(desk)).vulnerability_power;
    std::vector<double> weights;
    weights.reserve(views.size());
    for (const HouseholdView& v : views) {
      double w = VulnerabilityWeight(chunk_, v, power);
      switch (desk) {
        case kVeiligThuis:
          if (kind == "kindermishandeling")
            w *= v.minors > 0 ? 1.0 : 0.0;
          else if (kind == "partnergeweld")
            w *= v.couple ? 1.0 : (v.adults >= 2 ? 0.3 : 0.0);
          else if (kind == "ouderenmishandeling")
            w *= v.has_65 ? 1.0 : 0.0;
          else if (kind == "eergerelateerd")
            w *= v.teens > 0 ? (v.migrant ? 1.0 : 0.05) : 0.0;
          else
            w *= v.adults > 0 ? 1.0 : 0.0;
          if (v.single_parent) w *= 1.5;
          break;
        case kZorgwekkend: w *= v.adults > 0 ? (v.single ? 2.0 : 1.0) * (v.has_65 ? 1.3 : 1.0) : 0.0; break;
        case kWoningvervuiling: w *= v.adults > 0 ? (v.single ? 3.0 : 1.0) * (v.oldest >= 55 ? 2.0 : 1.0) : 0.0; break;
        case kWonenVerblijf:
          w *= v.adults_under_65 > 0 ? (v.single ? 1.5 : 1.0) * (v.single_parent ? 1.5 : 1.0) : 0.0;
          break;
        default: break;
      }
      weights.push_back(w);
    }
    return WeightedIndex(weights);
  }

  // The household of the first core person still alive on `day`, else the pending household.
  int32_t HouseholdFor(const Pending& pending, int32_t day) const {
    for (int32_t p : pending.core) {
      if (chunk_.persons[p].AliveOn(day)) return chunk_.persons[p].HouseholdOn(day);
    }
    return -1;
  }

  void ReportDesk(int desk, int year, int32_t year_start, int32_t year_end, const std::vector<HouseholdView>& views,
                  int64_t alive) {
    auto by_time = [](const Pending& a, const Pending& b) { return a.day != b.day ? a.day > b.day : a.seq > b.seq; };
    std::priority_queue<Pending, std::vector<Pending>, decltype(by_time)> queue(by_time);
    std::vector<Pending> later;
    for (Pending& pending : pending_[desk]) {
      if (pending.day <= year_end)
        queue.push(std::move(pending));
      else
        later.push_back(std::move(pending));
    }
    pending_[desk] = std::move(later);
    double expected = ExpectedReports(desk, year, alive);
    double carried = static_cast<double>(queue.size());
    int target = rng_.Poisson(expected);
    // A chunk expects only a few reports of a small desk a year (woningvervuiling: about 2). When the
    // follow-ups already due exceed the year's number, the excess is owed by the next years (cutting at
    // zero alone made the desk 7–17% too large), and the rest is rounded at random, not to the nearest.
    double wanted = target / (1.0 + model_.params.within_year_fraction[desk]) - carried - overshoot_[desk];
    overshoot_[desk] = std::max(0.0, -wanted);
    wanted = std::max(0.0, wanted);
    int fresh = static_cast<int>(std::floor(wanted));
    if (rng_.Bernoulli(wanted - fresh)) ++fresh;
    // New households: a kind first (VT), then a household weighted by vulnerability and eligibility.
    std::map<std::string_view, WeightedIndex> indexes;
    for (int k = 0; k < fresh; ++k) {
      Pending pending;
      pending.day = year_start + static_cast<int32_t>(rng_.Below(year_end - year_start + 1));
      pending.seq = next_seq_++;
      pending.trigger = -1;  // new
      if (desk == kVeiligThuis) {
        pending.melding = rng_.Bernoulli(MeldingShare()) ? 1 : 0;
        pending.kind = DrawVtKind(pending.melding == 1);
      } else if (desk == kWonenVerblijf) {
        pending.kind = PickCategory(model_, rng_, desk, *Column(model_, desk, "soort_aanvraag"));
      }
      auto it = indexes.find(pending.kind);
      if (it == indexes.end()) it = indexes.emplace(pending.kind, IndexFor(desk, pending.kind, views)).first;
      if (it->second.empty()) continue;
      // A new VT report is about a family VT does not know yet (a few tries; vulnerable families are drawn often).
      for (int attempt = 0; attempt < 6; ++attempt) {
        pending.household = views[it->second.Draw(rng_)].household;
        if (desk != kVeiligThuis) break;
        if (LastVtDay(pending.household) < YearsBefore(pending.day, 3) &&
            VtKindPossible(pending.kind, pending.household, pending.day)) {
          break;
        }
      }
      queue.push(std::move(pending));
    }
    while (!queue.empty()) {
      Pending pending = queue.top();
      queue.pop();
      int32_t household = pending.trigger == -1 ? pending.household : HouseholdFor(pending, pending.day);
      if (household < 0 || chunk_.households[household].formed_day > pending.day) continue;
      if (MembersOn(chunk_, household, pending.day).empty()) continue;
      DeskRecord record;
      record.desk = desk;
      record.day = pending.day;
      record.household = household;
      record.gemeente = chunk_.households[household].EpisodeOn(pending.day).gemeente;
      std::vector<Pending> follow_ups;
      if (desk == kVeiligThuis) {
        VeiligThuisRecord(record, pending, follow_ups);
      } else {
        ReportRecord(desk, record, pending, follow_ups);
      }
      if (record.persons.empty()) continue;
      if (desk == kVeiligThuis) {
        if (last_vt_day_.size() < chunk_.households.size()) last_vt_day_.resize(chunk_.households.size(), INT32_MIN);
        last_vt_day_[record.household] =
            std::max(last_vt_day_[record.household], record.end_day == kNever ? model_.end_day : record.end_day);
      }
      FinishRecord(record);
      for (Pending& next : follow_ups) {
        next.seq = next_seq_++;
        if (next.day > model_.end_day) continue;
        if (next.day <= year_end)
          queue.push(std::move(next));
        else
          pending_[desk].push_back(std::move(next));
      }
    }
  }

  // Whether a report of this violence type can concern the household on `day` (children, a 65+ person, adults).
  bool VtKindPossible(std::string_view kind, int32_t household, int32_t day) const {
    int minors = 0, adults = 0, elderly = 0;
    for (int32_t p : MembersOn(chunk_, household, day)) {
      int age = AgeAt(chunk_.persons[p].birth_day, day);
      if (age < 18)
        ++minors;
      else
        ++adults;
      if (age >= 65) ++elderly;
    }
    if (kind == "kindermishandeling" || kind == "eergerelateerd") return minors > 0;
    if (kind == "ouderenmishandeling") return elderly > 0;
    return adults > 0;
  }

  int32_t LastVtDay(int32_t household) const {
    return household < static_cast<int32_t>(last_vt_day_.size()) ? last_vt_day_[household] : INT32_MIN;
  }

  double MeldingShare() const {
    const DeskConfig& config = model_.config->desks.at("veilig_thuis");
    auto it = config.categories.find("soort");
    if (it == config.categories.end()) return 0.5;
    double melding = it->second.count("melding") ? it->second.at("melding") : 0;
    double advies = it->second.count("advies") ? it->second.at("advies") : 0;
    return melding + advies > 0 ? melding / (melding + advies) : 0.5;
  }

  std::string_view DrawVtKind(bool melding) {
    const VeiligThuisConfig& vt = model_.config->veilig_thuis;
    return PickCategory(model_, rng_, kVeiligThuis, *Column(model_, kVeiligThuis, "geweldsvorm"),
                        melding ? &vt.geweldsvorm_melding : &vt.geweldsvorm_advies);
  }

  void VeiligThuisRecord(DeskRecord& record, const Pending& pending, std::vector<Pending>& follow_ups) {
    const VeiligThuisConfig& vt = model_.config->veilig_thuis;
    bool melding = pending.melding >= 0 ? pending.melding == 1 : rng_.Bernoulli(MeldingShare());
    std::string_view kind = pending.kind;
    int32_t day = record.day;
    if (pending.trigger == 0 && !rng_.Bernoulli(vt.same_kind_repeat)) {
      std::string_view other = DrawVtKind(melding);
      if (VtKindPossible(other, record.household, day)) kind = other;
    }
    if (!VtKindPossible(kind, record.household, day)) {
      std::string_view other = DrawVtKind(melding);
      if (VtKindPossible(other, record.household, day)) kind = other;
    }
    std::vector<int32_t> members = MembersOn(chunk_, record.household, day);
    std::vector<int32_t> minors, adults;
    for (int32_t p : members) (AgeAt(chunk_.persons[p].birth_day, day) < 18 ? minors : adults).push_back(p);
    auto add = [&](int32_t p, std::string_view role) {
      for (const PersonInRecord& existing : record.persons)
        if (existing.person == p) return;
      record.persons.push_back({p, Role(model_, kVeiligThuis, role)});
    };
    auto age = [&](int32_t p) { return AgeAt(chunk_.persons[p].birth_day, day); };
    if (kind == "kindermishandeling" && minors.empty()) kind = "overig";
    if (kind == "ouderenmishandeling") {
      bool any = false;
      for (int32_t p : adults) any = any || age(p) >= 65;
      if (!any) kind = "overig";
    }
    if (kind == "eergerelateerd" && minors.empty()) kind = "overig";
    if (adults.empty() && kind != "kindermishandeling") return;
    if (kind == "kindermishandeling") {
      int32_t oldest_child = minors.front();
      if (minors.size() > 1 && rng_.Bernoulli(0.4)) {
        int32_t child = minors[rng_.Below(minors.size())];
        add(child, "kind");
        oldest_child = child;
      } else {
        for (size_t k = 0; k < minors.size() && k < 4; ++k) {
          add(minors[k], "kind");
          if (age(minors[k]) > age(oldest_child)) oldest_child = minors[k];
        }
      }
      std::vector<int32_t> parents;
      for (int32_t p : adults)
        if (age(p) >= age(oldest_child) + 16) parents.push_back(p);
      if (parents.size() > 1 && !rng_.Bernoulli(0.6)) parents.resize(1);
      for (size_t k = 0; k < parents.size() && k < 2; ++k)
        add(parents[k], k == 0 && rng_.Bernoulli(0.2) ? "pleger" : "ouder");
    } else if (kind == "partnergeweld") {
      int32_t victim = -1, perpetrator = -1;
      for (int32_t p : adults) {
        const Person& person = chunk_.persons[p];
        if (person.partner >= 0 && std::find(adults.begin(), adults.end(), person.partner) != adults.end()) {
          bool woman_is_victim = rng_.Bernoulli(0.8);
          bool this_is_woman = person.female;
          victim = (this_is_woman == woman_is_victim) ? p : person.partner;
          perpetrator = victim == p ? person.partner : p;
          break;
        }
      }
      if (victim < 0) {
        victim = adults[rng_.Below(adults.size())];
        for (int32_t p : adults)
          if (p != victim) {
            perpetrator = p;
            break;
          }
      }
      add(victim, "slachtoffer");
      if (perpetrator >= 0) add(perpetrator, "pleger");
      if (!minors.empty() && rng_.Bernoulli(0.5))
        for (size_t k = 0; k < minors.size() && k < 4; ++k) add(minors[k], "kind");
      if (melding && chunk_.persons[victim].female && rng_.Bernoulli(vt.wonen_verblijf_after_partnergeweld)) {
        Pending trigger;
        trigger.day = day + static_cast<int32_t>(rng_.Below(60));
        trigger.core = {victim};
        trigger.kind = Allowed(Column(model_, kWonenVerblijf, "soort_aanvraag"), "vrouwenopvang");
        trigger.trigger = 0;
        trigger.seq = next_seq_++;
        if (trigger.day <= model_.end_day) pending_[kWonenVerblijf].push_back(std::move(trigger));
      }
    } else if (kind == "ouderenmishandeling") {
      int32_t victim = adults.front();
      for (int32_t p : adults)
        if (age(p) > age(victim)) victim = p;
      add(victim, "slachtoffer");
      for (int32_t p : adults) {
        if (p != victim && rng_.Bernoulli(0.6)) {
          add(p, "pleger");
          break;
        }
      }
    } else if (kind == "eergerelateerd") {
      int32_t victim = minors.back();
      for (int32_t p : minors)
        if (chunk_.persons[p].female && age(p) >= 12) victim = p;
      add(victim, "slachtoffer");
      for (int32_t p : adults)
        if (age(p) >= age(victim) + 16) add(p, rng_.Bernoulli(0.5) ? "pleger" : "ouder");
    } else {
      int32_t victim = adults[rng_.Below(adults.size())];
      add(victim, "slachtoffer");
      if (adults.size() > 1 && rng_.Bernoulli(0.4)) {
        for (int32_t p : adults)
          if (p != victim) {
            add(p, "overig");
            break;
          }
      }
    }
    const sources::ColumnSpec* soort = Column(model_, kVeiligThuis, "soort");
    record.fields.push_back({"soort", std::string(Allowed(soort, melding ? "melding" : "advies"))});
    record.fields.push_back({"geweldsvorm", std::string(Allowed(Column(model_, kVeiligThuis, "geweldsvorm"), kind))});
    if (const sources::ColumnSpec* vervolg = Column(model_, kVeiligThuis, "vervolg")) {
      std::string value;
      if (!rng_.Bernoulli(0.03))
        value = melding ? std::string(PickCategory(model_, rng_, kVeiligThuis, *vervolg))
                        : std::string(Allowed(vervolg, "advies_gegeven"));
      record.fields.push_back({"vervolg", value});
    }
    double open_days = melding ? rng_.LogNormal(vt.case_days_melding, 0.6) : rng_.LogNormal(vt.case_days_advies, 0.9);
    int32_t close = day + static_cast<int32_t>(std::floor(open_days));
    double u = rng_.Uniform();
    int32_t vervolg_day = -1;
    if (u < vt.vervolg_probability) {
      // The next report arrives while VT is still involved; a short case (an advies) stays open until then.
      vervolg_day = day + 1 + static_cast<int32_t>(rng_.Below(std::max(30, close - day - 1)));
      close = std::max(close, vervolg_day + static_cast<int32_t>(rng_.Below(14)));
    }
    record.end_day = close > model_.end_day ? kNever : close;
    // The next report about this family: while the case is open (vervolg) or after it closed (hermelding).
    std::vector<int32_t> core;
    for (const PersonInRecord& p : record.persons) core.push_back(p.person);
    Pending next;
    next.core = core;
    next.kind = kind;
    next.trigger = 0;
    if (vervolg_day >= 0) {
      next.day = vervolg_day;
      follow_ups.push_back(next);
    } else if (u < vt.vervolg_probability + vt.hermelding_probability) {
      double gap = 0;
      for (int attempt = 0; attempt < 20; ++attempt) {
        gap = rng_.Exponential(vt.hermelding_gap_months * kDaysPerMonth);
        if (gap < 3 * 365 - 10) break;
      }
      next.day = close + 1 + static_cast<int32_t>(std::min(gap, 3.0 * 365 - 10));
      follow_ups.push_back(next);
    }
    if (melding && kind == "kindermishandeling") {
      for (const PersonInRecord& p : record.persons) {
        if (AgeAt(chunk_.persons[p.person].birth_day, day) >= 17) continue;
        if (rng_.Bernoulli(vt.jeugdhulp_after_kindermishandeling)) {
          Pending trigger;
          trigger.day = day + 14 + static_cast<int32_t>(rng_.Below(166));
          trigger.core = {p.person};
          trigger.trigger = 2;
          trigger.seq = next_seq_++;
          jeugd_pending_.push_back(trigger);
        }
        if (rng_.Bernoulli(vt.placement_after_kindermishandeling)) {
          Pending trigger;
          trigger.day = day + 30 + static_cast<int32_t>(rng_.Below(510));
          trigger.core = {p.person};
          trigger.trigger = 1;
          trigger.seq = next_seq_++;
          jeugd_pending_.push_back(trigger);
        }
        break;  // one child per report
      }
    }
  }

  void ReportRecord(int desk, DeskRecord& record, const Pending& pending, std::vector<Pending>& follow_ups) {
    const DeskConfig& config = model_.config->desks.at(DeskName(desk));
    int32_t day = record.day;
    std::vector<int32_t> members = MembersOn(chunk_, record.household, day);
    std::vector<int32_t> adults;
    for (int32_t p : members)
      if (AgeAt(chunk_.persons[p].birth_day, day) >= 18) adults.push_back(p);
    if (adults.empty()) return;
    int32_t main = adults[rng_.Below(adults.size())];
    if (!pending.core.empty() && chunk_.persons[pending.core.front()].AliveOn(day) &&
        std::find(members.begin(), members.end(), pending.core.front()) != members.end()) {
      main = pending.core.front();
    }
    auto age = [&](int32_t p) { return AgeAt(chunk_.persons[p].birth_day, day); };
    switch (desk) {
      case kZorgwekkend:
        record.persons.push_back({main, Role(model_, desk, "betrokkene")});
        if (adults.size() > 1 && rng_.Bernoulli(0.25)) {
          for (int32_t p : adults)
            if (p != main) {
              record.persons.push_back({p, Role(model_, desk, "naaste")});
              break;
            }
        }
        break;
      case kWoningvervuiling: {
        if (pending.core.empty())
          for (int32_t p : adults)
            if (age(p) > age(main)) main = p;
        record.persons.push_back({main, Role(model_, desk, "bewoner")});
        for (int32_t p : members) {
          if (p != main && record.persons.size() < 5) record.persons.push_back({p, Role(model_, desk, "medebewoner")});
        }
        if (const sources::ColumnSpec* ernst = Column(model_, desk, "ernst")) {
          int low = static_cast<int>(ernst->min.value_or(1)), high = static_cast<int>(ernst->max.value_or(9));
          std::vector<double> weights;
          for (int k = low; k <= high; ++k) weights.push_back(std::exp(-(k - 5.5) * (k - 5.5) / 5.0));
          record.fields.push_back({"ernst", std::to_string(low + static_cast<int>(rng_.Pick(weights)))});
        }
        record.fields.push_back({"dieren", rng_.Bernoulli(0.25) ? "ja" : "nee"});
        break;
      }
      case kWonenVerblijf: {
        std::string_view soort = pending.kind.empty()
                                     ? PickCategory(model_, rng_, desk, *Column(model_, desk, "soort_aanvraag"))
                                     : pending.kind;
        if (pending.core.empty()) {
          std::vector<int32_t> working_age;
          for (int32_t p : adults)
            if (age(p) < 65) working_age.push_back(p);
          if (!working_age.empty()) main = working_age[rng_.Below(working_age.size())];
        }
        record.persons.push_back({main, Role(model_, desk, "aanvrager")});
        bool family = soort == "vrouwenopvang" || rng_.Bernoulli(0.15);
        for (int32_t p : members) {
          if (p == main || record.persons.size() >= 5) continue;
          if (age(p) < 18 ? family : (family && rng_.Bernoulli(0.2)))
            record.persons.push_back({p, Role(model_, desk, "gezinslid")});
        }
        record.fields.push_back({"soort_aanvraag", std::string(soort)});
        break;
      }
      default: break;
    }
    if (rng_.Bernoulli(config.repeat_probability)) {
      Pending next;
      next.day = day + 1 + static_cast<int32_t>(rng_.Exponential(config.repeat_gap_months * kDaysPerMonth));
      next.core = {main};
      next.kind = pending.kind;
      next.trigger = 0;
      follow_ups.push_back(next);
    }
  }

  // Fills the remaining category columns from the configured weights and adds free text.
  void FinishRecord(DeskRecord& record) {
    const sources::TableSpec& table = *model_.contracts[record.desk]->records;
    for (const sources::ColumnSpec& column : table.columns) {
      if (column.type != sources::ColumnType::kCategory) continue;
      bool present = false;
      for (const auto& [name, value] : record.fields) present = present || name == column.name;
      if (present) continue;
      std::string value =
          column.nullable && rng_.Bernoulli(0.03) ? "" : std::string(PickCategory(model_, rng_, record.desk, column));
      record.fields.push_back({column.name, value});
    }
    const DeskConfig& config = model_.config->desks.at(DeskName(record.desk));
    if (rng_.Bernoulli(config.toelichting_share)) record.toelichting = Toelichting(model_, rng_, chunk_, record);
    chunk_.records.push_back(std::move(record));
  }

  std::string Provider(int desk, int count) {
    uint64_t index = rng_.Below(static_cast<uint64_t>(count));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s%06llu", desk == kJeugdhulp ? "75" : "98",
                  static_cast<unsigned long long>(MixHash(desk, index) % 1000000ULL));
    return buffer;
  }

  int32_t EighteenthBirthday(int32_t person) const {
    Date birth = Date::FromDayNumber(chunk_.persons[person].birth_day);
    return DayOf(birth.year + 18, birth.month, std::min(birth.day, DaysInMonth(birth.year + 18, birth.month)));
  }

  // One youth-care trajectory record; returns its end day (kNever if still running at the end).
  int32_t JeugdRecord(int32_t child, int32_t start, int32_t end, std::string_view form, bool placement) {
    DeskRecord record;
    record.desk = kJeugdhulp;
    record.day = start;
    record.end_day = end > model_.end_day ? kNever : end;
    record.household = chunk_.persons[child].HouseholdOn(start);
    const Household& household = chunk_.households[record.household];
    record.gemeente = household.EpisodeOn(start).gemeente;
    record.persons.push_back({child, Role(model_, kJeugdhulp, "jeugdige")});
    if (rng_.Bernoulli(model_.config->jeugdhulp.parent_listed)) {
      int child_age = AgeAt(chunk_.persons[child].birth_day, start);
      for (int32_t p : MembersOn(chunk_, record.household, start)) {
        if (AgeAt(chunk_.persons[p].birth_day, start) >= child_age + 16) {
          record.persons.push_back({p, Role(model_, kJeugdhulp, "ouder")});
          break;
        }
      }
    }
    record.fields.push_back({"vorm", std::string(Allowed(Column(model_, kJeugdhulp, "vorm"), form))});
    record.fields.push_back({"uithuisplaatsing", placement ? "ja" : "nee"});
    record.fields.push_back({"aanbieder", Provider(kJeugdhulp, model_.config->jeugdhulp.providers)});
    if (placement) {
      // The child lives with a foster family or in a facility: another address, often in another gemeente.
      int gemeente =
          rng_.Bernoulli(0.6) ? record.gemeente : static_cast<int>(rng_.Below(model_.geography->gemeenten.size()));
      const GemeenteGeo& g = model_.geography->gemeenten[gemeente];
      record.placement_gemeente = gemeente;
      record.placement_dwelling = rng_.Below(g.dwellings);
    }
    int32_t end_day = record.end_day;
    jeugd_records_.push_back(static_cast<int32_t>(chunk_.records.size()));
    FinishRecord(record);
    return end_day;
  }

  void PlacementCareer(int32_t child, int32_t start) {
    const JeugdhulpConfig& config = model_.config->jeugdhulp;
    int32_t adult = EighteenthBirthday(child);
    if (start >= adult || !chunk_.persons[child].AliveOn(start) || start > model_.end_day) return;
    int placements = 1 + rng_.Poisson(config.placements_per_placed_child - 1);
    int32_t day = start;
    int made = 0;
    bool truncated = false;
    std::vector<int32_t> career_records;
    if (rng_.Bernoulli(0.5)) {
      int32_t protection_start = std::max(model_.start_day, start - static_cast<int32_t>(rng_.Below(60)));
      int32_t protection_end =
          std::min(adult, start + static_cast<int32_t>(placements * config.placement_months * kDaysPerMonth));
      JeugdRecord(child, protection_start, protection_end, "jeugdbescherming", false);
    }
    static const std::pair<const char*, double> kForms[] = {
        {"pleegzorg", 0.45}, {"gezinshuis", 0.2}, {"residentieel", 0.35}};
    for (int k = 0; k < placements; ++k) {
      if (day > model_.end_day || day >= adult) {
        truncated = true;
        break;
      }
      std::vector<double> weights;
      for (const auto& form : kForms) weights.push_back(form.second);
      const char* form = kForms[rng_.Pick(weights)].first;
      int32_t length =
          std::max<int32_t>(14, static_cast<int32_t>(rng_.Exponential(config.placement_months * kDaysPerMonth)));
      int32_t end = std::min(day + length, adult);
      int32_t recorded_end = JeugdRecord(child, day, end, form, true);
      ++made;
      if (recorded_end == kNever) {
        truncated = true;
        break;
      }
      day = end + 1 + static_cast<int32_t>(rng_.Below(10));
      placed_until_[child] = std::max(placed_until_[child], end);
    }
    if (made == 0) return;
    ++model_.acc.placement_careers;
    model_.acc.placements += made;
    if (!truncated) {
      ++model_.acc.placement_careers_completed;
      model_.acc.placements_in_completed_careers += made;
    }
  }

  void CareEpisode(int32_t child, int32_t start) {
    const JeugdhulpConfig& config = model_.config->jeugdhulp;
    int32_t adult = EighteenthBirthday(child);
    int trajectories = 1 + rng_.Poisson(config.extra_trajectories);
    int32_t day = start;
    const sources::ColumnSpec* vorm = Column(model_, kJeugdhulp, "vorm");
    for (int k = 0; k < trajectories; ++k) {
      if (day > model_.end_day || day >= adult || !chunk_.persons[child].AliveOn(day)) break;
      std::string_view form = PickCategory(model_, rng_, kJeugdhulp, *vorm);
      int32_t length =
          std::max<int32_t>(14, static_cast<int32_t>(rng_.LogNormal(config.trajectory_months * kDaysPerMonth, 0.6)));
      int32_t end = std::min(day + length, adult);
      if (JeugdRecord(child, day, end, form, false) == kNever) break;
      day = end + 1 + static_cast<int32_t>(rng_.Below(30));
    }
  }

  void Jeugdhulp(int year, int32_t year_start, int32_t year_end) {
    const JeugdhulpConfig& config = model_.config->jeugdhulp;
    const double vulnerability_power = model_.config->desks.at("jeugdhulp").vulnerability_power;
    if (placed_until_.empty()) placed_until_.assign(chunk_.persons.size(), INT32_MIN);
    std::vector<int32_t> minors;
    std::vector<double> weights;
    for (int32_t p = 0; p < static_cast<int32_t>(chunk_.persons.size()); ++p) {
      const Person& person = chunk_.persons[p];
      if (!person.AliveOn(year_start) || AgeAt(person.birth_day, year_start) >= 18) continue;
      minors.push_back(p);
      weights.push_back(std::pow(static_cast<double>(chunk_.households[person.HouseholdOn(year_start)].vulnerability),
                                 vulnerability_power));
    }
    if (minors.empty()) return;
    WeightedIndex index(weights);
    int year_offset = year - model_.first_year;
    // Triggered episodes and placement careers of this year.
    std::vector<Pending> later;
    int triggered_careers = 0;
    std::sort(jeugd_pending_.begin(), jeugd_pending_.end(),
              [](const Pending& a, const Pending& b) { return a.day != b.day ? a.day < b.day : a.seq < b.seq; });
    for (const Pending& pending : jeugd_pending_) {
      if (pending.day > year_end) {
        later.push_back(pending);
        continue;
      }
      int32_t child = pending.core.front();
      if (pending.trigger == 1) {
        if (placed_until_[child] >= pending.day) continue;
        PlacementCareer(child, pending.day);
        ++triggered_careers;
      } else {
        CareEpisode(child, pending.day);
      }
    }
    jeugd_pending_ = std::move(later);
    double career_years = config.placements_per_placed_child * config.placement_months / 12.0;
    double new_careers = config.placement_share_minors * minors.size() / (1.0 + career_years) - triggered_careers;
    int careers = rng_.Poisson(std::max(0.0, new_careers));
    for (int k = 0; k < careers; ++k) {
      int32_t child = minors[index.Draw(rng_)];
      if (placed_until_[child] >= year_start || AgeAt(chunk_.persons[child].birth_day, year_start) > 16) continue;
      PlacementCareer(child, year_start + static_cast<int32_t>(rng_.Below(year_end - year_start + 1)));
    }
    // Regular episodes until the reach target of the year is met.
    std::vector<char> reached(chunk_.persons.size(), 0);
    auto count_reached = [&] {
      int64_t count = 0;
      for (int32_t r : jeugd_records_) {
        const DeskRecord& record = chunk_.records[r];
        if (record.day <= year_end && (record.end_day == kNever || record.end_day >= year_start)) {
          int32_t child = record.persons.front().person;
          if (!reached[child]) {
            reached[child] = 1;
            ++count;
          }
        }
      }
      return count;
    };
    int64_t reached_count = count_reached();
    double target = config.reach_share_minors * minors.size();
    double missing = target - reached_count;
    int episodes = static_cast<int>(std::floor(std::max(0.0, missing)));
    if (rng_.Uniform() < missing - std::floor(missing)) ++episodes;
    for (int k = 0; k < episodes; ++k) {
      for (int attempt = 0; attempt < 10; ++attempt) {
        int32_t child = minors[index.Draw(rng_)];
        if (reached[child]) continue;
        reached[child] = 1;
        CareEpisode(child, year_start + static_cast<int32_t>(rng_.Below(year_end - year_start + 1)));
        break;
      }
    }
    std::fill(reached.begin(), reached.end(), 0);
    int64_t final_reached = count_reached();
    int64_t placed = 0;
    std::fill(reached.begin(), reached.end(), 0);
    for (int32_t r : jeugd_records_) {
      const DeskRecord& record = chunk_.records[r];
      if (record.placement_gemeente < 0) continue;
      if (record.day <= year_end && (record.end_day == kNever || record.end_day >= year_start)) {
        int32_t child = record.persons.front().person;
        if (!reached[child]) {
          reached[child] = 1;
          ++placed;
        }
      }
    }
    auto& jeugd = model_.acc.jeugd[year_offset];
    jeugd[0] += static_cast<int64_t>(minors.size());
    jeugd[1] += final_reached;
    jeugd[2] += placed;
  }

  void Wmo(int year, int32_t year_start, int32_t year_end) {
    const WmoConfig& config = model_.config->wmo;
    const double power = model_.config->desks.at("wmo").vulnerability_power;
    const sources::ColumnSpec* soort = Column(model_, kWmo, "soort");
    if (soort == nullptr) return;
    if (wmo_active_.empty()) wmo_active_.assign(chunk_.persons.size() * soort->allowed.size(), INT32_MIN);
    for (int32_t p = 0; p < static_cast<int32_t>(chunk_.persons.size()); ++p) {
      const Person& person = chunk_.persons[p];
      if (!person.AliveOn(year_start)) continue;
      int age = AgeAt(person.birth_day, year_start);
      if (age < 18) continue;
      auto rate_it = config.new_per_1000_by_band.find(model_.config->population.age_bands[model_.AgeBand(age)]);
      if (rate_it == config.new_per_1000_by_band.end()) continue;
      int32_t h = person.HouseholdOn(year_start);
      double rate = rate_it->second / 1000.0 *
                    std::pow(static_cast<double>(chunk_.households[h].vulnerability), power) /
                    model_.params.wmo_vulnerability_mean;
      if (!rng_.Bernoulli(std::min(0.9, rate))) continue;
      int32_t day = year_start + static_cast<int32_t>(rng_.Below(year_end - year_start + 1));
      if (!person.AliveOn(day)) continue;
      // Older clients get household help and aids more often, younger ones support (begeleiding).
      std::map<std::string, double> weights = model_.config->desks.at("wmo").categories.count("soort")
                                                  ? model_.config->desks.at("wmo").categories.at("soort")
                                                  : std::map<std::string, double>{};
      for (auto& [value, weight] : weights) {
        if (value == "begeleiding" && age < 65) weight *= 3;
        if ((value == "huishoudelijke_hulp" || value == "hulpmiddel") && age >= 75) weight *= 1.5;
      }
      std::string_view kind = PickCategory(model_, rng_, kWmo, *soort, weights.empty() ? nullptr : &weights);
      size_t kind_index = 0;
      while (kind_index < soort->allowed.size() && soort->allowed[kind_index] != kind) ++kind_index;
      int32_t& active = wmo_active_[p * soort->allowed.size() + kind_index];
      if (active >= day) continue;
      auto months_it = config.duration_months.find(std::string(kind));
      double months = months_it == config.duration_months.end() ? 12 : months_it->second;
      int32_t end = day + std::max<int32_t>(7, static_cast<int32_t>(rng_.LogNormal(months * kDaysPerMonth, 0.7)));
      if (person.death_day != kNever) end = std::min(end, person.death_day);
      active = end;
      DeskRecord record;
      record.desk = kWmo;
      record.day = day;
      record.end_day = end > model_.end_day ? kNever : end;
      record.household = person.HouseholdOn(day);
      record.gemeente = chunk_.households[record.household].EpisodeOn(day).gemeente;
      record.persons.push_back({p, Role(model_, kWmo, "client")});
      record.fields.push_back({"soort", std::string(kind)});
      record.fields.push_back({"aanbieder", Provider(kWmo, config.providers)});
      FinishRecord(record);
    }
  }

  Model& model_;
  Chunk& chunk_;
  Rng rng_;
  int64_t next_seq_ = 0;
  std::array<std::vector<Pending>, kDeskCount> pending_;
  std::array<double, kDeskCount> overshoot_{};  // reports made beyond earlier years' numbers, per desk
  std::vector<Pending> jeugd_pending_;
  std::vector<int32_t> jeugd_records_;
  std::vector<int32_t> placed_until_;
  std::vector<int32_t> wmo_active_;
  std::vector<int32_t> last_vt_day_;  // per household: the last day VT was involved
};

// Until when a record makes its persons "known": the closing/end date of VT cases and care
// trajectories (kNever while running), the report date for the other desks.
int32_t KnownUntil(const DeskRecord& record) {
  if (record.desk == kVeiligThuis || record.desk == kJeugdhulp || record.desk == kWmo) return record.end_day;
  return record.day;
}

void Classify(Model& model, Chunk& chunk) {
  std::vector<DeskRecord>& records = chunk.records;
  std::stable_sort(records.begin(), records.end(), [](const DeskRecord& a, const DeskRecord& b) {
    if (a.day != b.day) return a.day < b.day;
    return a.desk < b.desk;
  });
  std::vector<std::vector<int32_t>> by_person(chunk.persons.size());
  std::map<int32_t, std::vector<int32_t>> by_household;
  for (int32_t r = 0; r < static_cast<int32_t>(records.size()); ++r) {
    for (const PersonInRecord& p : records[r].persons) by_person[p.person].push_back(r);
    by_household[records[r].household].push_back(r);
  }
  for (DeskRecord& record : records) {
    if (record.desk != kVeiligThuis) continue;
    int32_t window = YearsBefore(record.day, 3);
    bool vervolg = false, hermelding = false;
    for (const PersonInRecord& p : record.persons) {
      for (int32_t q : by_person[p.person]) {
        const DeskRecord& prior = records[q];
        if (prior.day >= record.day) break;
        int32_t until = KnownUntil(prior);
        if (prior.desk == kVeiligThuis) {
          if (until >= record.day)
            vervolg = true;
          else if (until >= window)
            hermelding = true;
        } else if (until >= window) {
          record.known_elsewhere_person = true;
        }
      }
    }
    for (int32_t q : by_household[record.household]) {
      const DeskRecord& prior = records[q];
      if (prior.day >= record.day) break;
      if (prior.desk != kVeiligThuis && KnownUntil(prior) >= window) record.known_elsewhere_household = true;
    }
    record.vt_class = vervolg ? 0 : (hermelding ? 1 : 2);
    int year_offset = Date::FromDayNumber(record.day).year - model.first_year;
    auto& classes = model.acc.vt_classes[year_offset];
    ++classes[record.vt_class];
    if (record.known_elsewhere_person) ++classes[3];
    if (record.known_elsewhere_household) ++classes[4];
  }
  // Households known at two or more desks within a calendar year.
  std::map<std::pair<int, int32_t>, int> desks_by_household_year;
  for (const DeskRecord& record : records) {
    int year_offset = Date::FromDayNumber(record.day).year - model.first_year;
    desks_by_household_year[{year_offset, record.household}] |= 1 << record.desk;
  }
  for (const auto& [key, mask] : desks_by_household_year) {
    auto& overlap = model.acc.overlap[key.first];
    ++overlap[0];
    if (__builtin_popcount(static_cast<unsigned>(mask)) >= 2) ++overlap[1];
  }
  // Realised counts and Wmo use at 75+.
  std::vector<uint32_t> wmo_years(chunk.persons.size(), 0);
  for (const DeskRecord& record : records) {
    int year_offset = Date::FromDayNumber(record.day).year - model.first_year;
    ++model.acc.desk_records[record.desk][year_offset];
    if (record.desk == kVeiligThuis) {
      bool melding = false;
      for (const auto& [name, value] : record.fields) melding = melding || (name == "soort" && value == "melding");
      ++(melding ? model.acc.vt_meldingen : model.acc.vt_adviezen)[year_offset];
    }
    if (record.desk == kWmo) {
      int32_t end = record.end_day == kNever ? model.end_day : record.end_day;
      for (int y = 0; y < model.years(); ++y) {
        if (record.day <= DayOf(model.first_year + y, 12, 31) && end >= DayOf(model.first_year + y, 1, 1)) {
          wmo_years[record.persons.front().person] |= 1u << y;
        }
      }
    }
  }
  for (int y = 0; y < model.years(); ++y) {
    int32_t jan1 = DayOf(model.first_year + y, 1, 1);
    if (jan1 > model.end_day) break;
    for (size_t p = 0; p < chunk.persons.size(); ++p) {
      const Person& person = chunk.persons[p];
      if (!person.AliveOn(jan1) || AgeAt(person.birth_day, jan1) < 75) continue;
      ++model.acc.wmo75[y][0];
      if (wmo_years[p] & (1u << y)) ++model.acc.wmo75[y][1];
    }
  }
}

}  // namespace

Status PrepareDeskParams(Model& model) {
  for (int desk = 0; desk < kDeskCount; ++desk) {
    const DeskConfig& config = model.config->desks.at(DeskName(desk));
    model.params.rate_per_person[desk] = config.reports_per_year / model.reference_population;
  }
  // Expected same-year descendants of a report at a uniform time of year (Monte Carlo, own stream).
  Rng rng = Rng::Derive(model.seed, 0x3C);
  const VeiligThuisConfig& vt = model.config->veilig_thuis;
  const DeskConfig& vt_desk = model.config->desks.at("veilig_thuis");
  double melding_share = 0.5;
  if (auto it = vt_desk.categories.find("soort"); it != vt_desk.categories.end()) {
    double m = it->second.count("melding") ? it->second.at("melding") : 0;
    double a = it->second.count("advies") ? it->second.at("advies") : 0;
    if (m + a > 0) melding_share = m / (m + a);
  }
  const int kDraws = 20000;
  for (int desk = 0; desk < kDeskCount; ++desk) {
    const DeskConfig& config = model.config->desks.at(DeskName(desk));
    int64_t descendants = 0;
    for (int k = 0; k < kDraws; ++k) {
      double t = rng.Uniform(0, 365);
      for (int depth = 0; depth < 50; ++depth) {
        double next = -1;
        if (desk == kVeiligThuis) {
          bool melding = rng.Bernoulli(melding_share);
          double open = melding ? rng.LogNormal(vt.case_days_melding, 0.6) : rng.LogNormal(vt.case_days_advies, 0.9);
          double u = rng.Uniform();
          if (u < vt.vervolg_probability)
            next = t + 1 + rng.Uniform() * std::max(30.0, open - 1);
          else if (u < vt.vervolg_probability + vt.hermelding_probability)
            next = t + open + 1 + std::min(rng.Exponential(vt.hermelding_gap_months * kDaysPerMonth), 3.0 * 365 - 10);
        } else if (rng.Bernoulli(config.repeat_probability)) {
          next = t + 1 + rng.Exponential(config.repeat_gap_months * kDaysPerMonth);
        }
        if (next < 0 || next >= 365) break;
        ++descendants;
        t = next;
      }
    }
    model.params.within_year_fraction[desk] = static_cast<double>(descendants) / kDraws;
  }
  return Status::Ok();
}

void GenerateDeskRecords(Model& model, Chunk& chunk) {
  DeskSimulator simulator(model, chunk);
  simulator.Run();
  simulator.InjectCrossDeskClusters();
  Classify(model, chunk);
}

}  // namespace sz::synth::internal
