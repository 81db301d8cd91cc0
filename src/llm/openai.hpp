// The OpenAI-compatible chat completions protocol without the transport: the endpoint, the
// request body, and the answer read from a stream of chunks or from one JSON body.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "plume/llm.hpp"

namespace plume::llm {

// ".../v1/chat/completions" from a base URL given with or without "/v1" (or already complete).
std::string chat_endpoint(std::string_view base_url);

// The JSON body; `schema` (already parsed) goes to response_format when given.
nlohmann::json request_body(const ChatRequest& request, const std::string& model, bool stream,
                            const nlohmann::json* schema);

// The answer as it builds up, from the data of each SSE event or from a whole JSON body.
class AnswerReader {
public:
    // One SSE "data:" payload: a chunk, "[DONE]" or an error object.
    void chunk(std::string_view data);
    // A non-streamed answer (the server may ignore "stream": true).
    void body(std::string_view json);

    // The answer ended as the protocol says: "[DONE]" or a finish_reason.
    bool complete() const { return done_ || !answer_.finish_reason.empty(); }
    // Why the answer cannot be used; empty when nothing went wrong yet.
    const std::string& fault() const { return fault_; }
    const ChatAnswer& answer() const { return answer_; }
    // The text a chunk just added (for progress).
    std::string_view last_delta() const { return last_delta_; }

private:
    void choice(const nlohmann::json& choice, const char* text_key);
    void usage(const nlohmann::json& object);

    ChatAnswer answer_;
    std::string fault_;
    std::string last_delta_;
    bool done_ = false;
};

// The server's own explanation in an error body ({"error": {"message": ...}}), else the start
// of the body.
std::string server_message(std::string_view body);

}  // namespace plume::llm
