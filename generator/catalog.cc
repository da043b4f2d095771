#include "catalog.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cstdio>
#include <optional>
#include <set>
#include <stdexcept>

#include "json_file.h"
#include "input_limits.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// The formats below are checked by hand rather than with std::regex, which recurses once per
// character and overflows the stack on a long enough input.

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "smtp", "dns-over-https": a lowercase letter, then lowercase letters, digits and '-'.
bool is_protocol_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxSlugBytes || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

// "214-help-message", "5.7.1-delivery-not-authorized": the code as written, then one or more
// "-word" of lowercase letters and digits.
bool is_slug(const std::string& slug, const std::string& id) {
  if (slug.size() > kMaxSlugBytes || slug.size() < id.size() + 2 || slug.compare(0, id.size(), id) != 0 ||
      slug[id.size()] != '-') {
    return false;
  }
  for (size_t i = id.size(); i < slug.size(); ++i) {
    if (slug[i] == '-' && (i + 1 == slug.size() || slug[i + 1] == '-')) return false;
    if (slug[i] != '-' && !is_lower_alnum(slug[i])) return false;
  }
  return true;
}

// "draft-levine-mailbomb-header": lowercase letters and digits joined by single '-'.
bool is_slug_word_chain(const std::string& text) {
  if (text.empty() || text.front() == '-' || text.back() == '-' || text.find("--") != std::string::npos) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

// "RFC 5321 §4.2.2" -> {"5321", "4.2.2"}; nothing for anything else.
std::optional<std::pair<std::string, std::string>> parse_reference(const std::string& reference) {
  const std::string prefix = "RFC ", section_mark = " \u00a7";
  if (reference.size() > kMaxReferenceBytes || reference.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const size_t mark = reference.find(section_mark, prefix.size());
  if (mark == std::string::npos) return std::nullopt;
  const std::string number = reference.substr(prefix.size(), mark - prefix.size());
  const std::string section = reference.substr(mark + section_mark.size());
  if (number.empty() || !std::all_of(number.begin(), number.end(), is_digit)) return std::nullopt;
  if (section.empty() || !is_digit(section.front()) || !is_digit(section.back()) || section.find("..") != std::string::npos ||
      !std::all_of(section.begin(), section.end(), [](char c) { return is_digit(c) || c == '.'; })) {
    return std::nullopt;
  }
  return std::make_pair(number, section);
}

// The most bytes a field may have (limits.h), and whether it is Markdown prose, which may hold
// line breaks and tabs; no field may hold another control character (a NUL would reach pages).
struct FieldRule {
  size_t max_bytes;
  bool multiline;
};
FieldRule rule_of(const std::string& key) {
  if (key == "description" || key == "when_seen" || key == "how_to_fix" || key == "confusion" ||
      key == "tell_apart" || key == "example") {
    return {kMaxProseBytes, true};
  }
  if (key == "summary" || key == "trigger" || key == "title" || key == "action" || key == "retry_exception") {
    return {kMaxSummaryBytes, false};
  }
  if (key == "slug") return {kMaxSlugBytes, false};
  if (key == "defined_in" || key == "rfc") return {kMaxReferenceBytes, false};
  return {kMaxNameBytes, false};
}
const std::set<std::string> kRetrySet(std::begin(kRetryValues), std::end(kRetryValues));
const std::set<std::string> kOutcomeSet(std::begin(kOutcomes), std::end(kOutcomes));

// "a, b or c", for messages, in the order the schema lists them.
template <size_t N>
std::string one_of(const char* const (&values)[N]) {
  std::string out;
  for (size_t i = 0; i < N; ++i) out += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + values[i];
  return out;
}

}  // namespace

std::string catalog_string(const JsonFile& file, const char* key, Diagnostics& diagnostics) {
  const auto& j = file.value;
  if (!j.contains(key)) {
    diagnostics.error(file.path, 0, key, "is required");
    return "";
  }
  if (!j[key].is_string()) {
    diagnostics.error(file.path, file.where(key), key,
                      std::string("must be a string, got ") + j[key].type_name());
    return "";
  }
  std::string value = j[key].get<std::string>();
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.error(file.path, file.where(key), key, "must not be empty");
    return "";
  }
  const FieldRule rule = rule_of(key);
  if (value.size() > rule.max_bytes) {
    diagnostics.error(file.path, file.where(key), key,
                      "is " + std::to_string(value.size()) + " bytes long; the limit is " + std::to_string(rule.max_bytes));
    return "";
  }
  for (unsigned char c : value) {
    if ((c < 0x20 && !(rule.multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02X", c);
      diagnostics.error(file.path, file.where(key), key,
                        std::string("holds the control character U+00") + hex + "; remove it");
      return "";
    }
  }
  return value;
}

void warn_unknown_fields(const JsonFile& file, const std::set<std::string>& known, Diagnostics& diagnostics) {
  for (const auto& [key, value] : file.value.items()) {
    if (!known.count(key)) {
      diagnostics.warning(file.path, file.where(key), key,
                          "unknown field; it is ignored" + did_you_mean(key, {known.begin(), known.end()}));
    }
  }
}

namespace {

bool load_protocol_header(const fs::path& dir, const std::string& shown_dir, Protocol& protocol,
                          Diagnostics& diagnostics) {
  auto file = read_json_file((dir / "protocol.json").string(), shown_dir + "/protocol.json", diagnostics);
  if (!file) return false;
  int errors_before = diagnostics.error_count();
  protocol.file = file->path;
  protocol.name = catalog_string(*file, "name", diagnostics);
  protocol.title = catalog_string(*file, "title", diagnostics);
  protocol.summary = catalog_string(*file, "summary", diagnostics);
  protocol.rfc = catalog_string(*file, "rfc", diagnostics);
  const auto& j = file->value;
  std::string format_error;
  if (auto format = parse_code_format(j.contains("code_format") ? j["code_format"] : nlohmann::json(), format_error)) {
    protocol.format = *format;
  } else {
    diagnostics.error(file->path, file->where("code_format"), "code_format", format_error);
  }
  if (j.contains("pairs")) {
    static const std::map<std::string, PairPolicy> kPolicies = {{"all", PairPolicy::all},
                                                                 {"same-class", PairPolicy::same_class},
                                                                 {"same-subject", PairPolicy::same_subject},
                                                                 {"curated", PairPolicy::curated}};
    const std::string policy = j["pairs"].is_string() ? j["pairs"].get<std::string>() : "";
    if (!kPolicies.count(policy)) {
      diagnostics.error(file->path, file->where("pairs"), "pairs",
                        "must be \"all\", \"same-class\", \"same-subject\" or \"curated\"");
    } else if (policy == "same-subject" && protocol.format.kind != CodeFormat::Kind::dotted) {
      diagnostics.error(file->path, file->where("pairs"), "pairs",
                        "\"same-subject\" needs dotted codes (\"code_format\": {\"kind\": \"dotted\"}), whose "
                        "second number is the subject");
    } else {
      protocol.pairs = kPolicies.at(policy);
    }
  }
  if (j.contains("refines")) protocol.refines = catalog_string(*file, "refines", diagnostics);
  const auto& classes = j.contains("classes") ? j["classes"] : nlohmann::json();
  if (!classes.is_object() || classes.empty()) {
    diagnostics.error(file->path, file->where("classes"), "classes",
                      "must be an object such as {\"2xx\": {\"outcome\": \"success\"}}");
  } else {
    const bool ranged = protocol.format.kind == CodeFormat::Kind::integer && protocol.format.digits == 0;
    for (const auto& [klass, value] : classes.items()) {
      std::string field = "classes." + klass;
      if (std::string problem = class_key_problem(protocol.format, klass); !problem.empty()) {
        diagnostics.error(file->path, file->where(field), field, problem);
        continue;
      }
      // A class may leave its codes' outcome to each of them (HTTP 4xx and 5xx: RFC 9110 §15.5
      // lets the server say whether a condition is temporary or permanent, code by code).
      if (!value.is_object()) {
        diagnostics.error(file->path, file->where(field), field, "must be an object such as {\"outcome\": \"success\"}");
        continue;
      }
      if (value.contains("outcome") &&
          (!value["outcome"].is_string() || !kOutcomeSet.count(value["outcome"].get<std::string>()))) {
        diagnostics.error(file->path, file->where(field), field + ".outcome", "must be one of " + one_of(kOutcomes));
        continue;
      }
      // Codes written as any number from min to max belong to the class whose range holds them.
      if (ranged) {
        const auto& range = value.contains("range") ? value["range"] : nlohmann::json();
        if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() || !range[1].is_number_integer() ||
            range[0].get<long long>() > range[1].get<long long>() || range[0].get<long long>() < protocol.format.min ||
            range[1].get<long long>() > protocol.format.max) {
          diagnostics.error(file->path, file->where(field), field + ".range",
                            "must be [lowest, highest], within the code format's min and max");
          continue;
        }
        protocol.format.ranges.push_back({klass, range[0].get<int>(), range[1].get<int>()});
      } else if (value.contains("range")) {
        diagnostics.error(file->path, file->where(field), field + ".range",
                          "only codes written as a number from min to max have classes by range");
        continue;
      }
      protocol.class_outcomes[klass] = value.value("outcome", "");
    }
  }
  warn_unknown_fields(*file, {"name", "title", "summary", "rfc", "classes", "code_format", "pairs", "refines"},
                      diagnostics);
  return diagnostics.error_count() == errors_before;
}

// "401-403" -> the codes 401 and 403 ("5.1.1-5.1.2" for dotted codes); nothing for any other name.
std::optional<std::pair<CodeId, CodeId>> parse_pair_name(const CodeFormat& format, const std::string& stem) {
  const size_t dash = stem.find('-');
  if (dash == std::string::npos) return std::nullopt;
  auto low = parse_code_text(format, stem.substr(0, dash));
  auto high = parse_code_text(format, stem.substr(dash + 1));
  if (!low || !high) return std::nullopt;
  return std::make_pair(*low, *high);
}

// content/<protocol>/pairs/<low>-<high>.json: the prose of the pairs people confuse.
void load_curated_pairs(const fs::path& dir, const std::string& shown_dir, Protocol& protocol,
                        Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (const auto& name : folder_entries(dir.string())) {
    const fs::path path = dir / name;
    if (path.extension() != ".json") continue;
    const std::string shown = shown_dir + "/" + name;
    const auto numbers = parse_pair_name(protocol.format, path.stem().string());
    if (!numbers || numbers->first.key >= numbers->second.key) {
      const std::string example = protocol.format.kind == CodeFormat::Kind::dotted ? "5.1.1-5.1.2.json" : "401-403.json";
      diagnostics.error(shown, 0, "", "a curated pair is named after its two codes, the lower first: " + example);
      continue;
    }
    bool known = true;
    for (const CodeId& id : {numbers->first, numbers->second}) {
      if (!protocol.find(id.text)) {
        diagnostics.error(shown, 0, "", "compares code " + id.text + ", which " + shown_dir.substr(0, shown_dir.rfind('/')) +
                                            "/ does not define");
        known = false;
      }
    }
    auto file = read_json_file(path.string(), shown, diagnostics);
    if (!file || !known) continue;
    const int errors_before = diagnostics.error_count();
    CuratedPair pair;
    pair.low = numbers->first.text;
    pair.high = numbers->second.text;
    pair.file = shown;
    for (const auto& [key, value] : file->value.items()) pair.positions[key] = file->where(key);
    pair.confusion = catalog_string(*file, "confusion", diagnostics);
    pair.tell_apart = catalog_string(*file, "tell_apart", diagnostics);
    pair.example = catalog_string(*file, "example", diagnostics);
    warn_unknown_fields(*file, {"confusion", "tell_apart", "example"}, diagnostics);
    if (diagnostics.error_count() == errors_before) protocol.curated.push_back(std::move(pair));
  }
}

// "basic_codes": [550, 551]: codes of the protocol this one refines, which need not all be in
// the catalog (the registry names codes a site may not describe).
void parse_basic_codes(const JsonFile& file, const Protocol& protocol, Code& code, Diagnostics& diagnostics) {
  const auto& value = file.value["basic_codes"];
  if (protocol.refines.empty()) {
    diagnostics.error(file.path, file.where("basic_codes"), "basic_codes",
                      "needs \"refines\" in protocol.json: the protocol whose codes these are");
    return;
  }
  if (!value.is_array()) {
    diagnostics.error(file.path, file.where("basic_codes"), "basic_codes", "must be a list of codes such as [550, 554]");
    return;
  }
  for (const auto& item : value) {
    if (!item.is_number_integer() || item.get<long long>() < 0 || item.get<long long>() > 999999999) {
      diagnostics.error(file.path, file.where("basic_codes"), "basic_codes", "must be a list of codes such as [550, 554]");
      return;
    }
    code.basic_codes.push_back(std::to_string(item.get<long long>()));
  }
}

// "replies": [{"text": "550 5.7.1 Relaying denied"}, {"text": …, "product": "Gmail", "source": "https://…"}]
void parse_replies(const JsonFile& file, Code& code, Diagnostics& diagnostics) {
  const auto& value = file.value["replies"];
  const std::string usage = "must be a list of {\"text\": \"550 5.7.1 …\"}, with \"product\" and \"source\" for a "
                            "line quoted from a server product";
  if (!value.is_array()) {
    diagnostics.error(file.path, file.where("replies"), "replies", usage);
    return;
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const auto& item = value[i];
    const std::string field = "replies[" + std::to_string(i) + "]";
    if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) {
      diagnostics.error(file.path, file.where("replies"), field, usage);
      continue;
    }
    Reply reply;
    reply.text = item["text"].get<std::string>();
    for (const auto& [key, part] : item.items()) {
      if (key != "text" && key != "product" && key != "source") {
        diagnostics.error(file.path, file.where("replies"), field + "." + key, "unknown field; " + usage);
      } else if (!part.is_string() || part.get<std::string>().empty() || part.get<std::string>().size() > kMaxSummaryBytes ||
                 part.get<std::string>().find_first_of("\r\n\t") != std::string::npos) {
        diagnostics.error(file.path, file.where("replies"), field + "." + key, "must be one line of text");
      }
    }
    reply.product = item.value("product", "");
    reply.source = item.value("source", "");
    if (!reply.product.empty() && reply.source.compare(0, 8, "https://") != 0) {
      diagnostics.error(file.path, file.where("replies"), field + ".source",
                        "a line quoted from " + reply.product + " needs \"source\": the https:// address of the public "
                        "page that shows it");
    } else if (reply.product.empty() && !reply.source.empty()) {
      diagnostics.error(file.path, file.where("replies"), field + ".product", "a reply with a source names its product");
    }
    code.replies.push_back(std::move(reply));
  }
}

}  // namespace

