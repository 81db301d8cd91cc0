// The HTTP backend against an imitation llama-server on 127.0.0.1: streamed and whole answers,
// retries (429 with Retry-After, 5xx, cut streams), deadlines, several servers, the
// response_format fallback, and the API key kept out of every error.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "llm_server.hpp"
#include "plume/llm.hpp"

namespace {

using namespace plume::llm;
using namespace plume::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Fast retries: the tests measure behaviour, not patience.
HttpOptions options(std::vector<std::string> urls) {
    setenv("NO_PROXY", "127.0.0.1", 1);
    HttpOptions o;
    o.urls = std::move(urls);
    o.connect_timeout = milliseconds(1'000);
    o.request_timeout = milliseconds(2'000);
    o.backoff = milliseconds(10);
    return o;
}

ChatRequest request() {
    return {{{"system", "Tu rédiges des articles de presse en français."},
             {"user", "Écris l'introduction : le tramway T10 relie Vénissieux à Gerland."}},
            200, 0.3, {}, {}};
}

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

const std::vector<std::string> kPieces = {"Le tramway T10 ", "relie désormais ", "Vénissieux à Gerland."};
const std::string kText = "Le tramway T10 relie désormais Vénissieux à Gerland.";

TEST(LlmHttp, AStreamedAnswerArrivesPieceByPieceOnTheCallback) {
    FakeLlmServer server({streamed(kPieces)});
    auto backend = make_http_backend(options({server.url()}));
    std::string shown;
    std::vector<std::size_t> counts;
    const auto result = backend->chat(request(), [&](const Progress& p) {
        EXPECT_EQ(p.attempt, 1);
        shown += p.delta;
        counts.push_back(p.bytes);
    });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->text, kText);
    EXPECT_EQ(shown, kText);
    EXPECT_EQ(counts, (std::vector<std::size_t>{15, 32, kText.size()}));
    EXPECT_EQ(result.answer->finish_reason, "stop");
    EXPECT_EQ(result.answer->usage.prompt_tokens, 21);
    EXPECT_EQ(result.answer->usage.completion_tokens, 3);
    EXPECT_EQ(result.answer->attempts, 1);
    const auto body = server.body(0);
    EXPECT_TRUE(body["stream"].get<bool>());
    EXPECT_EQ(body["messages"][1]["content"], request().messages[1].content);
    EXPECT_EQ(body["max_tokens"], 200);
    EXPECT_EQ(server.header(0, "Authorization"), "");  // no key, no header
}

TEST(LlmHttp, AWholeAnswerFromABaseUrlEndingInV1) {
    FakeLlmServer server({whole("{\"titre\": \"Le T10 relie Vénissieux à Gerland\"}")});
    auto o = options({server.url() + "/v1"});
    o.stream = false;
    o.model = "mistral-7b-instruct";
    ChatRequest r = request();
    r.json_schema = R"({"type":"object","properties":{"titre":{"type":"string"}},"required":["titre"]})";
    const auto result = make_http_backend(o)->chat(r);
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->text, "{\"titre\": \"Le T10 relie Vénissieux à Gerland\"}");
    EXPECT_TRUE(result.answer->schema_enforced);
    EXPECT_EQ(result.answer->usage.completion_tokens, 9);
    const auto body = server.body(0);
    EXPECT_FALSE(body["stream"].get<bool>());
    EXPECT_EQ(body["model"], "mistral-7b-instruct");
    EXPECT_EQ(body["response_format"]["json_schema"]["schema"]["required"][0], "titre");
}

TEST(LlmHttp, A429IsRetriedAfterTheDelayTheServerAsks) {
    FakeLlmServer server({status(429, "trop de requêtes", "1"), streamed(kPieces)});
    const auto start = Clock::now();
    const auto result = make_http_backend(options({server.url()}))->chat(request());
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_GE(ms_since(start), 950);  // Retry-After: 1, not the 10 ms backoff
    EXPECT_EQ(result.answer->text, kText);
    EXPECT_EQ(result.answer->attempts, 2);
}

TEST(LlmHttp, ServerErrorsAreRetriedWithGrowingBackoff) {
    FakeLlmServer server({status(500, "erreur interne"), status(502, "passerelle"), streamed(kPieces)});
    auto o = options({server.url()});
    o.backoff = milliseconds(100);
    const auto start = Clock::now();
    const auto result = make_http_backend(o)->chat(request());
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_GE(ms_since(start), 300);  // 100 ms, then 200 ms
    EXPECT_EQ(result.answer->text, kText);
    EXPECT_EQ(result.answer->attempts, 3);
    EXPECT_EQ(server.requests(), 3u);
}

TEST(LlmHttp, RetriesStopAtTheMaximumWithTheLastReason) {
    FakeLlmServer server({status(503, "modèle en cours de chargement")});
    auto o = options({server.url()});
    o.max_attempts = 3;
    const auto result = make_http_backend(o)->chat(request());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Http);
    EXPECT_EQ(result.error.http_status, 503);
    EXPECT_EQ(result.error.attempts, 3);
    EXPECT_EQ(server.requests(), 3u);
    EXPECT_NE(result.error.message.find("after 3 attempts"), std::string::npos) << result.error.message;
    EXPECT_NE(result.error.message.find("HTTP 503: modèle en cours de chargement"), std::string::npos);
}

