#include "llm/model_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <tuple>

#include "analyze/keyphrase.hpp"
#include "analyze/readability/readability.hpp"
#include "analyze/title_width.hpp"
#include "check/check.hpp"
#include "check/fidelity.hpp"
#include "compose/compose.hpp"
#include "compose/typography.hpp"
#include "llm/guard.hpp"
#include "llm/prompts.hpp"
#include "plume/llm.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "write/language.hpp"

namespace plume::llm {

namespace {

using Clock = std::chrono::steady_clock;
using write::say;

// Each part's words: the intro about an eighth of the article, the sections (the conclusion
// among them) the rest in proportion to what their sources tell, none over what one section
// may hold (the analyser's 300 words, with room for the model's overshoot).
constexpr double kIntroShare = 0.12;
constexpr std::size_t kIntroMin = 60, kIntroMax = 150;
constexpr std::size_t kSectionMin = 80, kSectionMax = 220;
constexpr std::size_t kSectionLimit = 300;    // words a section may hold (analyser)
constexpr std::size_t kParagraphLimit = 150;  // words a paragraph may hold (analyser)
constexpr std::size_t kWordsPerParagraph = 110;
constexpr int kAsks = 3;  // an answer and up to two corrections
constexpr std::size_t kHeadingMinWords = 2, kHeadingMaxWords = 10;

enum class PartKind { Intro, Section, Conclusion };

using Repairs = std::vector<std::pair<std::string, int>>;  // reason -> times, first seen first

void count_repair(Repairs& repairs, const std::string& reason, int times = 1) {
    const auto it = std::find_if(repairs.begin(), repairs.end(), [&](const auto& kv) { return kv.first == reason; });
    if (it != repairs.end()) it->second += times;
    else repairs.emplace_back(reason, times);
}

// What wording one part added to the report, kept apart while the parts are asked at once
// and added in plan order, so that the report does not depend on which answered first.
struct Tally {
    Repairs repairs;
    std::vector<std::string> facts_rejected;
    std::vector<ModelReport::Replaced> replaced;
};

struct Part {
    PartKind kind = PartKind::Section;
    std::string heading;  // plume's, or the model's once accepted
    std::vector<int> sentences;
    std::vector<ArticleBlock> fallback;  // plume's own text for the part
    std::size_t target = 0;
    std::vector<std::string> text;  // the model's paragraphs; empty: the fallback
    Tally tally;

