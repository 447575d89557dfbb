// False-discovery control over every test of a signal run: Benjamini–Hochberg adjusted p-values, as
// R's p.adjust(p, method = "BH").
//
// Contract: q_i = min over j with p_(j) ≥ p_i of (n / rank_j) · p_(j), capped at 1, where n counts the
// p-values that are not NaN (R's default n = length(p) after NAs are removed: NA stays NA and does not
// count). Ties get the same q. The output has the input's order and length. Empty in, empty out.
// Thread safety: pure function.
//
//   std::vector<double> q = BenjaminiHochberg({0.01, 0.04, 0.03, NAN});   // {0.03, 0.04, 0.04, NaN}
//
// Checked by tests/signals/fdr_test.cc against R's golden values (scripts/golden/signals.R).
#pragma once

#include <vector>

namespace sz::signals {

std::vector<double> BenjaminiHochberg(const std::vector<double>& p);

}  // namespace sz::signals
