// What a page says about its article outside the text: JSON-LD, Open Graph, <meta>, microdata.
#pragma once

#include <gumbo.h>

#include <string>

namespace plume::extract {

struct Metadata {
    std::string title;        // JSON-LD headline, else og:title
    std::string page_title;   // <title>
    std::string author;
    std::string date;
    std::string description;  // JSON-LD description, og:description or <meta name="description">
    std::string body;         // JSON-LD articleBody
};

Metadata read_metadata(const GumboNode* document);

}  // namespace plume::extract
