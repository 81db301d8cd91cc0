// The human report of an analysis.
#include <fmt/format.h>

#include <algorithm>

#include "plume/render.hpp"
#include "render/common.hpp"

namespace plume {

namespace {

struct Style {
    bool color;
    Lang lang;
    // A coloured dot on a terminal, the rating in words otherwise.
    std::string light(Rating r) const {
        if (!color) return fmt::format("[{}]", lang == Lang::Fr ? (r == Rating::Good ? "bon" : r == Rating::Ok ? "moyen" : "mauvais")
                                                                : to_string(r));
        const char* code = r == Rating::Good ? "32" : r == Rating::Ok ? "33" : "31";
        return fmt::format("\033[{}m●\033[0m", code);
    }
    std::string bold(std::string_view s) const {
        return color ? fmt::format("\033[1m{}\033[0m", s) : std::string(s);
    }
};

// The source text a mark covers, on one line.
std::string excerpt(const Document& doc, const Mark& m) {
    const std::size_t end = std::min(m.end, doc.source.size());
    const std::size_t start = std::min(m.start, end);
    return render::excerpt(std::string_view(doc.source).substr(start, end - start), 160);
}

void category(std::string& out, const Document& doc, const Category& c, std::string_view name,
              Lang lang, const Style& st) {
    out += fmt::format("\n{} {} — {}/100 ({})\n", st.light(c.rating), st.bold(name), c.score,
                       render::rating_word(c.rating, lang));
    for (const Assessment& a : c.assessments) {
        out += fmt::format("  {} {}: {}\n", st.light(a.rating), a.id, a.message);
        const std::size_t shown = std::min<std::size_t>(a.marks.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) out += fmt::format("      « {} »\n", excerpt(doc, a.marks[i]));
        if (a.marks.size() > shown)
            out += fmt::format(fmt::runtime(lang == Lang::Fr ? "      (+{} autres)\n" : "      (+{} more)\n"), a.marks.size() - shown);
    }
}

}  // namespace

std::string render_report(const Document& doc, const Analysis& a, const std::string& file, Lang lang,
                          bool color) {
    const Style st{color, lang};
    const bool fr = lang == Lang::Fr;
    std::string out = st.bold(file) + "\n";
    for (const std::string& w : a.warnings) out += fmt::format(fmt::runtime(fr ? "attention : {}\n" : "warning: {}\n"), w);
    out += fmt::format(fmt::runtime(fr ? "{} mots, {} phrases, {} paragraphes, lisibilité Flesch (Kandel–Moles) {:.1f}\n"
                          : "{} words, {} sentences, {} paragraphs, Flesch reading ease (Kandel–Moles) {:.1f}\n"),
                       a.stats.words, a.stats.sentences, a.stats.paragraphs, a.stats.flesch);
    if (a.slug_derived)
        out += fmt::format(fmt::runtime(fr ? "slug déduit du titre, comme le fait WordPress (--slug pour en donner un) : {}\n"
                                           : "slug derived from the title, as WordPress does (--slug to give one): {}\n"),
                           a.slug);
    category(out, doc, a.seo, "SEO", lang, st);
    category(out, doc, a.readability, fr ? "Lisibilité" : "Readability", lang, st);
    category(out, doc, a.extra, fr ? "Contrôles plume" : "plume checks", lang, st);
    return out;
}

}  // namespace plume
