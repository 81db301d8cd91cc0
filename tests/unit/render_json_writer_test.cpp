// The JSON writer of analyses: the bytes nlohmann::json would write for the same content,
// without building its tree (bench/analyze_bench.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "plume/plume.hpp"
#include "render/json_writer.hpp"

namespace plume {
namespace {

std::string nlohmann_dump(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written(const std::string& s) {
    std::string out;
    render::append_json_string(out, s);
    return out;
}

TEST(JsonWriter, EscapesStringsAsNlohmannDoes) {
    for (const std::string& s : std::vector<std::string>{"", "« Les puces d’IA », dit-il.", "a\"b\\c/d", "ligne\nligne\ttab\r\b\f", std::string("nul\0x", 5),
                                "\x01\x1f\x7f", "😀 € é", "\xC3", "\xC3(", "\xE2\x82", "\xE2\x82(", "\x80x", "\xC0\xAF",
                                "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98", "fin\xE9"})
        EXPECT_EQ(written(s), nlohmann_dump(s)) << nlohmann_dump(s);
}

// Random bytes, biased toward what breaks escapers: quotes, controls, multibyte lead and
// continuation bytes, cut sequences.
TEST(JsonWriter, AgreesWithNlohmannOnRandomBytes) {
    const std::string alphabet = std::string("aé\"\\\n\x01\x1f/ ") + "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x80\xBF\xC0\xED\xF4\xFF";
    std::mt19937 random(20261204);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (int len = random() % 12; len > 0; --len) s += alphabet[random() % alphabet.size()];
        ASSERT_EQ(written(s), nlohmann_dump(s)) << nlohmann_dump(s);
    }
}

// The analysis of a real article, as `plume analyze --json` prints it: what nlohmann would print
// for the same values (doubles such as flesch included), and the schema's members in order.
TEST(JsonWriter, AnAnalysisIsWhatNlohmannWouldPrint) {
    AnalyzeOptions o;
    o.keyphrase = "puces d’IA";
    const Analysis a = analyze(read_document(PLUME_EXAMPLES "/article-puces.md", Format::Auto), o);
    const std::string json = render_json(a, "article-puces.md");
    const auto parsed = nlohmann::ordered_json::parse(json);
    EXPECT_EQ(parsed.dump(), json);
    std::vector<std::string> keys;
    for (const auto& [key, value] : parsed.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"file", "stats", "seo", "readability", "extra", "warnings", "slug", "slugDerived"}));
    EXPECT_EQ(parsed["stats"]["words"], a.stats.words);
    EXPECT_EQ(parsed["seo"]["assessments"].size(), a.seo.assessments.size());
    std::string whole;
    render::JsonWriter(whole).value(60.0);
    EXPECT_EQ(whole, "60.0");
}

}  // namespace
}  // namespace plume
