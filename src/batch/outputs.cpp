// The outputs of a batch item and how a later run knows they are done.
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "batch/items.hpp"

namespace plume::batch {

namespace fs = std::filesystem;

namespace {

std::optional<Rating> rating_named(const nlohmann::json& j) {
    if (!j.is_string()) return std::nullopt;
    for (Rating r : {Rating::Bad, Rating::Ok, Rating::Good})
        if (j.get<std::string>() == to_string(r)) return r;
    return std::nullopt;
}

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str(), nullptr, false);
}

// ".<name>.md.XXXXXX" or ".<name>.json.XXXXXX": what write_file_atomically creates first.
std::string temporary_owner(const std::string& file) {
    constexpr std::size_t kSuffix = 7;  // ".XXXXXX" of mkstemp
    if (!file.starts_with('.') || file.size() < kSuffix + 2 || file[file.size() - kSuffix] != '.') return "";
    const fs::path base = file.substr(1, file.size() - kSuffix - 1);
    return base.extension() == ".md" || base.extension() == ".json" ? base.stem().string() : "";
}

}  // namespace

// A JSON file of the right shape but wrong types (edited by hand) is not done either.
std::optional<BatchItem> finished_item(const fs::path& out_dir, const std::string& name, const std::string& hash) try {
    std::error_code ec;
    if (!fs::is_regular_file(out_dir / (name + ".md"), ec)) return std::nullopt;
    const nlohmann::json j = read_json(out_dir / (name + ".json"));
    if (!j.is_object() || j.value("/batch/inputs"_json_pointer, std::string()) != hash) return std::nullopt;
    const auto& analysis = j.value("analysis", nlohmann::json::object());
    const auto seo = rating_named(analysis.value("/seo/rating"_json_pointer, nlohmann::json()));
    const auto readability = rating_named(analysis.value("/readability/rating"_json_pointer, nlohmann::json()));
    if (!seo || !readability || !j.value("words", nlohmann::json()).is_number_unsigned()) return std::nullopt;
    return BatchItem{name,      BatchStatus::AlreadyDone, j["words"].get<std::size_t>(), *seo, *readability,
                     j.value("warnings", nlohmann::json::array()).size(), ""};
} catch (const nlohmann::json::exception&) {
    return std::nullopt;
}

void write_outputs(const fs::path& out_dir, const std::string& name, const WriteResult& result, const std::string& hash) {
    write_file_atomically((out_dir / (name + ".md")).string(), render_article_markdown(result));
    std::string json = render_article_json(result);
    json.pop_back();  // the closing brace: the hash goes last, in an object of its own
    json += R"(,"batch":{"inputs":")" + hash + "\"}}\n";
    write_file_atomically((out_dir / (name + ".json")).string(), json);
}

void remove_stale_temporaries(const fs::path& out_dir, const std::vector<Item>& items) {
    std::set<std::string> names;
    for (const Item& item : items) names.insert(item.name);
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(out_dir, ec)) {
        const std::string owner = temporary_owner(e.path().filename().string());
        if (!owner.empty() && names.contains(owner) && e.is_regular_file(ec)) fs::remove(e.path(), ec);
    }
}

}  // namespace plume::batch
