#include "privacy/clk.h"

#include "privacy/messages.h"

namespace sz::privacy {

size_t Clk::Popcount() const {
  size_t count = 0;
  for (uint64_t word : words_) count += static_cast<size_t>(__builtin_popcountll(word));
  return count;
}

Clk Clk::Fold(int folds) const {
  Clk current = *this;
  for (int fold = 0; fold < folds; ++fold) {
    size_t half = current.bits_ / 2;
    Clk folded(half);
    for (size_t i = 0; i < half; ++i) {
      if (current.Test(i) != current.Test(half + i)) folded.Set(i);
    }
    current = std::move(folded);
  }
  return current;
}

Clk& Clk::operator|=(const Clk& other) {
  for (size_t i = 0; i < words_.size() && i < other.words_.size(); ++i) words_[i] |= other.words_[i];
  return *this;
}

std::string Clk::ToBase64() const { return Base64Encode(ByteView(Bytes(), (bits_ + 7) / 8)); }

Result<Clk> Clk::FromBase64(std::string_view text, size_t bits) {
  Result<sz::privacy::Bytes> bytes = Base64Decode(text);
  if (!bytes.ok()) return DataError(msg::ClkNotBase64());
  if (bits == 0) bits = bytes->size() * 8;
  if (bytes->size() != (bits + 7) / 8) {
    return DataError(msg::ClkWrongLength(bytes->size() * 8, bits));
  }
  Clk clk(bits);
  std::copy(bytes->begin(), bytes->end(), clk.Bytes());
  for (size_t i = bits; i < bytes->size() * 8; ++i) {
    if (clk.Test(i)) return DataError(msg::ClkBitsBeyondLength());
  }
  return clk;
}

}  // namespace sz::privacy