    std::string name() const { return kind == PartKind::Intro ? "introduction" : heading; }
    std::size_t min_words() const { return target * 85 / 100; }
    std::size_t max_words() const {
        const std::size_t m = target * 135 / 100;
        return kind == PartKind::Intro ? m : std::min(m, kSectionLimit);
    }
};

std::size_t sentence_words(const write::Story& story, const std::vector<int>& ids) {
    std::size_t n = 0;
    for (int i : ids) n += story.sentences[static_cast<std::size_t>(i)].words;
    return n;
}

// The body's words over the sections in proportion to their sources' words; what a section
// cannot hold over kSectionMax goes to the others, in the same proportion.
void allot_words(std::vector<Part>& parts, const write::Story& story, std::size_t total) {
    const std::size_t intro = std::clamp(static_cast<std::size_t>(kIntroShare * static_cast<double>(total)), kIntroMin, kIntroMax);
    std::vector<Part*> open;
    double body = static_cast<double>(total);
    for (Part& p : parts)
        if (p.kind == PartKind::Intro) p.target = intro, body -= static_cast<double>(intro);
        else open.push_back(&p);
    for (bool capped = true; capped && !open.empty();) {
        double source = 0;
        for (const Part* p : open) source += static_cast<double>(std::max<std::size_t>(1, sentence_words(story, p->sentences)));
        capped = false;
        for (Part* p : open) {
            const double share = static_cast<double>(std::max<std::size_t>(1, sentence_words(story, p->sentences))) / source;
            p->target = std::clamp(static_cast<std::size_t>(std::max(0.0, share * body)), kSectionMin, kSectionMax);
        }
        for (auto it = open.begin(); it != open.end();)
            if ((*it)->target == kSectionMax) body -= kSectionMax, it = open.erase(it), capped = true;
            else ++it;
    }
}

std::string json_quoted(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

// The part's source sentences as numbered JSON strings: data, never instructions (a quote
// or a line break inside one cannot end it).
std::string extracts(const write::Story& story, const std::vector<int>& ids) {
    std::string out;
    int n = 0;
    for (int i : ids) out += fmt::format("{}. {}\n", ++n, json_quoted(story.sentences[static_cast<std::size_t>(i)].text));
    return out;
}

std::string fact_list(const write::Story& story, const std::vector<int>& ids) {
    std::string joined;
    for (int i : ids) joined += story.sentences[static_cast<std::size_t>(i)].text + "\n";
    std::string out;
    for (const Fact& f : write::extract_facts(joined)) out += (out.empty() ? "" : ", ") + json_quoted(f.text);
    return out.empty() ? "aucun" : out;
}

bool has_keyphrase(std::string_view text, const std::string& keyphrase) {
    const analysis::Keyphrase k = analysis::make_keyphrase(keyphrase, MatchMode::French);
    const std::vector<text::Token> tokens = text::tokenize(text);
    return !k.empty() && analysis::find_in_sentence(k, text, tokens).count > 0;
}

std::string first_sentence(std::string_view text) {
    const std::vector<text::Span> s = text::split_sentences(text);
    return s.empty() ? std::string(text) : std::string(text.substr(s[0].begin, s[0].end - s[0].begin));
}

std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string joined(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::vector<ArticleBlock> blocks_of(const std::vector<std::string>& paragraphs) {
    std::vector<ArticleBlock> out;
    for (const std::string& p : paragraphs) out.push_back({BlockKind::Paragraph, 0, {{write::french_typography(p), -1}}, ""});
    return out;
}


// A part's sentences as the analyser reads them (passiveVoice, textSentenceLength) and the
// shares those assessments compare with their thresholds.
struct Readability {
    struct Sentence {
        std::string text;
        std::size_t words = 0;
        bool passive = false, long_one = false;
    };
    std::vector<Sentence> sentences;
    std::size_t passive = 0, long_ones = 0;
    double passive_pct = 0, long_pct = 0;

    bool too_passive() const { return passive_pct > analysis::readability::kPassiveOk; }
    bool too_long() const { return long_pct > analysis::readability::kLongSentencesOk; }
};

// How many of `bad` sentences of `all` must go for their share to be at most `ok` %.
std::size_t over(std::size_t bad, std::size_t all, double ok) {
    const auto allowed = static_cast<std::size_t>(ok * static_cast<double>(all) / 100);
    return bad > allowed ? bad - allowed : 0;
}

Readability readability_of(const std::vector<std::string>& paragraphs) {
    namespace rd = analysis::readability;
    Readability r;
    for (const std::string& paragraph : paragraphs)
        for (std::string& s : sentences_of(paragraph)) {
            const std::size_t words = text::count_words(s);
            if (words == 0) continue;  // the analyser counts none
            const bool is_passive = rd::is_passive(s), is_long = words > rd::kSentenceMaxWords;
            r.passive += is_passive;
            r.long_ones += is_long;
            r.sentences.push_back({std::move(s), words, is_passive, is_long});
        }
    r.passive_pct = rd::percentage(r.passive, r.sentences.size());
    r.long_pct = rd::percentage(r.long_ones, r.sentences.size());
    return r;
}

// The whole article as the analyser reads it: every sentence of its analysed blocks (title,
// headings, text, sources), which is what Yoast's thresholds are about.
Readability readability_of(const Article& a) {
    std::vector<std::string> blocks;
    for (const Block& b : article_document(a).blocks)
        if (analysis::readability::analysed(b)) blocks.push_back(b.text);
    return readability_of(blocks);
}

std::string percent(double pct) {
    std::string s = fmt::format("{:g}", pct);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

struct Meta {
    std::string title, description;
    std::vector<std::string> headings;  // empty strings: plume's own
};

class Writer {
public:
    Writer(const write::Story& story, const write::Plan& plan, const WriteOptions& o, WriteResult& r)
        : story_(story), plan_(plan), o_(o), r_(r), rep_(r.model), guard_(write::source_texts(story)),
          system_(prompt_file("systeme")) {}

    void run(const std::string& date);

private:
    const write::Story& story_;
    const write::Plan& plan_;
    const WriteOptions& o_;
    WriteResult& r_;
    ModelReport& rep_;
    mutable std::mutex mutex_;  // rep_'s counters and the progress lines, while parts are asked at once
    Guard guard_;
    std::string system_;
    std::vector<Part> parts_;
    Article base_;  // plume's own article without derived sections: the frame and fallbacks

    void make_parts(const std::string& date);
    std::string meta_prompt() const;
    std::string part_prompt(const Part& p) const;
    std::optional<ChatAnswer> call(const std::vector<Message>& messages, int max_tokens, const std::optional<std::string>& schema,
                                   std::string& failure);
    Meta ask_meta();
    std::vector<Fault> meta_faults(const nlohmann::json& j, Meta& keep);
    void ask_parts();
    void ask_part(Part& p);
    void settle(Part& p);
    void repair_opening(Part& p, const std::vector<Fault>& faults);
    std::vector<std::vector<std::string>> style_picks(const Readability& article) const;
    void repair_style(Part& p, const std::vector<std::string>& asked, const Meta& meta);
    std::string restyle(Part& p, const std::vector<std::string>& asked, const ChatAnswer& answer, const Meta& meta, const Readability& before,
                        const std::vector<Fault>& faults);
    void repairs(const Meta& meta);
    Article article(const Meta& meta) const;
    void assemble(const Meta& meta);
    void progress(const std::string& line) const {
        std::lock_guard lock(mutex_);
        if (o_.model.progress) o_.model.progress(line);
    }
    template <typename F>
    void timed(const char* step, F&& f) {
        const auto start = Clock::now();
        const int calls = rep_.calls;
        f();
        rep_.steps.push_back({step, rep_.calls - calls, std::chrono::duration<double>(Clock::now() - start).count()});
    }
    void add(const Tally& t) {
        for (const auto& [reason, n] : t.repairs) count_repair(rep_.repairs, reason, n);
        rep_.facts_rejected.insert(rep_.facts_rejected.end(), t.facts_rejected.begin(), t.facts_rejected.end());
        rep_.replaced.insert(rep_.replaced.end(), t.replaced.begin(), t.replaced.end());
    }
};

void Writer::make_parts(const std::string& date) {
    write::Plan frame = plan_;
    frame.subheadings = true;  // the sections apart, to reword one by one
    frame.target_words = 0;    // no derived section: the model reaches the length
    base_ = write::compose(story_, frame, date, o_.site_url);
    if (!plan_.intro.empty()) parts_.push_back({PartKind::Intro, "", plan_.intro, base_.intro, 0, {}, {}});
    std::size_t k = 0;
    for (const Section& s : base_.sections) {
        if (s.kind != SectionKind::Body && s.kind != SectionKind::Conclusion) continue;
        const write::PlannedSection& ps = plan_.sections[k++];
        parts_.push_back({ps.conclusion ? PartKind::Conclusion : PartKind::Section, s.heading, ps.sentences, s.blocks, 0, {}, {}});
    }
    allot_words(parts_, story_, r_.target_words);
}

std::string Writer::meta_prompt() const {
    std::string sections;
    int n = 0;
    for (const Part& p : parts_) {
        if (p.kind == PartKind::Intro) continue;
        sections += fmt::format("Section {} :\n", ++n);
        const std::vector<int> first(p.sentences.begin(), p.sentences.begin() + std::min<std::ptrdiff_t>(2, std::ssize(p.sentences)));
        sections += extracts(story_, first);
    }
    return fill(prompt_file("meta"), {{"requete", plan_.keyphrase}, {"nombre", std::to_string(plan_.subheadings ? n : 0)}, {"sections", sections}});
}

std::string Writer::part_prompt(const Part& p) const {
    const char* role = p.kind == PartKind::Intro ? "introduction" : p.kind == PartKind::Conclusion ? "conclusion" : "section";
    std::string synonyms;
    for (const std::string& s : plan_.synonyms) synonyms += (synonyms.empty() ? " ; synonymes : « " : ", « ") + s + " »";
    return fill(prompt_file("section"),
                {{"sujet", json_quoted(base_.title)},
                 {"requete", plan_.keyphrase},
                 {"synonymes", synonyms},
                 {"role", fill(prompt_entry("roles", role), {{"requete", plan_.keyphrase}, {"intertitre", p.heading}})},
                 {"mots_min", std::to_string(p.target)},
                 {"mots_max", std::to_string(p.max_words() * 95 / 100)},
                 {"paragraphes", std::to_string(std::max<std::size_t>(1, (p.target + kWordsPerParagraph - 1) / kWordsPerParagraph))},
                 {"faits", fact_list(story_, p.sentences)},
                 {"extraits", extracts(story_, p.sentences)}});
}

std::optional<ChatAnswer> Writer::call(const std::vector<Message>& messages, int max_tokens, const std::optional<std::string>& schema,
                                       std::string& failure) {
    {
        std::lock_guard lock(mutex_);  // the budget is taken before the call: a hard bound across threads
        if (rep_.calls >= rep_.max_calls) {
            failure = say(o_.lang, "plus d’appels permis (--llm-max-calls {})", "no calls left (--llm-max-calls {})", rep_.max_calls);
            return std::nullopt;
        }
        ++rep_.calls;
    }
    const ChatResult res = o_.model.backend->chat({messages, max_tokens, 0.7, schema, {}});
    std::lock_guard lock(mutex_);
    if (res) {
        rep_.attempts += res.answer->attempts;
        rep_.prompt_tokens += res.answer->usage.prompt_tokens;
        rep_.completion_tokens += res.answer->usage.completion_tokens;
        return res.answer;
    }
    rep_.attempts += res.error.attempts;
    if (res.error.kind == ErrorKind::Unreachable)
        throw ModelUnreachable(say(o_.lang, "aucun serveur de modèle ne répond : {}", "no language model server answers: {}", res.error.message));
    if (res.error.kind == ErrorKind::Config) throw InputError(res.error.message);
    failure = say(o_.lang, "pas de réponse du modèle : {}", "no answer from the model: {}", res.error.message);
    return std::nullopt;
}

// The answer and `next`, what the model must write now, added to the conversation.
void send_back(std::vector<Message>& messages, const ChatAnswer& answer, const std::vector<Fault>& faults, std::string next, Repairs& repairs) {
    for (const Fault& f : faults) count_repair(repairs, f.reason);
    messages.push_back({"assistant", answer.text});
    messages.push_back({"user", std::move(next)});
}

std::string correction(const std::vector<Fault>& faults, std::string_view format) {
    return fill(prompt_file("correction"), {{"fautes", faults_text(faults)}, {"format", std::string(format)}});
}

bool only(const std::vector<Fault>& faults, std::string_view reason) {
    return !faults.empty() && std::all_of(faults.begin(), faults.end(), [&](const Fault& f) { return f.reason == reason; });
}

// Faults a correction would only fix by removing sentences: invented facts, repetitions.
bool droppable(const std::vector<Fault>& faults) {
    return !faults.empty() &&
           std::all_of(faults.begin(), faults.end(), [](const Fault& f) { return f.reason == "invented-fact" || f.reason == "repetition"; });
}

std::vector<Fault> Writer::meta_faults(const nlohmann::json& j, Meta& keep) {
    std::vector<Fault> out;
    const auto text = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
    if (const std::string t = write::french_typography(text("titre")); keep.title.empty()) {
        std::vector<Fault> f = guard_.check_facts(t, rep_.facts_rejected);
        if (const double px = analysis::title_width_px(t); t.empty() || px > write::kTitleMaxPx)
            f.push_back(fault("title-width", {{"titre", t}, {"px", std::to_string(static_cast<int>(px))}}));
        if (!has_keyphrase(t, plan_.keyphrase)) f.push_back(fault("title-keyphrase", {{"requete", plan_.keyphrase}}));
        if (f.empty()) keep.title = t;
        out.insert(out.end(), f.begin(), f.end());
    }
    if (const std::string d = write::french_typography(text("description")); keep.description.empty()) {
        std::vector<Fault> f = guard_.check_facts(d, rep_.facts_rejected);
        if (const std::size_t n = characters(d); n < write::kDescriptionMin || n > write::kDescriptionMax)
            f.push_back(fault("description-length", {{"n", std::to_string(n)}, {"min", std::to_string(write::kDescriptionMin)}, {"max", std::to_string(write::kDescriptionMax)}}));
        if (!has_keyphrase(d, plan_.keyphrase)) f.push_back(fault("description-keyphrase", {{"requete", plan_.keyphrase}}));
        if (f.empty()) keep.description = d;
        out.insert(out.end(), f.begin(), f.end());
    }
    const nlohmann::json h = j.contains("intertitres") && j["intertitres"].is_array() ? j["intertitres"] : nlohmann::json::array();
    std::size_t good = 0;
    for (std::size_t i = 0; i < keep.headings.size(); ++i) {
        if (!keep.headings[i].empty()) { ++good; continue; }
        if (i >= h.size() || !h[i].is_string()) continue;
        const std::string t = write::french_typography(h[i].get<std::string>());
        const std::size_t words = text::count_words(t);
        std::vector<std::string> rejected;
        if (words < kHeadingMinWords || words > kHeadingMaxWords || write::ends_sentence(t) || !guard_.check_facts(t, rejected).empty()) continue;
        keep.headings[i] = t;
        ++good;
    }
    if (!keep.headings.empty() && (good < keep.headings.size() || h.size() != keep.headings.size()))
        out.push_back(fault("headings", {{"n", std::to_string(keep.headings.size())}, {"m", std::to_string(good)}}));
    return out;
}

Meta Writer::ask_meta() {
    Meta keep;
    std::size_t sections = 0;
    for (const Part& p : parts_) sections += p.kind != PartKind::Intro;
    keep.headings.assign(plan_.subheadings ? sections : 0, "");
    const nlohmann::json schema = {
        {"type", "object"},
        {"properties",
         {{"titre", {{"type", "string"}}},
          {"description", {{"type", "string"}}},
          {"intertitres", {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", keep.headings.size()}, {"maxItems", keep.headings.size()}}}}},
        {"required", {"titre", "description", "intertitres"}},
        {"additionalProperties", false}};
    std::vector<Message> messages = {{"system", system_}, {"user", meta_prompt()}};
    std::string failure;
    for (int ask = 0; ask < 2; ++ask) {
        const std::optional<ChatAnswer> a = call(messages, 400, schema.dump(), failure);
        if (!a) break;
        const nlohmann::json j = answer_object(a->text);
        std::vector<Fault> faults = j.is_object() ? meta_faults(j, keep) : std::vector<Fault>{fault("json")};
        if (faults.empty()) break;
        failure = faults_text(faults);
        if (ask == 0) send_back(messages, *a, faults, correction(faults, "Réponds uniquement par l’objet JSON."), rep_.repairs);
    }
    if (keep.title.empty()) rep_.replaced.push_back({"title", failure});
    if (keep.description.empty()) rep_.replaced.push_back({"description", failure});
    for (std::size_t i = 0; i < keep.headings.size(); ++i)
        if (keep.headings[i].empty()) rep_.replaced.push_back({fmt::format("heading {}", i + 1), failure});
    return keep;
}

// Each answer is checked; a fault only the model can fix goes back with it, up to kAsks
// answers in all. Two faults cost less: sentences holding an invented fact or repeating an
// earlier one are dropped when the rest passes (no call), and an answer too short but
// otherwise good is continued rather than rewritten (the model writes only the words missing).
void Writer::ask_part(Part& p) {
    progress(say(o_.lang, "modèle : {} ({} mots visés)", "model: {} ({} words aimed at)", p.name(), p.target));
    std::vector<Message> messages = {{"system", system_}, {"user", part_prompt(p)}};
    const int max_tokens = static_cast<int>(p.max_words() * 3 + 100);  // French runs about 1.5-2 tokens a word
    std::string failure, begun;  // begun: the text a continuation extends
    for (int ask = 0; ask < kAsks; ++ask) {
        const std::optional<ChatAnswer> a = call(messages, max_tokens, std::nullopt, failure);
        if (!a) break;
        const std::string text = begun.empty() ? a->text : begun + "\n\n" + a->text;
        std::vector<Fault> faults = guard_.check_prose(text, p.min_words(), p.max_words(), p.tally.facts_rejected);
        if (a->finish_reason == "length") faults.insert(faults.begin(), fault("truncated"));
        if (droppable(faults)) {
            const std::string rest = guard_.without_repeated(guard_.without_untraced(text));
            std::vector<std::string> rejected;
            if (guard_.check_prose(rest, p.min_words(), p.max_words(), rejected).empty()) {
                for (const Fault& f : faults) count_repair(p.tally.repairs, f.reason);
                progress(say(o_.lang, "modèle : {} : {} mots, acceptés sans les phrases aux faits absents des sources ou répétées : {}",
                             "model: {}: {} words, accepted without the sentences whose facts no source holds or that repeat: {}", p.name(),
                             text::count_words(rest), faults_text(faults)));
                p.text = paragraphs_of(rest);
                return;
            }
        }
        progress(faults.empty() ? say(o_.lang, "modèle : {} : {} mots, acceptés", "model: {}: {} words, accepted", p.name(), text::count_words(text))
                                : say(o_.lang, "modèle : {} : {} mots, renvoyés : {}", "model: {}: {} words, sent back: {}", p.name(),
                                      text::count_words(text), faults_text(faults)));
        if (faults.empty()) {
            p.text = paragraphs_of(text);
            return;
        }
        failure = faults_text(faults);
        if (ask + 1 == kAsks) break;
        if (const std::size_t words = text::count_words(text); only(faults, "too-short")) {
            begun = text;
            send_back(messages, *a, faults,
                      fill(prompt_file("suite"), {{"n", std::to_string(words)}, {"min", std::to_string(p.min_words())},
                                                  {"manque", std::to_string(p.target - words)}}),  // too short: words < min <= target
                      p.tally.repairs);
        } else {
            begun.clear();
            send_back(messages, *a, faults, correction(faults, "Réponds par le texte seul."), p.tally.repairs);
        }
    }
    p.tally.replaced.push_back({p.name(), failure});
    progress(say(o_.lang, "modèle : {} : texte de plume gardé ({})", "model: {}: plume's text kept ({})", p.name(), failure));
}

// As many parts at once as the backend serves, each in its own conversation; the guard
// knows no other part meanwhile, so an answer is judged the same whatever answered first.
// Then each part is settled in plan order.
void Writer::ask_parts() {
    const std::size_t width = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(1, o_.model.backend->concurrency())), 1,
                                                      std::max<std::size_t>(1, parts_.size()));
    std::atomic<std::size_t> next = 0;
    std::atomic<bool> stop = false;
    std::exception_ptr failed;  // the first error thrown (no server reachable), thrown again here
    std::mutex failed_mutex;
    const auto work = [&] {
        for (std::size_t i = next++; !stop && i < parts_.size(); i = next++) try {
                ask_part(parts_[i]);
            } catch (...) {
                std::lock_guard lock(failed_mutex);
                if (!failed) failed = std::current_exception();
                stop = true;
            }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t k = 1; k < width; ++k) helpers.emplace_back(work);
        work();
    }
    if (failed) std::rethrow_exception(failed);
    for (Part& p : parts_) settle(p);
    for (const Part& p : parts_) add(p.tally);
}

// A part repeating a sentence of a part before it loses that sentence when the rest still
// passes (no call); else it is asked again, now knowing the parts before it.
void Writer::settle(Part& p) {
    if (p.text.empty()) return;
    const std::string text = joined(p.text);
    if (const std::string r = guard_.repeated_sentence(text); !r.empty()) {
        const std::vector<Fault> faults = {fault("repetition", {{"phrase", r}})};
        count_repair(p.tally.repairs, "repetition");
        const std::string rest = guard_.without_repeated(text);
        std::vector<std::string> rejected;
        if (guard_.check_prose(rest, p.min_words(), p.max_words(), rejected).empty()) {
            progress(say(o_.lang, "modèle : {} : {} mots, acceptés sans les phrases répétant une partie précédente : {}",
                         "model: {}: {} words, accepted without the sentences repeating an earlier part: {}", p.name(),
                         text::count_words(rest), faults_text(faults)));
            p.text = paragraphs_of(rest);
        } else {
            progress(say(o_.lang, "modèle : {} : redemandé : {}", "model: {}: asked again: {}", p.name(), faults_text(faults)));
            p.text.clear();
            ask_part(p);
        }
    }
    if (!p.text.empty()) guard_.accept(joined(p.text));
}

// A paragraph over the analyser's limit cut at the sentence end nearest its middle, again
// until each holds (one sentence longer than the limit stays whole): no call, the model's
// words stay as they are.
std::vector<std::string> cut_long(const std::string& paragraph) {
    const std::size_t words = text::count_words(paragraph);
    if (words <= kParagraphLimit) return {paragraph};
    const std::vector<text::Span> s = text::split_sentences(paragraph);
    std::size_t before = 0, best_gap = words, head_end = 0, tail_begin = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        before += text::count_words(std::string_view(paragraph).substr(s[i].begin, s[i].end - s[i].begin));
        if (const std::size_t gap = before > words / 2 ? before - words / 2 : words / 2 - before; gap < best_gap)
            best_gap = gap, head_end = s[i].end, tail_begin = s[i + 1].begin;
    }
    if (tail_begin == 0) return {paragraph};
    std::vector<std::string> out = cut_long(paragraph.substr(0, head_end));
    const std::vector<std::string> tail = cut_long(paragraph.substr(tail_begin));
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

// The intro's first sentence rewritten by the model to hold the keyphrase, the rest kept:
// checked like any answer, else the intro stays as it was.
void Writer::repair_opening(Part& p, const std::vector<Fault>& faults) {
    for (const Fault& f : faults) count_repair(rep_.repairs, f.reason);
    const std::string first = first_sentence(p.text.front());
    const std::string user = fill(prompt_file("reparation"), {{"phrase", first}, {"fautes", faults_text(faults)}});
    std::string failure;
    const std::optional<ChatAnswer> a =
        call({{"system", system_}, {"user", user}}, static_cast<int>(text::count_words(first) * 3 + 60), std::nullopt, failure);
    if (!a || a->finish_reason == "length") return;
    std::vector<std::string> after = p.text;
    after.front().replace(after.front().find(first), first.size(), joined(paragraphs_of(a->text)));
    const std::string before = joined(p.text);
    guard_.forget(before);
    const bool fixed = guard_.check_prose(joined(after), p.min_words(), p.max_words(), rep_.facts_rejected).empty() &&
                       has_keyphrase(first_sentence(after.front()), plan_.keyphrase);
    guard_.accept(fixed ? joined(after) : before);
    if (fixed) p.text = after;
}

// The sentences whose rewrites bring the article under both readability limits most
// cheaply, by part: as few as the limits need (those both passive and long first), from the
// parts holding the most of them (fewer calls), then the longest; in text order.
std::vector<std::vector<std::string>> Writer::style_picks(const Readability& article) const {
    namespace rd = analysis::readability;
    std::size_t need_passive = article.too_passive() ? over(article.passive, article.sentences.size(), rd::kPassiveOk) : 0;
    std::size_t need_long = article.too_long() ? over(article.long_ones, article.sentences.size(), rd::kLongSentencesOk) : 0;
    std::vector<Readability> parts(parts_.size());
    for (std::size_t i = 0; i < parts_.size(); ++i) parts[i] = readability_of(parts_[i].text);  // plume's own text: none
    std::vector<std::vector<bool>> taken(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) taken[i].assign(parts[i].sentences.size(), false);
    const auto gain = [&](std::size_t i, std::size_t k) {
        const Readability::Sentence& s = parts[i].sentences[k];
        return taken[i][k] ? 0 : int(s.passive && need_passive > 0) + int(s.long_one && need_long > 0);
    };
    while (need_passive > 0 || need_long > 0) {
        std::vector<int> share(parts.size(), 0);  // what each part gives, taken or still to take
        for (std::size_t i = 0; i < parts.size(); ++i)
            for (std::size_t k = 0; k < parts[i].sentences.size(); ++k) share[i] += taken[i][k] ? 1 : gain(i, k);
        std::optional<std::pair<std::size_t, std::size_t>> best;
        const auto key = [&](std::size_t i, std::size_t k) { return std::tuple(gain(i, k), share[i], parts[i].sentences[k].words); };
        for (std::size_t i = 0; i < parts.size(); ++i)
            for (std::size_t k = 0; k < parts[i].sentences.size(); ++k)
                if (gain(i, k) > 0 && (!best || key(i, k) > key(best->first, best->second))) best = {i, k};
        if (!best) break;
        const Readability::Sentence& s = parts[best->first].sentences[best->second];
        need_passive -= s.passive && need_passive > 0;
        need_long -= s.long_one && need_long > 0;
        taken[best->first][best->second] = true;
    }
    std::vector<std::vector<std::string>> out(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i)
        for (std::size_t k = 0; k < parts[i].sentences.size(); ++k)
            if (taken[i][k]) out[i].push_back(parts[i].sentences[k].text);
    return out;
}

// The part's sentences `asked`, and only they, rewritten by the model: quoted as data,
// answered as JSON, one rewrite for each.
void Writer::repair_style(Part& p, const std::vector<std::string>& asked, const Meta& meta) {
    const Readability before = readability_of(article(meta));
    const Readability mine = readability_of(asked);
    std::vector<Fault> faults;
    if (before.too_passive() && mine.passive > 0) faults.push_back(fault("passive", {{"part", percent(before.passive_pct)}}));
    if (before.too_long() && mine.long_ones > 0)
        faults.push_back(fault("sentence-long", {{"part", percent(before.long_pct)}, {"max", std::to_string(analysis::readability::kSentenceMaxWords)}}));
    for (const Fault& f : faults) count_repair(rep_.repairs, f.reason);
    progress(say(o_.lang, "modèle : réparation de {} ({} phrase{}) : {}", "model: repairing {} ({} sentence{}): {}", p.name(), asked.size(),
                 asked.size() > 1 ? "s" : "", faults_text(faults)));
    std::string listed;
    std::size_t words = 0;
    for (std::size_t i = 0; i < asked.size(); ++i) {
        listed += fmt::format("{}. {}\n", i + 1, json_quoted(asked[i]));
        words += text::count_words(asked[i]);
    }
    const nlohmann::json schema = {
        {"type", "object"},
        {"properties", {{"phrases", {{"type", "array"}, {"items", {{"type", "string"}}}, {"minItems", asked.size()}, {"maxItems", asked.size()}}}}},
        {"required", {"phrases"}},
        {"additionalProperties", false}};
    const std::string user =
        fill(prompt_file("lisibilite"), {{"phrases", listed}, {"fautes", faults_text(faults)}, {"n", std::to_string(asked.size())}});
    std::string failure;
    const std::optional<ChatAnswer> a = call({{"system", system_}, {"user", user}}, static_cast<int>(words * 3 + 100), schema.dump(), failure);
    const std::string refused = a ? restyle(p, asked, *a, meta, before, faults) : failure;
    progress(refused.empty() ? say(o_.lang, "modèle : {} : phrases réécrites, acceptées", "model: {}: sentences rewritten, accepted", p.name())
                             : say(o_.lang, "modèle : {} : réécriture refusée, texte gardé ({})", "model: {}: rewrite refused, text kept ({})",
                                   p.name(), refused));
}

// The part with each sentence asked replaced by its rewrite, kept only when it passes every
// check of an answer, keeps every fact of the sentences asked, makes the article read better
// by each measure its sentences were asked for (`faults`) and no worse by the other (and the
// intro keeps the keyphrase in its first sentence); else the part stays as it was. Returns
// why it was refused, empty when accepted.
std::string Writer::restyle(Part& p, const std::vector<std::string>& asked, const ChatAnswer& answer, const Meta& meta,
                            const Readability& before, const std::vector<Fault>& faults) {
    if (answer.finish_reason == "length") return fault("truncated").message;
    const nlohmann::json j = answer_object(answer.text);
    if (!j.is_object() || !j.contains("phrases") || !j["phrases"].is_array() || j["phrases"].size() != asked.size() ||
        !std::all_of(j["phrases"].begin(), j["phrases"].end(), [](const nlohmann::json& x) { return x.is_string(); }))
        return fault("json").message;
    std::vector<std::string> after = p.text;
    std::string said, rewritten;
    for (std::size_t i = 0; i < asked.size(); ++i) {
        const std::string now = joined(paragraphs_of(j["phrases"][i].get<std::string>()));
        for (std::string& paragraph : after)
            if (const std::size_t at = paragraph.find(asked[i]); at != std::string::npos) {
                paragraph.replace(at, asked[i].size(), now);
                break;
            }
        said += asked[i] + "\n";
        rewritten += now + "\n";
    }
    std::vector<Fact> kept = write::extract_facts(said);
    write::trace_facts(kept, {rewritten});
    for (const Fact& f : kept)
        if (f.source < 0) return say(o_.lang, "« {} » a disparu", "« {} » is gone", f.text);
    if (!write::looks_french(rewritten)) return fault("not-french").message;
    const std::string was = joined(p.text), is = joined(after);
    guard_.forget(was);
    std::string why = faults_text(guard_.check_prose(is, p.min_words(), p.max_words(), rep_.facts_rejected));
    std::swap(p.text, after);
    const Readability now = readability_of(article(meta));
    std::swap(p.text, after);
    const auto improves = [&](const char* reason, double from, double to) {
        return std::any_of(faults.begin(), faults.end(), [&](const Fault& f) { return f.reason == reason; }) ? to < from : to <= from;
    };
    if (why.empty() && (!improves("passive", before.passive_pct, now.passive_pct) || !improves("sentence-long", before.long_pct, now.long_pct)))
        why = say(o_.lang, "pas plus lisible : passif {} % puis {} %, phrases longues {} % puis {} %",
                  "no easier to read: passive {}% then {}%, long sentences {}% then {}%", percent(before.passive_pct),
                  percent(now.passive_pct), percent(before.long_pct), percent(now.long_pct));
    if (why.empty() && p.kind == PartKind::Intro && has_keyphrase(first_sentence(p.text.front()), plan_.keyphrase) &&
        !has_keyphrase(first_sentence(after.front()), plan_.keyphrase))
        why = fault("intro-keyphrase", {{"requete", plan_.keyphrase}}).message;
    guard_.accept(why.empty() ? is : was);
    if (why.empty()) p.text = std::move(after);
    return why;
}

// After assembly: the intro's opening; then, when the whole article is too often passive or
// in long sentences, the fewest sentences that bring it under the limits, part by part, until
// it is; last, paragraphs over the analyser's limit (a rewrite may lengthen one).
void Writer::repairs(const Meta& meta) {
    if (!parts_.empty() && parts_.front().kind == PartKind::Intro && !parts_.front().text.empty() &&
        !has_keyphrase(first_sentence(parts_.front().text.front()), plan_.keyphrase)) {
        const std::vector<Fault> faults = {fault("intro-keyphrase", {{"requete", plan_.keyphrase}})};
        progress(say(o_.lang, "modèle : réparation de {} : {}", "model: repairing {}: {}", parts_.front().name(), faults_text(faults)));
        repair_opening(parts_.front(), faults);
    }
    const std::vector<std::vector<std::string>> picks = style_picks(readability_of(article(meta)));
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < picks.size(); ++i)
        if (!picks[i].empty()) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return picks[a].size() > picks[b].size(); });
    for (std::size_t i : order) {
        if (const Readability now = readability_of(article(meta)); !now.too_passive() && !now.too_long()) break;
        repair_style(parts_[i], picks[i], meta);
    }
    for (Part& p : parts_) {
        std::vector<std::string> cut;
        for (const std::string& para : p.text)
            for (std::string& piece : cut_long(para)) cut.push_back(std::move(piece));
        if (cut.size() > p.text.size()) {
            count_repair(rep_.repairs, "paragraph-long");
            progress(say(o_.lang, "modèle : {} : paragraphe de plus de {} mots coupé", "model: {}: paragraph over {} words cut", p.name(), kParagraphLimit));
            p.text = std::move(cut);
        }
    }
}

// The article of the parts as they stand: the model's text, or plume's where it has none.
Article Writer::article(const Meta& meta) const {
    Article a = base_;
    if (!meta.title.empty()) a.title = meta.title, a.headline.clear();  // the model's title is the H1 too
    if (!meta.description.empty()) a.description = meta.description;
    a.slug = write::compose_slug(plan_.keyphrase, a.title);
    if (!o_.site_url.empty()) a.canonical_url = (o_.site_url.ends_with('/') ? o_.site_url : o_.site_url + "/") + a.slug;
    std::size_t k = 0, heading = 0;
    for (const Part& p : parts_) {
        std::vector<ArticleBlock> blocks = p.text.empty() ? p.fallback : blocks_of(p.text);
        if (p.kind == PartKind::Intro) {
            a.intro = std::move(blocks);
            continue;
        }
        while (a.sections[k].kind != SectionKind::Body && a.sections[k].kind != SectionKind::Conclusion) ++k;
        Section& s = a.sections[k++];
        if (heading < meta.headings.size() && !meta.headings[heading].empty()) s.heading = meta.headings[heading];
        ++heading;
        s.blocks = std::move(blocks);
    }
    if (!plan_.subheadings) {
        for (Section& s : a.sections)
            if (s.kind != SectionKind::Sources) a.intro.insert(a.intro.end(), s.blocks.begin(), s.blocks.end());
        std::erase_if(a.sections, [](const Section& s) { return s.kind != SectionKind::Sources; });
    }
    return a;
}

void Writer::assemble(const Meta& meta) {
    r_.article = article(meta);
    r_.facts.clear();
    r_.warnings.clear();
    write::check_article(story_, o_, r_);
    for (const ModelReport::Replaced& x : rep_.replaced)
        r_.warnings.push_back(say(o_.lang, "{} : texte de plume gardé, le modèle n’a pas donné de réponse acceptable ({})",
                                  "{}: plume's own text kept, the model gave no acceptable answer ({})", x.part, x.reason));
}

void Writer::run(const std::string& date) {
    make_parts(date);
    rep_.max_calls = o_.model.max_calls > 0 ? o_.model.max_calls : 2 + 4 * static_cast<int>(parts_.size());
    if (o_.model.dry_run) {
        rep_.prompts.push_back({"meta", system_, meta_prompt()});
        for (const Part& p : parts_) rep_.prompts.push_back({p.name(), system_, part_prompt(p)});
        return;
    }
    rep_.used = true;
    Meta meta;
    timed("meta", [&] { meta = ask_meta(); });
    timed("sections", [&] { ask_parts(); });
    timed("repairs", [&] { repairs(meta); });
    assemble(meta);
}

// The 16-bit value of the « \uXXXX » escape at `at` (text[at] is the backslash); -1 if none.
long escape_at(std::string_view text, std::size_t at) {
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
    long v = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
        const char c = text[k];
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// Escapes of half a surrogate pair alone replaced by « \ufffd »; pairs kept.
std::string lone_surrogates_replaced(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\\') {  // an escaped backslash
            out.append(text.substr(i, 2));
            i += 2;
            continue;
        }
        const long v = escape_at(text, i);
        const bool high = v >= 0xD800 && v <= 0xDBFF, low = v >= 0xDC00 && v <= 0xDFFF;
        const long next = high ? escape_at(text, i + 6) : -1;
        if (high && next >= 0xDC00 && next <= 0xDFFF) {
            out.append(text.substr(i, 12));
            i += 12;
        } else if (high || low) {
            out += "\\ufffd";
            i += 6;
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace

nlohmann::json answer_object(const std::string& text) {
    const std::size_t open = text.find('{'), close = text.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) return nlohmann::json();
    return nlohmann::json::parse(lone_surrogates_replaced(std::string_view(text).substr(open, close - open + 1)), nullptr, false);
}

void word_with_model(const write::Story& story, const write::Plan& plan, const std::string& date, const WriteOptions& options,
                     WriteResult& result) {
    Writer(story, plan, options, result).run(date);
}

}  // namespace plume::llm
