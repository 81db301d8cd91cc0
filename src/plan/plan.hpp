// Phase 4: what the article says, in which sections, under which headings.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "write/story.hpp"

namespace plume::write {

struct KeyphraseChoice {
    std::string keyphrase;
    std::vector<std::string> synonyms;
};

// The focus keyphrase: the base headline's subject in words one sentence of the lead
// holds (a phrase of the headline, else a phrase of the story made of headline words,
// else one headline word); failing that, the noun phrase the sources repeat most. Up to
// two synonyms, each sharing a word with it and bringing one of its own.
KeyphraseChoice choose_keyphrase(const Story& story);

// The story edited into an article: every sentence that is prose, in story order; the
// lead as intro, the base source's last paragraph as conclusion, sections cut where the
// source has a subheading or the topic shifts. Sentences left out and moved are listed in
// Plan::left_out.
Plan plan_article(const Story& story, const KeyphraseChoice& keyphrase, std::size_t target_words);

// Informative headings of 3-8 words for sections of one story: a whole noun phrase of
// their own sentences, headed by a common noun, built from their distinctive terms
// (repeated in them, rare in the rest of the story). Each sentence's words are analysed
// once, however many headings are tried.
// The headings given so far, each looked up in constant time: a story of a million
// sentences has hundreds of thousands of sections, each heading checked against all.
class TakenHeadings {
public:
    void add(const std::string& heading);
    void remove(const std::string& heading);  // one occurrence
    bool has(const std::string& heading) const { return exact_.contains(heading); }
    bool has_in_any_case(const std::string& heading) const;

private:
    std::unordered_multiset<std::string> exact_, lower_;
};

class HeadingWriter {
public:
    HeadingWriter(const Story& story, const std::string& keyphrase, const std::vector<std::string>& synonyms);
    ~HeadingWriter();
    HeadingWriter(const HeadingWriter&) = delete;
    HeadingWriter& operator=(const HeadingWriter&) = delete;

    // A heading for these sentences, different from every heading in `taken`; with
    // `want_keyphrase`, one that names the keyphrase or a synonym when a phrase of the
    // sentences does, otherwise preferably one that does not. Empty when none fits.
    std::string operator()(const std::vector<int>& sentences, const TakenHeadings& taken, bool want_keyphrase) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace plume::write
