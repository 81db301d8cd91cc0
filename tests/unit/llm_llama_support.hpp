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
#include <string>
#include <thread>
#include <vector>

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

}  // namespace plume::test
