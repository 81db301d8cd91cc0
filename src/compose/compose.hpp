// Phases 5 and 6: the article from the plan, in the sources' own sentences.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "write/story.hpp"

namespace plume::write {

// Meta description bounds (characters, as search engines count them).
inline constexpr std::size_t kDescriptionMin = 121;
inline constexpr std::size_t kDescriptionMax = 156;
inline constexpr double kTitleMaxPx = 600;
inline constexpr double kTitleMinPx = 400;

struct Titles {
    // The SEO title: the base's headline as written when it fits 600 px, else its widest
    // part that fits (cut at a colon or a clause), naming the keyphrase when one does;
    // without a usable headline, a source title (or section heading) led by the keyphrase.
    std::string title;
    // The H1 when the title had to cut the base's headline to fit a search result: the
    // headline whole, as its journalist wrote it (a page shows it all). Empty when the title
    // is the headline, or when the headline is unusable (typed without accents, quotes unpaired).
    std::string headline;
};
Titles compose_titles(const Story& story, const Plan& plan);

// The lead, from the first sentence of the intro (or else the first that names the
// keyphrase and ends whole), cut by cut_description; never opening on words that answer
// the sentence before (« Il… », « Cela… », « Mais… »).
std::string compose_description(const Story& story, const Plan& plan);

// `text` cut to 121-156 characters (typography applied) for a search result, ending, best
// first, on a sentence, on a sentence's main clause before an adjunct (« …prononcé en 2015,
// en partie au motif que… » → « …prononcé en 2015. »), on a clause or a word with « … »;
// never inside a quotation. A text that fits is whole.
std::string cut_description(const std::string& text);

// Lowercase ASCII words joined by hyphens: the keyphrase, then title words, at most 60
// characters; function words left out, but for the article of a name (« marine-le-pen »).
std::string compose_slug(const std::string& keyphrase, const std::string& title);

// Splits a sentence longer than 20 words at a semicolon, before "mais", at ", ce qui", at
// "et" joining two clauses, or at a colon between two clauses, the second explaining the
// first, when both halves are clauses of 6 words or more; never inside a quotation, nor a
// sentence of a quotation opened before it (`in_quotation`), nor one that names its source
// (« selon… », « …, a-t-il dit »), which would then go with one half only.
std::vector<std::string> split_long_sentence(const std::string& sentence, bool in_quotation = false);

// The whole article: intro, body sections cut in paragraphs of at most 150 words, derived
// sections while the article is shorter than the target (key points, key figures,
// questions), the conclusion and the sources. French typography applied throughout.
// `site_url`, when given, makes the canonical URL with the slug.
Article compose(const Story& story, const Plan& plan, const std::string& date, const std::string& site_url);

// Whether the words hold a finite verb (a conjugated form, or the "se" of a pronominal
// one): what makes words a clause.
bool has_finite_verb(std::string_view words);

// Whether the sentence opens on a transition word ("Ensuite", "En revanche", "Ainsi"): it
// answers the sentence before it.
bool opens_with_transition(const std::string& sentence);

// The words as the story writes them inside its sentences (not first, or first after an
// elision: « L’Ouverture »), where a capital marks a name and not a sentence's start. Built
// once: asked for each connective, a scan of the story each time was quadratic in its length.
class InnerForms {
public:
    explicit InnerForms(const Story& story);
    bool written(std::string_view form) const { return forms_.count(form) > 0; }

private:
    std::unordered_set<std::string_view> forms_;  // views into the story's sentences
};

// The text's first word lowercased when it is a function word ("La", "L’") or a word the
// story writes lowercase inside its sentences (a common noun, not a name): what follows
// "Keyphrase : " or a question's opening.
std::string lower_common_first_word(const InnerForms& inner, const std::string& text);

// Derived sections restating facts of the sources, in the order they are tried.
std::vector<Section> derived_sections(const Story& story, const Plan& plan);

}  // namespace plume::write
