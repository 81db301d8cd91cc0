// Reading the fields of a JSON request body, with a message naming the field at fault.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "plume/document.hpp"

namespace plume::serve {

// A field of the wrong type or value: the request gets 400 with this message.
struct BadField : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The body as a JSON object; BadField otherwise.
nlohmann::json parse_object(const std::string& body);

std::string string_field(const nlohmann::json& j, const char* name, const std::string& fallback = "");
std::string one_of(const nlohmann::json& j, const char* name, std::initializer_list<const char*> allowed,
                   const char* fallback);
std::vector<std::string> string_list_field(const nlohmann::json& j, const char* name);
std::optional<std::size_t> count_field(const nlohmann::json& j, const char* name);
// "format": auto | md | html | text.
Format format_field(const nlohmann::json& j);
// A keyphrase field: empty, or holding at least one word.
std::string keyphrase_field(const nlohmann::json& j);

}  // namespace plume::serve
