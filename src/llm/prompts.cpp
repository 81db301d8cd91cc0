#include "llm/prompts.hpp"

#include <algorithm>

namespace plume::prompts {
extern const std::pair<std::string_view, std::string_view> kFiles[];
extern const unsigned kFileCount;
}  // namespace plume::prompts

namespace plume::llm {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view prompt_file(std::string_view name) {
    for (unsigned i = 0; i < prompts::kFileCount; ++i)
        if (prompts::kFiles[i].first == name) return prompts::kFiles[i].second;
    return {};
}

std::string_view prompt_entry(std::string_view file, std::string_view key) {
    std::string_view content = prompt_file(file);
    while (!content.empty()) {
        const std::size_t nl = content.find('\n');
        const std::string_view line = content.substr(0, nl);
        content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
        const std::size_t bar = line.find('|');
        if (line.starts_with('#') || bar == std::string_view::npos) continue;
        if (trim(line.substr(0, bar)) == key) return trim(line.substr(bar + 1));
    }
    return {};
}

std::string fill(std::string_view tmpl, const Values& values) {
    std::string out;
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        const std::size_t open = tmpl.find("{{", pos);
        const std::size_t close = open == std::string_view::npos ? open : tmpl.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(tmpl.substr(pos, open - pos));
        const std::string_view name = tmpl.substr(open + 2, close - open - 2);
        const auto v = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == name; });
        if (v != values.end()) out += v->second;
        else out.append(tmpl.substr(open, close + 2 - open));  // unknown: left as written
        pos = close + 2;
    }
    out.append(tmpl.substr(std::min(pos, tmpl.size())));
    return out;
}

}  // namespace plume::llm