bool parse_code(const JsonFile& parsed, const Protocol& protocol, Code& code, Diagnostics& diagnostics) {
  const JsonFile* file = &parsed;
  const std::string& shown = parsed.path;
  int errors_before = diagnostics.error_count();
  const auto& j = file->value;
  code.file = shown;
  for (const auto& [key, value] : j.items()) code.positions[key] = file->where(key);

  if (!j.contains("code")) {
    diagnostics.error(shown, 0, "code", "is required");
  } else if (auto id = parse_code_value(protocol.format, j["code"])) {
    code.id = id->text;
    code.key = id->key;
    code.subject = subject_of(protocol.format, *id);
  } else {
    diagnostics.error(shown, file->where("code"), "code", "must be " + code_format_example(protocol.format));
  }
  code.name = catalog_string(*file, "name", diagnostics);
  code.slug = catalog_string(*file, "slug", diagnostics);
  code.klass = catalog_string(*file, "class", diagnostics);
  code.summary = catalog_string(*file, "summary", diagnostics);
  code.description = catalog_string(*file, "description", diagnostics);
  code.when_seen = catalog_string(*file, "when_seen", diagnostics);
  code.how_to_fix = catalog_string(*file, "how_to_fix", diagnostics);
  code.defined_in = catalog_string(*file, "defined_in", diagnostics);
  code.trigger = catalog_string(*file, "trigger", diagnostics);
  code.retry = catalog_string(*file, "retry", diagnostics);
  if (j.contains("outcome")) {
    code.outcome = catalog_string(*file, "outcome", diagnostics);
    if (!code.outcome.empty() && !kOutcomeSet.count(code.outcome)) {
      diagnostics.error(shown, file->where("outcome"), "outcome", "\"" + code.outcome + "\" must be one of " + one_of(kOutcomes));
    }
  }
  code.action = catalog_string(*file, "action", diagnostics);
  if (j.contains("retry_exception")) code.retry_exception = catalog_string(*file, "retry_exception", diagnostics);
  if (j.contains("basic_codes")) parse_basic_codes(*file, protocol, code, diagnostics);
  if (j.contains("replies")) parse_replies(*file, code, diagnostics);
  warn_unknown_fields(*file,
                      {"code", "name", "slug", "class", "summary", "description", "when_seen", "how_to_fix",
                       "action", "defined_in", "trigger", "retry", "outcome", "retry_exception", "basic_codes",
                       "replies"},
                      diagnostics);

  if (!code.id.empty() && !code.slug.empty() && !is_slug(code.slug, code.id)) {
    diagnostics.error(shown, file->where("slug"), "slug",
                      "\"" + code.slug + "\" must be the code followed by lowercase ASCII words joined by '-', such as \"" +
                          slug_for(code.id, code.name.empty() ? "help message" : code.name) + "\"");
  }
  if (!code.id.empty() && !code.klass.empty()) {
    const std::string expected = class_of(protocol.format, CodeId{code.id, code.key});
    if (code.klass != expected) {
      diagnostics.error(shown, file->where("class"), "class",
                        "\"" + code.klass + "\" does not match the code " + code.id +
                            (expected.empty() ? "; no class of protocol.json has a range that holds it"
                                              : "; expected \"" + expected + "\""));
    } else if (!protocol.class_outcomes.count(code.klass)) {
      diagnostics.error(shown, file->where("class"), "class",
                        "\"" + code.klass + "\" is not a class of this protocol's protocol.json");
    }
  }
  if (!code.defined_in.empty() && rfc_url(code.defined_in).empty()) {
    diagnostics.error(shown, file->where("defined_in"), "defined_in",
                      "\"" + code.defined_in + "\" must look like \"RFC 5321 §4.2.2\", or name an Internet-Draft "
                      "such as \"draft-levine-mailbomb-header\"");
  }
  if (!code.retry.empty() && !kRetrySet.count(code.retry)) {
    diagnostics.error(shown, file->where("retry"), "retry", "\"" + code.retry + "\" must be one of " + one_of(kRetryValues));
  }
  if (code.outcome.empty() && !code.klass.empty() && protocol.class_outcomes.count(code.klass) &&
      protocol.class_outcomes.at(code.klass).empty()) {
    diagnostics.error(shown, 0, "outcome",
                      "is required: class " + code.klass + " has no usual outcome in protocol.json, so each of its codes "
                      "gives its own (" + one_of(kOutcomes) + ")");
  }
  return diagnostics.error_count() == errors_before;
}

