// The work of a batch: its items as found in the input directory, and where their outputs go.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "plume/batch.hpp"

namespace plume::batch {

struct Item {
    std::string name;
    std::vector<std::string> files;  // the sources, as paths under the input directory
    std::string error;               // set when the item cannot be written whatever its sources
};

// One item per folder (all its files are sources of one story) or file directly in `input_dir`,
// sorted by name; hidden entries and the output directory are left out.
std::vector<Item> list_items(const std::filesystem::path& input_dir, const std::filesystem::path& out_dir);

// The sources of an item, read; InputError when one cannot be read.
std::vector<SourceInput> read_sources(const Item& item);

// A fingerprint of everything an article is written from: the sources and the options.
std::string inputs_hash(const std::vector<SourceInput>& sources, const BatchOptions& options);

// The outputs of an item, when they are whole and were written from inputs of this hash.
std::optional<BatchItem> finished_item(const std::filesystem::path& out_dir, const std::string& name,
                                       const std::string& hash);

// Writes OUT_DIR/<name>.md, then OUT_DIR/<name>.json (with the inputs' hash: last, so that
// the item counts as done only once both are whole).
void write_outputs(const std::filesystem::path& out_dir, const std::string& name, const WriteResult& result,
                   const std::string& hash);

// Removes the temporary files a killed run left next to the outputs of these items.
void remove_stale_temporaries(const std::filesystem::path& out_dir, const std::vector<Item>& items);

}  // namespace plume::batch
