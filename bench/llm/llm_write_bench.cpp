// Benchmark of `plume write --llm-url` (issue 9): plume's own CPU time per article against the
// model's generation time, and the completion tokens generated against the accepted article's.
//
// A scripted OpenAI-compatible server in this process (scripted_model.hpp) streams its answers
// token by token at a stated rate, as llama-server does on a CPU; plume runs as a child process
// on each source set, so that getrusage of that child is plume's CPU time alone.
//
//   plume_llm_bench [--plume PATH] [--rate TOKENS_PER_S] [--faults mixed|none] [SOURCE_DIR...]
//
// Without SOURCE_DIR: the seeds (../shared/seeds, when present) and each examples/sources set.
// Then the first set again over two servers (two ports of the same scripted model, each at
// the stated rate): plume asks the parts at once, one per server; the wall times compared.
#include <httplib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "scripted_model.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using plume::bench::tokenize;

namespace {

// What the server generated for one article.
struct Generated {
    int calls = 0;
    long tokens = 0;
    double seconds = 0;  // generation time: tokens at the stated rate, as streamed
};

// The scripted model behind two ports: two servers generating at once, one article's state.
class Server {
public:
    Server(plume::bench::Faults faults, double rate, const fs::path& answers) : model_(faults), rate_(rate), answers_(answers) {
        for (Listener& l : listeners_) {
            l.http.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); });
            l.port = l.http.bind_to_any_port("127.0.0.1");
            l.thread = std::thread([&l] { l.http.listen_after_bind(); });
            while (!l.http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~Server() {
        for (Listener& l : listeners_) {
            l.http.stop();
            l.thread.join();
        }
    }
    std::string url(std::size_t i = 0) const { return "http://127.0.0.1:" + std::to_string(listeners_[i].port); }

    // Starts a new article and returns what was generated for the one before.
    Generated next_article() {
        std::lock_guard lock(mutex_);
        model_.new_article();
        return std::exchange(generated_, {});
    }

private:
    struct Listener {
        httplib::Server http;
        int port = 0;
        std::thread thread;
    };
    plume::bench::ScriptedModel model_;
    double rate_;
    std::array<Listener, 2> listeners_;
    std::mutex mutex_;
    Generated generated_;
    std::ofstream answers_;  // every answer, one JSON string a line, for who checks the script

    static std::string event(const nlohmann::json& chunk) { return "data: " + chunk.dump() + "\n\n"; }
    static nlohmann::json delta(const nlohmann::json& d, const nlohmann::json& finish = nullptr) {
        return {{"object", "chat.completion.chunk"}, {"choices", {{{"index", 0}, {"delta", d}, {"finish_reason", finish}}}}};
    }

    void serve(const httplib::Request& req, httplib::Response& res) {
        const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("messages")) {
            res.status = 400;
            return;
        }
        long prompt_tokens = 0;
        for (const auto& m : body["messages"]) prompt_tokens += static_cast<long>(tokenize(m.value("content", "")).size());
        std::vector<std::string> tokens;
        {
            std::lock_guard lock(mutex_);
            const std::string text = model_.answer(body);
            answers_ << nlohmann::json(text).dump() << std::endl;
            tokens = tokenize(text);
        }
        const auto max_tokens = static_cast<std::size_t>(body.value("max_tokens", 1 << 20));
        const std::string finish = tokens.size() > max_tokens ? "length" : "stop";
        tokens.resize(std::min(tokens.size(), max_tokens));
        const auto start = std::make_shared<Clock::time_point>();
        const auto sent = std::make_shared<std::size_t>(0);
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, tokens, finish, prompt_tokens, start, sent](std::size_t, httplib::DataSink& sink) {
                std::string out;
                if (*sent == 0 && *start == Clock::time_point()) {
                    *start = Clock::now();
                    out = event(delta({{"role", "assistant"}, {"content", ""}}));
                }
                if (*sent < tokens.size()) {
                    // Token k leaves at k / rate seconds after the first: no drift over a long answer.
                    std::this_thread::sleep_until(*start + std::chrono::duration<double>(static_cast<double>(*sent) / rate_));
                    out += event(delta({{"content", tokens[(*sent)++]}}));
                    if (!sink.write(out.data(), out.size())) return false;
                    return true;
                }
                out += event(delta(nlohmann::json::object(), finish));
                out += event({{"choices", nlohmann::json::array()},
                              {"usage", {{"prompt_tokens", prompt_tokens}, {"completion_tokens", tokens.size()}}}});
                out += "data: [DONE]\n\n";
                sink.write(out.data(), out.size());
                sink.done();
                return true;
            },
            [this, sent](bool) {
                std::lock_guard lock(mutex_);
                ++generated_.calls;
                generated_.tokens += static_cast<long>(*sent);
                generated_.seconds += static_cast<double>(*sent) / rate_;
            });
    }
};

struct Run {
    std::string name;
    int status = -1;
    double cpu = 0, wall = 0;
    Generated generated;
    nlohmann::json output;
    long article_tokens = 0;
};

