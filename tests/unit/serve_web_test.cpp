// plume serve's editor files: served from the binary under their own types, and nothing else,
// whatever the path tries (dot segments, encoded dots and slashes).
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "unit/serve_support.hpp"

namespace {

using nlohmann::json;
using plume::test::LiveServer;
using plume::test::slurp;

const std::string kWeb = PLUME_EXAMPLES "/../web/";

TEST(ServeWeb, ServesTheEditorFilesAsTheyAreInWeb) {
    LiveServer server;
    httplib::Client c = server.client();
    const std::pair<const char*, const char*> files[] = {{"/", "index.html"},
                                                         {"/web/editor.js", "editor.js"},
                                                         {"/web/text.js", "text.js"},
                                                         {"/web/editor.css", "editor.css"}};
    for (const auto& [path, file] : files) {
        const auto r = c.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 200) << path;
        EXPECT_EQ(r->body, slurp(kWeb + file)) << path;
    }
    EXPECT_EQ(c.Get("/")->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(c.Get("/web/editor.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(c.Get("/web/editor.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(c.Get("/web/favicon.svg")->get_header_value("Content-Type"), "image/svg+xml");
    // Scripts only from the server itself, and none written inline.
    const std::string csp = c.Get("/")->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(c.Get("/")->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST(ServeWeb, AnyOtherPathIsAJson404AndNoFile) {
    LiveServer server;
    httplib::Client c = server.client();
    c.set_url_encode(false);  // the paths go on the wire exactly as written here
    for (const char* path : {"/web/../CMakeLists.txt", "/web/%2e%2e/CMakeLists.txt", "/web/%2E%2E%2FCMakeLists.txt",
                             "/web/..%2f..%2f..%2fetc%2fpasswd", "/../etc/passwd", "/%2e%2e/etc/passwd", "/web/",
                             "/web", "/web//editor.js", "/web/editor.js/", "/web/./editor.js", "/web/%65ditor.js%00",
                             "/index.html", "/web/nope.js", "/CMakeLists.txt"}) {
        const auto r = c.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << path;
        const json body = json::parse(r->body);
        EXPECT_EQ(body["status"], 404) << path;
        EXPECT_TRUE(body["error"].is_string()) << path;
    }
    EXPECT_EQ(c.Get("/healthz")->status, 200);  // and it keeps serving
}

TEST(ServeWeb, TheEditorLoadsWithoutATokenButTheApiStillNeedsOne) {
    plume::ServeOptions o;
    o.token = "s3cret-token";
    LiveServer server(o);
    httplib::Client c = server.client();
    EXPECT_EQ(c.Get("/")->status, 200);
    EXPECT_EQ(c.Get("/web/editor.js")->status, 200);
    EXPECT_EQ(c.Get("/web/nope.js")->status, 401);
    EXPECT_EQ(c.Post("/v1/analyze", R"({"text": "Un texte."})", "application/json")->status, 401);
    EXPECT_EQ(c.Get("/v1/articles")->status, 401);
}

}  // namespace
