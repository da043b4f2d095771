#include "check.h"

#include "build.h"
#include "site.h"

namespace sitegen {

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  diagnostics.set_warnings_are_errors(options.strict);
  std::optional<Site> site = load_site(options.source, diagnostics);
  diagnostics.print(err);

  size_t codes = 0, protocols = 0, locales = 0, templates = 0;
  if (site) {
    protocols = site->catalog.protocols.size();
    for (const auto& protocol : site->catalog.protocols) codes += protocol.codes.size();
    locales = site->locales.list.size();
    templates = site->templates.pages_.size() + site->templates.partials_.size();
  }
  out << "sitegen check: " << diagnostics.error_count() << " error(s), " << diagnostics.warning_count()
      << " warning(s) in " << codes << " codes of " << protocols << " protocol(s), " << locales << " locale(s), "
      << templates << " template(s)\n";
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace sitegen
