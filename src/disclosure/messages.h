// The texts of the disclosure module, in Dutch: the reasons a cell is not shown as computed (the
// export's `reden`) and the errors of the table and the audit. One place, so that the export, the
// server and the dashboard show the same words. Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>

namespace sz::disclosure::msg {

// Reasons (rules.h).
std::string NoValue();
std::string SmallCount(int min_count);
std::string SmallNumerator(int min_count);
std::string SmallDenominator(int min_denominator);
std::string FewRespondents(int min_respondents);
std::string FewEnded(int min_count);  // a median over fewer registrations that ended
std::string RoundedWijk(int base);
std::string SecondarySuppression(double min_width);
// A count hidden because a rate over it is hidden by its own rule (`rate_reason`).
std::string HiddenWithRate(const std::string& rate_reason);

// Errors (table.h, audit.h, protect.h).
std::string BadCellValue(size_t cell, double value);
std::string RelationUnknownCell(size_t relation, int cell);
std::string RelationCellTwice(size_t relation, int cell);
std::string KnowledgeSize(size_t given, size_t cells);
std::string AuditUnknownCell(int cell);
std::string AuditInfeasible(int cell, int lp_status);
std::string ProtectSizes(size_t cells, size_t published, size_t primary, size_t cost);
std::string CannotProtect(int cell, double lower, double upper, double min_width);

}  // namespace sz::disclosure::msg
