// plume: the command line, a thin layer over the library.
#include <CLI/CLI.hpp>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "plume/batch.hpp"
#include "plume/extract.hpp"
#include "plume/llm.hpp"
#include "plume/plume.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitShort = 3;
constexpr int kExitBelowThreshold = 4;
constexpr int kExitModelUnreachable = 5;
constexpr int kExitBatchFailed = 6;    // plume batch: an article could not be written
constexpr int kExitInterrupted = 130;  // plume batch: stopped by SIGINT/SIGTERM, as a shell reports it

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t comma = s.find(',', pos);
        if (comma == std::string::npos) comma = s.size();
        std::string item = s.substr(pos, comma - pos);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) out.push_back(item);
        pos = comma + 1;
    }
    return out;
}

struct AnalyzeArgs {
    std::vector<std::string> files;
    std::string synonyms;
    std::string format = "auto";
    std::string match = "french";
    std::string lang = "fr";
    bool json = false;
    bool paper = false;
    bool allow_private = false;
    int fail_under = -1;
    plume::AnalyzeOptions options;
};

plume::Format format_of(const std::string& s) {
    if (s == "md") return plume::Format::Markdown;
    if (s == "html") return plume::Format::Html;
    if (s == "text") return plume::Format::Text;
    return plume::Format::Auto;
}

// Output lost on a full disk or a closed pipe must not pass for success: flushed and checked.
bool stdout_failed() {
    errno = 0;
    if (std::cout.flush()) return false;
    std::cerr << "plume: cannot write to standard output" << (errno ? std::string(" (") + std::strerror(errno) + ")" : "")
              << '\n';
    return true;
}

// A web page, saved (a file, - for standard input) or at an http(s) URL: its article. A
// fetch names its URL in its errors; the extractor's are given the source's name here.
struct WebPage {
    plume::extract::Page page;
    std::string url;  // where it was fetched from, after redirects; empty for a file
};

// The bytes of a page, the charset its server names, and the URL it came from (after
// redirects; empty for a file).
plume::extract::FetchedPage page_bytes(const std::string& source, bool allow_private) {
    if (!plume::extract::is_url(source)) return {"", plume::read_input(source), ""};
    plume::extract::FetchOptions o;
    o.allow_private = allow_private;
    return plume::extract::fetch_page(source, o);
}

// An error about a source, named once: reading a file names it already, fetching and
// extracting do not.
std::string about(const std::string& source, const char* what) {
    return std::string_view(what).starts_with(source + ": ") ? what : source + ": " + what;
}

WebPage read_web_page(const std::string& source, bool allow_private) {
    try {
        plume::extract::FetchedPage fetched = page_bytes(source, allow_private);
        return {plume::extract::extract_html(fetched.body, fetched.charset), std::move(fetched.url)};
    } catch (const plume::InputError& e) {
        throw plume::InputError(about(source, e.what()));
    }
}

// --format page, or a URL: analysed as the article the extractor finds in the page.
plume::Document read_page(const std::string& source, bool allow_private) {
    return plume::parse_document(plume::extract::to_text(read_web_page(source, allow_private).page), plume::Format::Markdown,
                                 source);
}

int run_analyze(AnalyzeArgs& args) {
    auto& o = args.options;
    o.synonyms = split_list(args.synonyms);
    o.match = args.match == "yoast" ? plume::MatchMode::Yoast : plume::MatchMode::French;
    o.lang = args.lang == "en" ? plume::Lang::En : plume::Lang::Fr;
    if (args.files.empty()) args.files.push_back("-");
    const bool color = !args.json && isatty(fileno(stdout));
    int status = kExitOk;
    for (const std::string& file : args.files) {
        try {
            const plume::Document doc = args.format == "page" || plume::extract::is_url(file)
                                            ? read_page(file, args.allow_private)
                                            : plume::read_document(file, format_of(args.format));
            const plume::Analysis a = plume::analyze(doc, o);
            if (args.paper) std::cout << plume::render_paper_json(doc, a, o) << '\n';
            else if (args.json) std::cout << plume::render_json(a, file) << '\n';
            else std::cout << plume::render_report(doc, a, file, o.lang, color) << (args.files.size() > 1 ? "\n" : "");
            if (!args.json && !args.paper)
                for (const std::string& w : a.warnings) std::cerr << "plume: " << file << ": " << w << '\n';
            if (args.fail_under >= 0 && a.seo.score < args.fail_under && status == kExitOk)
                status = kExitBelowThreshold;
        } catch (const plume::InputError& e) {
            std::cerr << "plume: " << e.what() << '\n';
            status = kExitUsage;
        }
    }
    return stdout_failed() ? kExitUsage : status;
}

