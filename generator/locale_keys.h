// LocaleKeys: the locale strings the pages use, and the placeholders each sentence frame is
// given. The contract between the views, which fill them, and the locale loader, which checks them.
#pragma once

#include <string>
#include <vector>

#include "catalog.h"
#include "locales.h"

namespace sitegen {

// The locale keys the views use; the default locale must define all of them.
std::vector<std::string> required_locale_keys(const Catalog& catalog);

// Every sentence frame the views fill ("code_title"), with the placeholders each is given: a
// locale's frame may use these and no others (load_locales checks every locale against it).
const FramePlaceholders& frame_placeholders();

}  // namespace sitegen
