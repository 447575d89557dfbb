// PostcodeTable: Dutch PC6 postcode → gemeente, wijk and buurt, used by `pseudonymise` to coarsen
// an address to its wijk and buurt before anything leaves the desk.
//
// File format (any dialect CsvReader accepts): a header with `postcode;gemeente;wijk;buurt`, one row
// per postcode (`1234AB`, a space or lower case are accepted). The synthetic generator writes one
// for the synthetic Twente (DIR/postcodes.csv); for production, derive it from CBS's
// "Postcode-huisnummer-buurt" table by taking, per PC6, the buurt of most addresses.
//
//   ASSIGN_OR_RETURN(PostcodeTable table, PostcodeTable::Load("postcodes.csv", regions));
//   const PostcodeArea* area = table.Find("7511 ab");   // nullptr if unknown
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/region.h"
#include "core/status.h"

namespace sz::io {

struct PostcodeArea {
  std::string gemeente;
  std::string wijk;
  std::string buurt;
};

class PostcodeTable {
 public:
  // Every wijk and buurt must exist in `regions` (errors name file, line and column).
  static Result<PostcodeTable> Load(const std::string& path, const RegionTable& regions);

  // "7511 ab" → "7511AB"; "" if the text is not a Dutch postcode (4 digits, first not 0, 2 letters).
  static std::string Normalise(std::string_view postcode);

  const PostcodeArea* Find(std::string_view postcode) const;
  size_t size() const { return areas_.size(); }
  void Add(const std::string& normalised_postcode, PostcodeArea area) { areas_[normalised_postcode] = std::move(area); }

 private:
  std::unordered_map<std::string, PostcodeArea> areas_;
};

}  // namespace sz::io