struct WriteArgs {
    std::vector<std::string> sources;
    std::vector<std::string> source_urls;  // FILE=URL
    std::string synonyms;
    std::string format = "md";
    std::string output;
    std::string lang = "fr";
    bool explain = false;
    bool strict = false;
    std::size_t min_words = 0;
    std::vector<std::string> llm_urls;
    std::string llm_model;
    double llm_timeout = 300;
    std::string gguf;  // --model: the embedded llama.cpp backend
    int threads = 0;
    bool dry_run = false;
    bool allow_private = false;
    plume::WriteOptions options;
};

// --dry-run: the prompts the model would get, the system prompt once.
void print_prompts(const std::vector<plume::PromptText>& prompts) {
    if (!prompts.empty()) std::cout << "===== system =====\n" << prompts.front().system << '\n';
    for (const plume::PromptText& p : prompts) std::cout << "===== " << p.step << " =====\n" << p.user << '\n';
}

// The backend the flags ask for: --model (embedded llama.cpp), --llm-url (HTTP), or none.
// A model file that cannot be loaded is an InputError (exit 1).
std::unique_ptr<plume::llm::Backend> model_backend(const WriteArgs& args) {
    if (!args.gguf.empty()) {
        plume::llm::LlamaOptions l;
        l.model = args.gguf;
        l.threads = args.threads;
        l.deadline = std::chrono::milliseconds(static_cast<long long>(args.llm_timeout * 1000));
        std::string error;
        auto backend = plume::llm::make_llama_backend(std::move(l), error);
        if (!backend) throw plume::InputError(error);
        return backend;
    }
    if (args.llm_urls.empty()) return nullptr;
    plume::llm::HttpOptions h;
    h.urls = args.llm_urls;
    h.model = args.llm_model;
    h.api_key = plume::llm::api_key_from_env();
    h.request_timeout = std::chrono::milliseconds(static_cast<long long>(args.llm_timeout * 1000));
    return plume::llm::make_http_backend(std::move(h));
}

// The options that choose the model, the same for write, batch and serve.
void add_model_options(CLI::App* command, WriteArgs& args) {
    command->add_option("--llm-url", args.llm_urls, "OpenAI-compatible server to word the articles (repeatable; key in PLUME_LLM_API_KEY)");
    command->add_option("--llm-model", args.llm_model, "Model name sent to the server");
    command->add_option("--llm-timeout", args.llm_timeout, "Seconds one model request may take (default 300)")->check(CLI::PositiveNumber);
    command->add_option("--model", args.gguf, "GGUF model file for the embedded llama.cpp backend (CPU)")->excludes("--llm-url");
    command->add_option("--threads", args.threads, "CPU threads of --model (default: all)")->check(CLI::NonNegativeNumber);
}

std::string url_for(const std::string& file, const std::vector<std::string>& pairs) {
    for (const std::string& p : pairs) {
        const std::size_t eq = p.find('=');
        if (eq != std::string::npos && p.substr(0, eq) == file) return p.substr(eq + 1);
    }
    return "";
}

// A web page (a saved .html, .htm, or an http(s) URL) goes through the extractor: its
// article, not its menus. A fetched page's URL is its source's link.
plume::SourceInput source_input(const std::string& file, const WriteArgs& args) {
    if (!plume::extract::is_url(file) && plume::detect_format(file, "") != plume::Format::Html)
        return {file, plume::read_input(file), url_for(file, args.source_urls), plume::Format::Auto};
    WebPage web = read_web_page(file, args.allow_private);
    const std::string given = url_for(file, args.source_urls);
    return {file, plume::extract::to_text(web.page), given.empty() ? web.url : given, plume::Format::Markdown};
}

