// The plain-text reader on the real French news of ../shared/corpus (flattened: paragraph
// breaks and some spaces lost, subheadings inline as `- Titre -`). Skips without the corpus.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "parse_support.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"
#include "test_support.hpp"

namespace {

using plume::BlockKind;

// Inline subheadings counted independently of the parser: a sentence end, a dash, a capital
// (or a quote), and a dash before the next sentence's capital within 150 bytes.
std::size_t inline_markers(const std::string& text) {
    static const std::regex marker(
        R"([.!?]["»)]? ?(?:-|–) ?(?:"|«)?(?:[A-Z0-9]|À|É)[^.!?;\n]{0,150}? (?:-|–) ?(?:"|«)?(?:[A-Z]|À|É))");
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), marker),
                                                  std::sregex_iterator()));
}

// A sentence end glued to a capitalised word, an elided one or a quotation (`fin.Les`,
// `fin.L'Iran`, `fin."Nous`); a URL or address is no sentence end.
bool has_glued_end(const std::string& sentence) {
    static const std::regex glued(R"([a-z]\.(?:[A-Z][a-z]|[LDCJSN](?:'|’)|"[A-Z]))");
    static const std::regex address(R"(www|https?:|@|/)");
    return std::regex_search(sentence, glued) && !std::regex_search(sentence, address);
}

TEST(ParseCorpus, FlattenedArticlesReadAsWritten) {
    const std::filesystem::path dir = std::filesystem::path(PLUME_CORPUS) / "articles";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "../shared/corpus absent";
    std::size_t articles = 0, markers = 0, headings = 0, sentences = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto json = nlohmann::json::parse(plume::test::slurp(e.path().string()));
        const std::string text = json.at("text").get<std::string>();
        const plume::Document doc = plume::parse_text(json.at("title").get<std::string>() + "\n\n" + text + "\n");
        plume::test::expect_mapped(doc);
        std::size_t found = 0;
        for (const plume::Block& b : doc.blocks) {
            if (b.kind == BlockKind::Heading) {
                ++found;
                continue;
            }
            for (const plume::text::Span& s : plume::text::split_sentences(b.text)) {
                const std::string sentence = b.text.substr(s.begin, s.end - s.begin);
                EXPECT_FALSE(has_glued_end(sentence)) << e.path().filename() << ": " << sentence;
                ++sentences;
            }
        }
        const std::size_t expected = inline_markers(text);
        EXPECT_GE(found, expected) << e.path().filename();
        ++articles, markers += expected, headings += found;
    }
    std::cout << articles << " articles: " << headings << " headings for " << markers << " inline markers, "
              << sentences << " sentences\n";
    EXPECT_GT(articles, 0u);
}

}  // namespace
