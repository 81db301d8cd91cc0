// JSON written straight into a string, with no tree in between: `plume analyze --json` and the
// API answer an analysis per request, and building then dumping a tree cost more than the
// analysis itself (bench/analyze_bench.cpp, BM_AnalyzeJson).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plume::render {

// Appends `s` as a JSON string, quotes included, in one pass: the bytes nlohmann::json's dump
// writes (UTF-8 kept, control characters escaped, an invalid UTF-8 sequence replaced by U+FFFD
// together with the byte that broke it).
void append_json_string(std::string& out, std::string_view s);

// Objects and arrays written as they are opened; commas are placed by the writer.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(long long n);
    JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
    JsonWriter& value(std::size_t n);
    JsonWriter& value(double d);  // as nlohmann::json prints it: shortest form, "60.0", null when not finite
    JsonWriter& value(bool b);

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void separate();
    std::string& out_;
    bool comma_ = false;  // a value came last at this level: the next one needs a comma
};

}  // namespace plume::render