std::string render(const plume::WriteResult& r, const std::string& format) {
    if (format == "html") return plume::render_article_html(r);
    if (format == "json") return plume::render_article_json(r) + "\n";
    return plume::render_article_markdown(r);
}

int run_write(WriteArgs& args) {
    auto& o = args.options;
    o.lang = args.lang == "en" ? plume::Lang::En : plume::Lang::Fr;
    o.synonyms = split_list(args.synonyms);
    if (args.min_words > 0) o.min_words = args.min_words;
    o.model.dry_run = args.dry_run;
    o.model.progress = [](std::string_view line) { std::cerr << "plume: " << line << '\n'; };
    try {
        const std::unique_ptr<plume::llm::Backend> backend = args.dry_run ? nullptr : model_backend(args);
        o.model.backend = backend.get();
        std::vector<plume::SourceInput> inputs;
        for (const std::string& file : args.sources) inputs.push_back(source_input(file, args));
        const plume::WriteResult r = plume::write_article(inputs, o);
        if (args.dry_run) {
            print_prompts(r.model.prompts);
            return stdout_failed() ? kExitUsage : kExitOk;
        }
        if (args.explain) std::cerr << plume::render_removals(r, o.lang);
        const std::string out = render(r, args.format);
        if (args.output.empty()) {
            std::cout << out;
            if (stdout_failed()) return kExitUsage;
        } else {
            plume::write_file_atomically(args.output, out);
        }
        std::cerr << plume::render_write_summary(r, o.lang);
        return args.strict && r.words < r.target_words ? kExitShort : kExitOk;
    } catch (const plume::InputError& e) {
        std::cerr << "plume: " << e.what() << '\n';
        return kExitUsage;
    } catch (const plume::ModelUnreachable& e) {
        std::cerr << "plume: " << e.what() << '\n';
        return kExitModelUnreachable;
    }
}

struct BatchArgs {
    WriteArgs write;  // the options every article is written with
    plume::BatchOptions options;
};

int run_batch(BatchArgs& args) {
    auto& o = args.options;
    o.write = args.write.options;
    o.write.lang = args.write.lang == "en" ? plume::Lang::En : plume::Lang::Fr;
    if (args.write.min_words > 0) o.write.min_words = args.write.min_words;
    o.progress_bar = isatty(fileno(stderr));
    try {
        const std::unique_ptr<plume::llm::Backend> backend = model_backend(args.write);
        o.write.model.backend = backend.get();
        if (backend) {  // part of the inputs: articles of another writer are not done
            for (const std::string& url : args.write.llm_urls) o.model += url + " ";
            o.model += args.write.llm_model + args.write.gguf;
        }
        const plume::BatchReport report = plume::run_batch(o);
        std::cout << plume::render_batch_summary(report, o.write.lang);
        if (stdout_failed()) return kExitUsage;
        if (report.interrupted) return kExitInterrupted;
        const bool failed = std::any_of(report.items.begin(), report.items.end(),
                                        [](const plume::BatchItem& i) { return i.status == plume::BatchStatus::Failed; });
        return failed ? kExitBatchFailed : kExitOk;
    } catch (const plume::InputError& e) {
        std::cerr << "plume: " << e.what() << '\n';
        return kExitUsage;
    }
}

struct ExtractArgs {
    std::vector<std::string> files;
    bool json = false;
    bool time = false;
    bool allow_private = false;
};

// --time: microseconds of decoding, parsing and extraction, file reading excluded (the
// measure tests/extract compares with Readability.js in-process).
int run_extract(const ExtractArgs& args) {
    int status = kExitOk;
    for (const std::string& file : args.files) {
        try {
            const plume::extract::FetchedPage fetched = page_bytes(file, args.allow_private);
            const auto start = std::chrono::steady_clock::now();
            const plume::extract::Page page = plume::extract::extract_html(fetched.body, fetched.charset);
            const auto took = std::chrono::steady_clock::now() - start;
            std::cout << (args.json ? plume::extract::to_json(page) + "\n" : plume::extract::to_text(page));
            if (args.time)
                std::cerr << "plume: " << file << ": "
                          << std::chrono::duration_cast<std::chrono::microseconds>(took).count() << " us\n";
        } catch (const plume::InputError& e) {
            std::cerr << "plume: " << about(file, e.what()) << '\n';
            status = kExitUsage;
        }
    }
    return stdout_failed() ? kExitUsage : status;
}

