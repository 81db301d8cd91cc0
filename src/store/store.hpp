// The history of plume serve in SQLite: article jobs with their sources, and every version
// of each article (plume's, then the user's edits) with its analysis.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "plume/write.hpp"

namespace plume::store {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct StoredSource {
    std::string name;
    std::string url;
    std::string text;
};

struct Job {
    std::string id;
    std::string status;   // queued | running | done | failed
    std::string options;  // JSON: min_words, keyphrase, format…
    std::string error;
    std::string created_at;
    std::string updated_at;
};

struct Version {
    int number = 0;
    std::string origin;  // "plume" (written) or "edit" (PUT by a user)
    std::string title, description, slug, keyphrase, markdown, html;
    std::string analysis;  // JSON, as plume analyze --json
    std::string result;    // JSON of the whole write result (provenance, removals); "{}" for edits
    std::string created_at;
};

// One connection, serialised by a mutex: the jobs of plume serve are few and long, and WAL
// lets readers of other processes (a backup, sqlite3) work alongside.
class Store {
public:
    // Opens or creates the database and brings its schema to the current version.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // A new queued job; returns its id. Committed before it returns: once the client has the
    // id, the job survives a crash.
    std::string create_job(const std::vector<StoredSource>& sources, const std::string& options);
    // A job already written (plume batch --db): its sources and first version, in one transaction.
    std::string add_written_job(const std::vector<StoredSource>& sources, const std::string& options, const Version& v);
    bool has_job_with_options(const std::string& options);
    // The oldest queued job, now marked running; none when the queue is empty.
    std::optional<Job> claim_job();
    // Jobs a crash or kill -9 left running go back to the queue (their sources are stored and
    // writing is deterministic). Returns how many.
    int requeue_running();
    void fail_job(const std::string& id, const std::string& error);
    // Stores a version; a job that was running becomes done. False when the job was deleted.
    bool add_version(const std::string& id, const Version& v);

    std::optional<Job> job(const std::string& id);
    std::vector<StoredSource> sources(const std::string& id);
    std::vector<Job> jobs(std::size_t offset, std::size_t limit);
    std::size_t job_count();
    std::vector<std::pair<std::string, std::size_t>> jobs_by_status();
    std::vector<Version> versions(const std::string& id);
    std::optional<Version> latest_version(const std::string& id);
    bool delete_job(const std::string& id);  // false when there was none

    int schema_version();

private:
    void migrate();
    std::string insert_job(const char* status, const std::vector<StoredSource>& sources, const std::string& options);
    void insert_version(const std::string& id, const Version& v);
    std::mutex mutex_;
    sqlite3* db_ = nullptr;
};

// The version a written article makes: its parts, the analysis JSON and the whole result JSON.
Version written_version(const WriteResult& result);

}  // namespace plume::store
