// The French prompt templates of data/prompts, compiled into the library like data/fr.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plume::llm {

// The text of data/prompts/<name>.txt; empty when there is no such file.
std::string_view prompt_file(std::string_view name);

// The text of the `key | text` line of data/prompts/<file>.txt; empty when there is none.
std::string_view prompt_entry(std::string_view file, std::string_view key);

using Values = std::vector<std::pair<std::string_view, std::string>>;

// The template with every {{name}} of `values` replaced by its value; values are inserted
// as they are, never read as templates themselves (a source may hold "{{requete}}").
std::string fill(std::string_view tmpl, const Values& values);

}  // namespace plume::llm
