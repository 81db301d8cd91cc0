// The pipeline of `plume write`: brief -> clean -> fuse -> plan -> compose -> check.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "brief/brief.hpp"
#include "check/check.hpp"
#include "clean/clean.hpp"
#include "compose/compose.hpp"
#include "fuse/fuse.hpp"
#include "llm/model_writer.hpp"
#include "plan/plan.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "text/text_cache.hpp"
#include "write/language.hpp"

namespace plume {

namespace {

InputError no_article_text(Lang lang) {
    return InputError(write::say(lang, "les sources ne contiennent aucun texte d’article une fois nettoyées",
                                 "the sources hold no article text once cleaned"));
}

constexpr std::size_t kDefaultMinWords = 700;

std::string today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

// The first brief found sets what the article is asked to be; a later source's brief
// only fills what the first left open.
void merge_brief(Brief& into, const Brief& b) {
    if (into.line.empty()) into.line = b.line;
    if (!into.min_words) into.min_words = b.min_words;
    if (!into.lang) into.lang = b.lang;
    if (!into.subheadings) into.subheadings = b.subheadings;
    if (into.keyphrase.empty()) into.keyphrase = b.keyphrase;
}

write::CleanSource read_source(const SourceInput& in, int index, WriteResult& r, const WriteOptions& o) {
    std::string bytes = in.bytes;
    const Brief brief = write::take_brief(bytes);
    if (!brief.line.empty()) {
        r.removals.push_back({index, RemovalReason::Brief, "brief", brief.line});
        merge_brief(r.brief, brief);
    }
    for (std::string& line : write::take_inner_briefs(bytes))
        r.removals.push_back({index, RemovalReason::Brief, "brief inside a source, not obeyed", std::move(line)});
    const Document doc = parse_document(std::move(bytes), in.format, in.name);
    if (!write::looks_french(doc))
        throw InputError(write::say(o.lang, "{} : la source n’est pas en français ; plume write rédige en français à partir de sources en français",
                             "{}: the source is not in French; plume write writes French articles from French sources", in.name));
    return write::clean_source(doc, {in.name, in.url, "", 0}, index, r.removals);
}

// What the article says of a source: its file's base name, never the local path it was read
// from (« /home/…/source-a.txt » would leak into a publisher's page).
SourceInfo published(SourceInfo info) {
    if (std::string base = std::filesystem::path(info.name).filename().string(); !base.empty()) info.name = std::move(base);
    return info;
}

std::string names_of(const std::vector<int>& ids, const std::vector<write::CleanSource>& sources) {
    std::string out;
    for (int i : ids) out += (out.empty() ? "" : ", ") + sources[static_cast<std::size_t>(i)].info.name;
    return out;
}

}  // namespace

WriteResult write_article(const std::vector<SourceInput>& inputs, const WriteOptions& o) {
    const text::TextCacheScope texts;  // the phases read the sources' texts again
    if (inputs.empty()) throw InputError(write::say(o.lang, "aucune source : donnez au moins un fichier", "no source: give at least one file"));
    WriteResult r;
    std::vector<write::CleanSource> sources;
    for (std::size_t i = 0; i < inputs.size(); ++i) sources.push_back(read_source(inputs[i], static_cast<int>(i), r, o));

    std::vector<write::Unit> units = write::units_of(sources);
    write::remove_off_topic(sources, units, r.removals);
    if (const std::vector<int> odd = write::unrelated_sources(sources, units); !odd.empty() && !o.force)
        throw InputError(write::say(o.lang,
                             "ces sources ne racontent pas la même histoire que les autres : {} ; plume ne les fusionne pas "
                             "(--force pour les fusionner quand même)",
                             "these sources do not tell the same story as the others: {}; plume does not fuse them "
                             "(--force to fuse them anyway)",
                             names_of(odd, sources)));
    for (const write::CleanSource& s : sources) r.sources.push_back(published(s.info));

    write::Story story = write::fuse(std::move(sources), r.removals);
    // Punctuation alone (« ... !!! » or one 5 MB token of it) is no article text either.
    if (std::none_of(story.sentences.begin(), story.sentences.end(), [](const write::StorySentence& s) { return s.words > 0; }))
        throw no_article_text(o.lang);

    write::KeyphraseChoice kc = write::choose_keyphrase(story);
    if (!r.brief.keyphrase.empty()) kc.keyphrase = r.brief.keyphrase;
    if (!o.keyphrase.empty()) kc.keyphrase = o.keyphrase;
    if (!o.synonyms.empty()) kc.synonyms = o.synonyms;
    r.target_words = o.min_words.value_or(r.brief.min_words.value_or(kDefaultMinWords));

    const std::string date = o.date.empty() ? today() : o.date;
    write::Plan plan = write::plan_article(story, kc, r.target_words);
    plan.subheadings = r.brief.subheadings.value_or(true);
    // A source whose only text is a line the plan leaves out (one 5 MB word read as a
    // headline or a caption) has no article text either.
    if (plan.intro.empty() && std::all_of(plan.sections.begin(), plan.sections.end(),
                                          [](const write::PlannedSection& p) { return p.sentences.empty(); }))
        throw no_article_text(o.lang);
    r.removals.insert(r.removals.end(), plan.left_out.begin(), plan.left_out.end());
    r.article = write::compose(story, plan, date, o.site_url);
    write::check_article(story, o, r);
    if (o.model.backend || o.model.dry_run) llm::word_with_model(story, plan, date, o, r);
    return r;
}

}  // namespace plume
