// A language model's answer, whatever its bytes. The first byte picks what they are:
// 0  a server's event stream: SSE events, each one's data a chat-completions chunk;
// 1  a server's whole chat-completions (or error) body;
// 2  the answers' texts themselves, split at NUL bytes, given in turn to plume write's model
//    writer (the title/description/headings JSON, then each part), on an example's source.
// The text of 0 and 1 then goes through the answer guard as a part and as a short text would.
#include <fstream>
#include <sstream>

#include "fuzz_support.hpp"
#include "llm/guard.hpp"
#include "llm/openai.hpp"
#include "llm/sse.hpp"
#include "plume/llm.hpp"
#include "plume/text.hpp"
#include "plume/write.hpp"

namespace {

using namespace plume;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// An example's source, read once: the facts the guard traces and what plume write words.
const std::string& source() {
    static const std::string text = read_file(PLUME_EXAMPLES "/sources/ble-secheresse/01-site-actualite.txt");
    return text;
}

// Gives the scripted answers in turn, as a server would answer the writer's calls.
class Scripted : public llm::Backend {
public:
    explicit Scripted(std::vector<std::string> answers) : answers_(std::move(answers)) {}
    llm::ChatResult chat(const llm::ChatRequest&, const llm::ProgressFn&) override {
        llm::ChatAnswer a;
        a.text = answers_[next_++ % answers_.size()];
        a.finish_reason = "stop";
        llm::ChatResult r;
        r.answer = std::move(a);
        return r;
    }

private:
    std::vector<std::string> answers_;
    std::size_t next_ = 0;
};

void stream(std::string_view bytes, llm::AnswerReader& reader) {
    // Bytes cut anywhere give the same events: the whole stream, then one byte at a time.
    std::vector<std::string> whole, bytewise;
    llm::SseParser a([&](const llm::SseEvent& e) { whole.push_back(e.type + '\n' + e.data); });
    llm::SseParser b([&](const llm::SseEvent& e) { bytewise.push_back(e.type + '\n' + e.data); });
    a.feed(bytes);
    for (const char c : bytes) b.feed(std::string_view(&c, 1));
    if (whole != bytewise) std::abort();
    llm::SseParser parser([&](const llm::SseEvent& e) {
        if (reader.fault().empty()) reader.chunk(e.data);
    });
    parser.feed(bytes);
}

void guard(const std::string& text) {
    llm::Guard g({source()});
    std::vector<std::string> rejected;
    (void)g.check_prose(text, 60, 300, rejected);
    (void)g.check_facts(text, rejected);
    (void)llm::paragraphs_of(text);
    g.accept(text);
    (void)g.check_prose(text, 60, 300, rejected);
    g.forget(text);
}

void write(std::string_view bytes) {
    std::vector<std::string> answers;
    for (std::size_t pos = 0; pos <= bytes.size();) {
        const std::size_t nul = std::min(bytes.find('\0', pos), bytes.size());
        answers.emplace_back(bytes.substr(pos, nul - pos));
        pos = nul + 1;
    }
    Scripted model(std::move(answers));
    WriteOptions o;
    o.date = "2026-01-01";
    o.model.backend = &model;
    (void)write_article({{"source.txt", source(), "", Format::Text}}, o);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    llm::AnswerReader reader;
    switch (data[0] % 3) {
        case 0:
            stream(bytes, reader);
            break;
        case 1:
            reader.body(bytes);
            (void)llm::server_message(bytes);
            break;
        default:
            // Both backends give valid UTF-8 (JSON strings; llama's pieces joined whole).
            if (text::is_valid_utf8(bytes)) write(bytes);
            return 0;
    }
    guard(reader.answer().text);
    return 0;
}
