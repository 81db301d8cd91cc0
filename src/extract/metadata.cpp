// JSON-LD first (the publisher's own record of the article), then Open Graph and <meta>,
// then microdata (itemprop) and <title>: each field keeps the first source that gives it.
#include "extract/metadata.hpp"

#include <nlohmann/json.hpp>

#include <vector>

#include "extract/dom.hpp"

namespace plume::extract {

namespace {

using nlohmann::json;

void keep(std::string& field, std::string_view value) {
    if (field.empty()) field = fold_space(value);
}

bool is_article_type(const json& type) {
    const auto article = [](const json& t) {
        return t.is_string() && t.get<std::string>().find("Article") != std::string::npos;  // NewsArticle, BlogPosting is not
    };
    if (type.is_array())
        for (const json& t : type)
            if (article(t) || (t.is_string() && t.get<std::string>() == "BlogPosting")) return true;
    return article(type) || (type.is_string() && (type.get<std::string>() == "BlogPosting" ||
                                                  type.get<std::string>() == "LiveBlogPosting"));
}

std::string name_of(const json& author) {
    if (author.is_string()) return author.get<std::string>();
    if (author.is_object() && author.contains("name") && author["name"].is_string()) return author["name"].get<std::string>();
    if (author.is_array()) {
        std::string names;
        for (const json& a : author)
            if (std::string n = name_of(a); !n.empty()) names += (names.empty() ? "" : ", ") + n;
        return names;
    }
    return {};
}

std::string string_of(const json& o, const char* key) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}

void from_article(const json& a, Metadata& m) {
    keep(m.title, string_of(a, "headline"));
    if (a.contains("author")) keep(m.author, name_of(a["author"]));
    keep(m.date, string_of(a, "datePublished"));
    keep(m.description, string_of(a, "description"));
    if (m.body.empty()) m.body = string_of(a, "articleBody");
}

// Articles anywhere in the record: at the top, in an array, in @graph.
void walk_json(const json& j, Metadata& m, int depth = 0) {
    if (depth > 4) return;
    if (j.is_array()) {
        for (const json& e : j) walk_json(e, m, depth + 1);
    } else if (j.is_object()) {
        if (j.contains("@type") && is_article_type(j["@type"])) from_article(j, m);
        if (j.contains("@graph")) walk_json(j["@graph"], m, depth + 1);
    }
}

void from_meta(const GumboNode* n, Metadata& m) {
    const std::string key = std::string(attr(n, "property")) + attr(n, "name");
    const char* content = attr(n, "content");
    if (key == "og:title") keep(m.title, content);
    else if (key == "og:description" || key == "description") keep(m.description, content);
    else if (key == "article:published_time" || key == "date" || key == "dc.date") keep(m.date, content);
    else if ((key == "author" || key == "article:author") && !std::string_view(content).starts_with("http"))
        keep(m.author, content);
}

}  // namespace

Metadata read_metadata(const GumboNode* document) {
    Metadata m;
    std::vector<const GumboNode*> microdata;
    preorder(document, [&](const GumboNode* n) {
        const GumboTag t = tag_of(n);
        if (t == GUMBO_TAG_SCRIPT && iequals(attr(n, "type"), "application/ld+json")) {
            std::string record;  // text_of leaves scripts out
            for (unsigned i = 0; i < children_of(n).length; ++i)
                if (is_text(child(n, i))) record += child(n, i)->v.text.text;
            walk_json(json::parse(record, nullptr, false), m);
            return Walk::Over;
        }
        if (t == GUMBO_TAG_META) from_meta(n, m);
        if (t == GUMBO_TAG_TITLE) keep(m.page_title, text_of(n));
        if (is_element(n) && *attr(n, "itemprop")) microdata.push_back(n);
        return Walk::Into;
    });
    // Microdata after JSON-LD and Open Graph: itemprop="headline" is often a truncated teaser.
    for (const GumboNode* n : microdata) {
        const std::string_view prop = attr(n, "itemprop");
        const std::string value = *attr(n, "content") ? attr(n, "content") : *attr(n, "datetime") ? attr(n, "datetime") : text_of(n);
        if (prop == "datePublished") keep(m.date, value);
        else if (prop == "author") keep(m.author, value);
    }
    return m;
}

}  // namespace plume::extract