std::vector<std::string> sources_of(const fs::path& dir) {
    std::vector<std::string> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

long tokens_of(const std::string& s) { return static_cast<long>(tokenize(s).size()); }

// The article's own tokens: title, description, headings and the text of every block, the
// list of sources aside (plume writes it, no model does).
long article_tokens(const nlohmann::json& a) {
    long n = tokens_of(a.value("title", "")) + tokens_of(a.value("description", ""));
    for (const auto& b : a["intro"]) n += tokens_of(b.value("text", ""));
    for (const auto& s : a["sections"]) {
        if (s.value("kind", "") == "sources") continue;
        n += tokens_of(s.value("heading", ""));
        for (const auto& b : s["blocks"]) n += tokens_of(b.value("text", ""));
    }
    return n;
}

// plume write on the files, as a child process: its exit status, CPU time (user + system,
// from wait4) and wall time; the JSON it wrote.
Run run_plume(const std::string& plume, const std::string& name, const std::vector<std::string>& files, const std::vector<std::string>& urls,
              const fs::path& work) {
    Run r;
    r.name = name;
    const std::string out = (work / "article.json").string(), err = (work / (name + ".log")).string();
    fs::remove(out);
    std::vector<std::string> args = {plume, "write"};
    args.insert(args.end(), files.begin(), files.end());
    for (const std::string& url : urls) args.insert(args.end(), {"--llm-url", url});
    for (const char* a : {"--format", "json", "-o", out.c_str(), "--date", "2026-01-01"}) args.emplace_back(a);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        std::freopen(err.c_str(), "w", stderr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.wall = std::chrono::duration<double>(Clock::now() - start).count();
    r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    r.output = nlohmann::json::parse(in, nullptr, false);
    if (r.output.is_object()) r.article_tokens = article_tokens(r.output["article"]);
    return r;
}

std::string repairs_text(const nlohmann::json& llm) {
    std::string out;
    for (const auto& [reason, n] : llm["repairs"].items()) out += (out.empty() ? "" : ", ") + reason + " " + std::to_string(n.get<int>());
    return out.empty() ? "none" : out;
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each article's line as soon as it is measured
    std::string plume = PLUME_BINARY;
    double rate = 15;
    auto faults = plume::bench::Faults::Mixed;
    std::vector<std::pair<std::string, fs::path>> sets;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--plume" && i + 1 < argc) plume = argv[++i];
        else if (a == "--rate" && i + 1 < argc) rate = std::stod(argv[++i]);
        else if (a == "--faults" && i + 1 < argc) faults = std::string(argv[++i]) == "none" ? plume::bench::Faults::None : plume::bench::Faults::Mixed;
        else sets.emplace_back(fs::path(a).filename().string(), a);
    }
    if (sets.empty()) {
        if (!sources_of(PLUME_SEEDS).empty()) sets.emplace_back("seeds", PLUME_SEEDS);
        else std::printf("(no seeds in %s: skipped)\n", PLUME_SEEDS);
        std::vector<fs::path> examples;
        for (const auto& e : fs::directory_iterator(PLUME_EXAMPLES "/sources"))
            if (e.is_directory()) examples.push_back(e.path());
        std::sort(examples.begin(), examples.end());
        for (const fs::path& p : examples) sets.emplace_back(p.filename().string(), p);
    }
    setenv("NO_PROXY", "127.0.0.1", 1);
    const fs::path work = fs::temp_directory_path() / ("plume-llm-bench-" + std::to_string(getpid()));
    fs::create_directories(work);
    Server server(faults, rate, work / "answers.jsonl");
    std::printf("scripted model: %.1f tokens/s, faults %s; plume %s; logs in %s\n\n", rate,
                faults == plume::bench::Faults::Mixed ? "mixed" : "none", plume.c_str(), work.c_str());
    std::printf("%-20s %5s %6s %9s %9s %8s %7s %8s %7s %6s  %s\n", "article", "words", "calls", "model s", "plume s", "share",
                "tokens", "article", "ratio", "repl.", "sent back / repaired");
    double cpu = 0, model = 0;
    long generated = 0, article = 0;
    bool failed = false;
    double first_wall = 0;
    for (const auto& [name, dir] : sets) {
        server.next_article();
        Run r = run_plume(plume, name, sources_of(dir), {server.url()}, work);
        if (first_wall == 0) first_wall = r.wall;
        r.generated = server.next_article();
        if (r.status != 0 || !r.output.is_object() || !r.output.contains("llm")) {
            std::printf("%-20s plume exited with %d (see %s)\n", name.c_str(), r.status, (work / (name + ".log")).c_str());
            failed = true;
            continue;
        }
        const nlohmann::json& llm = r.output["llm"];
        if (llm.value("completion_tokens", 0L) != r.generated.tokens)
            std::printf("(%s: plume counted %ld completion tokens, the server %ld)\n", name.c_str(), llm.value("completion_tokens", 0L), r.generated.tokens);
        std::printf("%-20s %5d %6d %9.1f %9.3f %7.2f%% %7ld %8ld %6.2fx %6zu  %s\n", name.c_str(), r.output.value("words", 0),
                    llm.value("calls", 0), r.generated.seconds, r.cpu, 100 * r.cpu / r.generated.seconds, r.generated.tokens,
                    r.article_tokens, static_cast<double>(r.generated.tokens) / static_cast<double>(r.article_tokens),
                    llm["replaced"].size(), repairs_text(llm).c_str());
        cpu += r.cpu, model += r.generated.seconds, generated += r.generated.tokens, article += r.article_tokens;
    }
    if (model <= 0 || article <= 0) return 1;
    server.next_article();
    const Run two = run_plume(plume, sets.front().first + "-2", sources_of(sets.front().second), {server.url(0), server.url(1)}, work);
    server.next_article();
    std::printf("\n%s over two servers: %.1f s of wall time (one server: %.1f s), exit %d\n", sets.front().first.c_str(), two.wall,
                first_wall, two.status);
    const double share = cpu / model, ratio = static_cast<double>(generated) / static_cast<double>(article);
    std::printf("\nall: plume %.3f s of CPU for %.1f s of generation (%.2f%%, goal < 2%%); %ld tokens generated for %ld in the articles (%.2fx, goal <= 1.5x)\n",
                cpu, model, 100 * share, generated, article, ratio);
    return failed || share >= 0.02 || ratio > 1.5 ? 1 : 0;
}
