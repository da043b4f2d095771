// MustacheTags: the {{…}} tags of a template or sentence frame, found by a plain scan (std::regex
// recurses per character on user input): where each is, its kind and its name.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sitegen {

struct MustacheTag {
  size_t begin = 0, end = 0;  // the tag's first byte and the byte after it
  char kind = 0;              // '>' partial, '#' '^' '/' section, '!' comment, '=' delimiters; 0 a variable
  std::string name;           // trimmed
  bool closed = false;        // its "}}" (or "}}}") was found
};

std::vector<MustacheTag> mustache_tags(const std::string& source);

// A variable tag whose name is letters, digits, '_' and '.': all a sentence frame may hold.
bool is_plain_variable(const MustacheTag& tag);

}  // namespace sitegen
