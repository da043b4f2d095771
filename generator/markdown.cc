#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace sitegen {

namespace {

// CMARK_OPT_UNSAFE is deliberately absent: raw HTML becomes a comment and dangerous URLs are
// emptied. Smart punctuation is off so the prose keeps the characters its authors typed.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

}  // namespace

namespace {

enum class Output { html, plain_text };

std::string render(const std::string& markdown, Output output) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(kOptions), cmark_parser_free);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(cmark_parser_finish(parser.get()), cmark_node_free);
  char* rendered = output == Output::html
                       ? cmark_render_html(document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()))
                       : cmark_render_plaintext(document.get(), kOptions, 0);
  std::string out(rendered);
  free(rendered);
  return out;
}

}  // namespace

std::string render_markdown(const std::string& markdown) { return render(markdown, Output::html); }

std::string render_plain_text(const std::string& markdown) {
  std::string text = render(markdown, Output::plain_text);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string render_inline_markdown(const std::string& markdown) {
  std::string html = render_markdown(markdown);
  // A single paragraph renders as "<p>…</p>\n"; anything else (a list, a table) stays a block.
  const std::string open = "<p>", close = "</p>\n";
  if (html.rfind(open, 0) == 0 && html.size() >= open.size() + close.size() &&
      html.compare(html.size() - close.size(), close.size(), close) == 0 &&
      html.find(open, open.size()) == std::string::npos) {
    return html.substr(open.size(), html.size() - open.size() - close.size());
  }
  return html;
}

}  // namespace sitegen
