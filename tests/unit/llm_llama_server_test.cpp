// plume's HTTP backend against a real llama-server built from the pinned llama.cpp, serving
// the tiny random GGUF: streaming, max tokens, stop strings, the deadline of a server that
// never answers, a server killed and restarted mid-answer, JSON output. The model writes
// gibberish: the tests check mechanics, never the text's meaning.
#include <gtest/gtest.h>

#include "llm_llama_support.hpp"

namespace {

using namespace plume::llm;
using namespace plume::test;
using std::chrono::milliseconds;

// One server for the suite, asked through plume's HTTP backend.
class LlamaServerTest : public ::testing::Test {
protected:
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
    static ChatResult ask(const ChatRequest& r, const ProgressFn& progress) {
        return make_http_backend(options(server_->url()))->chat(r, progress);
    }

    static LlamaServer* server_;
};
LlamaServer* LlamaServerTest::server_ = nullptr;

TEST_F(LlamaServerTest, AnAnswerIsStreamedTokenByTokenAndStopsAtMaxTokens) { expect_streamed_to_max_tokens(ask); }

TEST_F(LlamaServerTest, FewerMaxTokensGiveTheBeginningOfTheSameGreedyAnswer) { expect_greedy_prefix(ask); }

TEST_F(LlamaServerTest, AStopStringEndsTheAnswerBeforeIt) { expect_stop_honoured(ask); }

TEST_F(LlamaServerTest, AServerThatNeverAnswersIsAbandonedAtTheDeadline) {
    auto o = options(server_->url());
    o.request_timeout = milliseconds(500);
    o.max_attempts = 2;
    server_->pause();
    const auto start = std::chrono::steady_clock::now();
    const auto result = make_http_backend(o)->chat(greedy_request(8));
    const auto elapsed = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start).count();
    server_->resume();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Timeout);
    EXPECT_EQ(result.error.attempts, 2);
    EXPECT_GE(elapsed, 1'000);  // two attempts of 500 ms
    EXPECT_LT(elapsed, 5'000);
    EXPECT_TRUE(ask(greedy_request(4), {})) << "the server works again once resumed";
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

TEST_F(LlamaServerTest, AJsonSchemaGivesAnAnswerThatFollowsIt) { expect_title_json(ask); }

}  // namespace
