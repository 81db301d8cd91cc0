// plume write with a language model (issue 9, docs/llm.md): plume's plan is the outline; the
// model words the title, description, headings and each part; code checks every answer,
// sends it back with its faults, and keeps plume's own text where the model keeps failing.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "plume/write.hpp"
#include "write/story.hpp"

namespace plume::llm {

// Rewrites `result.article` (plume's own, from `plan`) with `options.model.backend` and
// checks it (WriteResult::analysis, facts...); fills WriteResult::model. With
// ModelOptions::dry_run, only fills WriteResult::model.prompts. Throws ModelUnreachable
// when no server answers.
void word_with_model(const write::Story& story, const write::Plan& plan, const std::string& date,
                     const WriteOptions& options, WriteResult& result);

// The JSON object a model's answer holds, from its first "{" to its last "}" (a model may
// wrap it in words); null when there is none. A « \uXXXX » escape of half a surrogate pair
// alone, which a schema's grammar lets a model write (« "\udeca" ») and a strict parser
// refuses, reads as U+FFFD.
nlohmann::json answer_object(const std::string& text);

}  // namespace plume::llm