const std::string& Code::english(const std::string& field) const {
  if (field == "summary") return summary;
  if (field == "description") return description;
  if (field == "when_seen") return when_seen;
  if (field == "how_to_fix") return how_to_fix;
  if (field == "action") return action;
  if (field == "trigger") return trigger;
  throw std::logic_error("no prose field \"" + field + "\" in a code");
}

const std::string& CuratedPair::english(const std::string& field) const {
  if (field == "confusion") return confusion;
  if (field == "tell_apart") return tell_apart;
  if (field == "example") return example;
  throw std::logic_error("no prose field \"" + field + "\" in a curated pair");
}

const CuratedPair* Protocol::curated_pair(const Code& a, const Code& b) const {
  const Code& low = a.key < b.key ? a : b;
  const Code& high = a.key < b.key ? b : a;
  for (const auto& pair : curated) {
    if (pair.low == low.id && pair.high == high.id) return &pair;
  }
  return nullptr;
}

const std::string& Protocol::english(const std::string& field) const {
  if (field == "title") return title;
  if (field == "summary") return summary;
  throw std::logic_error("no prose field \"" + field + "\" in a protocol");
}

const Code* Protocol::find(const std::string& id) const {
  for (const auto& code : codes) {
    if (code.id == id) return &code;
  }
  return nullptr;
}

