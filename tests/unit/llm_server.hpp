// An imitation of llama-server's OpenAI-compatible chat completions on 127.0.0.1, for the LLM
// backend tests: each request gets the next reply of a script (the last one repeats).
#pragma once

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace plume::test {

class FakeLlmServer;
using Reply = std::function<void(FakeLlmServer&, const httplib::Request&, httplib::Response&)>;

class FakeLlmServer {
public:
    explicit FakeLlmServer(std::vector<Reply> script) : script_(std::move(script)) {
        server_.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
            std::size_t index;
            {
                std::lock_guard lock(mutex_);
                index = requests_.size();
                requests_.push_back(req);
            }
            script_[std::min(index, script_.size() - 1)](*this, req, res);
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() does nothing to a server not yet listening: wait for it.
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    ~FakeLlmServer() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        release_.notify_all();
        server_.stop();
        thread_.join();
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    std::size_t requests() const {
        std::lock_guard lock(mutex_);
        return requests_.size();
    }

    nlohmann::json body(std::size_t i) const {
        std::lock_guard lock(mutex_);
        return nlohmann::json::parse(requests_.at(i).body);
    }

    std::string header(std::size_t i, const std::string& name) const {
        std::lock_guard lock(mutex_);
        return requests_.at(i).get_header_value(name);
    }

    bool released() const {
        std::lock_guard lock(mutex_);
        return released_;
    }

    // Blocks a handler until the server stops, as a model that never answers.
    void hang() {
        std::unique_lock lock(mutex_);
        release_.wait(lock, [this] { return released_; });
    }

private:
    std::vector<Reply> script_;
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<httplib::Request> requests_;
    std::condition_variable release_;
    bool released_ = false;
};

// One chunk event of a streamed answer.
inline std::string chunk_event(const nlohmann::json& delta, const nlohmann::json& finish = nullptr) {
    const nlohmann::json chunk = {{"object", "chat.completion.chunk"},
                                  {"choices", {{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}}}};
    return "data: " + chunk.dump() + "\n\n";
}

// A streamed answer as llama-server sends it: the pieces, the finish reason, the usage, [DONE].
inline std::string stream_events(const std::vector<std::string>& pieces) {
    std::string out = chunk_event({{"role", "assistant"}, {"content", ""}});
    for (const auto& p : pieces) out += chunk_event({{"content", p}});
    out += chunk_event(nlohmann::json::object(), "stop");
    out += "data: " + nlohmann::json{{"choices", nlohmann::json::array()}, {"usage", {{"prompt_tokens", 21}, {"completion_tokens", static_cast<int>(pieces.size())}}}}.dump() + "\n\n";
    return out + "data: [DONE]\n\n";
}

// Sends `events`; when `cut`, the connection closes before the chunked body ends.
inline Reply stream(std::string events, bool cut = false) {
    return [events, cut](FakeLlmServer&, const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("text/event-stream", [events, cut](std::size_t, httplib::DataSink& sink) {
            sink.write(events.data(), events.size());
            if (cut) return false;
            sink.done();
            return true;
        });
    };
}

inline Reply streamed(const std::vector<std::string>& pieces) { return stream(stream_events(pieces)); }

inline Reply whole(const std::string& content) {
    return [content](FakeLlmServer&, const httplib::Request&, httplib::Response& res) {
        const nlohmann::json body = {
            {"object", "chat.completion"},
            {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}},
            {"usage", {{"prompt_tokens", 30}, {"completion_tokens", 9}}}};
        res.set_content(body.dump(), "application/json");
    };
}

inline Reply status(int code, const std::string& message, const std::string& retry_after = "") {
    return [=](FakeLlmServer&, const httplib::Request&, httplib::Response& res) {
        res.status = code;
        if (!retry_after.empty()) res.set_header("Retry-After", retry_after);
        res.set_content(nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(), "application/json");
    };
}

inline Reply hang() {
    return [](FakeLlmServer& server, const httplib::Request&, httplib::Response& res) {
        server.hang();
        res.status = 503;
    };
}

// A stream that never ends: the same piece again and again until the client leaves or the
// server stops, as a model looping on its output.
inline Reply endless(const std::string& piece) {
    return [piece](FakeLlmServer& server, const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("text/event-stream", [piece, &server](std::size_t, httplib::DataSink& sink) {
            const std::string event = chunk_event({{"content", piece}});
            if (server.released() || !sink.write(event.data(), event.size())) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return true;
        });
    };
}

// The user messages of a request, joined: what a scripted model reads to know what it is asked.
inline std::string user_text(const httplib::Request& req) {
    std::string out;
    const nlohmann::json body = nlohmann::json::parse(req.body);
    for (const auto& m : body["messages"])
        if (m["role"] == "user") out += m["content"].get<std::string>() + "\n";
    return out;
}

// A scripted model that answers by what it is asked: the first route whose every cue the
// request's user messages hold gives the reply; each route's replies are used in turn (the
// last repeats). Routes are tried in order: the more specific first.
struct Route {
    std::vector<std::string> cues;
    std::vector<Reply> replies;
};

inline Reply routed(std::vector<Route> routes) {
    struct State {
        std::mutex mutex;
        std::vector<Route> routes;
        std::vector<std::size_t> used;
    };
    auto state = std::make_shared<State>();
    state->used.assign(routes.size(), 0);
    state->routes = std::move(routes);
    return [state](FakeLlmServer& server, const httplib::Request& req, httplib::Response& res) {
        const std::string asked = user_text(req);
        Reply reply;
        {
            std::lock_guard lock(state->mutex);
            for (std::size_t i = 0; i < state->routes.size() && !reply; ++i) {
                const Route& r = state->routes[i];
                if (!std::all_of(r.cues.begin(), r.cues.end(), [&](const std::string& c) { return asked.find(c) != std::string::npos; }))
                    continue;
                reply = r.replies[std::min(state->used[i]++, r.replies.size() - 1)];
            }
        }
        if (reply) reply(server, req, res);
        else res.status = 404;
    };
}

// A local port nothing listens on: bound by the system, then closed.
inline int closed_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

}  // namespace plume::test
