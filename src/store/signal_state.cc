#include "store/signal_state.h"

#include "store/messages.h"

namespace sz::store {

Status CheckSignal(const StoredSignal& signal) {
  for (const std::vector<std::string>* list : {&signal.indicators, &signal.sources}) {
    for (const std::string& text : *list) {
      if (text.find(',') != std::string::npos) return InvalidArgumentError(msg::CommaInSignalList(signal.key, text));
    }
  }
  return Status::Ok();
}

}  // namespace sz::store
