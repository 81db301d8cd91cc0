#include "llm/gbnf.hpp"

#include <nlohmann/json.hpp>

namespace plume::llm {
namespace {

// ordered_json: the properties keep the schema's order, which the grammar imposes.
using nlohmann::ordered_json;

// A GBNF string literal matching `text` exactly.
std::string literal(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out + "\"";
}

// "{m,n}" from the schema's bounds; nullopt when they make no sense.
std::optional<std::string> repetition(const ordered_json& s, const char* min_key, const char* max_key) {
    const auto min = s.value(min_key, 0);
    const auto max = s.contains(max_key) ? s[max_key].get<int>() : -1;
    if (min < 0 || (max >= 0 && max < min)) return std::nullopt;
    return "{" + std::to_string(min) + "," + (max >= 0 ? std::to_string(max) : "") + "}";
}

std::optional<std::string> value(const ordered_json& s);

std::optional<std::string> enumeration(const ordered_json& values) {
    if (!values.is_array() || values.empty()) return std::nullopt;
    std::string out = "(";
    for (const auto& v : values) out += (out.size() > 1 ? " | " : "") + literal(v.dump());
    return out + ")";
}

std::optional<std::string> object(const ordered_json& s) {
    const auto props = s.find("properties");
    if (props == s.end() || !props->is_object() || props->empty()) return std::nullopt;
    std::string out = "\"{\" ws";
    bool first = true;
    for (const auto& [name, schema] : props->items()) {
        const auto v = value(schema);
        if (!v) return std::nullopt;
        out += std::string(first ? "" : " \",\" ws") + " " + literal(ordered_json(name).dump()) + " ws \":\" ws " + *v;
        first = false;
    }
    return out + " \"}\" ws";
}

std::optional<std::string> array(const ordered_json& s) {
    const auto items = s.find("items");
    if (items == s.end() || !items->is_object()) return std::nullopt;
    const auto item = value(*items);
    const auto min = s.value("minItems", 0);
    const auto max = s.contains("maxItems") ? s["maxItems"].get<int>() : -1;
    if (!item || min < 0 || (max >= 0 && max < min)) return std::nullopt;
    if (max == 0) return "\"[\" ws \"]\" ws";
    // The first item, then the others: "{m-1,n-1}" more after it.
    const std::string more = "{" + std::to_string(std::max(0, min - 1)) + "," + (max > 0 ? std::to_string(max - 1) : "") + "}";
    const std::string list = *item + " (\",\" ws " + *item + ")" + more;
    return "\"[\" ws " + (min > 0 ? list : "(" + list + ")?") + " \"]\" ws";
}

std::optional<std::string> value(const ordered_json& s) {
    if (!s.is_object()) return std::nullopt;
    for (const char* unsupported : {"$ref", "anyOf", "oneOf", "allOf", "not", "pattern", "format", "if"})
        if (s.contains(unsupported)) return std::nullopt;
    if (s.contains("const")) return literal(s["const"].dump()) + " ws";
    if (s.contains("enum")) {
        const auto e = enumeration(s["enum"]);
        return e ? std::optional(*e + " ws") : std::nullopt;
    }
    const auto type = s.find("type");
    if (type == s.end() || !type->is_string()) return std::nullopt;
    if (*type == "object") return object(s);
    if (*type == "array") return array(s);
    if (*type == "string") {
        const auto r = repetition(s, "minLength", "maxLength");
        return r ? std::optional("\"\\\"\" char" + *r + " \"\\\"\" ws") : std::nullopt;
    }
    if (*type == "integer") return "integer ws";
    if (*type == "number") return "integer (\".\" [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})? ws";
    if (*type == "boolean") return "(\"true\" | \"false\") ws";
    if (*type == "null") return "\"null\" ws";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> json_schema_to_gbnf(std::string_view schema) {
    const auto s = ordered_json::parse(schema, nullptr, false);
    if (s.is_discarded()) return std::nullopt;
    std::optional<std::string> root;
    try {
        root = value(s);
    } catch (const nlohmann::json::exception&) {  // a bound that is not a number
        return std::nullopt;
    }
    if (!root) return std::nullopt;
    return "root ::= " + *root + "\n"
           "ws ::= \" \"?\n"
           "integer ::= \"-\"? ([0-9] | [1-9] [0-9]{1,15})\n"
           "char ::= [^\"\\\\\\x7F\\x00-\\x1F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})\n";
}

}  // namespace plume::llm
