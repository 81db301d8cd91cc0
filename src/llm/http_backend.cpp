// The OpenAI-compatible HTTP backend: libcurl for the transport, one easy handle per attempt
// (calls may run in parallel), retries with backoff, requests spread over several servers.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <thread>

#include "llm/openai.hpp"
#include "llm/sse.hpp"
#include "plume/llm.hpp"

namespace plume::llm {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// What one HTTP request gave.
struct Attempt {
    std::optional<ChatAnswer> answer;
    ErrorKind kind = ErrorKind::Protocol;
    int status = 0;
    bool retry = false;
    std::optional<milliseconds> retry_after;
    std::string detail;
};

// The state libcurl's callbacks fill during one request.
struct Transfer {
    Transfer(const ProgressFn& progress, int attempt)
        : progress(progress), attempt(attempt), parser([this](const SseEvent& e) { event(e); }) {}

    void event(const SseEvent& e) {
        reader.chunk(e.data);
        if (!progress || reader.last_delta().empty()) return;
        bytes += reader.last_delta().size();
        progress({reader.last_delta(), attempt, bytes});
    }

    const ProgressFn& progress;
    int attempt;
    std::size_t bytes = 0;
    SseParser parser;
    AnswerReader reader;
    int status = 0;
    bool event_stream = false;
    std::optional<milliseconds> retry_after;
    std::string raw;  // a body that is not an event stream: a whole answer or an error
};

constexpr std::size_t max_raw_body = 16u << 20;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Retry-After holds seconds or an HTTP date.
std::optional<milliseconds> parse_retry_after(std::string_view value) {
    const std::string v(trim(value));
    if (v.empty()) return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); }))
        return milliseconds(std::stoll(v.substr(0, 9)) * 1000);
    const time_t when = curl_getdate(v.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    return milliseconds(std::max<long long>(0, (when - std::time(nullptr)) * 1000LL));
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {  // a new response (after 100 Continue or a redirect)
        const auto space = line.find(' ');
        t.status = space == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(space + 1, 3)).c_str());
        t.event_stream = false;
        t.retry_after.reset();
        return line.size();
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return line.size();
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-type") t.event_stream = lower(value).find("text/event-stream") != std::string::npos;
    if (name == "retry-after") t.retry_after = parse_retry_after(value);
    return line.size();
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::string_view bytes(data, size * count);
    if (t.status == 200 && t.event_stream) {
        t.parser.feed(bytes);
    } else {
        if (t.raw.size() + bytes.size() > max_raw_body) return 0;  // aborts the transfer
        t.raw.append(bytes);
    }
    return bytes.size();
}

// What a failed transfer means for the caller, from libcurl's code.
Attempt transport_failure(CURLcode code, const char* detail) {
    Attempt a;
    a.detail = *detail ? detail : curl_easy_strerror(code);
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        a.kind = ErrorKind::Unreachable;
        a.retry = true;
        break;
    case CURLE_OPERATION_TIMEDOUT:
        a.kind = ErrorKind::Timeout;
        a.retry = true;
        break;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        a.kind = ErrorKind::Protocol;
        a.retry = true;
        a.detail = "the connection broke: " + a.detail;
        break;
    case CURLE_WRITE_ERROR:  // on_body refused more
        a.kind = ErrorKind::Protocol;
        a.detail = "the answer is larger than 16 MiB";
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        a.kind = ErrorKind::Config;
        break;
    default:
        a.kind = ErrorKind::Unreachable;
        break;
    }
    return a;
}

// What a finished transfer means: the answer, or why the server did not give it.
Attempt http_outcome(Transfer& t) {
    Attempt a;
    a.status = t.status;
    if (t.status == 200) {
        if (!t.event_stream) t.reader.body(t.raw);
        if (t.reader.fault().empty() && t.reader.complete()) {
            a.answer = t.reader.answer();
            return a;
        }
        a.retry = true;
        a.detail = !t.reader.fault().empty() ? t.reader.fault() : "the stream ended before [DONE] or a finish_reason";
        return a;
    }
    a.kind = ErrorKind::Http;
    a.retry = t.status == 429 || t.status == 408 || t.status >= 500;
    a.retry_after = t.retry_after;
    a.detail = "HTTP " + std::to_string(t.status) + ": " + server_message(t.raw);
    return a;
}

