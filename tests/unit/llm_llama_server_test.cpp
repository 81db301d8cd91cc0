// plume's HTTP backend against a real llama-server built from the pinned llama.cpp, serving
// the tiny random GGUF: streaming, max tokens, stop strings, the deadline of a server that
// never answers, a server killed and restarted mid-answer, JSON output. The model writes
// gibberish: the tests check mechanics, never the text's meaning.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "llm_llama_support.hpp"

namespace {

using namespace plume::llm;
using namespace plume::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

class LlamaServerTest : public ::testing::Test {
protected:
    // One server for the suite: starting one loads the model (about a second).
    static void SetUpTestSuite() {
        server_ = new LlamaServer();
        server_->start();
        ASSERT_TRUE(server_->ready()) << "llama-server did not start; see its log in " << ::testing::TempDir();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static HttpOptions options(const std::string& url) {
        setenv("NO_PROXY", "127.0.0.1", 1);
        HttpOptions o;
        o.urls = {url};
        o.connect_timeout = milliseconds(1'000);
        o.request_timeout = milliseconds(30'000);
        o.backoff = milliseconds(100);
        return o;
    }
    static ChatResult ask(const ChatRequest& r, const ProgressFn& progress = {}) {
        return make_http_backend(options(server_->url()))->chat(r, progress);
    }

    static LlamaServer* server_;
};
LlamaServer* LlamaServerTest::server_ = nullptr;

TEST_F(LlamaServerTest, AnAnswerIsStreamedTokenByTokenAndStopsAtMaxTokens) {
    std::string shown;
    int deltas = 0;
    const auto result = ask(greedy_request(24), [&](const Progress& p) {
        shown += p.delta;
        ++deltas;
        EXPECT_EQ(p.bytes, shown.size());
    });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->finish_reason, "length");
    EXPECT_EQ(result.answer->usage.completion_tokens, 24);
    EXPECT_GT(result.answer->usage.prompt_tokens, 10);
    EXPECT_GE(deltas, 12);  // pieces as they come, not one block at the end
    EXPECT_EQ(shown, result.answer->text);
    EXPECT_FALSE(result.answer->text.empty());
}

TEST_F(LlamaServerTest, FewerMaxTokensGiveTheBeginningOfTheSameGreedyAnswer) {
    const auto longer = ask(greedy_request(30));
    const auto shorter = ask(greedy_request(6));
    ASSERT_TRUE(longer && shorter) << longer.error.message << shorter.error.message;
    EXPECT_EQ(shorter.answer->usage.completion_tokens, 6);
    EXPECT_LT(shorter.answer->text.size(), longer.answer->text.size());
    EXPECT_TRUE(longer.answer->text.starts_with(shorter.answer->text));
}

TEST_F(LlamaServerTest, AStopStringEndsTheAnswerBeforeIt) {
    const auto free = ask(greedy_request(40));
    ASSERT_TRUE(free) << free.error.message;
    const std::string stop = stop_from(free.answer->text);
    ASSERT_FALSE(stop.empty()) << free.answer->text;
    ChatRequest r = greedy_request(40);
    r.stop = {stop};
    std::string shown;
    const auto stopped = ask(r, [&](const Progress& p) { shown += p.delta; });
    ASSERT_TRUE(stopped) << stopped.error.message;
    EXPECT_EQ(stopped.answer->finish_reason, "stop");
    EXPECT_EQ(stopped.answer->text, free.answer->text.substr(0, free.answer->text.find(stop)));
    EXPECT_EQ(shown.find(stop), std::string::npos);
    EXPECT_LT(stopped.answer->usage.completion_tokens, 40);
}

TEST_F(LlamaServerTest, AServerThatNeverAnswersIsAbandonedAtTheDeadline) {
    auto o = options(server_->url());
    o.request_timeout = milliseconds(500);
    o.max_attempts = 2;
    server_->pause();
    const auto start = Clock::now();
    const auto result = make_http_backend(o)->chat(greedy_request(8));
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
    server_->resume();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Timeout);
    EXPECT_EQ(result.error.attempts, 2);
    EXPECT_GE(elapsed, 1'000);  // two attempts of 500 ms
    EXPECT_LT(elapsed, 5'000);
    EXPECT_TRUE(ask(greedy_request(4))) << "the server works again once resumed";
}

TEST_F(LlamaServerTest, AServerKilledMidAnswerAndRestartedIsAskedAgain) {
    LlamaServer own;  // not the suite's: this one dies
    own.start();
    ASSERT_TRUE(own.ready());
    auto o = options(own.url());
    o.max_attempts = 8;  // the restart takes a moment: refused connections meanwhile
    std::string shown;
    int last_attempt = 0;
    bool killed = false;
    const auto result = make_http_backend(o)->chat(greedy_request(300), [&](const Progress& p) {
        if (p.attempt != last_attempt) shown.clear();
        last_attempt = p.attempt;
        shown += p.delta;
        if (!killed) {
            killed = true;
            own.kill();
            own.start();
        }
    });
    ASSERT_TRUE(killed);
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_GE(result.answer->attempts, 2);
    EXPECT_GE(last_attempt, 2);
    EXPECT_EQ(result.answer->usage.completion_tokens, 300);
    EXPECT_EQ(shown, result.answer->text);  // what the last attempt showed is the answer
}

TEST_F(LlamaServerTest, AJsonSchemaGivesAnAnswerThatFollowsIt) {
    ChatRequest r = greedy_request(200);
    r.temperature = 1.0;
    r.json_schema = kTitleSchema;
    const auto result = ask(r);
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_TRUE(result.answer->schema_enforced);
    EXPECT_EQ(result.answer->finish_reason, "stop");
    const auto j = nlohmann::json::parse(result.answer->text, nullptr, false);
    ASSERT_TRUE(j.is_object()) << result.answer->text;
    ASSERT_TRUE(j.contains("titre") && j["titre"].is_string()) << result.answer->text;
    EXPECT_LE(j["titre"].get<std::string>().size(), 12u * 4);  // 12 characters of up to 4 bytes
    EXPECT_TRUE(j["ton"] == "neutre" || j["ton"] == "vif") << result.answer->text;
}

}  // namespace
