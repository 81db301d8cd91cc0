// Tokens remembered for the length of one job: the phases of writing an article read the
// same texts again (a paragraph's words counted, its stems compared, its sentences
// typeset), and the five seeds' article tokenizes three times as many bytes as it has
// distinct texts.
#pragma once

#include <memory>

namespace plume::text {

class TokenCache;

// While one lives on a thread, text::tokenize there scans each text once and hands back its
// tokens again; a scope opened inside another adds nothing. Texts live in the cache until
// the scope ends, within a bound.
class TokenCacheScope {
public:
    TokenCacheScope();
    ~TokenCacheScope();
    TokenCacheScope(const TokenCacheScope&) = delete;
    TokenCacheScope& operator=(const TokenCacheScope&) = delete;

private:
    std::unique_ptr<TokenCache> cache_;  // null in a nested scope
};

}  // namespace plume::text
