// plume's fetch of web pages (libcurl) against a real HTTP server on loopback: the address
// check, redirects, size and time limits, the charset of the Content-Type header.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

#include "plume/extract.hpp"
#include "plume/parse.hpp"

namespace {

using namespace std::chrono_literals;
using plume::extract::fetch_page;
using plume::extract::FetchOptions;

// A page in ISO-8859-1 that declares no charset of its own: only the header names it.
const std::string kLatin1Page =
    "<html><head><title>Vendanges</title></head><body><article><h1>Un \xE9t\xE9 pr\xE9"
    "coce</h1><p>Les vendanges ont commenc\xE9 d\xE8s le 20 ao\xFBt dans les coteaux du Beaujolais, "
    "o\xF9 la chaleur a fait m\xFBrir le raisin plus t\xF4t que pr\xE9vu.</p></article></body></html>";

class PageServer {
public:
    PageServer() {
        server_.Get("/page", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(kLatin1Page, "text/html; charset=ISO-8859-1");
        });
        server_.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
        server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/page"); });
        server_.Get("/ftp", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("ftp://127.0.0.1/x"); });
        server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(64 * 1024, 'a'), "text/html");
        });
        server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
            std::this_thread::sleep_for(1500ms);
            res.set_content("<p>tard</p>", "text/html");
        });
        server_.Get("/pdf", [](const httplib::Request&, httplib::Response& res) { res.set_content("%PDF-1.4", "application/pdf"); });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~PageServer() {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

FetchOptions loopback_allowed() {
    FetchOptions o;
    o.allow_private = true;
    return o;
}

std::string error_of(const std::string& url, const FetchOptions& o) {
    try {
        fetch_page(url, o);
    } catch (const plume::InputError& e) {
        return e.what();
    }
    return "";
}

TEST(ExtractFetch, RefusesNonPublicAddressesUnlessAllowed) {
    PageServer server;
    const std::string refused = error_of(server.url("/page"), {});
    EXPECT_NE(refused.find("refused to connect to 127.0.0.1"), std::string::npos) << refused;
    EXPECT_NE(refused.find("--allow-private"), std::string::npos) << refused;
    // Private, link-local (cloud metadata), IPv6 loopback and IPv4 written as IPv6: refused
    // before any packet leaves (the check runs on the address, not on the name).
    for (const char* url : {"http://10.1.2.3/", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/",
                            "http://[::ffff:192.168.1.1]/", "http://0.0.0.0:9/"})
        EXPECT_NE(error_of(url, {}).find("refused to connect"), std::string::npos) << url;
    EXPECT_EQ(error_of(server.url("/page"), loopback_allowed()), "");
}

TEST(ExtractFetch, DecodesThePageInTheCharsetItsServerNames) {
    PageServer server;
    const plume::extract::FetchedPage fetched = fetch_page(server.url("/moved"), loopback_allowed());
    EXPECT_EQ(fetched.url, server.url("/page"));  // after the redirect
    EXPECT_EQ(fetched.charset, "iso-8859-1");
    const plume::extract::Page page = plume::extract::extract_html(fetched.body, fetched.charset);
    EXPECT_EQ(page.title, "Un été précoce");
    ASSERT_FALSE(page.blocks.empty());
    EXPECT_NE(page.blocks.front().text.find("commencé dès le 20 août"), std::string::npos);
}

TEST(ExtractFetch, BoundsRedirectsSizeTimeAndSchemes) {
    PageServer server;
    EXPECT_NE(error_of(server.url("/loop"), loopback_allowed()).find("more than 5 redirects"), std::string::npos);
    EXPECT_NE(error_of(server.url("/ftp"), loopback_allowed()).find("other than http or https"), std::string::npos);
    FetchOptions small = loopback_allowed();
    small.max_bytes = 16 * 1024;
    EXPECT_NE(error_of(server.url("/big"), small).find("larger than"), std::string::npos);
    FetchOptions hurried = loopback_allowed();
    hurried.timeout = 300ms;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_NE(error_of(server.url("/slow"), hurried).find("no complete answer"), std::string::npos);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1400ms);  // abandoned, not waited for
    EXPECT_NE(error_of(server.url("/pdf"), loopback_allowed()).find("not a web page"), std::string::npos);
    EXPECT_NE(error_of(server.url("/absent"), loopback_allowed()).find("HTTP 404"), std::string::npos);
    for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1/"})
        EXPECT_NE(error_of(url, loopback_allowed()).find("only http:// and https://"), std::string::npos) << url;
}

TEST(ExtractFetch, TellsUrlsFromFiles) {
    EXPECT_TRUE(plume::extract::is_url("https://www.example.fr/article"));
    EXPECT_TRUE(plume::extract::is_url("HTTP://exemple.fr/"));
    EXPECT_TRUE(plume::extract::is_url("ftp://exemple.fr/"));
    EXPECT_FALSE(plume::extract::is_url("sources/article.html"));
    EXPECT_FALSE(plume::extract::is_url("-"));
}

}  // namespace
