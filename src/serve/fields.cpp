#include "serve/fields.hpp"

#include "plume/text.hpp"

namespace plume::serve {
namespace {

std::string quoted(const char* name) { return std::string("\"") + name + "\""; }

}  // namespace

nlohmann::json parse_object(const std::string& body) {
    nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw BadField("the body must be a JSON object");
    return j;
}

std::string string_field(const nlohmann::json& j, const char* name, const std::string& fallback) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) throw BadField(quoted(name) + " must be a string");
    return it->get<std::string>();
}

std::string one_of(const nlohmann::json& j, const char* name, std::initializer_list<const char*> allowed,
                   const char* fallback) {
    const std::string value = string_field(j, name, fallback);
    std::string list;
    for (const char* a : allowed) {
        if (value == a) return value;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    throw BadField(quoted(name) + " must be one of: " + list);
}

std::vector<std::string> string_list_field(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return {};
    const BadField bad(quoted(name) + " must be an array of strings");
    if (!it->is_array()) throw bad;
    std::vector<std::string> out;
    for (const auto& s : *it) {
        if (!s.is_string()) throw bad;
        if (!s.get<std::string>().empty()) out.push_back(s.get<std::string>());
    }
    return out;
}

std::optional<std::size_t> count_field(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_unsigned()) throw BadField(quoted(name) + " must be a positive integer");
    return it->get<std::size_t>();
}

Format format_field(const nlohmann::json& j) {
    const std::string f = one_of(j, "format", {"auto", "md", "html", "text"}, "auto");
    if (f == "md") return Format::Markdown;
    if (f == "html") return Format::Html;
    if (f == "text") return Format::Text;
    return Format::Auto;
}

std::string keyphrase_field(const nlohmann::json& j) {
    std::string k = string_field(j, "keyphrase");
    if (!k.empty() && text::count_words(k) == 0) throw BadField("\"keyphrase\" needs at least one word");
    return k;
}

}  // namespace plume::serve
