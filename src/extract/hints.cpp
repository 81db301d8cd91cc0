// Class and id hints, in the manner of Readability's regular expressions, with the French
// names CMS themes use (lire-aussi, partage, chapo). Matched on the lowercased concatenation
// of tag name (custom elements), class, id, itemprop and role.
#include "extract/hints.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "extract/dom.hpp"

namespace plume::extract {

namespace {

// Names that mark furniture whatever else the element is called.
constexpr std::string_view kStrong[] = {
    "comment", "disqus", "share", "sharing", "partage", "social", "related", "lire-aussi", "lireaussi",
    "a-lire", "alire", "voir-aussi", "voiraussi", "read-also", "readmore", "read-more", "newsletter",
    "cookie", "consent", "gdpr", "rgpd", "outbrain", "taboola", "advert", "sponsor", "promo", "popup",
    "modal", "breadcrumb", "fil-ariane", "paywall-banner", "recommend",
    "most-read", "plus-lus", "popular", "trending", "amp-ad", "amp-analytics", "amp-sidebar"};
// Names of furniture that content containers also carry ("content has-sidebar").
constexpr std::string_view kWeak[] = {"sidebar", "widget", "menu", "footer", "header", "banner", "pagination",
                                      "pager", "masthead", "toolbar", "tags", "rail", "extra", "carousel",
                                      "teaser", "navbar", "skip", "login", "search",
                                      "subscribe", "abonne"};  // "subscriber-content" holds the article
// Whole tokens too short to match as substrings ("ad" is in "header").
// "meta" is not one: entry-meta and post-meta hold the byline.
constexpr std::string_view kWeakTokens[] = {"ad", "ads", "pub", "nav", "aside", "print", "tools"};
constexpr std::string_view kPositive[] = {"article", "content", "entry", "main", "body", "post", "story",
                                          "text", "corps", "contenu", "texte", "blog", "live"};
constexpr std::string_view kByline[] = {"author", "byline", "auteur", "signature", "dateline", "published",
                                        "datepublished", "datemodified", "timestamp"};
constexpr std::string_view kLead[] = {"chapo", "chapeau", "standfirst", "lead", "intro", "summary",
                                      "excerpt", "accroche", "deck", "subtitle", "description"};

template <std::size_t N>
bool any_in(const std::string& s, const std::string_view (&words)[N]) {
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return s.find(w) != std::string::npos; });
}

bool has_token(const std::string& s, std::string_view token) {
    for (std::size_t at = s.find(token); at != std::string::npos; at = s.find(token, at + 1)) {
        const auto edge = [](char c) { return !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'); };
        const bool left = at == 0 || edge(s[at - 1]);
        const bool right = at + token.size() >= s.size() || edge(s[at + token.size()]);
        if (left && right) return true;
    }
    return false;
}

std::string names_of(const GumboNode* n) {
    std::string s = tag_of(n) == GUMBO_TAG_UNKNOWN ? tag_name(n) : std::string();
    for (const char* a : {"class", "id", "itemprop", "role"}) (s += ' ') += attr(n, a);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c == '_' ? '-' : c);
    });
    return s;
}

bool containing_tag(GumboTag t) {
    return t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE;
}

}  // namespace

Hint hint_of(const GumboNode* n) {
    Hint h;
    const std::string names = names_of(n);
    if (names.find_first_not_of(' ') == std::string::npos) return h;
    const bool positive = any_in(names, kPositive);
    const bool weak = any_in(names, kWeak) ||
                      std::any_of(std::begin(kWeakTokens), std::end(kWeakTokens), [&](std::string_view t) { return has_token(names, t); });
    // The page's own containers are never dropped: <body class="has-comments"> holds the article.
    h.drop = !containing_tag(tag_of(n)) && (any_in(names, kStrong) || (weak && !positive));
    h.byline = any_in(names, kByline) || has_token(names, "date") || has_token(names, "time");
    h.lead = any_in(names, kLead);
    h.weight = (positive ? 25 : 0) - (weak ? 25 : 0);
    return h;
}

bool never_text(const GumboNode* n) {
    switch (tag_of(n)) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT:
        case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_LABEL:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
            return true;
        default: break;
    }
    if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
    if (iequals(attr(n, "aria-hidden"), "true")) return true;
    std::string style = attr(n, "style");
    std::erase(style, ' ');
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

}  // namespace plume::extract
