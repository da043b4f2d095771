#include "locale_keys.h"

#include <set>

namespace sitegen {

std::string value_key(const Protocol& protocol, const char* kind, const std::string& value) {
  return "protocols." + protocol.id + "." + kind + "." + value;
}

const FramePlaceholders& frame_placeholders() {
  // What each frame is given where the views above fill it: the two must agree.
  static const FramePlaceholders frames = {
      {"document_title", {"page", "site"}},
      {"code_title", {"protocol", "code", "name"}},
      {"pair_title", {"protocol", "code_a", "name_a", "code_b", "name_b"}},
      {"class_label", {"class", "name"}},
      {"class_in_sentence", {"class", "name"}},
      {"code_class", {"code", "class"}},
      {"intro_same_class", {"protocol", "a", "b", "class"}},
      {"intro_different_class", {"protocol", "a", "b", "class_a", "class_b"}},
      {"code_with_name", {"code", "name"}},
      {"meaning_line", {"code", "summary"}},
      {"class_contrast", {"a", "b", "class_a", "class_b"}},
      {"outcome_contrast", {"a", "b", "outcome_a", "outcome_b"}},
      {"retry_contrast", {"a", "b", "retry_a", "retry_b"}},
      {"defined_contrast", {"a", "b", "reference_a", "reference_b"}},
      {"trigger_contrast", {"a", "b", "trigger_a", "trigger_b"}},
      {"use_which_item", {"code", "name"}},
      {"compare_with", {"code"}},
      {"learn_more_rfc", {"code", "reference"}},
      {"other_pairs", {"code"}},
      {"meta_code", {"protocol", "code", "name"}},
      {"meta_pair", {"protocol", "code_a", "name_a", "code_b", "name_b"}},
      {"reply_quoted", {"product", "link"}},
  };
  return frames;
}

std::vector<std::string> required_locale_keys(const Catalog& catalog) {
  std::vector<std::string> keys = {
      "meta.endonym", "meta.dir", "site.title", "site.tagline",
      "ui.skip_to_content", "ui.home", "ui.breadcrumb", "ui.languages", "ui.protocols",
      "ui.english_prose_note", "ui.not_found_title", "ui.not_found_text", "ui.footer", "ui.search_label",
      "ui.search_placeholder", "ui.search_no_results", "ui.search_count", "ui.search_failed", "ui.class_jump", "ui.previous_code", "ui.next_code", "ui.code_navigation",
      "meta.og_locale",
      "headings.description", "headings.when_seen", "headings.how_to_fix", "headings.key_differences",
      "headings.when_to_use", "headings.learn_more", "headings.comparison", "headings.facts",
      "facts.code", "facts.class", "facts.class_meaning", "facts.outcome", "facts.retry", "facts.defined_in",
      "facts.trigger", "ui.differs",
      "headings.commonly_confused", "headings.why_confused", "headings.tell_apart", "headings.example"};
  // The frames and headings of catalog features a site may not use are required once it does.
  bool quotes = false, refines = false;
  for (const auto& protocol : catalog.protocols) {
    refines = refines || !protocol.refines.empty();
    for (const auto& code : protocol.codes) {
      for (const auto& reply : code.replies) quotes = quotes || !reply.product.empty();
      if (!code.replies.empty()) keys.push_back("headings.replies");
    }
  }
  for (const auto& [frame, placeholders] : frame_placeholders()) {
    if (frame != "reply_quoted" || quotes) keys.push_back("frames." + frame);
  }
  if (refines) {
    for (const char* key : {"headings.basic_codes", "headings.refined_by"}) keys.push_back(key);
  }
  for (const auto& protocol : catalog.protocols) {
    if (protocol.format.kind == CodeFormat::Kind::dotted) {
      for (const char* key : {"headings.other_classes", "facts.subject", "facts.subject_meaning"}) keys.push_back(key);
      std::set<std::string> subjects;
      for (const auto& code : protocol.codes) subjects.insert(code.subject);
      for (const auto& subject : subjects) {
        keys.push_back("subjects." + protocol.id + "." + subject + ".name");
        keys.push_back("subjects." + protocol.id + "." + subject + ".meaning");
      }
    }
    for (const char* field : {"title", "intro", "all_codes"}) keys.push_back("protocols." + protocol.id + "." + field);
    for (const auto& [klass, outcome] : protocol.class_outcomes) {
      keys.push_back("classes." + protocol.id + "." + klass + ".name");
      keys.push_back("classes." + protocol.id + "." + klass + ".meaning");
    }
    // Each protocol words the outcomes and retry values its codes have in its own terms
    // (an SMTP command, an HTTP request): the table's value and Key Differences' phrase.
    std::set<std::string> outcomes, retries;
    for (const auto& code : protocol.codes) {
      outcomes.insert(protocol.outcome_of(code));
      retries.insert(code.retry);
    }
    for (const auto& outcome : outcomes) {
      for (const char* kind : {"outcome", "outcome_phrase"}) keys.push_back(value_key(protocol, kind, outcome));
    }
    for (const auto& retry : retries) {
      for (const char* kind : {"retry", "retry_phrase"}) keys.push_back(value_key(protocol, kind, retry));
    }
  }
  return keys;
}

}  // namespace sitegen