void replace_all(std::string& s, std::string_view what, std::string_view with) {
    if (what.empty()) return;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

struct Server {
    std::string base;
    std::string endpoint;
    Clock::time_point rest_until{};  // after a failure: not chosen before this while another is free
    bool schema_rejected = false;    // answered 400 to response_format, then answered without it
    int busy = 0;                    // requests under way
};

class HttpBackend final : public Backend {
public:
    explicit HttpBackend(HttpOptions options) : options_(std::move(options)) {
        for (const auto& url : options_.urls) servers_.push_back({url, chat_endpoint(url)});
    }

    ChatResult chat(const ChatRequest& request, const ProgressFn& progress) override {
        ChatResult result;
        result.error = run(request, progress, result.answer);
        replace_all(result.error.message, options_.api_key, "[API key]");
        return result;
    }

    int concurrency() const override { return static_cast<int>(std::max<std::size_t>(1, servers_.size())); }

private:
    ChatError run(const ChatRequest& request, const ProgressFn& progress, std::optional<ChatAnswer>& answer);
    ChatError config_error(const ChatRequest& request, nlohmann::json& schema) const;
    std::size_t pick();
    void release(std::size_t server);
    void rested(std::size_t server, const Attempt& attempt, int failures);
    Attempt send(std::size_t server, const std::string& body, const ProgressFn& progress, int attempt);

    HttpOptions options_;
    std::mutex mutex_;  // guards the servers' state and next_
    std::vector<Server> servers_;
    std::size_t next_ = 0;
};

ChatError HttpBackend::config_error(const ChatRequest& request, nlohmann::json& schema) const {
    ChatError e{ErrorKind::Config, 0, 0, {}};
    if (servers_.empty()) e.message = "no language model URL given";
    else if (options_.api_key.find_first_of("\r\n") != std::string::npos)
        e.message = "the API key holds a line break";
    else if (request.json_schema) {
        schema = nlohmann::json::parse(*request.json_schema, nullptr, false);
        if (schema.is_discarded() || !schema.is_object()) e.message = "the JSON schema of the request is not a JSON object";
    }
    return e;
}

ChatError HttpBackend::run(const ChatRequest& request, const ProgressFn& progress, std::optional<ChatAnswer>& answer) {
    nlohmann::json schema;
    if (ChatError e = config_error(request, schema); !e.message.empty()) return e;
    const int max_failures = std::max(1, options_.max_attempts);
    int failures = 0;
    int requests = 0;
    std::optional<std::size_t> again;  // the server that refused response_format, asked again at once
    Attempt last;
    while (failures < max_failures) {
        const bool fallback = again.has_value();
        const std::size_t s = fallback ? *again : pick();
        again.reset();
        bool with_schema;
        {
            std::lock_guard lock(mutex_);
            with_schema = request.json_schema && !fallback && !servers_[s].schema_rejected;
            if (fallback) ++servers_[s].busy;  // pick() counted the others
        }
        const auto body = request_body(request, options_.model, options_.stream, with_schema ? &schema : nullptr);
        last = send(s, body.dump(), progress, ++requests);
        release(s);
        if (last.answer) {
            std::lock_guard lock(mutex_);
            servers_[s].rest_until = {};
            if (fallback) servers_[s].schema_rejected = true;
            answer = std::move(last.answer);
            answer->schema_enforced = with_schema;
            answer->server = servers_[s].base;
            answer->attempts = requests;
            return {};
        }
        // A server that does not know response_format says 400: the same server is asked again
        // without it, and remembered as such when that works.
        if (with_schema && last.status == 400) {
            again = s;
            continue;
        }
        if (!last.retry) break;
        rested(s, last, ++failures);
    }
    ChatError e{last.kind, last.status, requests, {}};
    e.message = "the language model request failed after " + std::to_string(requests) +
                (requests == 1 ? " attempt: " : " attempts: ") + last.detail;
    return e;
}

// The free server with the fewest requests under way, round-robin among equals (parallel
// calls go to different servers); a resting server is skipped while another is free. When
// all rest, waits for the first to be free again.
std::size_t HttpBackend::pick() {
    Clock::time_point wake;
    std::size_t chosen;
    {
        std::lock_guard lock(mutex_);
        const auto now = Clock::now();
        const auto better = [&](std::size_t a, std::size_t b) {  // a before b
            const bool a_free = servers_[a].rest_until <= now, b_free = servers_[b].rest_until <= now;
            if (a_free != b_free) return a_free;
            if (!a_free) return servers_[a].rest_until < servers_[b].rest_until;
            return servers_[a].busy < servers_[b].busy;
        };
        chosen = next_ % servers_.size();
        for (std::size_t i = 1; i < servers_.size(); ++i)
            if (const std::size_t s = (next_ + i) % servers_.size(); better(s, chosen)) chosen = s;
        next_ = chosen + 1;
        ++servers_[chosen].busy;
        wake = servers_[chosen].rest_until;
    }
    std::this_thread::sleep_until(wake);
    return chosen;
}

void HttpBackend::release(std::size_t server) {
    std::lock_guard lock(mutex_);
    --servers_[server].busy;
}

// A failed server rests for the exponential backoff, or as long as it asked (Retry-After),
// never longer than max_backoff.
void HttpBackend::rested(std::size_t server, const Attempt& attempt, int failures) {
    milliseconds rest = options_.backoff * (1LL << std::min(failures - 1, 20));
    if (attempt.retry_after) rest = std::max(rest, *attempt.retry_after);
    rest = std::min(rest, options_.max_backoff);
    std::lock_guard lock(mutex_);
    servers_[server].rest_until = Clock::now() + rest;
}

Attempt HttpBackend::send(std::size_t server, const std::string& body, const ProgressFn& progress, int attempt) {
    const Server& target = servers_[server];  // base and endpoint never change
    Transfer t(progress, attempt);
    CURL* curl = curl_easy_init();
    if (!curl) return {std::nullopt, ErrorKind::Config, 0, false, std::nullopt, "libcurl could not start"};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    const std::string authorization = "Authorization: Bearer " + options_.api_key;
    if (!options_.api_key.empty()) headers = curl_slist_append(headers, authorization.c_str());
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, target.endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.request_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without signals: calls run in threads
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    // A connection cut after the stream's end loses nothing.
    const bool finished = code == CURLE_OK || (t.status == 200 && t.event_stream && t.reader.complete());
    Attempt a = finished ? http_outcome(t) : transport_failure(code, error);
    a.detail = target.base + ": " + a.detail;
    return a;
}

}  // namespace

std::string api_key_from_env() {
    const char* key = std::getenv("PLUME_LLM_API_KEY");
    return key ? std::string(trim(key)) : std::string();
}

std::unique_ptr<Backend> make_http_backend(HttpOptions options) {
    static std::once_flag curl_ready;  // curl_global_init is not thread-safe
    std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    return std::make_unique<HttpBackend>(std::move(options));
}

}  // namespace plume::llm
