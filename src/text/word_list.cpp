// Word lists written for plume in data/fr, compiled into the library.
#include <vector>
#include <utility>

#include "plume/text.hpp"

namespace plume::data {
extern const std::pair<std::string_view, std::string_view> kFiles[];
extern const unsigned kFileCount;
}  // namespace plume::data

namespace plume::text {

namespace {
std::unordered_set<std::string> parse_list(std::string_view content) {
    std::unordered_set<std::string> out;
    while (!content.empty()) {
        const auto nl = content.find('\n');
        std::string_view line = content.substr(0, nl);
        content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty()) out.insert(lowercase(line));
    }
    return out;
}
}  // namespace

const std::unordered_set<std::string>& word_list(std::string_view name) {
    // Every list is parsed once, on first use; lookups after that take no lock.
    static const std::vector<std::pair<std::string_view, std::unordered_set<std::string>>> lists = [] {
        std::vector<std::pair<std::string_view, std::unordered_set<std::string>>> out;
        for (unsigned i = 0; i < data::kFileCount; ++i)
            out.emplace_back(data::kFiles[i].first, parse_list(data::kFiles[i].second));
        return out;
    }();
    static const std::unordered_set<std::string> none;
    for (const auto& [n, list] : lists)
        if (n == name) return list;
    return none;
}

}  // namespace plume::text
