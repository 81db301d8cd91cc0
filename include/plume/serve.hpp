// plume serve: the HTTP API over the same library the CLI uses (docs/api.md).
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace plume {

namespace llm {
class Backend;
}

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                            // 0: any free port (tests)
    std::string token;                          // bearer token; empty: none (loopback only)
    std::size_t max_body = 10u * 1024u * 1024u; // request bodies above this get 413
    int read_timeout_s = 30;                    // a client that stops sending is dropped
    std::string db = "plume.db";                // SQLite history of articles and jobs
    int workers = 2;                            // articles written at once
    std::size_t max_sources = 20;               // sources per article
    llm::Backend* model = nullptr;              // words the articles when set (not owned; every worker calls it)
    std::string model_backend = "http";         // the model's label in /metrics: "http" or "llama"
    bool allow_private = false;                 // sources given by URL may reach non-public addresses
};

// A server that cannot start: a non-loopback address without a token, a port in use, a
// database it cannot open.
struct ServeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// True for 127.0.0.0/8, ::1 and "localhost": the only addresses served without a token.
bool is_loopback_host(const std::string& host);

// The token of a --token-file: its first line without surrounding white space; ServeError when
// the file is unreadable or holds no token.
std::string read_token_file(const std::string& path);

class Server {
public:
    explicit Server(ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the address (ServeError on refusal or failure) and returns the port.
    int bind();
    // Serves until stop(); call after bind().
    void listen();
    // Safe from any thread; listen() returns once running requests end.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace plume
