// Assessments of images and links. Thresholds and scores are yoastseo 3.6.0's.
#include <algorithm>
#include <cmath>

#include "analyze/seo/seo.hpp"

namespace plume::analysis::seo {

namespace {

enum class LinkType { Internal, External, Other };

std::string lowercase_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// "mailto:", "https:"…: the scheme of an absolute URL, lowercased; empty for a relative one.
std::string scheme_of(std::string_view href) {
    const std::size_t colon = href.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    const std::string_view s = href.substr(0, colon);
    const bool valid = std::isalpha(static_cast<unsigned char>(s[0])) && std::all_of(s.begin(), s.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-';
                       });
    return valid ? lowercase_ascii(s) : std::string();
}

std::string host_of(std::string_view href) {
    const std::size_t slashes = href.find("//");
    if (slashes == std::string_view::npos) return {};
    std::string_view rest = href.substr(slashes + 2);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    return lowercase_ascii(rest.substr(0, rest.find(':')));
}

// Yoast's getLinkType: non-web schemes and fragments are "other"; root-relative or host-less
// links, and links to the site's own host, are internal.
LinkType link_type(std::string_view href, std::string_view site_host) {
    const std::string scheme = scheme_of(href);
    if ((!scheme.empty() && scheme != "http" && scheme != "https") || href.starts_with('#')) return LinkType::Other;
    if (href.starts_with('/') && !href.starts_with("//")) return LinkType::Internal;
    const std::string host = host_of(href);
    if (host.empty() || host == lowercase_ascii(site_host)) return LinkType::Internal;
    return LinkType::External;
}

struct LinkCount {
    std::size_t total = 0;
    std::size_t nofollow = 0;
};

LinkCount count_links(const Context& ctx, LinkType type) {
    LinkCount n;
    for (const Block& b : ctx.doc.blocks)
        for (const Link& l : b.links)
            if (link_type(l.href, ctx.options.site_host) == type) {
                ++n.total;
                n.nofollow += l.nofollow;
            }
    return n;
}

}  // namespace

std::optional<Assessment> image_keyphrase(const Context& ctx) {
    const Topic& topic = ctx.topic;
    std::size_t count = 0, with_keyphrase = 0, with_other_alt = 0;
    for (const Block& b : ctx.doc.blocks)
        for (const Image& img : b.images) {
            ++count;
            if (img.alt.empty() || topic.keyphrase.empty()) continue;
            ++(topic_percent(topic, img.alt) >= 50 ? with_keyphrase : with_other_alt);
        }
    if (topic.keyphrase.empty() || count == 0)
        return result("imageKeyphrase", 3,
                      ctx.say("Requête dans les images : ajoutez des images avec la requête ou un synonyme dans leur "
                              "texte alternatif.",
                              "Image keyphrase: add images with alt attributes that include the keyphrase or synonyms."));
    const auto min = static_cast<std::size_t>(std::ceil(static_cast<double>(count) * 0.3));
    const auto max = static_cast<std::size_t>(std::floor(static_cast<double>(count) * 0.75));
    auto say = [&](int score, std::string_view fr, std::string_view en) {
        return result("imageKeyphrase", score, ctx.say(fr, en, with_keyphrase, count));
    };
    if (with_other_alt > 0 && with_keyphrase == 0)
        return say(6, "Requête dans les images : des images ont un texte alternatif, mais aucun ne reprend la requête ({} sur {}).",
                   "Image keyphrase: images have alt attributes, but none reflect the topic ({} of {}).");
    if (count > 4 && with_keyphrase > 0 && with_keyphrase < min)
        return say(6, "Requête dans les images : {} image(s) sur {} ont la requête dans leur texte alternatif, c’est trop peu.",
                   "Image keyphrase: {} of {} images have the keyphrase in their alt attribute, that is too few.");
    if ((count < 5 && with_keyphrase > 0) || (count == 5 && with_keyphrase >= 2 && with_keyphrase <= 4) ||
        (count > 4 && with_keyphrase >= min && with_keyphrase <= max))
        return say(9, "Requête dans les images : {} image(s) sur {} ont la requête dans leur texte alternatif. Bien !",
                   "Image keyphrase: {} of {} images have the keyphrase in their alt attribute. Good job!");
    if (count > 4 && with_keyphrase > max)
        return say(6, "Requête dans les images : {} images sur {} ont la requête dans leur texte alternatif, c’est trop. Variez-les.",
                   "Image keyphrase: {} of {} images have the keyphrase in their alt attribute, that is too many. Vary them.");
    return say(6, "Requête dans les images : les images n’ont pas de texte alternatif ({} sur {} avec la requête). Ajoutez-en.",
               "Image keyphrase: images have no alt attributes ({} of {} with the keyphrase). Add alt attributes.");
}

std::optional<Assessment> images(const Context& ctx) {
    std::size_t n = 0;
    for (const Block& b : ctx.doc.blocks) n += b.images.size();
    if (n == 0)
        return result("images", 3,
                      ctx.say("Images : aucune image. Ajoutez-en une pour illustrer l’article.",
                              "Images: no images appear on this page. Add some!"));
    return result("images", 9, ctx.say("Images : {} image(s). Bien !", "Images: {} image(s). Good job!", n));
}

namespace {

// Yoast's scores for the links of one kind: none 3, all rel="nofollow" 7, some 8, all
// followed 9.
Assessment links(const Context& ctx, LinkType type) {
    const bool out = type == LinkType::External;
    const LinkCount n = count_links(ctx, type);
    const std::string id = out ? "externalLinks" : "internalLinks";
    if (n.total == 0)
        return result(id, 3,
                      out ? ctx.say("Liens sortants : aucun lien vers un autre site. Citez vos sources.",
                                    "Outbound links: no outbound links appear in this page. Add some!")
                          : ctx.say("Liens internes : aucun lien vers une autre page du site. Ajoutez-en.",
                                    "Internal links: no internal links appear in this page. Make sure to add some!"));
    if (n.nofollow == n.total)
        return result(id, 7,
                      out ? ctx.say("Liens sortants : tous les liens vers d’autres sites sont en nofollow. Ajoutez des liens normaux.",
                                    "Outbound links: all outbound links on this page are nofollowed. Add some normal links.")
                          : ctx.say("Liens internes : tous les liens internes sont en nofollow. Ajoutez de bons liens internes.",
                                    "Internal links: the internal links in this page are all nofollowed. Add some good internal links."));
    const std::string kind = out ? ctx.say("sortants", "Outbound") : ctx.say("internes", "Internal");
    if (n.nofollow > 0)
        return result(id, 8, ctx.say("Liens {} : {} lien(s), dont {} en nofollow. Bien !", "{} links: {} link(s), {} of them nofollowed. Good job!",
                                     kind, n.total, n.nofollow));
    return result(id, 9, ctx.say("Liens {} : {} lien(s). Bien !", "{} links: {} link(s). Good job!", kind, n.total));
}

}  // namespace

std::optional<Assessment> external_links(const Context& ctx) { return links(ctx, LinkType::External); }

std::optional<Assessment> internal_links(const Context& ctx) { return links(ctx, LinkType::Internal); }

}  // namespace plume::analysis::seo