std::vector<const Code*> Protocol::other_classes_of(const Code& code) const {
  std::vector<const Code*> out;
  if (code.subject.empty()) return out;
  for (const auto& other : codes) {
    if (&other != &code && other.key[1] == code.key[1] && other.key[2] == code.key[2]) out.push_back(&other);
  }
  return out;
}

const Protocol* Catalog::find(const std::string& id) const {
  for (const auto& protocol : protocols) {
    if (protocol.id == id) return &protocol;
  }
  return nullptr;
}

std::string slug_for(const std::string& code, const std::string& name) {
  std::string slug = code;
  bool pending_dash = true;
  for (char raw : name) {
    unsigned char c = static_cast<unsigned char>(raw);
    if (c == '\'') continue;  // "I'm" -> "im"
    if (std::isalnum(c) && c < 0x80) {
      if (pending_dash) slug += '-';
      slug += static_cast<char>(std::tolower(c));
      pending_dash = false;
    } else {
      pending_dash = true;
    }
  }
  return slug;
}

const std::string& Protocol::outcome_of(const Code& code) const {
  return code.outcome.empty() ? class_outcomes.at(code.klass) : code.outcome;  // parse_code saw to it
}

std::string rfc_url(const std::string& reference) {
  // A code registered from an Internet-Draft (SMTP X.7.28) is defined there and nowhere else.
  if (reference.size() > 6 && reference.size() <= kMaxReferenceBytes && reference.compare(0, 6, "draft-") == 0 &&
      is_slug_word_chain(reference)) {
    return "https://datatracker.ietf.org/doc/" + reference + "/";
  }
  const auto parsed = parse_reference(reference);
  if (!parsed) return "";
  return "https://www.rfc-editor.org/rfc/rfc" + parsed->first + "#section-" + parsed->second;
}

