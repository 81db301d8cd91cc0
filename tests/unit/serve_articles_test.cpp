// plume serve's article jobs: the article the CLI writes, stored with its versions in SQLite,
// progress as Server-Sent Events, edits analysed again, and jobs a crash cut resumed.
#include <gtest/gtest.h>

#include <thread>
#include <signal.h>
#include <sys/wait.h>

#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>

#include "plume/llm.hpp"
#include "serve/api.hpp"
#include "store/store.hpp"
#include "unit/llm_server.hpp"
#include "unit/serve_support.hpp"

namespace {

using nlohmann::json;
using plume::test::expect_conforms;
using plume::test::LiveServer;
using plume::test::metric;
using plume::test::slurp;
using plume::test::temp_db;

const std::string kSources = PLUME_EXAMPLES "/sources/tramway-lyon";

std::vector<std::string> source_paths() {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(kSources))
        if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    return paths;
}

json article_request() {
    json sources = json::array();
    for (const std::string& p : source_paths()) sources.push_back({{"name", p}, {"text", slurp(p)}});
    return {{"sources", sources}, {"date", "2026-12-03"}};
}

// Follows the job's events until the stream ends; returns the statuses seen.
std::vector<std::string> follow(httplib::Client& c, const std::string& id) {
    std::string stream;
    const auto r = c.Get(("/v1/articles/" + id + "/events").c_str(), [&](const char* data, std::size_t n) {
        stream.append(data, n);
        return true;
    });
    std::vector<std::string> statuses;
    if (!r || r->status != 200) return statuses;
    for (std::size_t at = stream.find("data: "); at != std::string::npos; at = stream.find("data: ", at + 1))
        statuses.push_back(json::parse(stream.substr(at + 6, stream.find('\n', at) - at - 6))["status"]);
    return statuses;
}

json get(httplib::Client& c, const std::string& path, int status = 200) {
    const auto r = c.Get(path.c_str());
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, status) << path << ": " << r->body.substr(0, 300);
    return json::parse(r->body);
}

TEST(ServeArticles, WritesTheArticleTheCliWritesAndKeepsItsVersions) {
    LiveServer live;
    httplib::Client c = live.client();
    const auto posted = c.Post("/v1/articles", article_request().dump(), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 202) << posted->body;
    expect_conforms("/v1/articles", "post", 202, posted->body);
    const std::string id = json::parse(posted->body)["id"];

    const std::vector<std::string> statuses = follow(c, id);
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.back(), "done");

    const json article = get(c, "/v1/articles/" + id);
    expect_conforms("/v1/articles/{id}", "get", 200, article.dump());
    std::string paths;
    for (const std::string& p : source_paths()) paths += " " + p;
    const auto cli = plume::test::run_cli("write" + paths + " --date 2026-12-03");
    ASSERT_EQ(cli.status, 0) << cli.err;
    EXPECT_EQ(article["article"]["markdown"], cli.out);
    EXPECT_EQ(article["article"]["origin"], "plume");
    EXPECT_FALSE(article["removals"].empty());
    EXPECT_EQ(article["analysis"]["seo"]["rating"], "good");

    // An edit that drops the keyphrase from the introduction is analysed again.
    const std::string keyphrase = article["article"]["keyphrase"];
    std::string edited = "# " + article["article"]["title"].get<std::string>() + "\n\nUn paragraphe sans la requête.\n";
    const auto put = c.Put(("/v1/articles/" + id).c_str(), json{{"markdown", edited}}.dump(), "application/json");
    ASSERT_TRUE(put);
    ASSERT_EQ(put->status, 200) << put->body;
    expect_conforms("/v1/articles/{id}", "put", 200, put->body);
    const json after = json::parse(put->body);
    EXPECT_EQ(after["article"]["version"], 2);
    EXPECT_EQ(after["article"]["keyphrase"], keyphrase);
    EXPECT_EQ(after["analysis"]["stats"]["words"], 5);
    EXPECT_FALSE(after["removals"].empty()) << "what plume did to the sources stays";

    const json versions = get(c, "/v1/articles/" + id + "/versions");
    expect_conforms("/v1/articles/{id}/versions", "get", 200, versions.dump());
    ASSERT_EQ(versions["versions"].size(), 2u);
    EXPECT_EQ(versions["versions"][0]["markdown"], cli.out);
    EXPECT_EQ(versions["versions"][1]["origin"], "edit");

    const json list = get(c, "/v1/articles");
    expect_conforms("/v1/articles", "get", 200, list.dump());
    EXPECT_EQ(list["total"], 1);
    EXPECT_EQ(list["items"][0]["title"], article["article"]["title"]);

    const auto deleted = c.Delete(("/v1/articles/" + id).c_str());
    ASSERT_TRUE(deleted);
    EXPECT_EQ(deleted->status, 200);
    expect_conforms("/v1/articles/{id}", "delete", 200, deleted->body);
    const json gone = get(c, "/v1/articles/" + id, 404);
    expect_conforms("/v1/articles/{id}", "get", 404, gone.dump());
    EXPECT_EQ(get(c, "/v1/articles")["total"], 0);
}