TEST(LlmHttp, AStreamCutBeforeItsEndIsAskedAgain) {
    const std::string events = stream_events(kPieces);
    const std::string before_end = events.substr(0, events.find("\"stop\""));
    const std::string partial = before_end.substr(0, before_end.rfind("data:"));
    FakeLlmServer server({stream(partial, true),   // the connection breaks mid-body
                          stream(partial),         // the body ends cleanly, without [DONE]
                          streamed(kPieces)});
    std::vector<int> attempts;
    const auto result = make_http_backend(options({server.url()}))->chat(request(), [&](const Progress& p) {
        if (attempts.empty() || attempts.back() != p.attempt) attempts.push_back(p.attempt);
    });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->text, kText);
    EXPECT_EQ(result.answer->attempts, 3);
    EXPECT_EQ(attempts, (std::vector<int>{1, 2, 3}));  // each start over is announced
}

TEST(LlmHttp, AServerThatNeverAnswersIsAbandonedAtTheDeadline) {
    FakeLlmServer server({hang()});
    auto o = options({server.url()});
    o.request_timeout = milliseconds(300);
    o.max_attempts = 2;
    const auto start = Clock::now();
    const auto result = make_http_backend(o)->chat(request());
    const auto elapsed = ms_since(start);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Timeout);
    EXPECT_EQ(result.error.attempts, 2);
    EXPECT_GE(elapsed, 600);
    EXPECT_LT(elapsed, 1'500);
}

// A server that answers 400 to any request with response_format, as servers without it do.
Reply without_response_format(const Reply& answer) {
    return [answer](FakeLlmServer& server, const httplib::Request& req, httplib::Response& res) {
        if (req.body.find("response_format") != std::string::npos)
            return status(400, "unknown field: response_format")(server, req, res);
        answer(server, req, res);
    };
}

TEST(LlmHttp, AServerRejectingResponseFormatIsAskedWithoutIt) {
    FakeLlmServer server({without_response_format(streamed({"{\"titre\": ", "\"Le T10\"}"}))});
    auto backend = make_http_backend(options({server.url()}));
    ChatRequest r = request();
    r.json_schema = R"({"type":"object","properties":{"titre":{"type":"string"}}})";
    const auto first = backend->chat(r);
    ASSERT_TRUE(first) << first.error.message;
    EXPECT_EQ(first.answer->text, "{\"titre\": \"Le T10\"}");
    EXPECT_FALSE(first.answer->schema_enforced);  // the caller must validate the JSON itself
    EXPECT_EQ(first.answer->attempts, 2);
    EXPECT_EQ(server.body(0)["response_format"]["type"], "json_schema");
    EXPECT_FALSE(server.body(1).contains("response_format"));
    // The server's refusal is remembered: the next request goes without it at once.
    const auto second = backend->chat(r);
    ASSERT_TRUE(second) << second.error.message;
    EXPECT_EQ(second.answer->attempts, 1);
    EXPECT_EQ(server.requests(), 3u);
    EXPECT_FALSE(server.body(2).contains("response_format"));
}

TEST(LlmHttp, OnlyTheServerThatRefusedResponseFormatGoesWithoutIt) {
    FakeLlmServer old_server({without_response_format(streamed({"{\"titre\": \"Le T10\"}"}))});
    FakeLlmServer new_server({streamed({"{\"titre\": \"Le T10\"}"})});
    auto backend = make_http_backend(options({old_server.url(), new_server.url()}));
    ChatRequest r = request();
    r.json_schema = R"({"type":"object"})";
    const auto first = backend->chat(r);
    ASSERT_TRUE(first) << first.error.message;
    EXPECT_EQ(first.answer->server, old_server.url());  // asked again there, not elsewhere
    EXPECT_FALSE(first.answer->schema_enforced);
    const auto second = backend->chat(r);
    ASSERT_TRUE(second) << second.error.message;
    EXPECT_EQ(second.answer->server, new_server.url());
    EXPECT_TRUE(second.answer->schema_enforced);
    EXPECT_EQ(new_server.body(0)["response_format"]["type"], "json_schema");
}

