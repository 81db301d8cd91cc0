// A real llama-server (from the llama.cpp build of scripts/llama.sh) serving the tiny random
// GGUF the build wrote (tests/tools/tiny_gguf.cpp), started and killed by the tests.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "llm/model_writer.hpp"
#include "llm_server.hpp"
#include "plume/llm.hpp"

extern char** environ;

namespace plume::test {

class LlamaServer {
public:
    // On a port nothing listens on; not started.
    LlamaServer() : port_(closed_port()) {}
    ~LlamaServer() { kill(); }
    LlamaServer(const LlamaServer&) = delete;
    LlamaServer& operator=(const LlamaServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // One slot, one thread: the tests measure mechanics, and other jobs share the machine.
    void start() {
        const std::string port = std::to_string(port_);
        const std::string log = ::testing::TempDir() + "llama-server-" + port + ".log";
        std::vector<std::string> args = {PLUME_LLAMA_SERVER, "-m", PLUME_TINY_GGUF, "--host", "127.0.0.1",
                                         "--port", port, "-c", "2048", "-np", "1", "-t", "1", "-tb", "1"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&files, 1, 2);
        ASSERT_EQ(posix_spawn(&pid_, argv[0], &files, nullptr, argv.data(), environ), 0);
        posix_spawn_file_actions_destroy(&files);
    }

    // Until /health says the model is loaded.
    bool ready(std::chrono::seconds patience = std::chrono::seconds(60)) const {
        httplib::Client client("127.0.0.1", port_);
        client.set_connection_timeout(std::chrono::seconds(1));
        const auto until = std::chrono::steady_clock::now() + patience;
        while (std::chrono::steady_clock::now() < until) {
            if (const auto res = client.Get("/health"); res && res->status == 200) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    void kill() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGCONT);
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }
    // A stopped process: connections are accepted by the kernel, nothing answers.
    void pause() { ::kill(pid_, SIGSTOP); }
    void resume() { ::kill(pid_, SIGCONT); }

private:
    int port_;
    pid_t pid_ = 0;
};

// Greedy requests: the same prompt gives the same tokens, so runs can be compared.
inline llm::ChatRequest greedy_request(int max_tokens) {
    llm::ChatRequest r;
    r.messages = {{"system", "Tu rédiges des articles de presse en français."},
                  {"user", "Écris l'introduction : le tramway T10 relie Vénissieux à Gerland."}};
    r.max_tokens = max_tokens;
    r.temperature = 0;
    return r;
}

// Three ASCII letters from the second half of a text: a stop string the text surely holds,
// first met after some text was written.
inline std::string stop_from(const std::string& text) {
    for (std::size_t i = text.size() / 2; i + 3 <= text.size(); ++i) {
        const std::string s = text.substr(i, 3);
        if (std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); }) && text.find(s) > 0)
            return s;
    }
    return {};
}

// A schema whose answers are bounded: the grammar lets even a random model finish.
constexpr const char* kTitleSchema =
    R"({"type":"object","properties":{"titre":{"type":"string","maxLength":12},)"
    R"("ton":{"enum":["neutre","vif"]}},"required":["titre","ton"],"additionalProperties":false})";

// The scenarios both backends play on the tiny model; `ask` sends one request.
using Ask = std::function<llm::ChatResult(const llm::ChatRequest&, const llm::ProgressFn&)>;

// Pieces as they come, not one block at the end; max_tokens reached exactly.
inline void expect_streamed_to_max_tokens(const Ask& ask) {
    std::string shown;
    int deltas = 0;
    const auto result = ask(greedy_request(24), [&](const llm::Progress& p) {
        shown += p.delta;
        ++deltas;
        EXPECT_EQ(p.bytes, shown.size());
    });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->finish_reason, "length");
    EXPECT_EQ(result.answer->usage.completion_tokens, 24);
    EXPECT_GT(result.answer->usage.prompt_tokens, 10);
    EXPECT_GE(deltas, 12);
    EXPECT_EQ(shown, result.answer->text);
    EXPECT_FALSE(result.answer->text.empty());
}

inline void expect_greedy_prefix(const Ask& ask) {
    const auto longer = ask(greedy_request(30), {});
    const auto shorter = ask(greedy_request(6), {});
    ASSERT_TRUE(longer && shorter) << longer.error.message << shorter.error.message;
    EXPECT_EQ(shorter.answer->usage.completion_tokens, 6);
    EXPECT_LT(shorter.answer->text.size(), longer.answer->text.size());
    EXPECT_TRUE(longer.answer->text.starts_with(shorter.answer->text));
}

// A stop string taken from a first answer ends the second just before it; `progress` never
// shows it.
inline void expect_stop_honoured(const Ask& ask) {
    const auto free = ask(greedy_request(40), {});
    ASSERT_TRUE(free) << free.error.message;
    const std::string stop = stop_from(free.answer->text);
    ASSERT_FALSE(stop.empty()) << free.answer->text;
    llm::ChatRequest r = greedy_request(40);
    r.stop = {"jamais écrit", stop};
    std::string shown;
    const auto stopped = ask(r, [&](const llm::Progress& p) { shown += p.delta; });
    ASSERT_TRUE(stopped) << stopped.error.message;
    EXPECT_EQ(stopped.answer->finish_reason, "stop");
    EXPECT_EQ(stopped.answer->text, free.answer->text.substr(0, free.answer->text.find(stop)));
    EXPECT_EQ(shown, stopped.answer->text);
    EXPECT_LT(stopped.answer->usage.completion_tokens, 40);
}

// kTitleSchema enforced at temperature 1: JSON, a short title, a tone of the enum.
inline void expect_title_json(const Ask& ask) {
    llm::ChatRequest r = greedy_request(200);
    r.temperature = 1.0;
    r.json_schema = kTitleSchema;
    const auto result = ask(r, {});
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_TRUE(result.answer->schema_enforced);
    EXPECT_EQ(result.answer->finish_reason, "stop");
    // As plume reads it: a lone surrogate escape the grammar allowed reads as U+FFFD.
    const auto j = llm::answer_object(result.answer->text);
    ASSERT_TRUE(j.is_object()) << result.answer->text;
    ASSERT_TRUE(j.contains("titre") && j["titre"].is_string()) << result.answer->text;
    EXPECT_LE(j["titre"].get<std::string>().size(), 12u * 4);  // 12 characters of up to 4 bytes
    EXPECT_TRUE(j["ton"] == "neutre" || j["ton"] == "vif") << result.answer->text;
}

}  // namespace plume::test