// With a model (plume serve --llm-url), the jobs are worded by it under the same checks as
// plume write: here a model failing the first call (404), then answering in English, refused, so
// each part is plume's own. /metrics counts the calls, the tokens reported and the error.
TEST(ServeArticles, AJobIsWordedByTheConfiguredModelUnderItsChecksAndItsCallsCounted) {
    plume::test::FakeLlmServer model({plume::test::status(404, "modèle inconnu"), plume::test::whole(
        "The tramway line opens in May with new stations, and the city expects many more passengers than before.")});
    setenv("NO_PROXY", "127.0.0.1", 1);
    plume::llm::HttpOptions h;
    h.urls = {model.url()};
    h.request_timeout = std::chrono::milliseconds(5'000);
    h.backoff = std::chrono::milliseconds(10);
    const auto backend = plume::llm::make_http_backend(h);
    plume::ServeOptions o;
    o.model = backend.get();
    LiveServer live(o);
    httplib::Client c = live.client();
    const auto posted = c.Post("/v1/articles", article_request().dump(), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 202) << posted->body;
    const std::string id = json::parse(posted->body)["id"];
    const std::vector<std::string> statuses = follow(c, id);
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.back(), "done");
    EXPECT_GE(model.requests(), 3u);  // the meta, then each part, each sent back with its fault
    const json article = get(c, "/v1/articles/" + id);
    const std::string markdown = article["article"]["markdown"];
    EXPECT_EQ(markdown.find("The tramway line"), std::string::npos);  // English is never used
    EXPECT_NE(markdown.find("tramway"), std::string::npos);

    const auto metrics = c.Get("/metrics");
    ASSERT_TRUE(metrics);
    const std::string& text = metrics->body;
    const double calls = static_cast<double>(model.requests());  // a 404 is not retried: a request per call
    EXPECT_EQ(metric(text, "plume_model_calls_total{backend=\"http\"}"), calls) << text;
    EXPECT_EQ(metric(text, "plume_model_call_errors_total{backend=\"http\",kind=\"http\"}"), 1);
    EXPECT_EQ(metric(text, "plume_model_call_errors_total{backend=\"http\",kind=\"timeout\"}"), 0);
    EXPECT_EQ(metric(text, "plume_model_tokens_total{backend=\"http\",type=\"prompt\"}"), 30 * (calls - 1));  // as the model reported
    EXPECT_EQ(metric(text, "plume_model_tokens_total{backend=\"http\",type=\"completion\"}"), 9 * (calls - 1));
    EXPECT_EQ(metric(text, "plume_model_call_duration_seconds_count{backend=\"http\"}"), calls);
}

const std::string kHarvestPage =
    "<html><body><nav><a href='/'>Accueil</a></nav><article><h1>Les vendanges commencent tôt dans le "
                        "Beaujolais</h1><p>Les vendanges ont commencé avec dix jours d’avance dans le Beaujolais, où la "
                        "chaleur de l’été a fait mûrir le raisin plus vite que prévu.</p><p>Dans les coteaux de Fleurie, "
                        "les premières équipes de cueilleurs se sont mises au travail dès lundi matin.</p></article>"
                        "</body></html>";

