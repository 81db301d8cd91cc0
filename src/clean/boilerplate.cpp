#include "clean/boilerplate.hpp"

#include <array>
#include <string>
#include <vector>

#include "plume/text.hpp"
#include "write/cues.hpp"

namespace plume::write {

namespace {

// Site furniture is a few words; a longer line is prose, whatever its first words.
constexpr std::size_t kFurnitureMaxWords = 30;
constexpr std::size_t kCaptionMaxWords = 35;
constexpr std::size_t kCaptionTailMaxWords = 6;

struct FurnitureCue {
    std::string kind;
    std::string text;
    bool whole = false;     // cue$: the whole line
    bool number = false;    // <n> cue: after a count
    bool anywhere = false;  // *cue
};

const std::vector<FurnitureCue>& furniture_cues() {
    static const std::vector<FurnitureCue> cues = [] {
        std::vector<FurnitureCue> out;
        for (Cue& c : cue_list("boilerplate_cues")) {
            FurnitureCue f{std::move(c.kind), std::move(c.text)};
            if (f.text.ends_with('$')) f.whole = true, f.text.pop_back();
            if (f.text.starts_with("<n> ")) f.number = true, f.text.erase(0, 4);
            if (f.text.starts_with('*')) f.anywhere = true, f.text.erase(0, 1);
            if (!f.text.empty()) out.push_back(std::move(f));
        }
        return out;
    }();
    return cues;
}

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

bool matches(const FurnitureCue& cue, std::string_view line) {
    if (cue.anywhere) return line.find(cue.text) != std::string_view::npos;
    if (cue.number) {
        const std::size_t digits = line.find_first_not_of("0123456789");
        if (digits == 0 || digits == std::string_view::npos || line[digits] != ' ') return false;
        line.remove_prefix(digits + 1);
    }
    if (!line.starts_with(cue.text)) return false;
    std::string_view rest = line.substr(cue.text.size());
    if (cue.whole) return rest.find_first_not_of(" .:!") == std::string_view::npos;
    // A cue ending in punctuation ("source:") has its boundary built in.
    return rest.empty() || !word_char(cue.text.back()) || !word_char(rest.front());
}

bool has_month(std::string_view segment) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "janvier", "fevrier", "mars", "avril", "mai", "juin",
        "juillet", "aout", "septembre", "octobre", "novembre", "decembre"};
    for (const text::Token& t : text::tokenize(segment))
        for (std::string_view m : kMonths)
            if (t.view(segment) == m) return true;
    return false;
}

}  // namespace

std::string_view furniture_kind(std::string_view line) {
    if (text::count_words(line) > kFurnitureMaxWords) return {};
    const std::string form = match_form(line);
    for (const FurnitureCue& cue : furniture_cues())
        if (matches(cue, form)) return cue.kind;
    return {};
}

bool caption_shaped(std::string_view paragraph) {
    if (text::split_sentences(paragraph).size() != 1 || text::count_words(paragraph) > kCaptionMaxWords) return false;
    std::string form = match_form(paragraph);
    if (!form.ends_with('.')) return false;
    form.pop_back();
    const auto last_comma = form.rfind(',');
    if (last_comma == std::string::npos) return false;
    const std::string_view tail = std::string_view(form).substr(last_comma + 1);
    if (text::count_words(tail) <= kCaptionTailMaxWords && has_month(tail)) return true;
    return form.find(", lors d") != std::string::npos;
}

}  // namespace plume::write
