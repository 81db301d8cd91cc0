// Shared by the plume serve tests: a live server on a free port, and answers checked against
// docs/openapi.json.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <utility>
#include <vector>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "plume/serve.hpp"
#include "test_support.hpp"

extern char** environ;

namespace plume::test {

using nlohmann::json;

// A fresh database path: no file left by an earlier run.
inline std::string temp_db(const std::string& name) {
    const std::string path = temp_file(name, "");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return path;
}

// The part of JSON Schema that docs/openapi.json uses for answers: $ref, allOf, nullable,
// type, required, properties, items, enum. Returns the first violation, empty when `value` conforms.
inline std::string violation(const json& value, const json& schema, const json& root, const std::string& at = "$") {
    if (value.is_null() && schema.value("nullable", false)) return "";
    for (const auto& part : schema.value("allOf", json::array()))
        if (auto v = violation(value, part, root, at); !v.empty()) return v;
    if (schema.contains("$ref")) {
        const std::string ref = schema["$ref"].get<std::string>().substr(1);  // "#/a/b" -> "/a/b"
        return violation(value, root.at(json::json_pointer(ref)), root, at);
    }
    if (schema.contains("type")) {
        const std::string t = schema["type"];
        const bool ok = t == "object"    ? value.is_object()
                        : t == "array"   ? value.is_array()
                        : t == "string"  ? value.is_string()
                        : t == "integer" ? value.is_number_integer()
                        : t == "number"  ? value.is_number()
                        : t == "boolean" ? value.is_boolean()
                                         : false;
        if (!ok) return at + " is not of type " + t;
    }
    if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
        return at + " is not one of " + schema["enum"].dump();
    for (const auto& name : schema.value("required", json::array()))
        if (!value.contains(name)) return at + " lacks " + name.get<std::string>();
    if (schema.contains("properties"))
        for (const auto& [name, sub] : schema["properties"].items())
            if (value.contains(name))
                if (auto v = violation(value[name], sub, root, at + "." + name); !v.empty()) return v;
    if (schema.contains("items"))
        for (std::size_t i = 0; i < value.size(); ++i)
            if (auto v = violation(value[i], schema["items"], root, at + "[" + std::to_string(i) + "]"); !v.empty()) return v;
    return "";
}

inline const json& openapi() {
    static const json doc = json::parse(slurp(PLUME_DOCS "/openapi.json"));
    return doc;
}

// The schema docs/openapi.json gives for `status` of `method path`.
inline json response_schema(const std::string& path, const std::string& method, int status) {
    json r = openapi()["paths"][path][method]["responses"][std::to_string(status)];
    if (r.contains("$ref")) r = openapi().at(json::json_pointer(r["$ref"].get<std::string>().substr(1)));
    return r["content"]["application/json"]["schema"];
}

inline void expect_conforms(const std::string& path, const std::string& method, int status, const std::string& body) {
    const json schema = response_schema(path, method, status);
    ASSERT_FALSE(schema.is_null()) << method << ' ' << path << ' ' << status << " is not documented";
    EXPECT_EQ(violation(json::parse(body), schema, openapi()), "") << body.substr(0, 300);
}

// A server on a free loopback port, serving on its own thread for the test's lifetime.
class LiveServer {
public:
    explicit LiveServer(plume::ServeOptions options = {}) : server_([&] {
        options.port = 0;
        if (options.db == plume::ServeOptions{}.db) options.db = temp_db("live.db");
        return options;
    }()) {
        port_ = server_.bind();
        thread_ = std::thread([this] { server_.listen(); });
        httplib::Client probe = client();
        while (!probe.Get("/healthz")) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~LiveServer() {
        server_.stop();
        thread_.join();
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
    int port() const { return port_; }

private:
    plume::Server server_;
    int port_ = 0;
    std::thread thread_;
};

// The port `plume serve --port 0` says it took, read from its standard error.
inline int announced_port(const std::string& err_path) {
    for (int i = 0; i < 1000; ++i) {
        const std::string err = slurp(err_path);
        const auto at = err.find("http://127.0.0.1:");
        if (at != std::string::npos && err.find('\n', at) != std::string::npos) return std::stoi(err.substr(at + 17));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

// PLUME_BINARY with `args` as a child process, its standard error into `err_path`; 0 when it
// could not start.
inline pid_t spawn_plume(const std::vector<std::string>& args, const std::string& err_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv = {const_cast<char*>(PLUME_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, PLUME_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : 0;
}

// A `plume serve` child process, killed when the test leaves without stopping it (a failed
// assertion), so that no server outlives its test.
struct Served {
    pid_t pid = 0;
    int port = -1;    // -1 when the server did not announce one
    std::string err;  // the file of its standard error

    Served() = default;
    Served(const Served&) = delete;
    Served& operator=(const Served&) = delete;
    Served(Served&& o) noexcept : pid(std::exchange(o.pid, 0)), port(o.port), err(std::move(o.err)) {}
    ~Served() { stop(SIGKILL); }
    // Sends `signal` and waits for the process; its wait status.
    int stop(int signal) {
        int status = 0;
        if (pid <= 0) return status;
        kill(pid, signal);
        waitpid(pid, &status, 0);
        pid = 0;
        return status;
    }
};

// `plume serve --port 0 --db DB [more]` started as a child process.
inline Served start_serve(const std::string& db, const std::vector<std::string>& more = {}) {
    Served s;
    s.err = temp_file("serve-stderr-" + std::filesystem::path(db).filename().string(), "");
    std::vector<std::string> args = {"serve", "--port", "0", "--db", db};
    args.insert(args.end(), more.begin(), more.end());
    s.pid = spawn_plume(args, s.err);
    if (s.pid > 0) s.port = announced_port(s.err);
    return s;
}

// The value of `series` (name and labels, as /metrics writes them) in a Prometheus text, or
// -1 when it is not there.
inline double metric(const std::string& text, const std::string& series) {
    const std::string line = "\n" + series + " ";
    const auto at = ("\n" + text).find(line);
    return at == std::string::npos ? -1 : std::stod(text.substr(at + line.size() - 1));
}

}  // namespace plume::test
