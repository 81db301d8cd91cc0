#include "llm/openai.hpp"

namespace plume::llm {

using nlohmann::json;

std::string chat_endpoint(std::string_view base_url) {
    std::string url(base_url);
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (url.ends_with("/chat/completions")) return url;
    if (url.ends_with("/v1")) return url + "/chat/completions";
    return url + "/v1/chat/completions";
}

json request_body(const ChatRequest& request, const std::string& model, bool stream, const json* schema) {
    json body = {{"max_tokens", request.max_tokens}, {"temperature", request.temperature}, {"stream", stream}};
    if (!model.empty()) body["model"] = model;
    if (!request.stop.empty()) body["stop"] = request.stop;
    json messages = json::array();
    for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    body["messages"] = std::move(messages);
    // Usage comes in a last chunk only when asked for; servers that do not know it ignore it.
    if (stream) body["stream_options"] = {{"include_usage", true}};
    if (schema) {
        body["response_format"] = {{"type", "json_schema"},
                                   {"json_schema", {{"name", "answer"}, {"strict", true}, {"schema", *schema}}}};
    }
    return body;
}

namespace {

std::string error_text(const json& error) {
    if (error.is_object() && error.contains("message") && error["message"].is_string())
        return error["message"].get<std::string>();
    return error.dump();
}

// A token count; servers send null or nothing for what they do not count.
int count(const json& usage, const char* key, int fallback) {
    const auto it = usage.find(key);
    return it != usage.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

}  // namespace

void AnswerReader::chunk(std::string_view data) {
    last_delta_.clear();
    if (data == "[DONE]") {
        done_ = true;
        return;
    }
    const json j = json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        fault_ = "a stream chunk is not JSON";
        return;
    }
    if (j.contains("error")) {
        fault_ = "the server reported an error in the stream: " + error_text(j["error"]);
        return;
    }
    if (j.contains("choices") && j["choices"].is_array() && !j["choices"].empty())
        choice(j["choices"][0], "delta");
    usage(j);
}

void AnswerReader::body(std::string_view text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        fault_ = "the answer is not JSON";
        return;
    }
    if (!j.contains("choices") || !j["choices"].is_array() || j["choices"].empty()) {
        fault_ = j.contains("error") ? "the server reported an error: " + error_text(j["error"])
                                     : "the answer has no choices";
        return;
    }
    choice(j["choices"][0], "message");
    usage(j);
    done_ = true;
}

void AnswerReader::choice(const json& c, const char* text_key) {
    if (!c.is_object()) return;
    if (c.contains(text_key) && c[text_key].is_object()) {
        const json& m = c[text_key];
        if (m.contains("content") && m["content"].is_string()) {
            last_delta_ = m["content"].get<std::string>();
            answer_.text += last_delta_;
        }
    }
    if (c.contains("finish_reason") && c["finish_reason"].is_string())
        answer_.finish_reason = c["finish_reason"].get<std::string>();
}

void AnswerReader::usage(const json& j) {
    if (!j.contains("usage") || !j["usage"].is_object()) return;
    const json& u = j["usage"];
    answer_.usage.prompt_tokens = count(u, "prompt_tokens", answer_.usage.prompt_tokens);
    answer_.usage.completion_tokens = count(u, "completion_tokens", answer_.usage.completion_tokens);
}

std::string server_message(std::string_view body) {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("error")) return error_text(j["error"]);
    if (body.size() <= 200) return std::string(body);
    std::size_t end = 200;  // not inside a UTF-8 sequence
    while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
    return std::string(body.substr(0, end)) + "...";
}

}  // namespace plume::llm
