// Diagnostics: the warnings and errors a run collects about its inputs.
// Each names the file (and line and field where known) so the user can go straight to the mistake.
#pragma once

#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sitegen {

enum class Severity { warning, error };

// Where in a file: 1-based line and column; 0 when unknown.
struct Position {
  int line = 0;
  int column = 0;
};

// The line and column of byte `offset` of `text` (columns count characters: UTF-8 continuation
// bytes are not counted), for messages about text that is not JSON (templates).
Position position_in(const std::string& text, size_t offset);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;   // path as the user would type it, relative to the source folder when possible
  int line = 0;       // 1-based; 0 when unknown
  int column = 0;     // 1-based; 0 when unknown
  std::string field;  // JSON field path such as "frames.intro_same_class"; empty when none
  std::string message;
};

// "file:line:col: error: field: message", the compiler convention editors understand.
std::string format_diagnostic(const Diagnostic& d);

// " (did you mean \"summary\"?)" when one of `known` is a likely typo of `word`, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& known);

class Diagnostics {
 public:
  void warning(std::string file, int line, std::string field, std::string message);
  void error(std::string file, int line, std::string field, std::string message);
  void warning(std::string file, Position at, std::string field, std::string message);
  void error(std::string file, Position at, std::string field, std::string message);
  void add(Diagnostic d);

  // --strict: every warning counts as an error.
  void set_warnings_are_errors(bool on) { warnings_are_errors_ = on; }
  bool warnings_are_errors() const { return warnings_are_errors_; }

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& all() const { return items_; }

  // Remembers a file's text so that messages about it can quote the offending line.
  void add_source(const std::string& file, const std::string& text);

  struct PrintOptions {
    bool errors_only = false;  // --quiet
    bool color = false;        // on a terminal, unless NO_COLOR is set (see use_color)
    size_t limit = 100;        // past this many, one line says how many more there are
  };
  // Prints the diagnostics, each followed by the line it is about and a caret where known.
  void print(std::ostream& out, const PrintOptions& options) const;
  void print(std::ostream& out) const { print(out, PrintOptions{}); }

 private:
  std::vector<Diagnostic> items_;
  std::map<std::string, std::string> sources_;
  bool warnings_are_errors_ = false;
};

// Colour for messages on `fd`: only on a terminal, and never when NO_COLOR is set (no-color.org).
bool use_color(int fd);


}  // namespace sitegen
