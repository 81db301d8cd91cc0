// HTML (first cut: read as text; gumbo parser to come).
#include "plume/parse.hpp"

namespace plume {

Document parse_html(std::string source) {
    Document doc = parse_text(std::move(source));
    doc.format = Format::Html;
    return doc;
}

}  // namespace plume
