#include "batch/items.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "plume/parse.hpp"

namespace plume::batch {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) throw InputError(fmt::format("{}: cannot list the directory ({})", dir.string(), ec.message()));
    std::vector<fs::directory_entry> entries;
    for (const fs::directory_entry& e : it)
        if (!hidden(e.path())) entries.push_back(e);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    return entries;
}

bool same_place(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

Item item_of(const fs::directory_entry& e) {
    if (!e.is_directory()) return {e.path().stem().string(), {e.path().string()}, ""};
    Item item{e.path().filename().string(), {}, ""};
    for (const fs::directory_entry& f : sorted_entries(e.path()))
        if (f.is_regular_file()) item.files.push_back(f.path().string());
    if (item.files.empty()) item.error = "no source file in the folder";
    return item;
}

// FNV-1a, 64 bits: a change detector, not a defence against forged inputs.
class Fnv {
public:
    // Each field with its length, so that ("ab", "c") and ("a", "bc") differ.
    Fnv& add(std::string_view s) {
        mix(std::to_string(s.size()));
        mix(":");
        mix(s);
        return *this;
    }
    std::string hex() const { return fmt::format("{:016x}", h_); }

private:
    void mix(std::string_view s) {
        for (unsigned char c : s) h_ = (h_ ^ c) * 0x100000001b3ULL;
    }
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::vector<Item> list_items(const fs::path& input_dir, const fs::path& out_dir) {
    std::vector<Item> items;
    std::map<std::string, std::string> taken;  // item name -> the entry that has it
    for (const fs::directory_entry& e : sorted_entries(input_dir)) {
        if (same_place(e.path(), out_dir) || !(e.is_directory() || e.is_regular_file())) continue;
        Item item = item_of(e);
        const auto [first, fresh] = taken.emplace(item.name, e.path().filename().string());
        if (!fresh)
            item.error = fmt::format("same output name as {}", first->second);
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<SourceInput> read_sources(const Item& item) {
    std::vector<SourceInput> sources;
    for (const std::string& file : item.files) sources.push_back({file, read_input(file), "", Format::Auto});
    return sources;
}

std::string inputs_hash(const std::vector<SourceInput>& sources, const BatchOptions& o) {
    const WriteOptions& w = o.write;
    Fnv h;
    h.add("plume batch 1").add(w.keyphrase).add(w.min_words ? std::to_string(*w.min_words) : "").add(w.site_url);
    h.add(w.date).add(w.force ? "force" : "").add(w.lang == Lang::En ? "en" : "fr").add(o.model);
    h.add(std::to_string(w.synonyms.size()));
    for (const std::string& s : w.synonyms) h.add(s);
    for (const SourceInput& s : sources) h.add(s.name).add(s.bytes);
    return h.hex();
}

}  // namespace plume::batch
