// plume::write_article on generated French text of 10k, 100k and 1M sentences (issue 12): the
// time must grow near-linearly. Sentences are drawn from word lists, place names made of
// syllables and figures, so that words range from very common to rare as in a real story.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>

#include "plume/plume.hpp"

namespace {

template <std::size_t N>
std::string_view pick(std::mt19937& rng, const std::array<std::string_view, N>& words) {
    return words[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

constexpr std::array<std::string_view, 12> kSubjects{
    "Le maire", "La préfète", "Le conseil municipal", "La métropole", "Les habitants", "Le ministre",
    "La région", "Les syndicats", "L’association des riverains", "Les commerçants", "Le tribunal administratif",
    "Les élus de l’opposition"};
constexpr std::array<std::string_view, 12> kVerbs{
    "a annoncé", "a présenté", "a critiqué", "a validé", "a reporté", "a financé",
    "a dévoilé", "a contesté", "prépare", "étudie", "souhaite relancer", "a suspendu"};
constexpr std::array<std::string_view, 12> kObjects{
    "un projet de tramway", "la rénovation de la gare", "un plan de circulation", "la construction d’une école",
    "la fermeture du pont", "un centre de santé", "la hausse des loyers", "le chantier du port",
    "une ligne de bus express", "l’extension du marché couvert", "une piste cyclable", "la réforme des cantines"};
constexpr std::array<std::string_view, 8> kEnds{
    "malgré les critiques", "après des mois de débats", "selon un communiqué", "devant la presse",
    "pour la première fois", "sans consulter les riverains", "avec le soutien de l’État", "au grand dam des écologistes"};
constexpr std::array<std::string_view, 24> kSyllables{
    "bel", "mont", "ri", "va", "cour", "lan", "ber", "ton", "sau", "mar", "gen", "vil",
    "ro", "chal", "dé", "pi", "nay", "fon", "teil", "ar", "bru", "lé", "sac", "quin"};

// A place name of two to four syllables: tens of thousands of names, each rare.
std::string place(std::mt19937& rng) {
    std::string name(pick(rng, kSyllables));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    for (int n = std::uniform_int_distribution<int>(1, 3)(rng); n > 0; --n) name += pick(rng, kSyllables);
    return name;
}

// Paragraphs of three to five sentences under a title, `sentences` in all; each page its own draw.
std::string french_text(std::size_t sentences, std::size_t page) {
    std::mt19937 rng(static_cast<std::mt19937::result_type>(12 + page));
    std::uniform_int_distribution<int> figure(2, 900), per_paragraph(3, 5);
    std::string out = "Les projets des communes de la vallée\n\n";
    for (std::size_t i = 0; i < sentences;) {
        for (int k = per_paragraph(rng); k > 0 && i < sentences; --k, ++i) {
            out += pick(rng, kSubjects);
            out += ' ';
            out += pick(rng, kVerbs);
            out += ' ';
            out += pick(rng, kObjects);
            out += " de " + std::to_string(figure(rng)) + " mètres à " + place(rng) + ' ';
            out += pick(rng, kEnds);
            out += ". ";
        }
        out += "\n\n";
    }
    return out;
}

// A source holds at most 10 MiB: the sentences come as pages of at most 50,000 (5.5 MB).
constexpr std::size_t kPageSentences = 50'000;

void BM_WriteSentences(benchmark::State& state) {
    std::vector<plume::SourceInput> inputs;
    for (auto left = static_cast<std::size_t>(state.range(0)); left > 0; left -= std::min(left, kPageSentences))
        inputs.push_back({"page" + std::to_string(inputs.size()) + ".txt", french_text(std::min(left, kPageSentences), inputs.size()), "",
                          plume::Format::Text});
    plume::WriteOptions o;
    o.date = "2026-01-01";
    o.force = true;  // pages of one generated text: never refused as unrelated
    for (auto _ : state) benchmark::DoNotOptimize(plume::write_article(inputs, o));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WriteSentences)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

namespace {

// One token of 1 and 5 MB without a space (issue 12): each pattern once made a phase read the
// text back from each of its words or periods (sentence ends, addresses, camel case, marks).
constexpr std::string_view kTokenPatterns[] = {"a", "a.", "aA", "a_", "M.", "?a", "e\u0301"};

void BM_WriteOneToken(benchmark::State& state) {
    const std::string_view unit = kTokenPatterns[static_cast<std::size_t>(state.range(0))];
    std::string text;
    while (text.size() < static_cast<std::size_t>(state.range(1))) text += unit;
    const std::vector<plume::SourceInput> inputs = {{"token.txt", text, "", plume::Format::Text}};
    plume::WriteOptions o;
    o.date = "2026-01-01";
    for (auto _ : state) {
        try {
            benchmark::DoNotOptimize(plume::write_article(inputs, o));
        } catch (const plume::InputError&) {  // « no article text »: the outcome of some patterns
        }
    }
    state.SetLabel(std::string(unit));
    state.SetBytesProcessed(state.iterations() * state.range(1));
}
BENCHMARK(BM_WriteOneToken)
    ->ArgsProduct({benchmark::CreateDenseRange(0, std::size(kTokenPatterns) - 1, 1), {1'000'000, 5'000'000}})
    ->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
