#include "write/cues.hpp"

#include "plume/text.hpp"

namespace plume::write {

std::vector<Cue> cue_list(std::string_view name) {
    std::vector<Cue> out;
    for (const std::string& entry : text::word_list(name)) {
        const auto bar = entry.find('|');
        if (bar == std::string::npos) continue;
        std::string kind = match_form(entry.substr(0, bar));
        std::string cue = match_form(entry.substr(bar + 1));
        if (!kind.empty() && !cue.empty()) out.push_back({std::move(kind), std::move(cue)});
    }
    return out;
}

std::string match_form(std::string_view s) {
    std::string unified;
    unified.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (const char c = s[i]; static_cast<unsigned char>(c) < 0x80) {  // most of a text: none of the marks below
            unified += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
            ++i;
            continue;
        }
        const std::string_view rest = s.substr(i);
        if (rest.starts_with("\u00A0") || rest.starts_with("\u202F") || rest.starts_with("\u2009")) {
            unified += ' ';
            i += rest.starts_with("\u00A0") ? 2 : 3;
        } else if (rest.starts_with("\u2019") || rest.starts_with("\u2018") || rest.starts_with("\u02BC")) {
            unified += '\'';
            i += rest.starts_with("\u02BC") ? 2 : 3;
        } else {
            unified += s[i++];
        }
    }
    const std::string folded = text::strip_accents(text::lowercase(unified));
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if ((c == ':' || c == ';' || c == '!' || c == '?') && !out.empty() && out.back() == ' ') out.pop_back();
        out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace plume::write
