// `plume batch` as a user runs it: the same articles as `plume write`, several at once, and a
// run cut by kill -9 or Ctrl-C that the same command finishes without redoing or tearing files.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "store/store.hpp"
#include "unit/serve_support.hpp"

namespace plume {
namespace {

namespace fs = std::filesystem;

const fs::path kExamples = fs::path(PLUME_EXAMPLES) / "sources";
const std::vector<std::string> kStories = {"batteries-dunkerque", "ble-secheresse", "tramway-lyon"};

// A directory of this test alone (ctest runs tests in parallel).
fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("plume-batch-" + std::to_string(getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A story folder of the examples as a batch item: its sources, not its expected.json.
void copy_story(const std::string& story, const fs::path& to) {
    fs::create_directories(to);
    for (const fs::directory_entry& e : fs::directory_iterator(kExamples / story))
        if (e.path().extension() == ".txt") fs::copy_file(e.path(), to / e.path().filename());
}

std::vector<std::string> sources_of(const fs::path& item) {
    if (!fs::is_directory(item)) return {item.string()};
    std::set<std::string> files;
    for (const fs::directory_entry& e : fs::directory_iterator(item)) files.insert(e.path().string());
    return {files.begin(), files.end()};
}

std::string joined(const std::vector<std::string>& files) {
    std::string s;
    for (const std::string& f : files) s += f + " ";
    return s;
}

std::string batch_args(const fs::path& in, const fs::path& out, int jobs) {
    return "batch " + in.string() + " --out " + out.string() + " --jobs " + std::to_string(jobs) + " --date 2026-01-01";
}

std::vector<std::string> hidden_files(const fs::path& dir) {
    std::vector<std::string> found;
    for (const fs::directory_entry& e : fs::directory_iterator(dir))
        if (e.path().filename().string().starts_with('.')) found.push_back(e.path().filename().string());
    return found;
}

// Many items, so that a run lasts long enough to be cut: each a copy of a whole story.
fs::path many_items(const std::string& name, int count) {
    const fs::path in = fresh_dir(name) / "in";
    for (int i = 0; i < count; ++i) copy_story(kStories[i % kStories.size()], in / ("article-" + std::to_string(100 + i)));
    return in;
}

// `plume batch IN --out OUT --jobs 2`, recording into `db` when one is given.
pid_t spawn_batch(const fs::path& in, const fs::path& out, const fs::path& log, const fs::path& db = {}) {
    std::vector<std::string> args = {PLUME_BINARY, "batch", in, "--out", out, "--jobs", "2", "--date", "2026-01-01"};
    if (!db.empty()) args.insert(args.end(), {"--db", db});
    std::vector<char*> argv;  // made before the fork: the child only opens and execs
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        execv(PLUME_BINARY, argv.data());
        _exit(127);
    }
    return pid;
}

// Every final output seen while the batch runs, with each content it had: a torn write would
// show as a content that differs from the final one.
struct Watcher {
    std::map<std::string, std::set<std::string>> seen;
    std::size_t look(const fs::path& out) {
        std::size_t done = 0;
        std::error_code ec;
        for (const fs::directory_entry& e : fs::directory_iterator(out, ec)) {
            const std::string name = e.path().filename().string();
            if (name.starts_with('.')) continue;
            seen[name].insert(test::slurp(e.path().string()));
            done += e.path().extension() == ".json";
        }
        return done;
    }
    void expect_whole(const fs::path& out) const {
        for (const auto& [name, contents] : seen)
            for (const std::string& c : contents) EXPECT_EQ(c, test::slurp((out / name).string())) << name;
    }
};

// Cuts the batch with `signal` once `after` articles are done; returns its wait status.
int cut_after(pid_t pid, const fs::path& out, std::size_t after, int signal, Watcher& watcher) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    while (watcher.look(out) < after && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) return status;  // ended by itself: the caller sees it
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, signal);
    waitpid(pid, &status, 0);
    watcher.look(out);
    return status;
}

struct Stamp {
    ino_t inode;
    long long mtime_ns;
    bool operator==(const Stamp&) const = default;
};

std::map<std::string, Stamp> stamps(const fs::path& out) {
    std::map<std::string, Stamp> all;
    for (const fs::directory_entry& e : fs::directory_iterator(out)) {
        struct stat st {};
        ::stat(e.path().c_str(), &st);
        all[e.path().filename().string()] = {st.st_ino, st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec};
    }
    return all;
}

TEST(BatchCli, WritesWithTwoJobsTheArticlesPlumeWriteWrites) {
    const fs::path root = fresh_dir("same");
    const fs::path in = root / "in", out = root / "out";
    for (const std::string& story : kStories) copy_story(story, in / story);
    fs::copy_file(kExamples / "ble-secheresse/02-presse-agricole.txt", in / "presse-agricole.txt");
    fs::copy_file(kExamples / "tramway-lyon/02-site-info-locale.txt", in / "tram-info.md");
    fs::copy_file(kExamples / "batteries-dunkerque/03-blog-industrie.txt", in / "blog-industrie.txt");
    const test::CliResult r = test::run_cli(batch_args(in, out, 2));
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    std::size_t items = 0;
    for (const fs::directory_entry& e : fs::directory_iterator(in)) {
        ++items;
        const std::string name = e.path().stem().string();
        const std::string files = joined(sources_of(e.path()));
        const test::CliResult md = test::run_cli("write " + files + "--date 2026-01-01");
        ASSERT_EQ(md.status, 0) << md.err;
        EXPECT_EQ(test::slurp((out / (name + ".md")).string()), md.out) << name;
        const test::CliResult json = test::run_cli("write " + files + "--date 2026-01-01 --format json");
        nlohmann::json batch = nlohmann::json::parse(test::slurp((out / (name + ".json")).string()));
        EXPECT_EQ(batch["batch"]["inputs"].get<std::string>().size(), 16u);
        batch.erase("batch");
        EXPECT_EQ(batch, nlohmann::json::parse(json.out)) << name;
        EXPECT_NE(r.out.find(name), std::string::npos) << r.out;  // a row of the summary
    }
    EXPECT_EQ(items, 6u);
    EXPECT_NE(r.out.find("6 écrits, 0 déjà faits, 0 en échec"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("[6/6] "), std::string::npos) << r.err;  // not a terminal: a line per article
    EXPECT_TRUE(hidden_files(out).empty());
}

TEST(BatchCli, AFailingItemIsReportedAndTheOthersAreWritten) {
    const fs::path root = fresh_dir("failing");
    const fs::path in = root / "in", out = root / "out";
    copy_story("tramway-lyon", in / "tramway");
    fs::create_directories(in / "vide");
    std::ofstream(in / "vide" / "source.txt") << "\n\n";
    fs::copy_file(kExamples / "ble-secheresse/01-site-actualite.txt", in / "ble.txt");
    const test::CliResult r = test::run_cli(batch_args(in, out, 2) + " --lang en");
    EXPECT_EQ(r.status, 6) << r.out << r.err;
    EXPECT_NE(r.out.find("failed: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("empty"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 written, 0 already done, 1 failed"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(out / "tramway.md") && fs::exists(out / "ble.json"));
    EXPECT_FALSE(fs::exists(out / "vide.md") || fs::exists(out / "vide.json"));
    // Run again: only the failure is tried again; a changed source makes its article stale.
    std::ofstream(in / "ble.txt", std::ios::app) << "\nLe ministre de l’Agriculture a promis une aide aux exploitants.\n";
    const auto before = stamps(out);
    const test::CliResult again = test::run_cli(batch_args(in, out, 2) + " --lang en");
    EXPECT_EQ(again.status, 6);
    EXPECT_NE(again.out.find("1 written, 1 already done, 1 failed"), std::string::npos) << again.out;
    EXPECT_EQ(stamps(out).at("tramway.md"), before.at("tramway.md"));
    EXPECT_NE(stamps(out).at("ble.json"), before.at("ble.json"));
}

TEST(BatchCli, AfterKillNineTheSameCommandFinishesOnlyWhatIsMissing) {
    const fs::path in = many_items("kill", 40);
    const fs::path out = in.parent_path() / "out", log = in.parent_path() / "log.txt";
    Watcher watcher;
    const int status = cut_after(spawn_batch(in, out, log), out, 3, SIGKILL, watcher);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the batch ended before it was cut";
    const auto cut = stamps(out);
    std::set<std::string> done;
    for (const auto& [name, stamp] : cut)
        if (name.ends_with(".json")) done.insert(name.substr(0, name.size() - 5));
    ASSERT_GE(done.size(), 3u);
    ASSERT_LT(done.size(), 40u);
    const test::CliResult r = test::run_cli(batch_args(in, out, 2));
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find(std::to_string(40 - done.size()) + " écrits, " + std::to_string(done.size()) + " déjà faits"),
              std::string::npos) << r.out;
    const auto after = stamps(out);
    EXPECT_EQ(after.size(), 80u);  // every .md and .json, and no temporary file
    EXPECT_TRUE(hidden_files(out).empty());
    for (const std::string& name : done) {
        EXPECT_EQ(after.at(name + ".md"), cut.at(name + ".md")) << name << " rewritten";
        EXPECT_EQ(after.at(name + ".json"), cut.at(name + ".json")) << name << " rewritten";
    }
    watcher.expect_whole(out);
}

TEST(BatchCli, CtrlCFinishesTheRunningArticlesAndPrintsTheSummary) {
    const fs::path in = many_items("sigint", 30);
    const fs::path out = in.parent_path() / "out", log = in.parent_path() / "log.txt";
    Watcher watcher;
    const int status = cut_after(spawn_batch(in, out, log), out, 2, SIGINT, watcher);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal";
    EXPECT_EQ(WEXITSTATUS(status), 130);
    const std::string said = test::slurp(log.string());
    EXPECT_NE(said.find("arrêt demandé"), std::string::npos) << said;
    EXPECT_NE(said.find("non traité"), std::string::npos) << said;
    EXPECT_NE(said.find("(interrompu)"), std::string::npos) << said;
    EXPECT_TRUE(hidden_files(out).empty());
    for (const fs::directory_entry& e : fs::directory_iterator(out))  // each article whole: both files
        EXPECT_TRUE(fs::exists(fs::path(e.path()).replace_extension(".json"))) << e.path();
    const test::CliResult r = test::run_cli(batch_args(in, out, 2));
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(stamps(out).size(), 60u);
    watcher.expect_whole(out);
}

TEST(BatchCli, DbRecordsEachArticleOnceInTheServeHistory) {
    const fs::path root = fresh_dir("db");
    const fs::path in = root / "in", out = root / "out", db = root / "plume.db";
    for (const std::string& story : kStories) copy_story(story, in / story);
    const std::string args = batch_args(in, out, 2) + " --db " + db.string();
    ASSERT_EQ(test::run_cli(args).status, 0);
    auto jobs = [&] { return store::Store(db.string()).jobs(0, 100); };
    ASSERT_EQ(jobs().size(), 3u);
    for (const store::Job& job : jobs()) {
        EXPECT_EQ(job.status, "done");
        const auto name = nlohmann::json::parse(job.options)["batch"].get<std::string>();
        EXPECT_EQ(store::Store(db.string()).latest_version(job.id)->markdown, test::slurp((out / (name + ".md")).string()));
    }
    ASSERT_EQ(test::run_cli(args).status, 0);
    EXPECT_EQ(jobs().size(), 3u);  // nothing recorded twice
    // A history lost (or a run cut between the files and the history): recorded again, the
    // files left as they are.
    fs::remove(db);
    const auto before = stamps(out);
    const test::CliResult again = test::run_cli(args);
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_EQ(jobs().size(), 3u);
    EXPECT_EQ(stamps(out), before);
}

// The articles GET /v1/articles lists, by id, with their status and Markdown.
std::map<std::string, std::pair<std::string, std::string>> served_articles(httplib::Client& c) {
    std::map<std::string, std::pair<std::string, std::string>> all;
    const auto list = c.Get("/v1/articles?limit=100");
    if (!list || list->status != 200) return all;
    const nlohmann::json items = nlohmann::json::parse(list->body)["items"];
    for (const nlohmann::json& item : items) {
        const auto one = c.Get(("/v1/articles/" + item["id"].get<std::string>()).c_str());
        const nlohmann::json a = nlohmann::json::parse(one->body);
        all[a["id"]] = {a["status"], a["article"].is_null() ? "" : a["article"]["markdown"].get<std::string>()};
    }
    return all;
}

std::multiset<std::string> markdown_files(const fs::path& out) {
    std::multiset<std::string> all;
    for (const fs::directory_entry& e : fs::directory_iterator(out))
        if (e.path().extension() == ".md") all.insert(test::slurp(e.path().string()));
    return all;
}

// kill -9 of a batch recording into the database of a running plume serve: over the API, only
// whole articles after the cut, and the same command then records each missing article once.
TEST(BatchCli, AfterKillNineTheServeApiShowsEachArticleWholeAndOnce) {
    const fs::path in = many_items("kill-db", 30);
    const fs::path root = in.parent_path(), out = root / "out", db = root / "plume.db";
    test::Served served = test::start_serve(db.string());
    ASSERT_GT(served.port, 0);
    httplib::Client c("127.0.0.1", served.port);
    Watcher watcher;
    const int status = cut_after(spawn_batch(in, out, root / "log.txt", db), out, 3, SIGKILL, watcher);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the batch ended before it was cut";
    const auto cut = served_articles(c);
    const std::multiset<std::string> written = markdown_files(out);
    EXPECT_GE(cut.size(), 1u);  // three articles' files, each recorded after its files
    EXPECT_LT(cut.size(), 30u);
    for (const auto& [id, article] : cut) {
        EXPECT_EQ(article.first, "done") << id;
        EXPECT_TRUE(written.contains(article.second)) << id << " is not an article the batch wrote";
    }
    const test::CliResult r = test::run_cli(batch_args(in, out, 2) + " --db " + db.string());
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    const auto after = served_articles(c);
    EXPECT_EQ(after.size(), 30u);
    std::multiset<std::string> listed;
    for (const auto& [id, article] : after) {
        EXPECT_EQ(article.first, "done") << id;
        listed.insert(article.second);
        if (cut.contains(id)) {
            EXPECT_EQ(article, cut.at(id)) << id << " changed";
        }
    }
    EXPECT_EQ(listed, markdown_files(out));
}

}  // namespace
}  // namespace plume
