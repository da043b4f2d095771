// InputLimits: the largest inputs sitegen accepts. Past them an input is an error naming the file and
// the limit, where it would otherwise exhaust the stack, the memory or the file system's names.
#pragma once

#include <cstddef>

namespace sitegen {

// JSON files (settings, catalog entries, locales).
inline constexpr size_t kMaxJsonBytes = 4 * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 32;

// Catalog fields, in bytes. A slug is a URL path segment and a file name: file systems take 255.
inline constexpr size_t kMaxSlugBytes = 200;
inline constexpr size_t kMaxNameBytes = 200;
inline constexpr size_t kMaxReferenceBytes = 100;  // defined_in, rfc
inline constexpr size_t kMaxSummaryBytes = 1000;   // summary, trigger, title
inline constexpr size_t kMaxProseBytes = 20000;    // description, when_seen, how_to_fix

// Locale strings and sentence frames.
inline constexpr size_t kMaxLocaleStringBytes = 10000;
inline constexpr size_t kMaxPlaceholderBytes = 64;

// Templates: one file, how deeply sections nest, a page template with its partials spliced in,
// and one rendered page.
inline constexpr size_t kMaxTemplateBytes = 1024 * 1024;
inline constexpr int kMaxSectionDepth = 32;
inline constexpr int kMaxPartialDepth = 8;
inline constexpr size_t kMaxExpandedTemplateBytes = 2 * 1024 * 1024;
inline constexpr size_t kMaxPageBytes = 16 * 1024 * 1024;

}  // namespace sitegen
