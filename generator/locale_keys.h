// LocaleKeys: the locale strings the pages use, and the placeholders each sentence frame is
// given. The contract between the views, which fill them, and the locale loader, which checks them.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "locales.h"

namespace sitegen {

// "protocols.http.outcome.transient": how a protocol words one of its codes' values in a locale.
// `kind` is "outcome" or "retry" (the facts table's value) or "outcome_phrase" or "retry_phrase"
// (the same as a clause for Key Differences' frames).
std::string value_key(const Protocol& protocol, const char* kind, const std::string& value);

// The locale keys the views use; the default locale must define all of them.
std::vector<std::string> required_locale_keys(const Catalog& catalog);

// Every sentence frame the views fill ("code_title"), with the placeholders each is given: a
// locale's frame may use these and no others (load_locales checks every locale against it).
const FramePlaceholders& frame_placeholders();

}  // namespace sitegen
