// The OpenAI-compatible protocol without the network: endpoint, request body, answers.
#include <gtest/gtest.h>

#include <string>

#include "llm/openai.hpp"

namespace {

using namespace plume::llm;
using nlohmann::json;

TEST(LlmOpenAi, TheEndpointFollowsTheBaseUrlWithOrWithoutV1) {
    EXPECT_EQ(chat_endpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080/v1/chat/completions");
    EXPECT_EQ(chat_endpoint("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/v1/chat/completions");
    EXPECT_EQ(chat_endpoint("https://api.example.org/v1/"), "https://api.example.org/v1/chat/completions");
    EXPECT_EQ(chat_endpoint("http://h/openai/v1/chat/completions"), "http://h/openai/v1/chat/completions");
}

TEST(LlmOpenAi, TheBodyCarriesTheRequestAndTheSchemaOnlyWhenAsked) {
    ChatRequest r{{{"system", "Tu écris en français."}, {"user", "Résume : le tramway arrive."}}, 300, 0.2, {}, {}};
    const json schema = {{"type", "object"}, {"properties", {{"titre", {{"type", "string"}}}}}};
    const json plain = request_body(r, "", true, nullptr);
    EXPECT_EQ(plain["messages"][1]["content"], "Résume : le tramway arrive.");
    EXPECT_EQ(plain["max_tokens"], 300);
    EXPECT_DOUBLE_EQ(plain["temperature"].get<double>(), 0.2);
    EXPECT_TRUE(plain["stream"].get<bool>());
    EXPECT_FALSE(plain.contains("model"));
    EXPECT_FALSE(plain.contains("response_format"));
    EXPECT_FALSE(plain.contains("stop"));
    const json with = request_body(r, "qwen2.5-7b-instruct", false, &schema);
    EXPECT_EQ(with["model"], "qwen2.5-7b-instruct");
    EXPECT_FALSE(with.contains("stream_options"));
    EXPECT_EQ(with["response_format"]["type"], "json_schema");
    EXPECT_EQ(with["response_format"]["json_schema"]["schema"], schema);
}

TEST(LlmOpenAi, StopStringsAreSentWhenGiven) {
    ChatRequest r{{{"user", "Résume : le tramway arrive."}}, 300, 0.2, {}, {"\n\n", "Sources :"}};
    EXPECT_EQ(request_body(r, "", true, nullptr)["stop"], json::array({"\n\n", "Sources :"}));
}

TEST(LlmOpenAi, ChunksBuildTheAnswerUntilDone) {
    AnswerReader reader;
    reader.chunk(R"({"choices":[{"delta":{"role":"assistant","content":"Le tramway "}}]})");
    EXPECT_EQ(reader.last_delta(), "Le tramway ");
    reader.chunk(R"({"choices":[{"delta":{"content":"arrive."},"finish_reason":null}]})");
    EXPECT_FALSE(reader.complete());
    reader.chunk(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})");
    reader.chunk(R"({"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5}})");
    reader.chunk("[DONE]");
    EXPECT_TRUE(reader.complete());
    EXPECT_TRUE(reader.fault().empty());
    EXPECT_EQ(reader.answer().text, "Le tramway arrive.");
    EXPECT_EQ(reader.answer().finish_reason, "stop");
    EXPECT_EQ(reader.answer().usage.prompt_tokens, 12);
    EXPECT_EQ(reader.answer().usage.completion_tokens, 5);
}

TEST(LlmOpenAi, AStreamWithoutItsEndIsIncomplete) {
    AnswerReader reader;
    reader.chunk(R"({"choices":[{"delta":{"content":"Le tramway"}}],"usage":null})");
    EXPECT_FALSE(reader.complete());
    EXPECT_TRUE(reader.fault().empty());
}

TEST(LlmOpenAi, ErrorsAndGarbageAreFaults) {
    AnswerReader error;
    error.chunk(R"({"error":{"message":"context size exceeded"}})");
    EXPECT_NE(error.fault().find("context size exceeded"), std::string::npos);
    AnswerReader garbage;
    garbage.chunk("<html>");
    EXPECT_FALSE(garbage.fault().empty());
    AnswerReader empty;
    empty.body(R"({"choices":[]})");
    EXPECT_FALSE(empty.fault().empty());
}

TEST(LlmOpenAi, AWholeBodyIsOneCompleteAnswer) {
    AnswerReader reader;
    reader.body(R"({"choices":[{"message":{"role":"assistant","content":"Le blé manque."},"finish_reason":"length"}],
                    "usage":{"prompt_tokens":"?","completion_tokens":3}})");
    EXPECT_TRUE(reader.complete());
    EXPECT_EQ(reader.answer().text, "Le blé manque.");
    EXPECT_EQ(reader.answer().finish_reason, "length");
    EXPECT_EQ(reader.answer().usage.prompt_tokens, 0);
    EXPECT_EQ(reader.answer().usage.completion_tokens, 3);
}

TEST(LlmOpenAi, TheServerMessageIsShortAndWhole) {
    EXPECT_EQ(server_message(R"({"error":{"message":"model not found","type":"invalid_request_error"}})"),
              "model not found");
    const std::string page = "<p>" + std::string(196, 'a') + "é" + std::string(100, 'b');
    const std::string start = server_message(page);
    EXPECT_EQ(start, "<p>" + std::string(196, 'a') + "...");
}

}  // namespace
