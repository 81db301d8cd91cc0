// The JSON of an analysis, shared by `plume analyze --json` and the written article's JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "plume/analysis.hpp"

namespace plume::render {

class JsonWriter;

// The members stats, seo, readability, extra, warnings, slug and slugDerived, into an object
// the caller opened (schema in docs/analysis.md).
void write_analysis_members(JsonWriter& w, const Analysis& analysis);

// One line of JSON; invalid UTF-8 is replaced rather than thrown on: a report must print.
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace plume::render
