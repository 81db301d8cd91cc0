// plume serve: the API answers as the CLI does, checked against docs/openapi.json, behind its
// token, limits and JSON errors; `plume serve` stops cleanly on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "plume/serve.hpp"
#include "serve/api.hpp"
#include "test_support.hpp"

extern char** environ;

namespace {

using nlohmann::json;
using plume::test::slurp;

const std::string kArticle = PLUME_EXAMPLES "/article-puces.md";

// The part of JSON Schema that docs/openapi.json uses: $ref, type, required, properties,
// items, enum. Returns the first violation, empty when `value` conforms.
std::string violation(const json& value, const json& schema, const json& root, const std::string& at = "$") {
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

const json& openapi() {
    static const json doc = json::parse(slurp(PLUME_DOCS "/openapi.json"));
    return doc;
}

// The schema docs/openapi.json gives for `status` of `method path`.
json response_schema(const std::string& path, const std::string& method, int status) {
    json r = openapi()["paths"][path][method]["responses"][std::to_string(status)];
    if (r.contains("$ref")) r = openapi().at(json::json_pointer(r["$ref"].get<std::string>().substr(1)));
    return r["content"]["application/json"]["schema"];
}

void expect_conforms(const std::string& path, const std::string& method, int status, const std::string& body) {
    const json schema = response_schema(path, method, status);
    ASSERT_FALSE(schema.is_null()) << method << ' ' << path << ' ' << status << " is not documented";
    EXPECT_EQ(violation(json::parse(body), schema, openapi()), "") << body.substr(0, 300);
}

json analyze_request() {
    return {{"text", slurp(kArticle)}, {"keyphrase", "puces d’IA"}, {"description", "Le marché européen des puces d’IA."}};
}

// A server on a free loopback port, serving on its own thread for the test's lifetime.
class LiveServer {
public:
    explicit LiveServer(plume::ServeOptions options = {}) : server_([&] {
        options.port = 0;
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

private:
    plume::Server server_;
    int port_ = 0;
    std::thread thread_;
};

TEST(ServeAnalyze, AnswersExactlyWhatTheCliPrints) {
    const json request = analyze_request();
    const auto cli = plume::test::run_cli("analyze --json - -k \"puces d’IA\" --description \"Le marché européen des puces d’IA.\"",
                                          request["text"]);
    ASSERT_EQ(cli.status, 0) << cli.err;
    const plume::serve::Reply reply = plume::serve::analyze(request.dump());
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body + "\n", cli.out);
    expect_conforms("/v1/analyze", "post", 200, reply.body);
    EXPECT_EQ(json::parse(reply.body)["seo"]["rating"], "good");
}

TEST(ServeAnalyze, MessagesInEnglishOnRequest) {
    json request = analyze_request();
    request["lang"] = "en";
    const json a = json::parse(plume::serve::analyze(request.dump()).body);
    EXPECT_NE(a["seo"]["assessments"][0]["message"].get<std::string>().find("Keyphrase"), std::string::npos)
        << a["seo"]["assessments"][0]["message"];
}

TEST(ServeAnalyze, RefusesBadBodiesWithTheFieldNamed) {
    struct Case {
        std::string body;
        int status;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"{\"text\": ", 400, "JSON object"},
        {"[1, 2]", 400, "JSON object"},
        {R"({"keyphrase": "vélo"})", 400, "\"text\""},
        {R"({"text": "Un vélo.", "synonyms": "vélo"})", 400, "\"synonyms\""},
        {R"({"text": "Un vélo.", "format": "docx"})", 400, "\"format\""},
        {R"({"text": "Un vélo.", "min_words": -3})", 400, "\"min_words\""},
        {R"({"text": "Un vélo.", "keyphrase": "'’ '"})", 400, "\"keyphrase\""},
        {R"({"text": ""})", 422, "empty"},
        {"{\"text\": \"\\u0000\\u0001\\u0002 binaire\"}", 422, "binary"},
    };
    for (const Case& c : cases) {
        const plume::serve::Reply reply = plume::serve::analyze(c.body);
        EXPECT_EQ(reply.status, c.status) << c.body;
        expect_conforms("/v1/analyze", "post", c.status, reply.body);
        EXPECT_NE(json::parse(reply.body)["error"].get<std::string>().find(c.says), std::string::npos)
            << c.body << " -> " << reply.body;
    }
}

TEST(ServeHttp, ServesHealthAnalysisErrorsAndMetrics) {
    LiveServer live;
    httplib::Client c = live.client();
    c.set_keep_alive(true);  // one connection: each request is counted before the next is read
    const auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    expect_conforms("/healthz", "get", 200, health->body);

    const auto analysed = c.Post("/v1/analyze", analyze_request().dump(), "application/json");
    ASSERT_TRUE(analysed);
    EXPECT_EQ(analysed->status, 200);
    EXPECT_EQ(analysed->body, plume::serve::analyze(analyze_request().dump()).body);
    EXPECT_EQ(analysed->get_header_value("Content-Type"), "application/json");
    // CORS closed: no page of another origin may read the answer.
    EXPECT_FALSE(analysed->has_header("Access-Control-Allow-Origin"));
    EXPECT_NE(analysed->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);

    const auto missing = c.Get("/v1/nothing");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_NE(json::parse(missing->body)["error"].get<std::string>().find("/v1/nothing"), std::string::npos);

    const auto metrics = c.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_NE(metrics->body.find("plume_http_requests_total{route=\"POST /v1/analyze\",status=\"200\"} 1\n"), std::string::npos)
        << metrics->body;
    EXPECT_NE(metrics->body.find("plume_http_requests_total{route=\"other\",status=\"404\"} 1\n"), std::string::npos);
    EXPECT_NE(metrics->body.find("plume_http_request_duration_seconds_count{route=\"POST /v1/analyze\"} 1\n"), std::string::npos);
}

TEST(ServeHttp, RefusesBodiesOverTheLimitWithJson) {
    plume::ServeOptions o;
    o.max_body = 4096;
    LiveServer live(o);
    const auto r = live.client().Post("/v1/analyze", analyze_request().dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    expect_conforms("/v1/analyze", "post", 413, r->body);
}

TEST(ServeHttp, AsksForTheTokenWhenOneIsSet) {
    plume::ServeOptions o;
    o.token = "s3cret-token";
    LiveServer live(o);
    httplib::Client c = live.client();
    const auto none = c.Post("/v1/analyze", analyze_request().dump(), "application/json");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
    expect_conforms("/v1/analyze", "post", 401, none->body);
    for (const char* wrong : {"Bearer s3cret-tokeN", "Bearer s3cret-token2", "Bearer s3cret", "s3cret-token", "Basic s3cret-token"}) {
        const auto r = c.Get("/metrics", {{"Authorization", wrong}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 401) << wrong;
    }
    const auto right = c.Post("/v1/analyze", {{"Authorization", "Bearer s3cret-token"}}, analyze_request().dump(), "application/json");
    ASSERT_TRUE(right);
    EXPECT_EQ(right->status, 200);
    EXPECT_EQ(c.Get("/healthz")->status, 200);  // liveness probes carry no token
}

TEST(ServeStart, ServesOnlyLoopbackWithoutAToken) {
    for (const char* host : {"127.0.0.1", "127.3.2.1", "::1", "localhost"}) EXPECT_TRUE(plume::is_loopback_host(host)) << host;
    for (const char* host : {"0.0.0.0", "192.168.1.4", "::", "128.0.0.1", "example.org"})
        EXPECT_FALSE(plume::is_loopback_host(host)) << host;
    plume::ServeOptions o;
    o.host = "0.0.0.0";
    o.port = 0;
    plume::Server open(o);
    EXPECT_THROW(open.bind(), plume::ServeError);

    const auto r = plume::test::run_cli("serve --host 0.0.0.0 --port 0");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("--token-file"), std::string::npos) << r.err;
}

TEST(ServeStart, ReadsTheTokenFileFirstLineTrimmed) {
    EXPECT_EQ(plume::read_token_file(plume::test::temp_file("token", "  abc123 \nsecond line\n")), "abc123");
    EXPECT_THROW(plume::read_token_file(plume::test::temp_file("blank-token", " \n")), plume::ServeError);
    EXPECT_THROW(plume::read_token_file("/nonexistent/token"), plume::ServeError);
}

// The port `plume serve --port 0` says it took, read from its standard error.
int announced_port(const std::string& err_path) {
    for (int i = 0; i < 1000; ++i) {
        const std::string err = slurp(err_path);
        const auto at = err.find("http://127.0.0.1:");
        if (at != std::string::npos && err.find('\n', at) != std::string::npos) return std::stoi(err.substr(at + 17));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

TEST(ServeCli, StopsCleanlyOnSigterm) {
    const std::string err_path = plume::test::temp_file("serve-stderr.txt", "");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_TRUNC, 0644);
    const char* argv[] = {PLUME_BINARY, "serve", "--port", "0", nullptr};
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, PLUME_BINARY, &actions, nullptr, const_cast<char**>(argv), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    const int port = announced_port(err_path);
    ASSERT_GT(port, 0) << slurp(err_path);
    httplib::Client c("127.0.0.1", port);
    const auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal: " << status;
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
