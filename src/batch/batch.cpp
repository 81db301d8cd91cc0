// plume batch: plans what is missing, then writes it with a few worker threads.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/items.hpp"
#include "batch/progress.hpp"
#include "plume/parse.hpp"
#include "store/store.hpp"

namespace plume {

namespace fs = std::filesystem;

namespace {

// SIGINT and SIGTERM, waited for by a thread (a handler could do little safely): the first asks
// the workers to take no new item, a second quits at once (the next run cleans up after it).
// Blocked from construction, so that every thread started afterwards inherits the mask.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set_, &previous_);
    }
    ~StopSignals() {
        finish();
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    void start(std::function<void()> on_first) {
        waiter_ = std::thread([this, on_first = std::move(on_first)] {
            for (bool first = true;; first = false) {
                int signal = 0;
                sigwait(&set_, &signal);
                if (done_) return;
                if (!first) _exit(128 + signal);
                stop_ = true;
                on_first();
            }
        });
    }
    // Ends the waiter: after this, `on_first` is never called.
    void finish() {
        if (!waiter_.joinable()) return;
        done_ = true;
        pthread_kill(waiter_.native_handle(), SIGTERM);
        waiter_.join();
    }
    bool stopping() const { return stop_; }

private:
    sigset_t set_{};
    sigset_t previous_{};
    std::atomic<bool> stop_{false};
    std::atomic<bool> done_{false};
    std::thread waiter_;
};

BatchItem failed(const std::string& name, const std::string& error) {
    return {name, BatchStatus::Failed, 0, Rating::Bad, Rating::Bad, 0, error};
}

// --db: each article also goes into plume serve's history, as a job done, marked with the
// item's name and inputs' hash so that a resumed run neither forgets nor repeats it.
class History {
public:
    explicit History(const std::string& path) try {
        if (!path.empty()) store_ = std::make_unique<store::Store>(path);
    } catch (const store::StoreError& e) {
        throw InputError(fmt::format("{}: {}", path, e.what()));
    }
    bool has(const std::string& name, const std::string& hash) {
        return !store_ || store_->has_job_with_options(options(name, hash));
    }
    void add(const std::string& name, const std::string& hash, const std::vector<SourceInput>& sources, const WriteResult& r) {
        if (!store_ || has(name, hash)) return;
        std::vector<store::StoredSource> stored;
        for (const SourceInput& s : sources) stored.push_back({s.name, s.url, s.bytes});
        store_->add_written_job(stored, options(name, hash), store::written_version(r));
    }

private:
    static std::string options(const std::string& name, const std::string& hash) {
        return nlohmann::json{{"batch", name}, {"inputs", hash}}.dump();
    }
    std::unique_ptr<store::Store> store_;
};

// The files first (skipped when a run cut before the history had written them), then the history.
BatchItem write_item(const batch::Item& item, const BatchOptions& o, History& history) try {
    if (!item.error.empty()) return failed(item.name, item.error);
    const std::vector<SourceInput> sources = batch::read_sources(item);
    const std::string hash = batch::inputs_hash(sources, o);
    const WriteResult r = write_article(sources, o.write);
    if (!batch::finished_item(o.out_dir, item.name, hash)) batch::write_outputs(o.out_dir, item.name, r, hash);
    history.add(item.name, hash, sources, r);
    return {item.name, BatchStatus::Written, r.words, r.analysis.seo.rating, r.analysis.readability.rating, r.warnings.size(), ""};
} catch (const std::exception& e) {  // InputError, ModelUnreachable, or a bug: the item's failure
    return failed(item.name, e.what());
}

// The items whose outputs (or history entry) are missing or were written from other inputs;
// the others are filled in `report` from their outputs.
std::vector<std::size_t> plan(const std::vector<batch::Item>& items, const BatchOptions& o, History& history,
                              BatchReport& report) {
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < items.size(); ++i) {
        report.items.push_back({items[i].name, BatchStatus::NotRun, 0, Rating::Bad, Rating::Bad, 0, ""});
        std::optional<BatchItem> done;
        try {
            const std::string hash = items[i].error.empty() ? batch::inputs_hash(batch::read_sources(items[i]), o) : "";
            if (!hash.empty() && history.has(items[i].name, hash)) done = batch::finished_item(o.out_dir, items[i].name, hash);
        } catch (const InputError&) {
            // unreadable now: the worker reports it
        }
        if (done) report.items[i] = *done;
        else todo.push_back(i);
    }
    return todo;
}

}  // namespace

BatchReport run_batch(const BatchOptions& o) {
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (!fs::is_directory(o.out_dir))
        throw InputError(fmt::format("{}: cannot create the output directory ({})", o.out_dir, ec.message()));
    const std::vector<batch::Item> items = batch::list_items(o.input_dir, o.out_dir);
    batch::remove_stale_temporaries(o.out_dir, items);
    History history(o.db);
    BatchReport report;
    const std::vector<std::size_t> todo = plan(items, o, history, report);
    StopSignals signals;
    batch::Progress progress(todo.size(), o.progress_bar, o.write.lang);
    signals.start([&] {
        progress.say(o.write.lang == Lang::Fr ? "plume : arrêt demandé, les articles en cours se terminent"
                                              : "plume: stopping, the articles under way finish");
    });
    std::atomic<std::size_t> next{0};
    std::mutex results;
    auto work = [&] {
        for (std::size_t k; !signals.stopping() && (k = next++) < todo.size();) {
            const BatchItem item = write_item(items[todo[k]], o, history);
            {
                std::lock_guard lock(results);
                report.items[todo[k]] = item;
            }
            progress.finished(item);
        }
    };
    std::vector<std::thread> workers;
    for (int i = 0; i < std::max(1, o.jobs); ++i) workers.emplace_back(work);
    for (std::thread& t : workers) t.join();
    signals.finish();
    report.interrupted = std::any_of(report.items.begin(), report.items.end(),
                                     [](const BatchItem& item) { return item.status == BatchStatus::NotRun; });
    return report;
}

}  // namespace plume
