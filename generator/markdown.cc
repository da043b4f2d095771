#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sitegen {

namespace {

// CMARK_OPT_UNSAFE is deliberately absent: raw HTML becomes a comment and dangerous URLs are
// emptied. Smart punctuation is off so the prose keeps the characters its authors typed.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

// True for a URL a browser would run or load inline: javascript:, vbscript:, file: and every data:
// URL (cmark's safe mode still lets data:image/… through). Browsers ignore leading spaces and
// control characters and tabs or newlines anywhere, so those are skipped before the scheme is read.
bool is_dangerous_url(const char* url) {
  std::string scheme;
  for (const char* c = url; *c != '\0' && *c != ':' && scheme.size() < 16; ++c) {
    unsigned char byte = static_cast<unsigned char>(*c);
    if (byte <= 0x20) continue;
    scheme += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "file" || scheme == "data";
}

// A link or image whose target is dangerous (or was emptied by safe mode) becomes its text: the
// reader sees the words, and the page has no link that goes nowhere.
void unlink_dangerous_targets(cmark_node* document) {
  std::vector<cmark_node*> doomed;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
      const char* url = cmark_node_get_url(node);
      if (url == nullptr || *url == '\0' || is_dangerous_url(url)) doomed.push_back(node);
    }
  }
  cmark_iter_free(iter);
  // Innermost first, so an outer node still holds its (already replaced) children when it moves them.
  for (auto node = doomed.rbegin(); node != doomed.rend(); ++node) {
    while (cmark_node* child = cmark_node_first_child(*node)) cmark_node_insert_before(*node, child);
    cmark_node_free(*node);
  }
}

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
  unlink_dangerous_targets(document.get());
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
