#include "diagnostics.h"

#include <algorithm>

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

namespace {

// Edit distance (insertions, deletions, substitutions) between two short words.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : known) {
    size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
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