namespace {

// Each protocol that refines another (the enhanced status codes refine SMTP's reply codes) makes
// the other's codes list the codes that name them, so the two link both ways.
void link_refinements(Catalog& catalog, Diagnostics& diagnostics) {
  for (auto& protocol : catalog.protocols) {
    if (protocol.refines.empty()) continue;
    auto basic = std::find_if(catalog.protocols.begin(), catalog.protocols.end(),
                              [&](const Protocol& other) { return other.id == protocol.refines; });
    if (basic == catalog.protocols.end() || &*basic == &protocol || !basic->refines.empty()) {
      diagnostics.error(protocol.file, 0, "refines",
                        "\"" + protocol.refines + "\" must be another protocol folder of content/ that refines none");
      protocol.refines.clear();
      continue;
    }
    if (!basic->refined_by.empty()) {
      diagnostics.error(protocol.file, 0, "refines",
                        "content/" + basic->refined_by + "/ already refines " + basic->id + "; one protocol may");
      protocol.refines.clear();
      continue;
    }
    basic->refined_by = protocol.id;
    std::map<std::string, Code*> by_id;
    for (auto& code : basic->codes) by_id[code.id] = &code;
    for (const auto& code : protocol.codes) {
      for (const auto& id : code.basic_codes) {
        if (auto it = by_id.find(id); it != by_id.end()) it->second->refined_by.push_back(code.id);
      }
    }
  }
}

}  // namespace

