// Server-Sent Events (the WHATWG "text/event-stream" format) read incrementally: bytes arrive
// from the network cut anywhere, even between the CR and LF of one line break.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace plume::llm {

struct SseEvent {
    std::string type;  // the "event:" field, empty for the default "message"
    std::string data;  // "data:" lines joined by '\n'
};

class SseParser {
public:
    using Handler = std::function<void(const SseEvent&)>;
    explicit SseParser(Handler on_event) : on_event_(std::move(on_event)) {}

    // Reads bytes and dispatches every event a blank line completes. An event left without its
    // blank line at the end of the stream is never dispatched, as the standard says.
    void feed(std::string_view bytes);

private:
    void line(std::string_view text);
    void dispatch();

    Handler on_event_;
    std::string line_;
    bool after_cr_ = false;  // the last byte was CR: a following LF belongs to the same break
    bool has_data_ = false;
    SseEvent event_;
};

}  // namespace plume::llm
