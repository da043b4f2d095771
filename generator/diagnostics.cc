#include "diagnostics.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

namespace sitegen {

Position position_in(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  Position at{1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

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

void Diagnostics::warning(std::string file, Position at, std::string field, std::string message) {
  add({Severity::warning, std::move(file), at.line, at.column, std::move(field), std::move(message)});
}

void Diagnostics::error(std::string file, Position at, std::string field, std::string message) {
  add({Severity::error, std::move(file), at.line, at.column, std::move(field), std::move(message)});
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

void Diagnostics::add_source(const std::string& file, const std::string& text) { sources_[file] = text; }

void Diagnostics::print(std::ostream& out, const PrintOptions& options) const {
  size_t printed = 0, skipped = 0;
  for (const auto& d : items_) {
    if (options.errors_only && d.severity != Severity::error) continue;
    if (printed == options.limit) {
      ++skipped;
      continue;
    }
    ++printed;
    std::string line = format_diagnostic(d);
    if (options.color) {
      // Bold location, red "error" / magenta "warning", as compilers do.
      size_t kind = line.find(d.severity == Severity::error ? ": error: " : ": warning: ");
      const char* paint = d.severity == Severity::error ? "\033[1;31m" : "\033[1;35m";
      std::string word = d.severity == Severity::error ? "error" : "warning";
      line = "\033[1m" + line.substr(0, kind) + "\033[0m: " + paint + word + "\033[0m" +
             line.substr(kind + 3 + word.size());
    }
    out << line << "\n";
    // The offending line with a caret under the column (or under the line's first character).
    auto source = sources_.find(d.file);
    if (d.line <= 0 || source == sources_.end()) continue;
    size_t start = 0;
    for (int n = 1; n < d.line && start != std::string::npos; ++n) {
      start = source->second.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos || start >= source->second.size()) continue;
    std::string text = source->second.substr(start, source->second.find('\n', start) - start);
    if (text.size() > 200) text = text.substr(0, 200) + "…";
    std::string number = std::to_string(d.line);
    size_t column = d.column > 0 ? static_cast<size_t>(d.column - 1) : text.find_first_not_of(" \t");
    if (column == std::string::npos || column > text.size()) column = 0;
    std::string pad(number.size(), ' ');
    std::string indent;
    for (size_t i = 0; i < column; ++i) indent += text[i] == '\t' ? '\t' : ' ';
    out << " " << number << " | " << text << "\n " << pad << " | " << indent << (options.color ? "\033[1;32m^\033[0m" : "^")
        << "\n";
  }
  if (skipped) out << "… and " << skipped << " more\n";
}

bool use_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color);
}

}  // namespace sitegen
