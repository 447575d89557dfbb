// Clk: one Bloom-filter encoding of a record (a "cryptographic long-term key"), as clkhash makes it.
//
//   Clk clk(1024);
//   clk.Set(17);
//   std::string text = clk.ToBase64();                 // as clkhash: base64 of the bytes
//   ASSIGN_OR_RETURN(Clk back, Clk::FromBase64(text, 1024));
//
// Bit order is clkhash's (Python bitarray, big-endian): bit 0 is the most significant bit of byte 0.
// The bits live in 64-bit words (so Dice coefficients can use popcount on whole words, dice.h); a
// filter whose length is not a multiple of 64 keeps its tail bits zero.
// Thread safety: values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "privacy/bytes.h"

namespace sz::privacy {

class Clk {
 public:
  Clk() = default;
  explicit Clk(size_t bits) : bits_(bits), words_((bits + 63) / 64, 0) {}

  size_t size() const { return bits_; }
  void Set(size_t index) { Bytes()[index >> 3] |= static_cast<uint8_t>(0x80u >> (index & 7)); }
  bool Test(size_t index) const { return (Bytes()[index >> 3] >> (7 - (index & 7))) & 1; }
  size_t Popcount() const;

  // XOR-folds `folds` times (clkhash fold_xor): each fold XORs the first half with the second half.
  // Requires size() divisible by 2^folds.
  Clk Fold(int folds) const;
  Clk& operator|=(const Clk& other);

  // The ceil(size/8) bytes, base64-encoded: clkhash's serialisation.
  std::string ToBase64() const;
  // `bits` 0 means 8 × the number of decoded bytes. kDataError for bad base64 or a length mismatch.
  static Result<Clk> FromBase64(std::string_view text, size_t bits = 0);

  const std::vector<uint64_t>& words() const { return words_; }
  bool operator==(const Clk& other) const = default;

 private:
  uint8_t* Bytes() { return reinterpret_cast<uint8_t*>(words_.data()); }
  const uint8_t* Bytes() const { return reinterpret_cast<const uint8_t*>(words_.data()); }

  size_t bits_ = 0;
  std::vector<uint64_t> words_;
};

}  // namespace sz::privacy
