#include "llm/guard.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "check/fidelity.hpp"
#include "plume/text.hpp"
#include "write/language.hpp"
#include "write/story.hpp"

namespace plume::llm {

namespace {

// A sentence repeats another when this share of the smaller one's distinct content stems
// is in the other, as fusion's duplicate rule for one source (src/fuse).
constexpr double kRepeatShare = 0.8;
constexpr std::size_t kRepeatMinStems = 4;  // shorter sentences share stems by chance
constexpr std::size_t kFaultsShown = 3;     // invented facts told back at once
// Share of an answer's word 8-grams found in the sources above which it copies rather than
// words: the issue's goal is 15 % over the article; a quotation, which must be copied, makes
// about 10 % of a section of 130 words (the test's paraphrases: 0, 0 and 10 %, the last with its quotation).
constexpr double kCopiedShare = 0.3;

std::vector<std::string> distinct_stems(std::string_view sentence) {
    std::vector<std::string> s = write::content_stems(sentence);
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
}

bool repeats(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const std::size_t smaller = std::min(a.size(), b.size());
    if (smaller < kRepeatMinStems) return false;
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return static_cast<double>(common.size()) >= kRepeatShare * static_cast<double>(smaller);
}

bool line_is_markup(std::string_view line) {
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.starts_with("#") || line.starts_with("> ") || line.starts_with("- ") || line.starts_with("* ") ||
        line.starts_with("+ ") || line.starts_with("|"))
        return true;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
}

// "<p>", "</b>", "<br/>": a tag, not a comparison (« moins de 5 < 7 »).
bool html_tag_at(std::string_view text, std::size_t lt) {
    std::size_t i = lt + 1;
    if (i < text.size() && text[i] == '/') ++i;
    const std::size_t name = i;
    while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= '0' && text[i] <= '9'))) ++i;
    return i > name && i < text.size() && (text[i] == '>' || text[i] == ' ' || text[i] == '/');
}

}  // namespace

Fault fault(std::string_view reason, const Values& values) {
    return {std::string(reason), fill(prompt_entry("fautes", reason), values)};
}

std::string faults_text(const std::vector<Fault>& faults) {
    std::string out;
    for (const Fault& f : faults) out += (out.empty() ? "" : " ") + f.message;
    return out;
}

std::string markup_sign(std::string_view text) {
    for (const char* sign : {"**", "__", "`", "](", "\n---", "\n==="})
        if (text.find(sign) != std::string_view::npos) return std::string(sign[0] == '\n' ? sign + 1 : sign);
    for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1))
        if (html_tag_at(text, lt)) return std::string(text.substr(lt, std::min<std::size_t>(text.find('>', lt) - lt + 1, 12)));
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        if (const std::string_view line = text.substr(pos, nl - pos); line_is_markup(line))
            return std::string(line.substr(0, std::min<std::size_t>(line.find(' ', line.find_first_not_of(' ')), 3)));
        pos = nl + 1;
    }
    return "";
}

std::vector<std::string> sentences_of(std::string_view text) {
    std::vector<std::string> out;
    for (const text::Span& s : text::split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, nl - pos);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        if (line.empty()) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + std::string(line);
        }
        pos = nl + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

Guard::Guard(std::vector<std::string> sources) : sources_(std::move(sources)) {}

std::vector<Fault> Guard::check_facts(std::string_view text, std::vector<std::string>& rejected) const {
    std::vector<Fault> out;
    if (const std::string sign = markup_sign(text); !sign.empty()) out.push_back(fault("markup", {{"signe", sign}}));
    std::vector<Fact> facts = write::extract_facts(text);
    write::trace_facts(facts, sources_);
    std::size_t told = 0;
    for (const Fact& f : facts) {
        if (f.source >= 0) continue;
        rejected.push_back(f.text);
        if (told++ < kFaultsShown) out.push_back(fault("invented-fact", {{"fait", f.text}}));
    }
    return out;
}

std::vector<Fault> Guard::check_prose(std::string_view text, std::size_t min_words, std::size_t max_words,
                                      std::vector<std::string>& rejected) const {
    const std::size_t words = text::count_words(text);
    if (words == 0) return {fault("empty")};
    std::vector<Fault> out;
    if (!write::looks_french(text)) out.push_back(fault("not-french"));
    if (words < min_words) out.push_back(fault("too-short", {{"n", std::to_string(words)}, {"min", std::to_string(min_words)}}));
    if (words > max_words) out.push_back(fault("too-long", {{"n", std::to_string(words)}, {"max", std::to_string(max_words)}}));
    if (const std::string r = repeated_sentence(text); !r.empty()) out.push_back(fault("repetition", {{"phrase", r}}));
    if (const double v = write::verbatim_share(text, sources_); v > kCopiedShare)
        out.push_back(fault("copied", {{"part", std::to_string(static_cast<int>(v * 100))}}));
    std::vector<Fault> facts = check_facts(text, rejected);
    out.insert(out.end(), facts.begin(), facts.end());
    return out;
}

template <typename Keep>
std::string Guard::kept_sentences(std::string_view text, Keep&& keep) {
    std::string out;
    for (const std::string& paragraph : paragraphs_of(text)) {
        std::string kept;
        for (const std::string& s : sentences_of(paragraph))
            if (keep(s)) kept += (kept.empty() ? "" : " ") + s;
        if (!kept.empty()) out += (out.empty() ? "" : "\n\n") + kept;
    }
    return out;
}

std::string Guard::without_untraced(std::string_view text) const {
    return kept_sentences(text, [&](const std::string& s) {
        std::vector<Fact> facts = write::extract_facts(s);
        write::trace_facts(facts, sources_);
        return std::all_of(facts.begin(), facts.end(), [](const Fact& f) { return f.source >= 0; });
    });
}

std::string Guard::without_repeated(std::string_view text) const {
    std::vector<std::vector<std::string>> seen = accepted_;
    return kept_sentences(text, [&](const std::string& s) {
        std::vector<std::string> stems = distinct_stems(s);
        if (std::any_of(seen.begin(), seen.end(), [&](const auto& earlier) { return repeats(stems, earlier); })) return false;
        seen.push_back(std::move(stems));
        return true;
    });
}

std::string Guard::repeated_sentence(std::string_view text) const {
    std::vector<std::vector<std::string>> seen = accepted_;
    for (const std::string& s : sentences_of(text)) {
        std::vector<std::string> stems = distinct_stems(s);
        for (const auto& earlier : seen)
            if (repeats(stems, earlier)) return s;
        seen.push_back(std::move(stems));
    }
    return "";
}

void Guard::accept(std::string_view text) {
    for (const std::string& s : sentences_of(text)) accepted_.push_back(distinct_stems(s));
}

void Guard::forget(std::string_view text) {
    for (const std::string& s : sentences_of(text)) {
        const auto it = std::find(accepted_.begin(), accepted_.end(), distinct_stems(s));
        if (it != accepted_.end()) accepted_.erase(it);
    }
}

}  // namespace plume::llm
