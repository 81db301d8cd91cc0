#include "llm/sse.hpp"

namespace plume::llm {

void SseParser::feed(std::string_view bytes) {
    for (const char c : bytes) {
        const bool lf_after_cr = c == '\n' && after_cr_;
        after_cr_ = c == '\r';
        if (lf_after_cr) continue;
        if (c == '\r' || c == '\n') {
            line(line_);
            line_.clear();
        } else {
            line_.push_back(c);
        }
    }
}

void SseParser::line(std::string_view text) {
    if (text.empty()) return dispatch();
    if (text.front() == ':') return;  // a comment, often a keep-alive
    const auto colon = text.find(':');
    const std::string_view field = text.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "data") {
        if (has_data_) event_.data.push_back('\n');
        event_.data.append(value);
        has_data_ = true;
    } else if (field == "event") {
        event_.type = value;
    }  // "id" and "retry" concern reconnecting browsers, not one request
}

void SseParser::dispatch() {
    if (has_data_) on_event_(event_);
    event_ = {};
    has_data_ = false;
}

}  // namespace plume::llm
