// Article jobs of plume serve: queued in the store, written by a few worker threads, watched
// by clients through status changes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "plume/llm.hpp"
#include "store/store.hpp"

namespace plume::serve {

// A stored job's options (JSON of job_request, validated when the job was accepted) as
// plume write's, the article worded with `model` when there is one.
WriteOptions job_write_options(const nlohmann::json& options, llm::Backend* model);

class JobRunner {
public:
    // Requeues what a crash left running, then starts `workers` threads, which word the
    // articles with `model` when there is one.
    // Sources given by URL are fetched as the job runs (docs/extract.md), from public
    // addresses only unless `allow_private`.
    JobRunner(store::Store& store, int workers, llm::Backend* model = nullptr, bool allow_private = false);
    ~JobRunner();  // stops: running jobs finish first

    // Wakes a worker for a job just stored.
    void notify();
    // Waits until a job changes state or `timeout` passes; false once stopping.
    bool wait_for_change(std::chrono::milliseconds timeout);
    bool stopping();

private:
    void work();
    void run(const store::Job& job);

    store::Store& store_;
    llm::Backend* model_;
    bool allow_private_;
    std::mutex mutex_;
    std::condition_variable wake_;     // workers: a job was queued
    std::condition_variable changed_;  // watchers: a job changed state
    unsigned long generation_ = 0;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace plume::serve
