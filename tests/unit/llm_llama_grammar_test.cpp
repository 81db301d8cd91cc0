// A JSON Schema made into the GBNF grammar of the embedded backend: what is translated, in
// which order, with which bounds, and what is left for the caller to validate.
#include <gtest/gtest.h>

#include "llm/gbnf.hpp"

namespace {

using plume::llm::json_schema_to_gbnf;

std::string root_rule(const std::string& grammar) { return grammar.substr(0, grammar.find('\n')); }

TEST(LlmLlamaGrammar, PropertiesAreWrittenInTheSchemasOrderNotAlphabetically) {
    const auto g = json_schema_to_gbnf(
        R"({"type":"object","properties":{"titre":{"type":"string"},"description":{"type":"string"}}})");
    ASSERT_TRUE(g);
    const auto root = root_rule(*g);
    EXPECT_LT(root.find(R"("\"titre\"")"), root.find(R"("\"description\"")")) << root;
    EXPECT_NE(g->find("ws ::= \" \"?"), std::string::npos);
}

TEST(LlmLlamaGrammar, LengthsItemsEnumsAndConstsBoundTheAnswer) {
    const auto g = json_schema_to_gbnf(R"({"type":"object","properties":{
        "titre":{"type":"string","minLength":10,"maxLength":60},
        "intertitres":{"type":"array","items":{"type":"string","maxLength":80},"minItems":2,"maxItems":5},
        "ton":{"enum":["neutre","\"vif\""]},
        "version":{"const":1},
        "mots":{"type":"integer"},
        "part":{"type":"number"},
        "publie":{"type":"boolean"}}})");
    ASSERT_TRUE(g);
    const auto root = root_rule(*g);
    EXPECT_NE(root.find("char{10,60}"), std::string::npos) << root;
    EXPECT_NE(root.find("char{0,80} \"\\\"\" ws){1,4}"), std::string::npos) << root;  // 2 to 5 items
    EXPECT_NE(root.find(R"(("\"neutre\"" | "\"\\\"vif\\\"\""))"), std::string::npos) << root;
    EXPECT_NE(root.find(R"("1" ws)"), std::string::npos) << root;
    EXPECT_NE(root.find("\"true\" | \"false\""), std::string::npos) << root;
}

TEST(LlmLlamaGrammar, AnOptionalEmptyOrUnboundedArray) {
    const auto optional = json_schema_to_gbnf(R"({"type":"array","items":{"type":"integer"}})");
    ASSERT_TRUE(optional);
    EXPECT_NE(root_rule(*optional).find(")?"), std::string::npos) << *optional;
    EXPECT_NE(root_rule(*optional).find("){0,}"), std::string::npos) << *optional;
    const auto empty = json_schema_to_gbnf(R"({"type":"array","items":{"type":"integer"},"maxItems":0})");
    ASSERT_TRUE(empty);
    EXPECT_EQ(root_rule(*empty), R"(root ::= "[" ws "]" ws)");
}

TEST(LlmLlamaGrammar, WhatItDoesNotTranslateIsLeftToTheCaller) {
    for (const char* schema : {
             R"({"anyOf":[{"type":"string"},{"type":"integer"}]})",
             R"({"type":"object","properties":{"a":{"$ref":"#/defs/x"}}})",
             R"({"type":"string","pattern":"^[A-Z]"})",
             R"({"type":"object"})",
             R"({"type":["string","null"]})",
             R"({"type":"string","maxLength":"douze"})",
             R"({"type":"string","minLength":5,"maxLength":2})",
             "pas du JSON",
         })
        EXPECT_FALSE(json_schema_to_gbnf(schema)) << schema;
}

}  // namespace
