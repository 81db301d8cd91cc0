// The embedded backend: llama.cpp linked into plume (CMake option PLUME_LLAMA, built by
// scripts/llama.sh), the same interface as the HTTP backend. The prompt is the model's own
// chat template; a JSON schema becomes a GBNF grammar when it is simple (llm/gbnf.hpp).
#include "plume/llm.hpp"

#ifdef PLUME_HAS_LLAMA

#include <llama.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "llm/gbnf.hpp"

namespace plume::llm {
namespace {

using Clock = std::chrono::steady_clock;

// llama.cpp talks a lot on stderr; plume keeps its last error for its own messages.
std::mutex log_mutex;
std::string last_log_error;

void on_log(ggml_log_level level, const char* text, void*) {
    if (level != GGML_LOG_LEVEL_ERROR) return;
    std::lock_guard lock(log_mutex);
    last_log_error = text;
    while (!last_log_error.empty() && (last_log_error.back() == '\n' || last_log_error.back() == ' '))
        last_log_error.pop_back();
}

std::string llama_error() {
    std::lock_guard lock(log_mutex);
    return last_log_error.empty() ? "" : " (" + last_log_error + ")";
}

// Bytes of model output made into valid UTF-8: a character cut between two tokens waits for
// its end; bytes that can never form one become U+FFFD.
class Utf8Decoder {
public:
    std::string feed(std::string_view bytes) {
        pending_ += bytes;
        std::string out;
        std::size_t i = 0;
        while (i < pending_.size()) {
            const auto c = static_cast<unsigned char>(pending_[i]);
            const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
            std::size_t ok = n == 0 ? 0 : 1;
            while (ok > 0 && ok < n && i + ok < pending_.size() &&
                   (static_cast<unsigned char>(pending_[i + ok]) & 0xC0) == 0x80)
                ++ok;
            if (n != 0 && ok < n && i + ok == pending_.size()) break;  // the rest comes with the next token
            if (n == 0 || ok < n) {
                out += "\xEF\xBF\xBD";
                i += std::max<std::size_t>(ok, 1);
                continue;
            }
            out.append(pending_, i, n);
            i += n;
        }
        pending_.erase(0, i);
        return out;
    }
    // What is left when the answer ends in the middle of a character.
    std::string finish() {
        const bool cut = !pending_.empty();
        pending_.clear();
        return cut ? "\xEF\xBF\xBD" : "";
    }

private:
    std::string pending_;
};

// The answer's text as it grows, cut before the first stop string; what may still turn out
// to begin a stop string is held back from the progress callback.
class StopText {
public:
    explicit StopText(const std::vector<std::string>& stops) : stops_(stops) {
        for (const auto& s : stops_) longest_ = std::max(longest_, s.size());
    }

    // Adds text; true when a stop string was met (the text is cut before it).
    bool add(std::string_view piece) {
        const std::size_t from = text_.size() > longest_ ? text_.size() - longest_ : 0;
        text_ += piece;
        std::size_t cut = std::string::npos;
        for (const auto& s : stops_)
            if (!s.empty()) cut = std::min(cut, text_.find(s, from));
        if (cut == std::string::npos) return false;
        text_.resize(cut);
        return true;
    }

    // The text not yet shown that can no longer become part of a stop string.
    std::string_view showable(bool all) {
        std::size_t end = text_.size();
        if (!all) end -= held_back();
        const std::string_view out(text_.data() + shown_, end > shown_ ? end - shown_ : 0);
        shown_ = std::max(shown_, end);
        return out;
    }

    std::string& text() { return text_; }
    std::size_t shown() const { return shown_; }

private:
    // The longest end of the text that begins a stop string.
    std::size_t held_back() const {
        std::size_t best = 0;
        for (const auto& s : stops_)
            for (std::size_t n = std::min(s.size() - (s.empty() ? 0 : 1), text_.size()); n > best; --n)
                if (std::string_view(text_).ends_with(std::string_view(s).substr(0, n))) {
                    best = n;
                    break;
                }
        return best;
    }

    const std::vector<std::string>& stops_;
    std::size_t longest_ = 0;
    std::string text_;
    std::size_t shown_ = 0;
};

struct SamplerDeleter {
    void operator()(llama_sampler* s) const { llama_sampler_free(s); }
};
using Sampler = std::unique_ptr<llama_sampler, SamplerDeleter>;

class LlamaBackend final : public Backend {
public:
    LlamaBackend(LlamaOptions options, llama_model* model)
        : options_(std::move(options)), model_(model), vocab_(llama_model_get_vocab(model)) {}

