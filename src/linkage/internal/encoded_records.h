// The linker's internal name for RecordColumns (record_columns.h).
#pragma once

#include "linkage/record_columns.h"

namespace sz::linkage::internal {

using EncodedRecords = RecordColumns;
using sz::linkage::Encode;

}  // namespace sz::linkage::internal
