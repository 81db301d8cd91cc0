// The embedded backend (llama.cpp linked into plume) on the tiny random GGUF: streaming, max
// tokens, stop strings held back from the display, the deadline, a JSON schema turned into a
// grammar, calls from several threads, a model that cannot be loaded, and plume write and
// plume serve on it.
#include <gtest/gtest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "llm_llama_support.hpp"
#include "unit/serve_support.hpp"

namespace {

using namespace plume::llm;
using namespace plume::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

class LlamaEmbeddedTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        backend_ = make_llama_backend({PLUME_TINY_GGUF, 1, 2048, milliseconds(60'000), 7}, error).release();
        ASSERT_NE(backend_, nullptr) << error;
    }
    static void TearDownTestSuite() {
        delete backend_;
        backend_ = nullptr;
    }
    static ChatResult ask(const ChatRequest& r, const ProgressFn& progress) { return backend_->chat(r, progress); }
    static Backend* backend_;
};
Backend* LlamaEmbeddedTest::backend_ = nullptr;

TEST_F(LlamaEmbeddedTest, AnAnswerIsStreamedTokenByTokenAndStopsAtMaxTokens) {
    ASSERT_TRUE(llama_backend_available());
    expect_streamed_to_max_tokens(ask);
    const auto result = ask(greedy_request(2), [](const Progress& p) { EXPECT_EQ(p.attempt, 1); });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->server, PLUME_TINY_GGUF);
}

TEST_F(LlamaEmbeddedTest, FewerMaxTokensGiveTheBeginningOfTheSameGreedyAnswer) { expect_greedy_prefix(ask); }

TEST_F(LlamaEmbeddedTest, AStopStringEndsTheAnswerAndIsNeverShown) { expect_stop_honoured(ask); }

TEST_F(LlamaEmbeddedTest, AnAnswerStillGoingAtTheDeadlineIsAbandoned) {
    std::string error;
    auto hasty = make_llama_backend({PLUME_TINY_GGUF, 1, 4096, milliseconds(300), 7}, error);
    ASSERT_TRUE(hasty) << error;
    const auto start = Clock::now();
    const auto result = hasty->chat(greedy_request(4000));
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
    ASSERT_FALSE(result) << result.answer->usage.completion_tokens << " tokens before the deadline";
    EXPECT_EQ(result.error.kind, ErrorKind::Timeout);
    EXPECT_GE(elapsed, 300);
    EXPECT_LT(elapsed, 2'000);
}

TEST_F(LlamaEmbeddedTest, ASimpleJsonSchemaBecomesAGrammarTheAnswerFollows) { expect_title_json(ask); }

TEST_F(LlamaEmbeddedTest, AnUntranslatableSchemaIsLeftToTheCaller) {
    ChatRequest r = greedy_request(8);
    r.json_schema = R"({"anyOf":[{"type":"string"},{"type":"integer"}]})";
    const auto result = backend_->chat(r);
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_FALSE(result.answer->schema_enforced);
}

TEST_F(LlamaEmbeddedTest, CallsFromSeveralThreadsAreServedOneAfterTheOther) {
    const auto alone = backend_->chat(greedy_request(10));
    ASSERT_TRUE(alone) << alone.error.message;
    std::vector<ChatResult> results(3);
    std::vector<std::thread> threads;
    for (auto& result : results) threads.emplace_back([&result] { result = backend_->chat(greedy_request(10)); });
    for (auto& t : threads) t.join();
    for (const auto& result : results) {
        ASSERT_TRUE(result) << result.error.message;
        EXPECT_EQ(result.answer->text, alone.answer->text);
    }
}

// A prompt longer than the context fails that call as a server's 400 would, not the setup.
TEST_F(LlamaEmbeddedTest, APromptLongerThanTheContextIsABadRequest) {
    ChatRequest r = greedy_request(4);
    for (int i = 0; i < 400; ++i) r.messages.back().content += " Le tramway T10 relie Vénissieux à Gerland en vingt minutes.";
    const auto result = backend_->chat(r);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error.kind, ErrorKind::Http);
    EXPECT_EQ(result.error.http_status, 400);
    EXPECT_NE(result.error.message.find("the context"), std::string::npos) << result.error.message;
}

TEST(LlamaEmbedded, AFileThatIsNotAModelIsRefusedWithItsName) {
    const std::string path = ::testing::TempDir() + "not-a-model.gguf";
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("Ceci n'est pas un modèle.", f);
    std::fclose(f);
    std::string error;
    EXPECT_EQ(make_llama_backend({path, 1, 512, milliseconds(1'000), 0}, error), nullptr);
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_EQ(make_llama_backend({path + ".absent", 1, 512, milliseconds(1'000), 0}, error), nullptr);
    EXPECT_NE(error.find(".absent"), std::string::npos) << error;
}

}  // namespace

// plume write --model: the pipeline on the embedded backend. A random model writes no French,
// so every part it words is refused by the checks and replaced by plume's text, within the
// call budget, and the run says so; the article is still whole.
TEST(LlamaWrite, PlumeWriteWithModelHoldsTheArticleToItsChecks) {
    const std::string sources = std::string(" ") + PLUME_EXAMPLES + "/sources/tramway-lyon/*.txt";
    const auto r = plume::test::run_cli("write" + sources + " --model " PLUME_TINY_GGUF " --threads 1 --llm-max-calls 5 --format json");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.contains("llm")) << r.out.substr(0, 300);
    EXPECT_GT(j["llm"]["calls"].get<int>(), 0);
    EXPECT_LE(j["llm"]["calls"].get<int>(), 5);
    EXPECT_FALSE(j["llm"]["replaced"].empty());
    // The whole story stays (641 words; the model path adds no derived section).
    EXPECT_GE(j["words"].get<int>(), 600) << "plume's own text stands in for what the model could not word";
    for (const auto& f : j["facts"]) EXPECT_GE(f["source"].get<int>(), 0) << f["text"];
}

TEST(LlamaWrite, AModelFileThatCannotBeLoadedIsAClearError) {
    const std::string source = std::string(" ") + PLUME_EXAMPLES + "/sources/tramway-lyon/01-quotidien-regional.txt";
    const auto missing = plume::test::run_cli("write" + source + " --model /nonexistent/model.gguf");
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("model.gguf"), std::string::npos) << missing.err;
    EXPECT_TRUE(missing.out.empty());
    const auto both = plume::test::run_cli("write" + source + " --model " PLUME_TINY_GGUF " --llm-url http://127.0.0.1:9");
    EXPECT_EQ(both.status, 1) << "one backend at a time";
}

// plume serve --model: the jobs (and so the editor's « Rédiger ») are worded by the embedded
// model under plume write's checks, and /metrics counts its calls and the tokens it reports.
TEST(LlamaServe, ServeWordsJobsWithTheEmbeddedModel) {
    const std::string db = plume::test::temp_db("llama-serve.db");
    plume::test::Served served = plume::test::start_serve(db, {"--model", PLUME_TINY_GGUF, "--threads", "1", "--jobs", "1"});
    ASSERT_GT(served.port, 0) << plume::test::slurp(served.err);
    httplib::Client c("127.0.0.1", served.port);
    c.set_read_timeout(300);
    nlohmann::json sources = nlohmann::json::array();
    for (const char* f : {"01-quotidien-regional.txt", "02-site-info-locale.txt"})
        sources.push_back({{"name", f}, {"text", plume::test::slurp(PLUME_EXAMPLES "/sources/tramway-lyon/" + std::string(f))}});
    const auto posted = c.Post("/v1/articles", nlohmann::json{{"sources", sources}}.dump(), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 202) << posted->body;
    const std::string id = nlohmann::json::parse(posted->body)["id"];
    nlohmann::json job;
    for (int i = 0; i < 3000; ++i) {
        job = nlohmann::json::parse(c.Get(("/v1/articles/" + id).c_str())->body);
        if (job["status"] == "done" || job["status"] == "failed") break;
        std::this_thread::sleep_for(milliseconds(100));
    }
    ASSERT_EQ(job["status"], "done") << job.dump().substr(0, 300);
    // A random model writes no French: its parts are refused, plume's own text stands in.
    EXPECT_GE(job["analysis"]["stats"]["words"].get<int>(), 300);
    const std::string metrics = c.Get("/metrics")->body;
    const double calls = plume::test::metric(metrics, "plume_model_calls_total{backend=\"llama\"}");
    EXPECT_GT(calls, 0) << metrics;
    EXPECT_GT(plume::test::metric(metrics, "plume_model_tokens_total{backend=\"llama\",type=\"prompt\"}"), 10 * calls);
    EXPECT_GT(plume::test::metric(metrics, "plume_model_tokens_total{backend=\"llama\",type=\"completion\"}"), 0);
    EXPECT_EQ(plume::test::metric(metrics, "plume_model_call_errors_total{backend=\"llama\",kind=\"timeout\"}"), 0);
    const int status = served.stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
