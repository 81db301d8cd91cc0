// The analysis result shared by the CLI, the server, the editor and the writers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plume/document.hpp"

namespace plume {

enum class Lang { Fr, En };

// `French` matches the keyphrase across elision, number, gender, case and accents;
// `Yoast` reproduces yoastseo's exact-form matching for one-to-one comparison.
enum class MatchMode { French, Yoast };

enum class Rating { Bad, Ok, Good };

struct Mark {
    std::size_t start = 0;  // byte offsets into Document::source
    std::size_t end = 0;
};

struct Assessment {
    std::string id;       // yoastseo identifier, or plume's own for `extra`
    int score = 0;        // yoastseo scale: 9 good, 5-8 ok, <= 4 bad (may be negative)
    Rating rating = Rating::Bad;
    std::string message;  // in AnalyzeOptions::lang
    std::vector<Mark> marks;
};

struct Category {
    int score = 0;  // 0-100
    Rating rating = Rating::Bad;
    std::vector<Assessment> assessments;
};

struct Stats {
    std::size_t words = 0;
    std::size_t sentences = 0;
    std::size_t paragraphs = 0;
    std::size_t syllables = 0;
    double flesch = 0;  // Kandel & Moles reading ease for French
};

struct AnalyzeOptions {
    std::string keyphrase;
    std::vector<std::string> synonyms;
    std::string title;        // empty: Document::title
    std::string description;  // empty: Document::description
    std::string slug;
    std::string site_host;    // links to this host are internal; empty: only relative links are
    MatchMode match = MatchMode::French;
    Lang lang = Lang::Fr;
    std::size_t min_words = 700;  // `extra` word-count check (the brief's target)
};

struct Analysis {
    Stats stats;
    Category seo;
    Category readability;
    Category extra;
    std::vector<std::string> warnings;  // e.g. text that is not French
    double title_width = 0;             // pixels, Arial 20px, as a search result shows it
    std::string slug;                   // the slug assessed: AnalyzeOptions::slug, or derived
    bool slug_derived = false;          // no slug given: derived from the title as WordPress does
};

Analysis analyze(const Document& doc, const AnalyzeOptions& options);

const char* to_string(Rating rating);

// yoastseo's traffic light for one assessment score.
Rating rating_of_score(int score);

}  // namespace plume
