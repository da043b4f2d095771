#include "diagnostics.h"

namespace sitegen {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.column > 0) out += ":" + std::to_string(d.column);
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  if (!d.field.empty()) out += "\"" + d.field + "\": ";
  out += d.message;
  return out;
}

void Diagnostics::warning(std::string file, int line, std::string field, std::string message) {
  add({Severity::warning, std::move(file), line, 0, std::move(field), std::move(message)});
}

void Diagnostics::error(std::string file, int line, std::string field, std::string message) {
  add({Severity::error, std::move(file), line, 0, std::move(field), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (warnings_are_errors_ && d.severity == Severity::warning) d.severity = Severity::error;
  items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  int n = 0;
  for (const auto& d : items_) n += d.severity == Severity::error;
  return n;
}

int Diagnostics::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << format_diagnostic(d) << "\n";
}

}  // namespace sitegen
