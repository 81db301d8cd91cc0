// Helpers shared by the renderers of the analysis and of the written article.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "plume/analysis.hpp"

namespace plume::render {

// HTML text and double-quoted attribute escaping: & < > ".
void escape_html_into(std::string& out, std::string_view s);

// `url` fit for an href: http(s) only (anything else, such as javascript:, gives ""),
// with the characters URLs may not hold raw (space, controls, < > " \ ^ ` { | }) percent-encoded.
std::string http_url(std::string_view url);

// `s` on one line, cut at a word boundary to at most `max_chars` code points with "…".
std::string excerpt(std::string_view s, std::size_t max_chars);

// A rating in the words of the message language ("bon", "moyen", "à améliorer").
std::string rating_word(Rating r, Lang lang);

}  // namespace plume::render
