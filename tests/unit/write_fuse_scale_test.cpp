// fuse compares only sentences sharing a rare stem (issue 12: pairwise comparison was
// quadratic in sentences): a fact told twice is still merged when common words surround it.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "fuse/fuse.hpp"
#include "plume/text.hpp"

namespace plume::write {
namespace {

CleanSource source_of(std::string name, const std::vector<std::string>& paragraphs) {
    CleanSource s;
    s.info.name = std::move(name);
    for (const std::string& p : paragraphs) {
        Block b;
        b.text = p;
        s.info.words += text::count_words(p);
        s.blocks.push_back(std::move(b));
    }
    return s;
}

// 169 sentences, each naming its own district, all sharing « ligne », « tramway »,
// « métropole » and « avance »: stems too common to propose a pair.
std::vector<std::string> district_sentences() {
    constexpr std::array<const char*, 13> kFirst{"Bel", "Mont", "Cour", "Lan", "Ber", "Sau", "Gen", "Ro", "Chal", "Fon", "Bru", "Quin", "Mar"};
    constexpr std::array<const char*, 13> kSecond{"ville", "champ", "bourg", "ferrand", "lieu", "moulin", "vallon", "plaine", "rivage", "tillet", "coteau", "verger", "pré"};
    std::vector<std::string> out;
    for (const char* a : kFirst)
        for (const char* b : kSecond) out.push_back(std::string("La ligne de tramway de la métropole avance à ") + a + b + '.');
    return out;
}

TEST(FuseScale, CommonStemsProposeNoPairRareOnesStillMerge) {
    std::vector<std::string> a = district_sentences();
    a.insert(a.begin() + 80, "Le chantier du tunnel de Fourvière coûtera 210 millions d’euros au total.");
    std::vector<std::string> b{"Selon la métropole, le tunnel de Fourvière coûtera au total 210 millions d’euros de chantier.",
                               "Le conseil votera le budget du tunnel en juin."};
    std::vector<Removal> removals;
    const Story story = fuse({source_of("a.txt", a), source_of("b.txt", b)}, removals);
    // The two wordings of the tunnel's cost are one fact: the shorter goes.
    const auto duplicates = std::count_if(removals.begin(), removals.end(), [](const Removal& r) { return r.reason == RemovalReason::Duplicate; });
    EXPECT_EQ(duplicates, 1);
    ASSERT_FALSE(removals.empty());
    EXPECT_NE(removals.front().text.find("Fourvière"), std::string::npos);
    // The district sentences, 80 % alike but sharing only common stems, are never compared:
    // all stay, which is what keeps the work linear.
    const auto districts = std::count_if(story.sentences.begin(), story.sentences.end(),
                                         [](const StorySentence& s) { return s.text.find("avance à") != std::string::npos; });
    EXPECT_EQ(districts, 169);
}

}  // namespace
}  // namespace plume::write
