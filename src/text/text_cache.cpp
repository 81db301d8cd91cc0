#include "text/text_cache.hpp"

#include <functional>
#include <string>
#include <unordered_map>

#include "text/view_hash.hpp"

namespace plume::text {

namespace {

// One kind of result by its text.
template <class T>
class Memo {
public:
    static constexpr std::size_t kMaxText = 1 << 16;  // a longer text is read each time
    // Then the memo starts again: with their results, some 12 MiB. An article's distinct
    // texts are a few hundred KiB.
    static constexpr std::size_t kMaxBytes = 1 << 21;

    std::vector<T> get(std::string_view text, std::vector<T> (*read)(std::string_view)) {
        if (text.size() > kMaxText) return read(text);
        if (const auto it = map_.find(text); it != map_.end()) return it->second;
        if (bytes_ + text.size() > kMaxBytes) map_.clear(), bytes_ = 0;
        bytes_ += text.size();
        std::vector<T> found = read(text);
        found.shrink_to_fit();
        return map_.emplace(std::string(text), std::move(found)).first->second;
    }

private:
    std::unordered_map<std::string, std::vector<T>, ViewHash, std::equal_to<>> map_;
    std::size_t bytes_ = 0;
};

}  // namespace

class TextCache {
public:
    Memo<Token> tokens;
    Memo<Span> sentences;
};

namespace {
thread_local TextCache* active = nullptr;
}  // namespace

TextCacheScope::TextCacheScope() : cache_(active ? nullptr : std::make_unique<TextCache>()) {
    if (cache_) active = cache_.get();
}

TextCacheScope::~TextCacheScope() {
    if (cache_) active = nullptr;
}

std::vector<Token> remembered_tokens(std::string_view text, std::vector<Token> (*read)(std::string_view)) {
    return active ? active->tokens.get(text, read) : read(text);
}

std::vector<Span> remembered_sentences(std::string_view text, std::vector<Span> (*read)(std::string_view)) {
    return active ? active->sentences.get(text, read) : read(text);
}

}  // namespace plume::text
