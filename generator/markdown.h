// Markdown: catalog prose rendered to HTML by cmark-gfm with the GFM extensions, in safe mode.
// Raw HTML is dropped; a link or image to a javascript:, vbscript:, file: or data: URL keeps only its text.
#pragma once

#include <string>

namespace sitegen {

// Block Markdown -> HTML ("<p>…</p>\n…").
std::string render_markdown(const std::string& markdown);

// One paragraph of Markdown -> inline HTML without the surrounding <p>, for sentences that go
// inside other sentences or list items.
std::string render_inline_markdown(const std::string& markdown);

// Markdown -> plain text without markup, for meta descriptions and the search index.
std::string render_plain_text(const std::string& markdown);

}  // namespace sitegen
