#include "check/check.hpp"

#include <fmt/format.h>

#include "check/fidelity.hpp"

namespace plume::write {

namespace {

std::string host_of(const std::string& url) {
    std::size_t b = url.find("://");
    b = b == std::string::npos ? 0 : b + 3;
    return url.substr(b, url.find('/', b) - b);
}

std::string article_text(const Article& a) {
    std::string out = a.title + "\n" + a.headline + "\n" + a.description + "\n";
    auto add = [&](const std::vector<ArticleBlock>& blocks) {
        for (const ArticleBlock& b : blocks)
            if (b.kind != BlockKind::ListItem || b.href.empty()) out += b.text() + "\n";
    };
    add(a.intro);
    for (const Section& s : a.sections) {
        if (s.kind == SectionKind::Sources) continue;  // the sources' own titles
        out += s.heading + "\n";
        add(s.blocks);
    }
    return out;
}

}  // namespace

std::vector<std::string> source_texts(const Story& story) {
    std::vector<std::string> out;
    for (const CleanSource& s : story.sources) {
        std::string t = s.info.title + "\n";
        for (const Block& b : s.blocks) t += b.text + "\n";
        out.push_back(std::move(t));
    }
    return out;
}

void check_article(const Story& story, const WriteOptions& o, WriteResult& r) {
    const Article& a = r.article;
    AnalyzeOptions ao;
    ao.keyphrase = a.keyphrase;
    ao.synonyms = a.synonyms;
    ao.slug = a.slug;
    ao.site_host = host_of(o.site_url);
    ao.lang = o.lang;
    ao.min_words = r.target_words;
    const Document doc = article_document(a);
    r.analysis = analyze(doc, ao);
    r.words = r.analysis.stats.words;

    const std::string text = article_text(a);
    const std::vector<std::string> sources = source_texts(story);
    r.facts = extract_facts(text);
    trace_facts(r.facts, sources);
    r.verbatim_share = verbatim_share(text, sources);

    for (const Fact& f : r.facts)
        if (f.source < 0)
            r.warnings.push_back(say(o.lang, "fait introuvable dans les sources : « {} »", "fact not found in the sources: \"{}\"", f.text));
    if (r.words < r.target_words)
        r.warnings.push_back(say(o.lang, "{} mots sur les {} demandés : les sources ne permettent pas d’aller plus loin sans inventer",
                                 "{} words of the {} asked: the sources do not allow more without inventing", r.words, r.target_words));
    if (r.brief.lang == Lang::En)
        r.warnings.push_back(say(o.lang, "le brief demande un article en anglais ; plume write rédige en français, la langue des sources",
                                 "the brief asks for an English article; plume write writes in French, the sources' language"));
}

}  // namespace plume::write
