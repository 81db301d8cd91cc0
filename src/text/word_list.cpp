// Word lists written for plume in data/fr, compiled into the library.
#include <map>
#include <mutex>
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
    static std::mutex mutex;
    static std::map<std::string, std::unordered_set<std::string>, std::less<>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    std::unordered_set<std::string> list;
    for (unsigned i = 0; i < data::kFileCount; ++i)
        if (data::kFiles[i].first == name) list = parse_list(data::kFiles[i].second);
    return cache.emplace(std::string(name), std::move(list)).first->second;
}

}  // namespace plume::text