// A source given by URL alone is the article of that page, fetched when the job runs; from a
// loopback address only when the server allows private addresses.
TEST(ServeArticles, TakesWebPagesByUrlOrAsHtml) {
    httplib::Server pages;
    pages.Get("/vendanges", [](const httplib::Request&, httplib::Response& res) { res.set_content(kHarvestPage, "text/html; charset=utf-8"); });
    const int port = pages.bind_to_any_port("127.0.0.1");
    std::thread thread([&] { pages.listen_after_bind(); });
    while (!pages.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/vendanges";
    const json request = {{"sources", {{{"name", "vendanges"}, {"url", url}}}}};
    for (const bool allowed : {false, true}) {
        plume::ServeOptions o;
        o.allow_private = allowed;
        LiveServer live(o);
        httplib::Client c = live.client();
        const auto posted = c.Post("/v1/articles", request.dump(), "application/json");
        ASSERT_TRUE(posted);
        ASSERT_EQ(posted->status, 202) << posted->body;
        const std::string id = json::parse(posted->body)["id"];
        EXPECT_EQ(follow(c, id).back(), allowed ? "done" : "failed");
        const json job = get(c, "/v1/articles/" + id);
        if (allowed) {
            EXPECT_NE(job["article"]["markdown"].get<std::string>().find("dix jours d’avance"), std::string::npos);
            EXPECT_EQ(job["article"]["markdown"].get<std::string>().find("Accueil"), std::string::npos);
        } else {
            EXPECT_NE(job["error"].get<std::string>().find("refused to connect to 127.0.0.1"), std::string::npos) << job["error"];
        }
    }
    // The same page given as its HTML ("format": "page"): its article, as plume write PAGE.html.
    LiveServer live;
    httplib::Client c = live.client();
    const json page_request = {{"format", "page"}, {"sources", {{{"name", "vendanges.html"}, {"text", kHarvestPage}}}}};
    const auto posted = c.Post("/v1/articles", page_request.dump(), "application/json");
    ASSERT_TRUE(posted);
    const std::string id = json::parse(posted->body)["id"];
    EXPECT_EQ(follow(c, id).back(), "done");
    const std::string markdown = get(c, "/v1/articles/" + id)["article"]["markdown"];
    EXPECT_NE(markdown.find("dix jours d’avance"), std::string::npos);
    EXPECT_EQ(markdown.find("Accueil"), std::string::npos);
    const auto ftp = LiveServer().client().Post("/v1/articles", json{{"sources", {{{"url", "ftp://127.0.0.1/x"}}}}}.dump(),
                                                "application/json");
    ASSERT_TRUE(ftp);
    EXPECT_EQ(ftp->status, 400);
    pages.stop();
    thread.join();
}

TEST(ServeArticles, RefusesBadRequestsAndReportsFailedJobs) {
    LiveServer live;
    httplib::Client c = live.client();
    json many = article_request();
    while (many["sources"].size() <= 20) many["sources"].push_back(many["sources"][0]);
    for (const json& body : {json{{"sources", json::array()}}, json{{"sources", "texte"}}, json{{"sources", {{{"name", "a"}}}}},
                             many, json{{"sources", {{{"text", "Un texte."}}}}, {"keyphrase", "''"}}}) {
        const auto r = c.Post("/v1/articles", body.dump(), "application/json");
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 400) << body.dump().substr(0, 200);
        expect_conforms("/v1/articles", "post", 400, r->body);
    }
    const auto malformed = c.Post("/v1/articles", R"({"sources": [{"name": "a", "text": "Un texte."})", "application/json");
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
    expect_conforms("/v1/articles", "post", 400, malformed->body);
    EXPECT_EQ(get(c, "/v1/articles")["total"], 0) << "nothing refused is stored";

    const auto posted = c.Post("/v1/articles", json{{"sources", {{{"name", "vide"}, {"text", "   "}}}}}.dump(), "application/json");
    ASSERT_TRUE(posted);
    const std::string id = json::parse(posted->body)["id"];
    EXPECT_EQ(follow(c, id).back(), "failed");
    const json failed = get(c, "/v1/articles/" + id);
    EXPECT_NE(failed["error"].get<std::string>().find("vide"), std::string::npos) << failed["error"];
    EXPECT_TRUE(failed["article"].is_null());
    const auto put = c.Put(("/v1/articles/" + id).c_str(), json{{"markdown", "# T\n\nTexte."}}.dump(), "application/json");
    EXPECT_EQ(put->status, 409);
    EXPECT_EQ(get(c, "/v1/articles/0123456789abcdef", 404)["status"], 404);
}

TEST(ServeStore, MigratesOnceAndRefusesANewerSchema) {
    const std::string path = temp_db("schema.db");
    { plume::store::Store s(path); EXPECT_EQ(s.schema_version(), 1); }
    { plume::store::Store s(path); EXPECT_EQ(s.schema_version(), 1); }
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    EXPECT_THROW(plume::store::Store{path}, plume::store::StoreError);
    EXPECT_THROW(plume::store::Store{"/nonexistent/dir/plume.db"}, plume::store::StoreError);
}

