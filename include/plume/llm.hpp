// A language model behind one small interface: a chat request in, the answer's text or an
// error value out. The HTTP backend speaks the OpenAI-compatible chat completions API that
// llama.cpp's llama-server, vLLM, Ollama and hosted services share (docs/llm.md).
//
// `plume write --llm-url` words the article through it (WriteOptions::model, src/llm/model_writer.cpp).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plume::llm {

struct Message {
    std::string role;  // "system", "user" or "assistant"
    std::string content;
};

struct ChatRequest {
    std::vector<Message> messages;
    int max_tokens = 1024;
    double temperature = 0.7;
    // A JSON Schema (as JSON text) the answer must follow, sent as response_format
    // {type: json_schema}. The server may not support it: the answer must be validated by
    // the caller whatever ChatAnswer::schema_enforced says.
    std::optional<std::string> json_schema;
    // The answer ends before the first of these strings, which it does not hold.
    std::vector<std::string> stop;
};

struct Usage {
    int prompt_tokens = 0;  // 0 when the server does not report them
    int completion_tokens = 0;
};

struct ChatAnswer {
    std::string text;
    std::string finish_reason;     // "stop", "length" (max_tokens reached)...
    Usage usage;
    bool schema_enforced = false;  // the server accepted response_format
    std::string server;            // the base URL that answered
    int attempts = 1;              // HTTP attempts this answer took
};

enum class ErrorKind {
    Config,       // no URL, a malformed schema: nothing was sent
    Unreachable,  // no connection to any server
    Timeout,      // the deadline of every attempt passed
    Http,         // an HTTP error the server will not fix by itself (4xx), or the last 429/5xx
    Protocol,     // not an OpenAI-compatible answer, or a stream cut before its end
};

struct ChatError {
    ErrorKind kind = ErrorKind::Protocol;
    int http_status = 0;  // the last HTTP status, 0 when there was none
    int attempts = 0;
    std::string message;  // plain English; never holds the API key
};

// The answer or why there is none.
struct ChatResult {
    std::optional<ChatAnswer> answer;
    ChatError error;  // meaningful when !answer
    explicit operator bool() const { return answer.has_value(); }
};

// Called for every piece of text a streamed answer delivers. `attempt` starts at 1 and grows
// when a retry starts the answer over, so a display can clear what it showed.
struct Progress {
    std::string_view delta;
    int attempt = 1;
    std::size_t bytes = 0;  // bytes of text received in this attempt so far
};
using ProgressFn = std::function<void(const Progress&)>;

class Backend {
public:
    virtual ~Backend() = default;
    // Safe to call from several threads at once.
    virtual ChatResult chat(const ChatRequest& request, const ProgressFn& progress = {}) = 0;
    // How many calls it serves at the same time: more calls at once only wait.
    virtual int concurrency() const { return 1; }
};

struct HttpOptions {
    // Base URLs: "http://host:8080", ".../v1" or the full ".../v1/chat/completions". A request
    // goes to the server with the fewest requests under way, round-robin among equals; one that
    // just failed is skipped while another is available. concurrency() is their number.
    std::vector<std::string> urls;
    std::string model;    // sent as "model" when not empty (llama-server ignores it)
    std::string api_key;  // sent as "Authorization: Bearer"; see api_key_from_env()
    bool stream = true;
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds request_timeout{300'000};  // one attempt, connection to last byte
    int max_attempts = 4;                                // per chat() call
    std::chrono::milliseconds backoff{1'000};            // first retry delay, doubled each time
    std::chrono::milliseconds max_backoff{30'000};       // also caps a server's Retry-After
};

// The key from the environment variable PLUME_LLM_API_KEY, empty when unset.
std::string api_key_from_env();

std::unique_ptr<Backend> make_http_backend(HttpOptions options);

// The embedded backend: llama.cpp linked into plume (CMake option PLUME_LLAMA), the model
// on the CPU of this machine. Calls are served one at a time (one context, one model copy).
struct LlamaOptions {
    std::string model;  // a GGUF file
    int threads = 0;    // CPU threads; 0: all the machine has
    int context = 4096; // tokens of prompt and answer together; 0: the model's own size
    std::chrono::milliseconds deadline{300'000};  // one chat() call, from prompt to last token
    unsigned seed = 0;  // sampling seed when temperature > 0; 0: a new one every run
};

// Whether this plume was built with llama.cpp.
bool llama_backend_available();

// The model loaded, or nullptr and `error` says why (no such file, not a model this llama.cpp
// reads, plume built without llama.cpp).
std::unique_ptr<Backend> make_llama_backend(LlamaOptions options, std::string& error);

}  // namespace plume::llm