TEST(LlmHttp, ABadRequestWithoutSchemaIsNotRetried) {
    FakeLlmServer server({status(400, "the request exceeds the context size")});
    const auto result = make_http_backend(options({server.url()}))->chat(request());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Http);
    EXPECT_EQ(result.error.http_status, 400);
    EXPECT_EQ(server.requests(), 1u);
    EXPECT_NE(result.error.message.find("exceeds the context size"), std::string::npos) << result.error.message;
}

TEST(LlmHttp, ARefusingServerIsSkippedForTheNextOne) {
    FakeLlmServer server({streamed(kPieces)});
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
    auto o = options({down, server.url()});
    o.backoff = milliseconds(5'000);  // the refusing server rests; nobody waits for it
    auto backend = make_http_backend(o);
    const auto start = Clock::now();
    const auto first = backend->chat(request());
    ASSERT_TRUE(first) << first.error.message;
    EXPECT_EQ(first.answer->server, server.url());
    EXPECT_EQ(first.answer->attempts, 2);
    // Round-robin would pick the refusing server again; it is resting, so it is skipped.
    const auto second = backend->chat(request());
    ASSERT_TRUE(second) << second.error.message;
    EXPECT_EQ(second.answer->server, server.url());
    EXPECT_EQ(second.answer->attempts, 1);
    EXPECT_LT(ms_since(start), 1'000);
}

TEST(LlmHttp, RequestsAreSpreadOverTheServers) {
    FakeLlmServer a({streamed(kPieces)});
    FakeLlmServer b({streamed(kPieces)});
    auto backend = make_http_backend(options({a.url(), b.url()}));
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(backend->chat(request()));
    EXPECT_EQ(a.requests(), 2u);
    EXPECT_EQ(b.requests(), 2u);
}

TEST(LlmHttp, NoServerReachableIsAClearError) {
    auto o = options({"http://127.0.0.1:" + std::to_string(closed_port())});
    o.max_attempts = 2;
    const auto result = make_http_backend(o)->chat(request());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Unreachable);
    EXPECT_EQ(result.error.attempts, 2);
    EXPECT_NE(result.error.message.find(o.urls[0]), std::string::npos) << result.error.message;
}

TEST(LlmHttp, NoUrlOrABadSchemaSendsNothing) {
    EXPECT_EQ(make_http_backend(options({}))->chat(request()).error.kind, ErrorKind::Config);
    FakeLlmServer server({streamed(kPieces)});
    ChatRequest r = request();
    r.json_schema = "{\"type\": ";
    const auto result = make_http_backend(options({server.url()}))->chat(r);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Config);
    EXPECT_EQ(server.requests(), 0u);
}

// The server echoes what it received, as some proxies and misconfigured gateways do.
TEST(LlmHttp, TheApiKeyIsSentButNeverInAnError) {
    const std::string key = "sk-plume-test-7f3a9c";
    setenv("PLUME_LLM_API_KEY", (" " + key + "\n").c_str(), 1);
    const Reply echo = [](FakeLlmServer&, const httplib::Request& req, httplib::Response& res) {
        res.status = 401;
        res.set_content("{\"error\":{\"message\":\"invalid key: " + req.get_header_value("Authorization") + "\"}}",
                        "application/json");
    };
    FakeLlmServer server({echo});
    auto o = options({server.url()});
    o.api_key = api_key_from_env();
    unsetenv("PLUME_LLM_API_KEY");
    EXPECT_EQ(o.api_key, key);
    const auto result = make_http_backend(o)->chat(request());
    ASSERT_FALSE(result);
    EXPECT_EQ(server.header(0, "Authorization"), "Bearer " + key);
    EXPECT_EQ(result.error.http_status, 401);
    EXPECT_EQ(server.requests(), 1u);  // a refused key is not retried
    EXPECT_NE(result.error.message.find("invalid key"), std::string::npos) << result.error.message;
    EXPECT_EQ(result.error.message.find(key), std::string::npos) << result.error.message;
}

}  // namespace