struct ServeArgs {
    std::string token_file;
    plume::ServeOptions options;
    WriteArgs model;  // --llm-url, --llm-model, --llm-timeout, --model, --threads
};

// SIGINT and SIGTERM stop the server cleanly: a thread waits for them (a signal handler may
// not stop a server), and running requests end before listen() returns.
int run_serve(ServeArgs& args) {
    // Blocked before any thread starts, so that every thread inherits the mask.
    sigset_t stops;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stops, nullptr);
    try {
        if (!args.token_file.empty()) args.options.token = plume::read_token_file(args.token_file);
        const std::unique_ptr<plume::llm::Backend> backend = model_backend(args.model);
        args.options.model = backend.get();
        args.options.model_backend = args.model.gguf.empty() ? "http" : "llama";
        plume::Server server(args.options);
        const int port = server.bind();
        std::thread waiter([&] {
            int signal = 0;
            sigwait(&stops, &signal);
            server.stop();
        });
        std::cerr << "plume: serving http://" << args.options.host << ':' << port << '\n';
        server.listen();
        pthread_kill(waiter.native_handle(), SIGTERM);  // listen() may also end on its own
        waiter.join();
        return kExitOk;
    } catch (const plume::ServeError& e) {
        std::cerr << "plume: " << e.what() << '\n';
        return kExitUsage;
    } catch (const plume::InputError& e) {  // a model file that cannot be loaded
        std::cerr << "plume: " << e.what() << '\n';
        return kExitUsage;
    }
}

}  // namespace

// A keyphrase of punctuation only (« ''' ») would be rated and become a title and a slug.
const CLI::Validator kHasWord(
    [](const std::string& k) { return plume::text::count_words(k) > 0 ? std::string() : "a keyphrase needs at least one word"; },
    "TEXT");

constexpr const char* kAllowPrivate = "Let http(s) sources reach loopback, link-local and private addresses";

