#include "serve/jobs.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "plume/extract.hpp"
#include "plume/parse.hpp"
#include "plume/write.hpp"
#include "serve/fields.hpp"

namespace plume::serve {

WriteOptions job_write_options(const nlohmann::json& o, llm::Backend* model) {
    WriteOptions w;
    w.model.backend = model;
    w.keyphrase = o.value("keyphrase", "");
    w.synonyms = o.value("synonyms", std::vector<std::string>{});
    if (o.contains("min_words")) w.min_words = o["min_words"].get<std::size_t>();
    w.date = o.value("date", "");
    return w;
}

namespace {

// The article of a web page: given as its HTML ("format": "page"), or by its URL alone,
// fetched now.
SourceInput page_source(const store::StoredSource& s, bool allow_private) {
    try {
        if (!s.text.empty()) return {s.name, extract::to_text(extract::extract_html(s.text)), s.url, Format::Markdown};
        extract::FetchOptions o;
        o.allow_private = allow_private;
        const extract::FetchedPage page = extract::fetch_page(s.url, o);
        return {s.name, extract::to_text(extract::extract_html(page.body, page.charset)), page.url, Format::Markdown};
    } catch (const InputError& e) {
        throw InputError((s.text.empty() ? s.url : s.name) + ": " + e.what());
    }
}

}  // namespace

JobRunner::JobRunner(store::Store& store, int workers, llm::Backend* model, bool allow_private)
    : store_(store), model_(model), allow_private_(allow_private) {
    if (const int resumed = store_.requeue_running(); resumed > 0)
        std::cerr << "plume serve: " << resumed << " job(s) cut by a stop resumed\n";
    for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

JobRunner::~JobRunner() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    changed_.notify_all();
    for (std::thread& t : threads_) t.join();
}

void JobRunner::notify() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
    }
    wake_.notify_one();
    changed_.notify_all();
}

bool JobRunner::wait_for_change(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const unsigned long seen = generation_;
    changed_.wait_for(lock, timeout, [&] { return stop_ || generation_ != seen; });
    return !stop_;
}

bool JobRunner::stopping() {
    std::lock_guard lock(mutex_);
    return stop_;
}

void JobRunner::work() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
        }
        if (auto job = store_.claim_job()) {
            notify();
            run(*job);
            notify();
            continue;
        }
        std::unique_lock lock(mutex_);
        // A timeout as well: a job queued by another process sharing the database.
        wake_.wait_for(lock, std::chrono::seconds(1));
    }
}

void JobRunner::run(const store::Job& job) {
    try {
        const nlohmann::json options = nlohmann::json::parse(job.options);
        const bool pages = options.value("format", "") == "page";
        std::vector<SourceInput> inputs;
        for (const store::StoredSource& s : store_.sources(job.id))
            inputs.push_back(pages || s.text.empty() ? page_source(s, allow_private_)
                                                     : SourceInput{s.name, s.text, s.url, format_field(options)});
        store_.add_version(job.id, store::written_version(write_article(inputs, job_write_options(options, model_))));
    } catch (const InputError& e) {
        store_.fail_job(job.id, e.what());
    } catch (const std::exception& e) {
        std::cerr << "plume serve: job " << job.id << ": " << e.what() << '\n';
        store_.fail_job(job.id, std::string("internal error: ") + e.what());
    }
}

}  // namespace plume::serve
