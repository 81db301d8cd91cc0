// plume serve's HTTP layer (cpp-httplib): routes, bearer token, limits, JSON errors, metrics.
#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>

#include "plume/serve.hpp"
#include "serve/api.hpp"
#include "serve/metrics.hpp"
#include "serve/static_files.hpp"
#include "store/store.hpp"

namespace plume {
namespace {

using Clock = std::chrono::steady_clock;

// Each request is answered on one thread, from pre-routing to the logger.
thread_local Clock::time_point request_start;

// Every byte compared whatever the first difference, so timing tells nothing of the token.
bool same_token(const std::string& given, const std::string& token) {
    unsigned char diff = given.size() == token.size() ? 0 : 1;
    for (std::size_t i = 0; i < given.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ token[i % token.size()]);
    return diff == 0;
}

bool authorised(const httplib::Request& req, const std::string& token) {
    if (token.empty()) return true;
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    return header.compare(0, prefix.size(), prefix) == 0 && same_token(header.substr(prefix.size()), token);
}

serve::Reply too_large(std::size_t max) {
    return serve::error_reply(413, "the request body is too large (at most " + std::to_string(max) + " bytes)");
}

void send(httplib::Response& res, const serve::Reply& reply) {
    res.status = reply.status;
    res.set_content(reply.body, "application/json");
}

// The body of a POST or PUT in `body`, or the refusal to send. Read through a content reader
// so that the limit holds whatever the framing: cpp-httplib 0.11 checks it against a
// Content-Length only, and reads a chunked body of any size into memory (50 MiB reached a
// handler). Bytes over the limit are read and dropped, as cpp-httplib does past a
// Content-Length, so that a client still sending gets its 413 rather than a reset connection.
std::optional<serve::Reply> read_body(const httplib::Request& req, const httplib::Response& res, const httplib::ContentReader& reader,
                                      std::size_t max, std::string& body) {
    bool over = false;
    const auto keep = [&](const char* data, std::size_t n) {
        over = over || body.size() + n > max;
        if (over) body.clear();
        else body.append(data, n);
        return true;
    };
    const auto drop = [](const char*, std::size_t) { return true; };
    const bool multipart = req.is_multipart_form_data();
    const bool whole = multipart ? reader([](const httplib::MultipartFormData&) { return true; }, drop) : reader(keep);
    if (over || (!whole && res.status == 413)) return too_large(max);
    if (!whole) return serve::error_reply(400, "the request body could not be read");
    if (multipart) return serve::error_reply(400, "the body must be JSON, not multipart/form-data");
    return std::nullopt;
}

// A POST or PUT handler that gets the body as a string, read within `max` bytes.
httplib::Server::HandlerWithContentReader with_body(std::size_t max,
                                                    std::function<serve::Reply(const httplib::Request&, const std::string&)> handle) {
    return [max, handle = std::move(handle)](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        std::string body;
        const auto refused = read_body(req, res, reader, max, body);
        send(res, refused ? *refused : handle(req, body));
    };
}

}  // namespace

bool is_loopback_host(const std::string& host) {
    if (host == "localhost" || host == "::1") return true;
    in_addr addr{};
    return inet_pton(AF_INET, host.c_str(), &addr) == 1 && (ntohl(addr.s_addr) >> 24) == 127;
}

std::string read_token_file(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) throw ServeError("cannot read the token file " + path);
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    if (first == std::string::npos) throw ServeError("the token file " + path + " holds no token");
    return line.substr(first, last - first + 1);
}

std::unique_ptr<store::Store> open_store(const std::string& path) {
    try {
        return std::make_unique<store::Store>(path);
    } catch (const store::StoreError& e) {
        throw ServeError(e.what());
    }
}

constexpr std::size_t kHttpThreads = 64;
// Debian's cpp-httplib is a compiled library that listens with a queue of 5 connections: a
// burst of clients beyond it has its connections dropped and retried by the kernel a second
// or more later. The listening socket is given a longer queue once bound.
constexpr int kListenBacklog = 1024;

// The jobs' model, its calls counted in `metrics`; none when the server has no model.
std::unique_ptr<serve::MeteredModel> metered(const ServeOptions& o, serve::Metrics& metrics) {
    if (!o.model) return nullptr;
    return std::make_unique<serve::MeteredModel>(*o.model, o.model_backend, metrics);
}

struct Server::Impl {
    // Destroyed in reverse: the HTTP server stops before the workers, the workers before the
    // store and the model they call.
    ServeOptions options;
    serve::Metrics metrics;
    std::unique_ptr<serve::MeteredModel> model;
    std::unique_ptr<store::Store> store;
    serve::JobRunner runner;
    httplib::Server http;
    socket_t listening = -1;