Catalog load_catalog(const std::string& content_dir, Diagnostics& diagnostics) {
  Catalog catalog;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    diagnostics.error("content", 0, "", "the content folder does not exist");
    return catalog;
  }
  std::vector<fs::path> protocol_dirs;
  for (const auto& name : folder_entries(content_dir)) {
    const fs::path path = fs::path(content_dir) / name;
    if (auto broken = broken_link(path.string())) {
      diagnostics.error("content/" + name, 0, "", *broken);
    } else if (fs::is_directory(path, ec)) {
      protocol_dirs.push_back(path);
    }
  }

  for (const auto& dir : protocol_dirs) {
    Protocol protocol;
    protocol.id = dir.filename().string();
    std::string shown_dir = "content/" + protocol.id;
    if (!is_protocol_id(protocol.id)) {
      diagnostics.error(shown_dir, 0, "", "a protocol folder name must be lowercase ASCII, such as \"smtp\"");
      continue;
    }
    if (!load_protocol_header(dir, shown_dir, protocol, diagnostics)) continue;

    // Every *.json entry is a code, whatever it is on disk: one that is not a readable file (a
    // folder, a FIFO, a broken symlink) is reported when it is read, never skipped in silence.
    std::vector<fs::path> files;
    for (const auto& name : folder_entries(dir.string())) {
      const fs::path path = dir / name;
      if (path.extension() == ".json" && name != "protocol.json") files.push_back(path);
    }
    for (const auto& path : files) {
      Code code;
      std::string shown = shown_dir + "/" + path.filename().string();
      auto file = read_json_file(path.string(), shown, diagnostics);
      if (!file || !parse_code(*file, protocol, code, diagnostics)) continue;
      bool duplicate = false;
      for (const auto& other : protocol.codes) {
        if (other.id == code.id) {
          diagnostics.error(shown, 0, "code", code.id + " is already defined in " + other.file);
          duplicate = true;
        } else if (other.slug == code.slug) {
          diagnostics.error(shown, 0, "slug", "\"" + code.slug + "\" is already used by " + other.file);
          duplicate = true;
        }
      }
      if (!duplicate) protocol.codes.push_back(std::move(code));
    }
    std::sort(protocol.codes.begin(), protocol.codes.end(),
              [](const Code& a, const Code& b) { return a.key < b.key; });
    load_curated_pairs(dir / "pairs", shown_dir + "/pairs", protocol, diagnostics);
    // In code order (5.7.8 vs 5.7.9 before 5.7.23 vs 5.7.24), as the file names do not sort.
    std::sort(protocol.curated.begin(), protocol.curated.end(), [&](const CuratedPair& a, const CuratedPair& b) {
      return std::make_pair(protocol.find(a.low)->key, protocol.find(a.high)->key) <
             std::make_pair(protocol.find(b.low)->key, protocol.find(b.high)->key);
    });
    if (protocol.codes.empty()) {
      diagnostics.warning(shown_dir, 0, "", "the protocol has no codes; it gets no pages");
      continue;
    }
    catalog.protocols.push_back(std::move(protocol));
  }
  link_refinements(catalog, diagnostics);
  return catalog;
}

}  // namespace sitegen
