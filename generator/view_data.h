// ViewData: what a template sees, kainjow's data, and the helpers views build it with. Here, and
// only here, kainjow's const accessors are written through, so that nothing is copied twice.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <utility>

namespace sitegen {

using ViewData = kainjow::mustache::data;

// kainjow's data copies whatever it is given, and its move is not noexcept, so a growing
// std::vector of it copies every item again. Views are built with these helpers, which move.

// A string value. kainjow hands its string out only as const; this one is ours and not const.
inline ViewData text(std::string value) {
  ViewData out(ViewData::type::string);
  const_cast<std::string&>(out.string_value()) = std::move(value);
  return out;
}

// An empty list with room for `capacity` items, and appending to it.
inline ViewData list(size_t capacity) {
  ViewData out(ViewData::type::list);
  const_cast<kainjow::mustache::list&>(out.list_value()).reserve(capacity);
  return out;
}
inline void append(ViewData& list, ViewData item) {
  const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
}

// An object from name, value pairs: fields("href", text(href), "label", text(label)).
inline void set_fields(ViewData&) {}
template <typename... Rest>
void set_fields(ViewData& object, const char* name, ViewData value, Rest&&... rest) {
  object[name] = std::move(value);
  set_fields(object, std::forward<Rest>(rest)...);
}
template <typename... Pairs>
ViewData fields(Pairs&&... pairs) {
  ViewData object;
  set_fields(object, std::forward<Pairs>(pairs)...);
  return object;
}

}  // namespace sitegen
