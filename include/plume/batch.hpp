// plume batch: one article per source folder (or source file) of a directory, written by a few
// threads into an output directory, and resumable after an interruption (docs/batch.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plume/analysis.hpp"
#include "plume/write.hpp"

namespace plume {

struct BatchOptions {
    std::string input_dir;
    std::string out_dir;
    int jobs = 1;
    std::string db;             // also record every article in this plume serve database; empty: none
    bool progress_bar = false;  // one line redrawn in place (a terminal), else one line per article
    WriteOptions write;         // every article's; model.backend must be safe from several threads
    std::string model;          // what words the articles (URLs, model name); empty: plume alone
};

enum class BatchStatus { Written, AlreadyDone, Failed, NotRun };

struct BatchItem {
    std::string name;  // of the source folder or file; the outputs are OUT_DIR/<name>.md and .json
    BatchStatus status = BatchStatus::NotRun;
    std::size_t words = 0;
    Rating seo = Rating::Bad;
    Rating readability = Rating::Bad;
    std::size_t warnings = 0;
    std::string error;  // why it failed
};

struct BatchReport {
    std::vector<BatchItem> items;  // in the order of the input directory
    bool interrupted = false;      // SIGINT or SIGTERM stopped it before every item was run
};

// Writes what is missing or out of date in `out_dir`. SIGINT and SIGTERM stop it from taking
// new items (running ones finish); a second one quits at once. Throws InputError when the input
// directory cannot be listed or the output directory created.
BatchReport run_batch(const BatchOptions& options);

// The table printed at the end: name, words, ratings, warnings, failure.
std::string render_batch_summary(const BatchReport& report, Lang lang);

}  // namespace plume
