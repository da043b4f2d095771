// TemplateFields: the names each page template uses, checked against what its page kind's view
// gives, so that a misspelled {{titel}} is a warning with its file and line, not an empty string.
#pragma once

#include <vector>

#include "code_strings.h"
#include "diagnostics.h"
#include "plan.h"
#include "templates.h"

namespace sitegen {

// Renders in mind a few pages of each kind (the first and last of the kind, and a pair page
// with curated prose when there is one), walking every page template with its partials as
// Mustache would, and warns about each variable or section name that none of them could find.
// Names inside a section none of the sample pages enters are not judged.
void check_template_fields(const Templates& templates, const Plan& pages, const SiteData& site,
                           Diagnostics& diagnostics);

}  // namespace sitegen
