// The JSON of an analysis, shared by `plume analyze --json` and the written article's JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "plume/analysis.hpp"

namespace plume::render {

// stats, seo, readability, extra and warnings (schema in docs/analysis.md, without "file").
nlohmann::ordered_json analysis_json(const Analysis& analysis);

// One line of JSON; invalid UTF-8 is replaced rather than thrown on: a report must print.
std::string dump_json(const nlohmann::ordered_json& j);

}  // namespace plume::render