    // The context, whose decodes stop when the call's deadline passes; false when llama.cpp
    // cannot make one.
    bool open(llama_context_params params) {
        params.abort_callback = &LlamaBackend::abort_now;
        params.abort_callback_data = this;
        context_ = llama_init_from_model(model_, params);
        return context_ != nullptr;
    }

    ~LlamaBackend() override {
        llama_free(context_);
        llama_model_free(model_);
    }

    ChatResult chat(const ChatRequest& request, const ProgressFn& progress) override;

    // Read by llama.cpp during a decode: the call's deadline has passed.
    static bool abort_now(void* self) {
        auto* b = static_cast<LlamaBackend*>(self);
        return Clock::now().time_since_epoch().count() > b->deadline_.load();
    }

private:
    ChatError generate(const ChatRequest& request, const ProgressFn& progress, ChatAnswer& answer);
    std::optional<std::string> prompt(const ChatRequest& request) const;
    Sampler sampler(const ChatRequest& request, bool& grammar) const;
    bool decode(std::vector<llama_token>& tokens);

    LlamaOptions options_;
    llama_model* model_;
    llama_context* context_ = nullptr;
    const llama_vocab* vocab_;
    std::mutex mutex_;  // one call at a time: one context
    std::atomic<Clock::rep> deadline_{0};
};

// The conversation in the model's chat template (ChatML when the GGUF has none).
std::optional<std::string> LlamaBackend::prompt(const ChatRequest& request) const {
    std::vector<llama_chat_message> messages;
    std::size_t size = 0;
    for (const auto& m : request.messages) {
        messages.push_back({m.role.c_str(), m.content.c_str()});
        size += m.role.size() + m.content.size();
    }
    const char* tmpl = llama_model_chat_template(model_, nullptr);
    std::string out(2 * size + 256, '\0');
    int n = llama_chat_apply_template(tmpl, messages.data(), messages.size(), true, out.data(), static_cast<int>(out.size()));
    if (n > static_cast<int>(out.size())) {
        out.resize(n);
        n = llama_chat_apply_template(tmpl, messages.data(), messages.size(), true, out.data(), n);
    }
    if (n < 0) return std::nullopt;
    out.resize(n);
    return out;
}

// Grammar first (it removes what the schema forbids), then temperature; 0 is greedy.
Sampler LlamaBackend::sampler(const ChatRequest& request, bool& grammar) const {
    Sampler chain(llama_sampler_chain_init(llama_sampler_chain_default_params()));
    grammar = false;
    if (request.json_schema) {
        if (const auto gbnf = json_schema_to_gbnf(*request.json_schema)) {
            if (llama_sampler* g = llama_sampler_init_grammar(vocab_, gbnf->c_str(), "root")) {
                llama_sampler_chain_add(chain.get(), g);
                grammar = true;
            }
        }
    }
    if (request.temperature <= 0) {
        llama_sampler_chain_add(chain.get(), llama_sampler_init_greedy());
        return chain;
    }
    llama_sampler_chain_add(chain.get(), llama_sampler_init_min_p(0.05f, 1));
    llama_sampler_chain_add(chain.get(), llama_sampler_init_temp(static_cast<float>(request.temperature)));
    llama_sampler_chain_add(chain.get(), llama_sampler_init_dist(options_.seed ? options_.seed : LLAMA_DEFAULT_SEED));
    return chain;
}

// Feeds tokens to the model in batches; false when llama.cpp fails or the deadline aborts it.
bool LlamaBackend::decode(std::vector<llama_token>& tokens) {
    const std::size_t batch = llama_n_batch(context_);
    for (std::size_t at = 0; at < tokens.size(); at += batch) {
        const int n = static_cast<int>(std::min(batch, tokens.size() - at));
        if (llama_decode(context_, llama_batch_get_one(tokens.data() + at, n)) != 0) return false;
    }
    return true;
}

ChatError LlamaBackend::generate(const ChatRequest& request, const ProgressFn& progress, ChatAnswer& answer) {
    const auto text = prompt(request);
    if (!text) return {ErrorKind::Config, 0, 1, "the model's chat template is not one llama.cpp knows"};
    std::vector<llama_token> tokens(text->size() + 16);
    const int n = llama_tokenize(vocab_, text->data(), static_cast<int>(text->size()), tokens.data(),
                                 static_cast<int>(tokens.size()), true, true);
    if (n < 0) return {ErrorKind::Config, 0, 1, "the prompt cannot be tokenized"};
    tokens.resize(n);
    const int n_ctx = static_cast<int>(llama_n_ctx(context_));
    // A prompt longer than the context is this request's fault, not the setup's: llama-server
    // answers it with 400, which the HTTP backend reports as such, and the writer then keeps
    // plume's own text for that part instead of failing the whole article.
    if (n >= n_ctx)
        return {ErrorKind::Http, 400, 1, "the prompt has " + std::to_string(n) + " tokens, the context " + std::to_string(n_ctx)};
    answer.usage.prompt_tokens = n;
    bool grammar = false;
    const Sampler chain = sampler(request, grammar);
    answer.schema_enforced = grammar;
    llama_memory_clear(llama_get_memory(context_), true);

    const auto failure = [&] {
        if (!abort_now(this)) return ChatError{ErrorKind::Protocol, 0, 1, "llama.cpp failed to decode" + llama_error()};
        return ChatError{ErrorKind::Timeout, 0, 1,
                         "the model did not finish within " + std::to_string(options_.deadline.count()) + " ms"};
    };
    Utf8Decoder utf8;
    StopText out(request.stop);
    const auto show = [&](bool all) {
        const auto delta = out.showable(all);
        if (progress && !delta.empty()) progress({delta, 1, out.shown()});
    };
    const int budget = std::min(request.max_tokens, n_ctx - n);  // the context bounds the answer too
    answer.finish_reason = "length";
    if (!decode(tokens)) return failure();
    while (answer.usage.completion_tokens < budget) {
        const llama_token token = llama_sampler_sample(chain.get(), context_, -1);
        if (llama_vocab_is_eog(vocab_, token)) {
            answer.finish_reason = "stop";
            break;
        }
        ++answer.usage.completion_tokens;
        char piece[256];
        const int len = llama_token_to_piece(vocab_, token, piece, sizeof piece, 0, false);
        if (out.add(utf8.feed(std::string_view(piece, std::max(len, 0))))) {
            answer.finish_reason = "stop";
            break;
        }
        show(false);
        if (answer.usage.completion_tokens == budget) break;
        tokens.assign(1, token);
        if (abort_now(this) || !decode(tokens)) return failure();
    }
    if (answer.finish_reason == "length") out.add(utf8.finish());
    show(true);
    answer.text = std::move(out.text());
    return {};
}

ChatResult LlamaBackend::chat(const ChatRequest& request, const ProgressFn& progress) {
    std::lock_guard lock(mutex_);
    deadline_ = (Clock::now() + options_.deadline).time_since_epoch().count();
    ChatResult result;
    ChatAnswer answer;
    answer.server = options_.model;
    result.error = generate(request, progress, answer);
    if (result.error.message.empty()) result.answer = std::move(answer);
    return result;
}

}  // namespace

bool llama_backend_available() { return true; }

std::unique_ptr<Backend> make_llama_backend(LlamaOptions options, std::string& error) {
    static std::once_flag ready;
    std::call_once(ready, [] {
        llama_log_set(on_log, nullptr);
        llama_backend_init();
    });
    llama_model_params mp = llama_model_default_params();
    mp.n_gpu_layers = 0;
    llama_model* model = llama_model_load_from_file(options.model.c_str(), mp);
    if (!model) {
        error = "cannot load the model " + options.model + llama_error();
        return nullptr;
    }
    const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    llama_context_params cp = llama_context_default_params();
    cp.n_ctx = static_cast<uint32_t>(std::max(0, options.context));
    cp.n_threads = cp.n_threads_batch = threads;
    cp.no_perf = true;
    auto backend = std::make_unique<LlamaBackend>(options, model);  // owns the model from here
    if (!backend->open(cp)) {
        error = "cannot create a llama.cpp context for " + options.model + llama_error();
        return nullptr;
    }
    return backend;
}

}  // namespace plume::llm

#else  // built without llama.cpp (PLUME_LLAMA=OFF)

namespace plume::llm {

bool llama_backend_available() { return false; }

std::unique_ptr<Backend> make_llama_backend(LlamaOptions, std::string& error) {
    error = "this plume was built without llama.cpp (CMake option PLUME_LLAMA=OFF): use --llm-url";
    return nullptr;
}

}  // namespace plume::llm

#endif
