#include "store/store.hpp"

#include <nlohmann/json.hpp>

#include <random>

#include "plume/write.hpp"

namespace plume::store {
namespace {

// Migrations in order; PRAGMA user_version records how many have run. Never edit one that has
// shipped: add the next.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      options TEXT NOT NULL,
      error TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    CREATE INDEX jobs_by_status ON jobs (status, created_at);
    CREATE TABLE sources (
      job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL, url TEXT NOT NULL, text TEXT NOT NULL,
      PRIMARY KEY (job_id, position));
    CREATE TABLE versions (
      job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('plume', 'edit')),
      title TEXT NOT NULL, description TEXT NOT NULL, slug TEXT NOT NULL, keyphrase TEXT NOT NULL,
      markdown TEXT NOT NULL, html TEXT NOT NULL, analysis TEXT NOT NULL, result TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (job_id, number));
    )sql",
};

class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) throw StoreError(sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement& bind(const std::string& text) {
        sqlite3_bind_text(stmt_, ++index_, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(sqlite3_int64 n) {
        sqlite3_bind_int64(stmt_, ++index_, n);
        return *this;
    }
    // True while a row is there; throws on failure.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw StoreError(sqlite3_errmsg(db_));
    }
    std::string text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }
    sqlite3_int64 integer(int column) const { return sqlite3_column_int64(stmt_, column); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int index_ = 0;
};

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string m = message ? message : "unknown error";
        sqlite3_free(message);
        throw StoreError(m);
    }
}

// All or nothing: rolled back unless commit() was reached.
class Transaction {
public:
    explicit Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
    ~Transaction() {
        if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit() {
        exec(db_, "COMMIT");
        done_ = true;
    }

private:
    sqlite3* db_;
    bool done_ = false;
};

std::string new_id() {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) id += hex[random() & 15];
    return id;
}

constexpr const char* kJobColumns = "id, status, options, error, created_at, updated_at";

Job job_of(const Statement& s) {
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
}

constexpr const char* kVersionColumns =
    "number, origin, title, description, slug, keyphrase, markdown, html, analysis, result, created_at";

Version version_of(const Statement& s) {
    return {static_cast<int>(s.integer(0)), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
            s.text(6),                      s.text(7), s.text(8), s.text(9), s.text(10)};
}

}  // namespace

Store::Store(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        const std::string m = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw StoreError("cannot open the database " + path + ": " + m);
    }
    try {
        sqlite3_busy_timeout(db_, 5000);
        exec(db_, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        migrate();
    } catch (const StoreError& e) {
        sqlite3_close(db_);
        throw StoreError("cannot use the database " + path + ": " + e.what());
    }
}

Store::~Store() { sqlite3_close(db_); }

int Store::schema_version() {
    Statement s(db_, "PRAGMA user_version");
    s.step();
    return static_cast<int>(s.integer(0));
}

