// A scripted model for the benchmark of `plume write --llm-url` (bench/llm/llm_write_bench.cpp):
// it reads plume's French prompts as a model would (the part's extracts, its word range, the
// keyphrase, the faults told back) and answers with text that passes plume's checks, or, on a
// fixed schedule, with the faults a small model makes. It writes no prose worth reading: the
// benchmark measures plume's CPU time and the tokens spent, which depend on how long and how
// often the answers are, not on their style.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace plume::bench {

// The benchmark's tokenizer, for the server's answers and the accepted article alike: spaces
// join the token that follows them, a punctuation mark is a token, a word is one token per
// four letters or digits begun. On the articles written here it gives about 1.9 tokens per
// word (plume's count), within the 1.4-2 that the tokenizers of 7B models give on French.
// The pieces joined give the text back.
std::vector<std::string> tokenize(std::string_view text);

enum class Faults { None, Mixed };

class ScriptedModel {
public:
    explicit ScriptedModel(Faults faults) : faults_(faults) {}

    // Forgets the parts of the article before: the next request starts a new article.
    void new_article();

    // The answer to a chat completions request body.
    std::string answer(const nlohmann::json& request);

private:
    Faults faults_;
    std::map<std::string, int> parts_;           // a part's first prompt -> its rank in the article
    std::map<std::string, int> claimed_;         // an extract -> the part that used it
    std::size_t filler_ = 0;                     // sentences of context written so far

    std::string meta(std::string_view prompt) const;
    std::string part(std::string_view prompt, int asks, std::string_view told, const std::string& written);
    std::string repair(std::string_view prompt) const;
    std::string restyle(std::string_view prompt) const;
    std::string good_part(std::string_view prompt, int rank, bool keyphrase_first, std::size_t low, std::size_t high,
                          const std::string& written = "");
    std::string context_sentence();
};

}  // namespace plume::bench
