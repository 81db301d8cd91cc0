// Writes a tiny llama-architecture GGUF with random weights (2 layers, 64 dimensions) around
// the vocabulary of a llama.cpp ggml-vocab-*.gguf file, so the tests can run llama-server and
// the embedded backend on a real model without downloading one. It writes gibberish, fast.
//
//   plume_tiny_gguf VOCAB.gguf OUT.gguf
#include <ggml.h>
#include <gguf.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int64_t n_embd = 64;
constexpr int64_t n_head = 4;
constexpr int64_t n_head_kv = 2;
constexpr int64_t n_ff = 128;
constexpr int64_t n_layer = 2;
constexpr uint32_t n_ctx_train = 4096;
constexpr int64_t head_dim = n_embd / n_head;

// Llama 2 with a system prompt: llama_chat_apply_template (the embedded backend) and
// llama-server's Jinja engine both read it, and it needs no special token the vocabulary
// lacks (with ChatML, llama-server's JSON grammar must begin with "<|im_start|>assistant",
// which this vocabulary cannot write, and every json_schema request fails).
constexpr const char* chat_template =
    "{% for message in messages %}{% if message['role'] == 'system' %}"
    "{{ '<<SYS>>\\n' + message['content'] + '\\n<</SYS>>\\n\\n' }}"
    "{% elif message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
    "{% else %}{{ message['content'] }}{% endif %}{% endfor %}";

void set_hparams(gguf_context* out) {
    gguf_set_val_str(out, "general.architecture", "llama");
    gguf_set_val_str(out, "general.name", "plume-tiny-random");
    gguf_set_val_u32(out, "general.file_type", 0);  // all F32
    gguf_set_val_u32(out, "llama.context_length", n_ctx_train);
    gguf_set_val_u32(out, "llama.embedding_length", n_embd);
    gguf_set_val_u32(out, "llama.block_count", n_layer);
    gguf_set_val_u32(out, "llama.feed_forward_length", n_ff);
    gguf_set_val_u32(out, "llama.attention.head_count", n_head);
    gguf_set_val_u32(out, "llama.attention.head_count_kv", n_head_kv);
    gguf_set_val_u32(out, "llama.rope.dimension_count", head_dim);
    gguf_set_val_f32(out, "llama.attention.layer_norm_rms_epsilon", 1e-5f);
    gguf_set_val_str(out, "tokenizer.chat_template", chat_template);
}

struct Weights {
    ggml_context* ctx;
    gguf_context* out;
    std::mt19937 rng{20260909};  // fixed: the same file every time

    // A tensor of ne0 x ne1 floats; norms are ones, the rest small random values.
    void add(const std::string& name, int64_t ne0, int64_t ne1 = 1, bool ones = false) {
        ggml_tensor* t = ne1 == 1 ? ggml_new_tensor_1d(ctx, GGML_TYPE_F32, ne0)
                                  : ggml_new_tensor_2d(ctx, GGML_TYPE_F32, ne0, ne1);
        ggml_set_name(t, name.c_str());
        std::normal_distribution<float> normal(0.0f, 0.5f);
        auto* data = static_cast<float*>(t->data);
        for (int64_t i = 0; i < ne0 * ne1; ++i) data[i] = ones ? 1.0f : normal(rng);
        gguf_add_tensor(out, t);
    }
};

int64_t vocab_size(const gguf_context* vocab) {
    const int64_t key = gguf_find_key(vocab, "tokenizer.ggml.tokens");
    return key < 0 ? 0 : static_cast<int64_t>(gguf_get_arr_n(vocab, key));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s VOCAB.gguf OUT.gguf\n", argv[0]);
        return 2;
    }
    gguf_context* vocab = gguf_init_from_file(argv[1], {/*no_alloc=*/true, /*ctx=*/nullptr});
    const int64_t n_vocab = vocab ? vocab_size(vocab) : 0;
    if (n_vocab == 0) {
        std::fprintf(stderr, "%s: no vocabulary in %s\n", argv[0], argv[1]);
        return 1;
    }
    gguf_context* out = gguf_init_empty();
    gguf_set_kv(out, vocab);  // the tokenizer, and the vocab file's own keys
    set_hparams(out);

    const std::size_t floats = 2 * n_vocab * n_embd + n_embd +
                               n_layer * (2 * n_embd + 2 * n_embd * n_embd + 2 * n_embd * head_dim * n_head_kv +
                                          3 * n_embd * n_ff);
    ggml_init_params params{floats * sizeof(float) + (4 + 9 * n_layer) * (ggml_tensor_overhead() + 64), nullptr, false};
    Weights w{ggml_init(params), out};
    w.add("token_embd.weight", n_embd, n_vocab);
    w.add("output_norm.weight", n_embd, 1, true);
    w.add("output.weight", n_embd, n_vocab);
    for (int64_t i = 0; i < n_layer; ++i) {
        const std::string blk = "blk." + std::to_string(i) + ".";
        w.add(blk + "attn_norm.weight", n_embd, 1, true);
        w.add(blk + "attn_q.weight", n_embd, n_embd);
        w.add(blk + "attn_k.weight", n_embd, head_dim * n_head_kv);
        w.add(blk + "attn_v.weight", n_embd, head_dim * n_head_kv);
        w.add(blk + "attn_output.weight", n_embd, n_embd);
        w.add(blk + "ffn_norm.weight", n_embd, 1, true);
        w.add(blk + "ffn_gate.weight", n_embd, n_ff);
        w.add(blk + "ffn_up.weight", n_embd, n_ff);
        w.add(blk + "ffn_down.weight", n_ff, n_embd);
    }
    const bool written = gguf_write_to_file(out, argv[2], /*only_meta=*/false);
    ggml_free(w.ctx);
    gguf_free(out);
    gguf_free(vocab);
    if (!written) std::fprintf(stderr, "%s: cannot write %s\n", argv[0], argv[2]);
    return written ? 0 : 1;
}