void Store::migrate() {
    const int known = static_cast<int>(std::size(kMigrations));
    const int current = schema_version();
    if (current > known) throw StoreError("written by a newer plume (schema " + std::to_string(current) + ")");
    for (int v = current; v < known; ++v) {
        Transaction t(db_);
        exec(db_, kMigrations[v]);
        exec(db_, ("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
        t.commit();
    }
}

std::string Store::insert_job(const char* status, const std::vector<StoredSource>& sources, const std::string& options) {
    const std::string id = new_id();
    Statement(db_, "INSERT INTO jobs (id, status, options) VALUES (?, ?, ?)").bind(id).bind(status).bind(options).step();
    for (std::size_t i = 0; i < sources.size(); ++i)
        Statement(db_, "INSERT INTO sources (job_id, position, name, url, text) VALUES (?, ?, ?, ?, ?)")
            .bind(id)
            .bind(static_cast<sqlite3_int64>(i))
            .bind(sources[i].name)
            .bind(sources[i].url)
            .bind(sources[i].text)
            .step();
    return id;
}

std::string Store::create_job(const std::vector<StoredSource>& sources, const std::string& options) {
    std::lock_guard lock(mutex_);
    Transaction t(db_);
    const std::string id = insert_job("queued", sources, options);
    t.commit();
    return id;
}

std::string Store::add_written_job(const std::vector<StoredSource>& sources, const std::string& options, const Version& v) {
    std::lock_guard lock(mutex_);
    Transaction t(db_);
    const std::string id = insert_job("done", sources, options);
    insert_version(id, v);
    t.commit();
    return id;
}

bool Store::has_job_with_options(const std::string& options) {
    std::lock_guard lock(mutex_);
    return Statement(db_, "SELECT 1 FROM jobs WHERE options = ? LIMIT 1").bind(options).step();
}

std::optional<Job> Store::claim_job() {
    std::lock_guard lock(mutex_);
    Statement s(db_, (std::string("UPDATE jobs SET status = 'running', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                                  "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at, rowid LIMIT 1) "
                                  "RETURNING ") + kJobColumns).c_str());
    if (!s.step()) return std::nullopt;
    Job job = job_of(s);
    while (s.step()) {
    }
    return job;
}

int Store::requeue_running() {
    std::lock_guard lock(mutex_);
    Statement(db_, "UPDATE jobs SET status = 'queued' WHERE status = 'running'").step();
    return sqlite3_changes(db_);
}

void Store::fail_job(const std::string& id, const std::string& error) {
    std::lock_guard lock(mutex_);
    Statement(db_, "UPDATE jobs SET status = 'failed', error = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
        .bind(error)
        .bind(id)
        .step();
}

void Store::insert_version(const std::string& id, const Version& v) {
    Statement(db_,
              "INSERT INTO versions (job_id, number, origin, title, description, slug, keyphrase, markdown, html, analysis, result) "
              "VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE job_id = ?1), ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(id)
        .bind(v.origin)
        .bind(v.title)
        .bind(v.description)
        .bind(v.slug)
        .bind(v.keyphrase)
        .bind(v.markdown)
        .bind(v.html)
        .bind(v.analysis)
        .bind(v.result)
        .step();
}

bool Store::add_version(const std::string& id, const Version& v) {
    std::lock_guard lock(mutex_);
    Transaction t(db_);
    if (!Statement(db_, "SELECT 1 FROM jobs WHERE id = ?").bind(id).step()) return false;
    insert_version(id, v);
    Statement(db_, "UPDATE jobs SET status = 'done', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
        .bind(id)
        .step();
    t.commit();
    return true;
}

Version written_version(const WriteResult& r) {
    const nlohmann::json result = nlohmann::json::parse(render_article_json(r));
    const Article& a = r.article;
    return {0, "plume", a.title, a.description, a.slug, a.keyphrase, render_article_markdown(r), render_article_html(r),
            result["analysis"].dump(), result.dump(), ""};
}

std::optional<Job> Store::job(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?").c_str());
    if (!s.bind(id).step()) return std::nullopt;
    return job_of(s);
}

std::vector<StoredSource> Store::sources(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT name, url, text FROM sources WHERE job_id = ? ORDER BY position");
    s.bind(id);
    std::vector<StoredSource> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
    return out;
}

std::vector<Job> Store::jobs(std::size_t offset, std::size_t limit) {
    std::lock_guard lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kJobColumns + " FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?").c_str());
    s.bind(static_cast<sqlite3_int64>(limit)).bind(static_cast<sqlite3_int64>(offset));
    std::vector<Job> out;
    while (s.step()) out.push_back(job_of(s));
    return out;
}

std::size_t Store::job_count() {
    std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT COUNT(*) FROM jobs");
    s.step();
    return static_cast<std::size_t>(s.integer(0));
}

std::vector<std::pair<std::string, std::size_t>> Store::jobs_by_status() {
    std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT status, COUNT(*) FROM jobs GROUP BY status ORDER BY status");
    std::vector<std::pair<std::string, std::size_t>> out;
    while (s.step()) out.emplace_back(s.text(0), static_cast<std::size_t>(s.integer(1)));
    return out;
}

std::vector<Version> Store::versions(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kVersionColumns + " FROM versions WHERE job_id = ? ORDER BY number").c_str());
    s.bind(id);
    std::vector<Version> out;
    while (s.step()) out.push_back(version_of(s));
    return out;
}

std::optional<Version> Store::latest_version(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement s(db_, (std::string("SELECT ") + kVersionColumns + " FROM versions WHERE job_id = ? ORDER BY number DESC LIMIT 1").c_str());
    if (!s.bind(id).step()) return std::nullopt;
    return version_of(s);
}

bool Store::delete_job(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement(db_, "DELETE FROM jobs WHERE id = ?").bind(id).step();
    return sqlite3_changes(db_) > 0;
}

}  // namespace plume::store
