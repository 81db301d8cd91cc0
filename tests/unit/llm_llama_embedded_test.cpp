// The embedded backend (llama.cpp linked into plume) on the tiny random GGUF: streaming, max
// tokens, stop strings held back from the display, the deadline, a JSON schema turned into a
// grammar, calls from several threads, and a model that cannot be loaded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "llm_llama_support.hpp"

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
    static Backend* backend_;
};
Backend* LlamaEmbeddedTest::backend_ = nullptr;

TEST_F(LlamaEmbeddedTest, AnAnswerIsStreamedTokenByTokenAndStopsAtMaxTokens) {
    ASSERT_TRUE(llama_backend_available());
    std::string shown;
    int deltas = 0;
    const auto result = backend_->chat(greedy_request(24), [&](const Progress& p) {
        shown += p.delta;
        ++deltas;
        EXPECT_EQ(p.attempt, 1);
        EXPECT_EQ(p.bytes, shown.size());
    });
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_EQ(result.answer->finish_reason, "length");
    EXPECT_EQ(result.answer->usage.completion_tokens, 24);
    EXPECT_GT(result.answer->usage.prompt_tokens, 10);
    EXPECT_GE(deltas, 12);
    EXPECT_EQ(shown, result.answer->text);
    EXPECT_EQ(result.answer->server, PLUME_TINY_GGUF);
}

TEST_F(LlamaEmbeddedTest, FewerMaxTokensGiveTheBeginningOfTheSameGreedyAnswer) {
    const auto longer = backend_->chat(greedy_request(30));
    const auto shorter = backend_->chat(greedy_request(6));
    ASSERT_TRUE(longer && shorter) << longer.error.message << shorter.error.message;
    EXPECT_EQ(shorter.answer->usage.completion_tokens, 6);
    EXPECT_LT(shorter.answer->text.size(), longer.answer->text.size());
    EXPECT_TRUE(longer.answer->text.starts_with(shorter.answer->text));
}

TEST_F(LlamaEmbeddedTest, AStopStringEndsTheAnswerAndIsNeverShown) {
    const auto free = backend_->chat(greedy_request(40));
    ASSERT_TRUE(free) << free.error.message;
    const std::string stop = stop_from(free.answer->text);
    ASSERT_FALSE(stop.empty()) << free.answer->text;
    ChatRequest r = greedy_request(40);
    r.stop = {"jamais écrit", stop};
    std::string shown;
    const auto stopped = backend_->chat(r, [&](const Progress& p) { shown += p.delta; });
    ASSERT_TRUE(stopped) << stopped.error.message;
    EXPECT_EQ(stopped.answer->finish_reason, "stop");
    EXPECT_EQ(stopped.answer->text, free.answer->text.substr(0, free.answer->text.find(stop)));
    EXPECT_EQ(shown, stopped.answer->text);  // the stop's first letters were held back, not shown
    EXPECT_LT(stopped.answer->usage.completion_tokens, 40);
}

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

TEST_F(LlamaEmbeddedTest, ASimpleJsonSchemaBecomesAGrammarTheAnswerFollows) {
    ChatRequest r = greedy_request(200);
    r.temperature = 1.0;
    r.json_schema = kTitleSchema;
    const auto result = backend_->chat(r);
    ASSERT_TRUE(result) << result.error.message;
    EXPECT_TRUE(result.answer->schema_enforced);
    EXPECT_EQ(result.answer->finish_reason, "stop");
    const auto j = nlohmann::json::parse(result.answer->text, nullptr, false);
    ASSERT_TRUE(j.is_object()) << result.answer->text;
    ASSERT_TRUE(j.contains("titre") && j["titre"].is_string()) << result.answer->text;
    EXPECT_LE(j["titre"].get<std::string>().size(), 12u * 4);
    EXPECT_TRUE(j["ton"] == "neutre" || j["ton"] == "vif") << result.answer->text;
}

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
