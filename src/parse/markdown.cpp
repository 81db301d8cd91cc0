// Markdown (first cut: read as text; md4c parser to come).
#include "plume/parse.hpp"

namespace plume {

Document parse_markdown(std::string source) {
    Document doc = parse_text(std::move(source));
    doc.format = Format::Markdown;
    return doc;
}

}  // namespace plume
