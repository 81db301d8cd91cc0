// Plain text: blank lines separate paragraphs (first cut, to be completed).
#include "plume/parse.hpp"

namespace plume {

Document parse_text(std::string source) {
    Document doc;
    doc.format = Format::Text;
    doc.source = std::move(source);
    const std::string& s = doc.source;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t end = s.find("\n\n", pos);
        if (end == std::string::npos) end = s.size();
        std::size_t b = pos, e = end;
        while (b < e && (s[b] == '\n' || s[b] == ' ')) ++b;
        while (e > b && (s[e - 1] == '\n' || s[e - 1] == ' ')) --e;
        if (b < e) {
            Block block;
            block.text = s.substr(b, e - b);
            for (char& c : block.text) if (c == '\n') c = ' ';
            block.spans.push_back({0, b, e - b});
            block.source_begin = b;
            block.source_end = e;
            doc.blocks.push_back(std::move(block));
        }
        pos = end + 2;
    }
    return doc;
}

}  // namespace plume