TEST(ServeStore, AJobCutWhileRunningIsWrittenAtTheNextStart) {
    const std::string path = temp_db("resume.db");
    std::string id;
    {
        plume::store::Store s(path);
        std::vector<plume::store::StoredSource> sources;
        for (const std::string& p : source_paths()) sources.push_back({p, "", slurp(p)});
        id = s.create_job(sources, R"({"format":"auto"})");
        ASSERT_TRUE(s.claim_job());  // running when the process "dies"
        EXPECT_EQ(s.job(id)->status, "running");
    }
    plume::ServeOptions o;
    o.db = path;
    LiveServer live(o);
    httplib::Client c = live.client();
    EXPECT_EQ(follow(c, id).back(), "done");
    EXPECT_FALSE(get(c, "/v1/articles/" + id)["article"]["markdown"].get<std::string>().empty());
}

// The jobs of `c`'s server by status, from GET /v1/articles.
std::map<std::string, std::vector<std::string>> jobs_by_status(httplib::Client& c) {
    std::map<std::string, std::vector<std::string>> by;
    const json items = get(c, "/v1/articles?limit=100")["items"];
    for (const json& item : items) by[item["status"]].push_back(item["id"]);
    return by;
}

// A web page whose server holds each request until release(): a job fetching it is running
// for as long as the test wants.
class HeldPage {
public:
    HeldPage() {
        server_.Get("/lent", [this](const httplib::Request&, httplib::Response& res) {
            std::unique_lock lock(mutex_);
            released_cv_.wait(lock, [this] { return released_; });
            res.set_content(kHarvestPage, "text/html; charset=utf-8");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~HeldPage() {
        release();
        server_.stop();
        thread_.join();
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        released_cv_.notify_all();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/lent"; }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable released_cv_;
    bool released_ = false;
};

// kill -9 of the real server while it writes: a job running (fetching a page its server holds),
// others done or queued. The next start writes every acknowledged job once, and leaves those
// done as they were.
TEST(ServeCli, NothingAcknowledgedIsLostToKill9DuringAWriteJob) {
    const std::string db = temp_db("kill9.db");
    HeldPage page;
    const std::vector<std::string> allow = {"--allow-private"};
    plume::test::Served first = plume::test::start_serve(db, allow);
    ASSERT_GT(first.port, 0);
    httplib::Client c("127.0.0.1", first.port);
    const auto post = [&](const json& request) { return json::parse(c.Post("/v1/articles", request.dump(), "application/json")->body)["id"].get<std::string>(); };
    const std::string held = post({{"sources", {{{"name", "vendanges"}, {"url", page.url()}}}}});
    std::vector<std::string> ids = {held};
    for (int i = 0; i < 5; ++i) ids.push_back(post(article_request()));
    std::map<std::string, std::vector<std::string>> at_kill;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    do at_kill = jobs_by_status(c);
    while ((at_kill["done"].size() < 2 || at_kill["queued"].empty()) && std::chrono::steady_clock::now() < deadline);
    std::map<std::string, json> done_before;
    for (const std::string& id : at_kill["done"]) done_before[id] = get(c, "/v1/articles/" + id + "/versions");
    EXPECT_EQ(get(c, "/v1/articles/" + held)["status"], "running");
    first.stop(SIGKILL);
    ASSERT_GE(at_kill["done"].size(), 2u);
    ASSERT_FALSE(at_kill["queued"].empty());
    page.release();
    plume::test::Served again = plume::test::start_serve(db, allow);
    ASSERT_GT(again.port, 0);
    EXPECT_NE(slurp(again.err).find(" job(s) cut by a stop resumed"), std::string::npos) << slurp(again.err);  // the held one at least
    httplib::Client after("127.0.0.1", again.port);
    for (const std::string& id : ids) {
        const std::vector<std::string> seen = follow(after, id);  // none when the job stays running
        EXPECT_TRUE(!seen.empty() && seen.back() == "done") << id;
        const json versions = get(after, "/v1/articles/" + id + "/versions");
        EXPECT_EQ(versions["versions"].size(), 1u) << id << " written twice";
        if (done_before.contains(id)) {
            EXPECT_EQ(versions, done_before[id]) << id << " changed";
        }
    }
    EXPECT_NE(get(after, "/v1/articles/" + held)["article"]["markdown"].get<std::string>().find("dix jours d’avance"), std::string::npos);
    EXPECT_EQ(get(after, "/v1/articles")["total"], static_cast<int>(ids.size()));
    const int status = again.stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
