// The written article as a whole HTML5 document: metadata for search engines and social
// networks, structured data, and the body.
#include <nlohmann/json.hpp>

#include "plume/render.hpp"
#include "plume/write.hpp"
#include "render/common.hpp"
#include "render/json_analysis.hpp"

namespace plume {

namespace {

using nlohmann::ordered_json;

// JSON for a <script> element: `<`, `>` and `&` become \u escapes (JSON allows them only
// inside strings, where the escapes mean the same), so no text can close the script
// ("</script>") or open a comment ("<!--").
std::string script_json(const ordered_json& j) {
    std::string out;
    for (char c : render::dump_json(j)) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    return out;
}

ordered_json news_article(const WriteResult& r) {
    const Article& a = r.article;
    ordered_json j = {{"@context", "https://schema.org"},
                      {"@type", "NewsArticle"},
                      {"headline", a.title},
                      {"description", a.description}};
    if (!a.date.empty()) j["datePublished"] = a.date;
    j["inLanguage"] = "fr";
    ordered_json keywords = ordered_json::array();
    if (!a.keyphrase.empty()) keywords.push_back(a.keyphrase);
    for (const std::string& s : a.synonyms) keywords.push_back(s);
    if (!keywords.empty()) j["keywords"] = std::move(keywords);
    if (const std::string url = render::http_url(a.canonical_url); !url.empty()) {
        j["url"] = url;
        j["mainEntityOfPage"] = url;
    }
    ordered_json based_on = ordered_json::array();
    for (const SourceInfo& s : r.sources)
        if (const std::string url = render::http_url(s.url); !url.empty()) based_on.push_back(url);
    if (!based_on.empty()) j["isBasedOn"] = std::move(based_on);
    return j;
}

// FAQPage from the FAQ sections: each level-3 question and the blocks up to the next one.
ordered_json faq_page(const Article& a) {
    ordered_json questions = ordered_json::array();
    for (const Section& s : a.sections) {
        if (s.kind != SectionKind::Faq) continue;
        std::string question, answer;
        auto flush = [&] {
            if (!question.empty() && !answer.empty())
                questions.push_back({{"@type", "Question"},
                                     {"name", question},
                                     {"acceptedAnswer", {{"@type", "Answer"}, {"text", answer}}}});
            question.clear();
            answer.clear();
        };
        for (const ArticleBlock& b : s.blocks) {
            if (b.kind == BlockKind::Heading) {
                flush();
                question = b.text();
            } else if (!question.empty()) {
                if (!answer.empty()) answer += ' ';
                answer += b.text();
            }
        }
        flush();
    }
    if (questions.empty()) return nullptr;
    return {{"@context", "https://schema.org"}, {"@type", "FAQPage"}, {"mainEntity", std::move(questions)}};
}

void meta(std::string& out, std::string_view attribute, std::string_view name, std::string_view content) {
    out += "<meta ";
    out += attribute;
    out += "=\"";
    out += name;
    out += "\" content=\"";
    render::escape_html_into(out, content);
    out += "\">\n";
}

std::string head(const WriteResult& r) {
    const Article& a = r.article;
    const std::string canonical = render::http_url(a.canonical_url);
    std::string out = "<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>";
    render::escape_html_into(out, a.title);
    out += "</title>\n";
    meta(out, "name", "description", a.description);
    if (!canonical.empty()) {
        out += "<link rel=\"canonical\" href=\"";
        render::escape_html_into(out, canonical);
        out += "\">\n";
    }
    meta(out, "property", "og:type", "article");
    meta(out, "property", "og:title", a.title);
    meta(out, "property", "og:description", a.description);
    if (!canonical.empty()) meta(out, "property", "og:url", canonical);
    meta(out, "property", "og:locale", "fr_FR");
    if (!a.date.empty()) meta(out, "property", "article:published_time", a.date);
    out += "<script type=\"application/ld+json\">" + script_json(news_article(r)) + "</script>\n";
    if (const ordered_json faq = faq_page(a); !faq.is_null())
        out += "<script type=\"application/ld+json\">" + script_json(faq) + "</script>\n";
    return out + "</head>\n";
}

}  // namespace

// The body is the analysed Document rendered back (render_html_body escapes every text), so
// the page says exactly what the analysis read. Source links carry no rel="nofollow": they
// are editorial citations, which search engines expect to be followed, and Yoast's
// outbound-link assessment counts nofollow-only links against an article. They open in the
// same tab, so rel="noopener" has nothing to protect.
std::string render_article_html(const WriteResult& result) {
    const Article& a = result.article;
    std::string out = "<!DOCTYPE html>\n<html lang=\"fr\">\n";
    out += head(result);
    out += "<body>\n<article>\n<h1>";
    render::escape_html_into(out, a.h1());
    out += "</h1>\n";
    out += render_html_body(article_document(a));
    return out + "</article>\n</body>\n</html>\n";
}

}  // namespace plume