int main(int argc, char** argv) {
    CLI::App app{"plume: French SEO articles, and how SEO-ready an article is"};
    app.require_subcommand(1);
    AnalyzeArgs a;
    CLI::App* analyze = app.add_subcommand("analyze", "Analyse French articles the way Yoast SEO does, and more");
    analyze->add_option("files", a.files, "Files to analyse (Markdown, HTML or text; an http(s) URL; - for standard input)");
    analyze->add_option("-k,--keyphrase", a.options.keyphrase, "Focus keyphrase")->check(kHasWord);
    analyze->add_option("--synonyms", a.synonyms, "Keyphrase synonyms, comma separated");
    analyze->add_option("--title", a.options.title, "SEO title (default: the document's title)");
    analyze->add_option("--description", a.options.description, "Meta description");
    analyze->add_option("--slug", a.options.slug, "URL slug");
    analyze->add_option("--site-host", a.options.site_host, "Host of the site, for internal links");
    analyze->add_option("--min-words", a.options.min_words, "Length the brief asks for (plume check)");
    analyze->add_option("--format", a.format, "Input format (page: a saved web page, through plume extract)")
        ->check(CLI::IsMember({"auto", "md", "html", "text", "page"}));
    analyze->add_option("--match", a.match, "Keyphrase matching")->check(CLI::IsMember({"french", "yoast"}));
    analyze->add_option("--lang", a.lang, "Language of messages")->check(CLI::IsMember({"fr", "en"}));
    analyze->add_flag("--json", a.json, "One JSON object per file (JSON Lines)");
    analyze->add_flag("--paper", a.paper, "Print the document as yoastseo's Paper (for peer tests)");
    analyze->add_flag("--allow-private", a.allow_private, kAllowPrivate);
    analyze->add_option("--fail-under", a.fail_under, "Exit with code 4 when the SEO score is below N")
        ->check(CLI::Range(0, 100));
    WriteArgs w;
    CLI::App* write = app.add_subcommand("write", "Write a SEO-ready French article from French sources, worded by a language model with --llm-url");
    write->add_option("sources", w.sources, "Source articles (.txt, .md, .html, http(s) URLs; - for standard input)")->required();
    write->add_option("-k,--keyphrase", w.options.keyphrase, "Focus keyphrase (default: chosen from the sources)")->check(kHasWord);
    write->add_option("--synonyms", w.synonyms, "Keyphrase synonyms, comma separated");
    write->add_option("--min-words", w.min_words, "Length to reach (default: the brief's, else 700)");
    write->add_option("--format", w.format, "Output format")->check(CLI::IsMember({"md", "html", "json"}));
    write->add_option("-o,--output", w.output, "Write to this file (atomically) instead of standard output");
    write->add_option("--site-url", w.options.site_url, "Site URL, for the canonical link and internal links");
    write->add_option("--source-url", w.source_urls, "URL of a source, as FILE=URL (repeatable)");
    write->add_option("--date", w.options.date, "Publication date, YYYY-MM-DD (default: today)");
    write->add_option("--lang", w.lang, "Language of messages")->check(CLI::IsMember({"fr", "en"}));
    write->add_flag("--explain", w.explain, "List every removal from the sources and its reason");
    write->add_flag("--strict", w.strict, "Exit with code 3 when the target length is not reached");
    write->add_flag("--force", w.options.force, "Fuse sources even when they look like unrelated stories");
    add_model_options(write, w);
    write->add_option("--llm-max-calls", w.options.model.max_calls, "Model calls allowed (default: sized for the article)")
        ->check(CLI::PositiveNumber);
    write->add_flag("--dry-run", w.dry_run, "Print the prompts the model would get, and stop");
    write->add_flag("--allow-private", w.allow_private, kAllowPrivate);
    BatchArgs b;
    CLI::App* batch = app.add_subcommand("batch", "Write one article per source folder (or file) of a directory; resumable (docs/batch.md)");
    batch->add_option("input", b.options.input_dir, "Directory of sources: a folder per story, or a file per story")
        ->required()->check(CLI::ExistingDirectory);
    batch->add_option("--out", b.options.out_dir, "Directory of the articles, OUT/NAME.md and OUT/NAME.json")->required();
    batch->add_option("--jobs", b.options.jobs, "Articles written at once")->check(CLI::Range(1, 64));
    batch->add_option("--db", b.options.db, "Also record every article in this plume serve database (created when missing)");
    batch->add_option("--min-words", b.write.min_words, "Length to reach (default: each brief's, else 700)");
    batch->add_option("--site-url", b.write.options.site_url, "Site URL, for the canonical link and internal links");
    batch->add_option("--date", b.write.options.date, "Publication date, YYYY-MM-DD (default: today)");
    batch->add_option("--lang", b.write.lang, "Language of messages")->check(CLI::IsMember({"fr", "en"}));
    batch->add_flag("--force", b.write.options.force, "Fuse sources even when they look like unrelated stories");
    add_model_options(batch, b.write);
    ExtractArgs x;
    CLI::App* extract = app.add_subcommand("extract", "Print the article of web pages, saved or at http(s) URLs (docs/extract.md)");
    extract->add_option("files", x.files, "HTML pages or http(s) URLs (- for standard input)")->required();
    extract->add_flag("--allow-private", x.allow_private, kAllowPrivate);
    extract->add_flag("--json", x.json, "One JSON object per page (JSON Lines)");
    extract->add_flag("--time", x.time, "Print the time of each extraction to standard error");
    ServeArgs s;
    CLI::App* serve = app.add_subcommand("serve", "Serve the HTTP API (docs/api.md)");
    serve->add_option("--host", s.options.host, "Address to listen on (other than loopback: needs --token-file)");
    serve->add_option("--port", s.options.port, "Port to listen on")->check(CLI::Range(0, 65535));
    serve->add_option("--token-file", s.token_file, "File holding the bearer token clients must send");
    serve->add_option("--db", s.options.db, "SQLite database of articles and jobs (created when missing)");
    serve->add_option("--jobs", s.options.workers, "Articles written at once")->check(CLI::Range(1, 64));
    serve->add_flag("--allow-private", s.options.allow_private, kAllowPrivate);
    add_model_options(serve, s.model);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    if (*analyze) return run_analyze(a);
    if (*write) return run_write(w);
    if (*serve) return run_serve(s);
    if (*batch) return run_batch(b);
    if (*extract) return run_extract(x);
    return kExitUsage;
}
