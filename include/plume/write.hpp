// plume write: from noisy French sources to one SEO-ready article, with or without a model.
//
// The pipeline follows the data, one folder per phase: brief -> clean -> fuse -> plan ->
// compose -> check -> render. The Article below is the one model every writer (this
// deterministic engine, and the language model writer of src/llm) fills and every renderer reads.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plume/analysis.hpp"
#include "plume/document.hpp"

namespace plume {

namespace llm {
class Backend;
}

// One source as the user gave it: a file name (or "-") and its bytes.
struct SourceInput {
    std::string name;
    std::string bytes;
    std::string url;  // from --source-url; empty when unknown
    Format format = Format::Auto;
};

// Settings a brief line asks for ("create at least 700 words", "avec des intertitres").
struct Brief {
    std::string line;  // the instruction as found in the source; empty when none
    std::optional<std::size_t> min_words;
    std::optional<Lang> lang;         // the language the article is asked in
    std::optional<bool> subheadings;  // false for "sans intertitres"
    std::string keyphrase;            // "mot-clé : ..." / "keyword: ..."
};

enum class RemovalReason {
    Brief,            // the instruction line
    Boilerplate,      // comment prompt, e-mail notice, credit, caption, share/newsletter/promo line...
    RepeatedTitle,    // a line repeating the source's title
    RedundantBullet,  // a summary bullet whose words the body already says
    OffTopic,         // a paragraph with no lexical cohesion with the story
    Duplicate,        // a sentence another source says with as much information
    NotProse,         // a headline, caption or line left in a paragraph, a source speaking of itself
    Moved,            // kept, but moved from where its source tells it (listed, not removed)
};

// Something the writer left out, and why (`plume write --explain`).
struct Removal {
    int source = 0;  // index into WriteResult::sources
    RemovalReason reason = RemovalReason::Boilerplate;
    std::string kind;  // finer label: "comment prompt", "photo credit", "video teaser"...
    std::string text;
};

// A run of article text and where it comes from: a source sentence (source >= 0), or
// plume's own words (source == -1: headings, labels, questions).
struct Piece {
    std::string text;
    int source = -1;
};

enum class SectionKind { Body, KeyPoints, KeyFigures, Faq, Conclusion, Sources };

// A paragraph, list item, or (in the FAQ) a question heading of level 3.
struct ArticleBlock {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    std::vector<Piece> pieces;
    std::string href;  // list items of the Sources section: the source's URL when known

    std::string text() const;  // the pieces joined by spaces
};

struct Section {
    SectionKind kind = SectionKind::Body;
    std::string heading;  // H2
    std::vector<ArticleBlock> blocks;
};

struct Article {
    std::string title;     // SEO title: what a search result shows, at most 600 px
    std::string headline;  // H1, when the headline whole says more than the SEO title cut to fit
    const std::string& h1() const { return headline.empty() ? title : headline; }
    std::string description;  // meta description
    std::string slug;
    std::string canonical_url;  // WriteOptions::site_url + "/" + slug; empty without a site URL
    std::string keyphrase;
    std::vector<std::string> synonyms;
    std::string date;  // ISO 8601 (YYYY-MM-DD)
    std::vector<ArticleBlock> intro;
    std::vector<Section> sections;  // body, derived, conclusion, sources, in reading order
};

enum class FactKind { Number, Date, Quote, Name };

// A number, date, quoted passage or proper name of the article, and the first source
// that contains it (source == -1: not found, which fails the fidelity check).
struct Fact {
    FactKind kind = FactKind::Number;
    std::string text;
    int source = -1;
};

struct SourceInfo {
    std::string name;
    std::string url;
    std::string title;  // empty when the source has none
    std::size_t words = 0;  // after cleaning
};

// Wording by a language model (docs/llm.md): plume's plan is the outline, every answer is
// checked by code and replaced by the deterministic text when it keeps failing.
struct ModelOptions {
    llm::Backend* backend = nullptr;  // null: the deterministic engine alone
    int max_calls = 0;                // chat calls allowed; 0: sized for the article
    bool dry_run = false;             // build the prompts (WriteResult::model.prompts), call nothing
    std::function<void(std::string_view)> progress;  // one line of progress at a time (stderr)
};

struct WriteOptions {
    std::string keyphrase;  // empty: chosen from the sources
    std::vector<std::string> synonyms;
    std::optional<std::size_t> min_words;  // overrides the brief; default 700
    std::string site_url;                  // canonical URL base for HTML
    std::string date;                      // empty: today
    bool force = false;                    // fuse sources that look like unrelated stories
    Lang lang = Lang::Fr;                  // language of messages (the article is French)
    ModelOptions model;
};

// A prompt as it would be sent: its step ("meta", "intro", "section 2"...) and messages.
struct PromptText {
    std::string step;
    std::string system;
    std::string user;
};

// What the model did for the article: the JSON output's "llm" and the stderr report.
struct ModelReport {
    struct Step {
        std::string name;  // "meta", "sections", "repairs"
        int calls = 0;
        double seconds = 0;
    };
    struct Replaced {
        std::string part;    // "intro", the heading of a section, "title", "description"...
        std::string reason;  // the last fault found, in the messages' language
    };
    bool used = false;
    int calls = 0;     // chat calls made
    int attempts = 0;  // HTTP attempts they took (retries included)
    int max_calls = 0;
    long prompt_tokens = 0;
    long completion_tokens = 0;
    std::vector<Step> steps;
    std::vector<std::pair<std::string, int>> repairs;  // reason -> calls sent back for it
    std::vector<std::string> facts_rejected;           // facts of answers found in no source
    std::vector<Replaced> replaced;                    // parts left to plume's own text
    std::vector<PromptText> prompts;                   // with ModelOptions::dry_run
};

// No server answered at all: `plume write` exits with code 5 and writes nothing.
class ModelUnreachable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct WriteResult {
    Brief brief;
    std::vector<SourceInfo> sources;
    std::vector<Removal> removals;
    Article article;
    std::vector<Fact> facts;
    double verbatim_share = 0;  // share of the article's word 8-grams found in the sources
    std::size_t words = 0;      // the article's word count, as the analyser counts it
    std::size_t target_words = 0;
    Analysis analysis;                  // of the rendered article
    std::vector<std::string> warnings;  // in WriteOptions::lang
    ModelReport model;                  // used only with WriteOptions::model.backend
};

// Runs the whole pipeline. Throws InputError (plume/parse.hpp) with a clear message
// when the sources cannot make an article: none, empty, not French, unrelated stories
// without `force`, unreadable; ModelUnreachable when a model was asked for and no server
// could be reached.
WriteResult write_article(const std::vector<SourceInput>& sources, const WriteOptions& options);

// Renderers of the article, side by side with those of the analysis.
std::string render_article_markdown(const WriteResult& result);  // front matter + body
std::string render_article_html(const WriteResult& result);      // a whole HTML5 document
std::string render_article_json(const WriteResult& result);      // parts, provenance, facts, analysis
std::string render_write_summary(const WriteResult& result, Lang lang);  // stderr summary
std::string render_removals(const WriteResult& result, Lang lang);       // --explain

// The article as a Document, as a CMS would publish it (title outside the body): what
// the check phase analyses, and what `plume analyze` would read from the Markdown.
Document article_document(const Article& article);

// Writes `content` to `path` atomically: a temporary file in the same directory, then
// rename. Throws InputError when the directory is not writable.
void write_file_atomically(const std::string& path, const std::string& content);

const char* to_string(RemovalReason reason);
const char* to_string(FactKind kind);

}  // namespace plume
