// libFuzzer target: one catalog entry (content/<protocol>/<code>.json) as arbitrary bytes, through
// the JSON reader, the schema checks and the linter. Nothing may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog.h"
#include "lint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitegen::Diagnostics diagnostics;
  auto file = sitegen::parse_json_text(std::string(reinterpret_cast<const char*>(data), size),
                                       "content/smtp/250.json", diagnostics);
  if (!file) return 0;
  sitegen::Protocol protocol;
  protocol.id = "smtp";
  protocol.name = "SMTP";
  protocol.rfc = "RFC 5321";
  protocol.class_outcomes = {{"2xx", "success"}, {"3xx", "intermediate"}, {"4xx", "transient"}, {"5xx", "permanent"}};
  sitegen::Code code;
  if (sitegen::parse_code(*file, protocol, code, diagnostics)) {
    protocol.codes.push_back(code);
    sitegen::Catalog catalog;
    catalog.protocols.push_back(protocol);
    sitegen::lint_catalog(catalog, diagnostics);
  }
  for (const auto& d : diagnostics.all()) (void)sitegen::format_diagnostic(d);
  return 0;
}
