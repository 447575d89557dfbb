// The in-memory backend of Store: everything in the process's memory, gone when the Store is.
// For tests (the conformance suite runs on it beside SQLite) and for throwaway runs
// (OpenStore("memory:")). A transaction keeps a copy of the state it started from and puts it back
// on rollback, so atomicity is exact; the copy makes it slow for large stores.
// Private to the store module: other modules use OpenStore("memory:") (store.h).
#pragma once

#include <memory>

#include "core/status.h"
#include "store/store.h"

namespace sz::store {

Result<std::unique_ptr<Store>> OpenMemoryStore();

}  // namespace sz::store