    explicit Impl(ServeOptions o)
        : options(std::move(o)),
          model(metered(options, metrics)),
          store(open_store(options.db)),
          runner(*store, options.workers, model.get(), options.allow_private) {
        // cpp-httplib gives each open connection a thread until it closes: enough threads
        // that slow or idle clients leave some to answer the others.
        http.new_task_queue = [] { return new httplib::ThreadPool(kHttpThreads); };
        http.set_socket_options([this](socket_t sock) {
            httplib::default_socket_options(sock);
            listening = sock;  // only the listening socket passes here
        });
        // Headers and body leave in separate writes: with Nagle's algorithm the body waited
        // for the client's delayed ACK, 40 ms per answer (149 requests/s on 4 connections).
        http.set_tcp_nodelay(true);
        http.set_payload_max_length(options.max_body);
        http.set_read_timeout(options.read_timeout_s);
        http.set_write_timeout(options.read_timeout_s);
        // No Access-Control-Allow-Origin: other sites' pages cannot call the API (CORS closed).
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                  {"Content-Security-Policy", "default-src 'self'; script-src 'self'; object-src 'none'"},
                                  {"Cache-Control", "no-store"}});
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            request_start = Clock::now();
            // The editor's files hold no data: a browser loads them without a token, then sends
            // the token the user types with each API request.
            if (req.path == "/healthz" || authorised(req, options.token) || (req.method == "GET" && serve::static_file(req.path)))
                return httplib::Server::HandlerResponse::Unhandled;
            res.set_header("WWW-Authenticate", "Bearer");
            send(res, serve::error_reply(401, "a valid bearer token is required"));
            return httplib::Server::HandlerResponse::Handled;
        });
        http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            if (res.status == 413) send(res, too_large(options.max_body));
            else if (res.status == 404) send(res, serve::error_reply(404, "no such endpoint: " + req.method + " " + req.path));
            else send(res, serve::error_reply(res.status, "the request was refused (HTTP " + std::to_string(res.status) + ")"));
        });
        http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                std::cerr << "plume serve: " << req.method << ' ' << req.path << ": " << ex.what() << '\n';
            } catch (...) {
                std::cerr << "plume serve: " << req.method << ' ' << req.path << ": unknown error\n";
            }
            send(res, serve::error_reply(500, "internal error"));
        });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            const std::chrono::duration<double> took = Clock::now() - request_start;
            metrics.record(serve::route_of(req.method, req.path), res.status, took.count());
        });
        routes();
    }

    void routes() {
        const auto web = [](const httplib::Request& req, httplib::Response& res) {
            const auto file = serve::static_file(req.path);
            if (!file) return send(res, serve::error_reply(404, "no such file: " + req.path));
            res.set_content(file->body.data(), file->body.size(), std::string(file->content_type));
        };
        http.Get("/", web);
        http.Get("/web/.*", web);
        http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { send(res, serve::health()); });
        http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(metrics.prometheus() + serve::jobs_gauge(store->jobs_by_status()), "text/plain; version=0.0.4");
        });
        http.Post("/v1/analyze", with_body(options.max_body, [](const httplib::Request&, const std::string& body) {
            return serve::analyze(body);
        }));
        http.Post("/v1/articles", with_body(options.max_body, [this](const httplib::Request&, const std::string& body) {
            return serve::create_article(*store, runner, body, options.max_sources);
        }));
        http.Get("/v1/articles", [this](const httplib::Request& req, httplib::Response& res) {
            send(res, serve::list_articles(*store, req.get_param_value("offset"), req.get_param_value("limit")));
        });
        const std::string article = "/v1/articles/([0-9a-f]{16})";
        http.Get(article, [this](const httplib::Request& req, httplib::Response& res) {
            send(res, serve::get_article(*store, req.matches[1]));
        });
        http.Put(article, with_body(options.max_body, [this](const httplib::Request& req, const std::string& body) {
            return serve::edit_article(*store, req.matches[1], body);
        }));
        http.Delete(article, [this](const httplib::Request& req, httplib::Response& res) {
            send(res, serve::delete_article(*store, req.matches[1]));
        });
        http.Get(article + "/versions", [this](const httplib::Request& req, httplib::Response& res) {
            send(res, serve::article_versions(*store, req.matches[1]));
        });
        http.Get(article + "/events", [this](const httplib::Request& req, httplib::Response& res) { events(req.matches[1], res); });
    }

    // Server-Sent Events: the job's state each time it changes, until it is done or failed.
    void events(const std::string& id, httplib::Response& res) {
        if (!store->job(id)) return send(res, serve::error_reply(404, "no article " + id));
        res.set_chunked_content_provider("text/event-stream", [this, id, last = std::string()](std::size_t, httplib::DataSink& sink) mutable {
            const auto job = store->job(id);
            if (job) {
                const std::string event = serve::status_event(*job);
                if (event != last && !sink.write(event.data(), event.size())) return false;
                last = event;
            }
            if (!job || serve::finished(*job)) {
                sink.done();
                return true;
            }
            return sink.is_writable() && runner.wait_for_change(std::chrono::seconds(1));
        });
    }
};

// Refused before anything is opened: an open server is a choice made with a token.
static ServeOptions checked(ServeOptions o) {
    if (o.token.empty() && !is_loopback_host(o.host))
        throw ServeError("serving " + o.host + " (not a loopback address) needs --token-file");
    return o;
}

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(checked(std::move(options)))) {}
Server::~Server() = default;

int Server::bind() {
    const ServeOptions& o = impl_->options;
    const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
    if (port <= 0) throw ServeError("cannot listen on " + o.host + ":" + std::to_string(o.port) + " (address in use or invalid)");
    ::listen(impl_->listening, kListenBacklog);  // a listening socket takes a new queue length
    return port;
}

void Server::listen() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace plume
