// Web pages fetched with libcurl: http and https only, bounded in time, size and redirects,
// and no connection to a non-public address unless the user allows it (a URL given to a
// server must not reach the machine's own services or its cloud metadata).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>

#include "plume/extract.hpp"
#include "plume/parse.hpp"
#include "plume/text.hpp"

namespace plume::extract {

namespace {

// IPv4 ranges that are not the public Internet: "this network", private, carrier-grade NAT,
// loopback, link-local (cloud metadata), IETF protocol assignments, benchmarking,
// multicast and reserved (RFC 6890).
bool public_v4(uint32_t a) {
    struct Range {
        uint32_t net;
        int bits;
    };
    static constexpr Range kNonPublic[] = {{0x00000000, 8},  {0x0A000000, 8},  {0x64400000, 10}, {0x7F000000, 8},
                                           {0xA9FE0000, 16}, {0xAC100000, 12}, {0xC0000000, 24}, {0xC0A80000, 16},
                                           {0xC6120000, 15}, {0xE0000000, 4},  {0xF0000000, 4}};
    for (const Range& r : kNonPublic)
        if ((a >> (32 - r.bits)) == (r.net >> (32 - r.bits))) return false;
    return true;
}

// IPv6: unspecified, loopback, unique local (fc00::/7), link-local (fe80::/10), multicast,
// and IPv4 written as IPv6 (::ffff:10.0.0.1), judged as IPv4.
bool public_v6(const in6_addr& a) {
    const uint8_t* b = a.s6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&a) || IN6_IS_ADDR_V4COMPAT(&a))
        return public_v4(uint32_t{b[12]} << 24 | uint32_t{b[13]} << 16 | uint32_t{b[14]} << 8 | b[15]);
    return !(IN6_IS_ADDR_UNSPECIFIED(&a) || IN6_IS_ADDR_LOOPBACK(&a) || (b[0] & 0xFE) == 0xFC ||
             (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) || b[0] == 0xFF);
}

bool public_address(const sockaddr& sa) {
    if (sa.sa_family == AF_INET) return public_v4(ntohl(reinterpret_cast<const sockaddr_in&>(sa).sin_addr.s_addr));
    if (sa.sa_family == AF_INET6) return public_v6(reinterpret_cast<const sockaddr_in6&>(sa).sin6_addr);
    return false;
}

std::string address_text(const sockaddr& sa) {
    std::array<char, INET6_ADDRSTRLEN> out{};
    const void* addr = sa.sa_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in&>(sa).sin_addr)
                                               : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6&>(sa).sin6_addr);
    return inet_ntop(sa.sa_family, addr, out.data(), out.size()) ? out.data() : "?";
}

struct Transfer {
    const FetchOptions& options;
    std::string body;
    bool too_large = false;
    std::string refused;  // the non-public address a connection was refused to
};

// Every connection, the first and each after a redirect, opens here: its address is the
// one the DNS gave, so a name that resolves to a private address is caught too.
curl_socket_t open_socket(void* data, curlsocktype purpose, curl_sockaddr* address) {
    auto& t = *static_cast<Transfer*>(data);
    if (purpose == CURLSOCKTYPE_IPCXN && !t.options.allow_private && !public_address(address->addr)) {
        t.refused = address_text(address->addr);
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    if (t.body.size() + size * n > t.options.max_bytes) {
        t.too_large = true;
        return 0;  // aborts the transfer
    }
    t.body.append(data, size * n);
    return size * n;
}

// « text/html; charset=ISO-8859-1 » → « ISO-8859-1 »; empty when the type names none.
std::string charset_of(const char* content_type) {
    if (!content_type) return "";
    const std::string type = text::lowercase(content_type);
    const std::size_t at = type.find("charset=");
    if (at == std::string::npos) return "";
    std::string cs = type.substr(at + 8);
    cs = cs.substr(0, cs.find_first_of("; "));
    if (cs.size() >= 2 && cs.front() == '"' && cs.back() == '"') cs = cs.substr(1, cs.size() - 2);
    return cs;
}

// A page is HTML, or a type a server gives any file (plain text, no type at all).
bool html_type(const char* content_type) {
    if (!content_type) return true;
    const std::string type = text::lowercase(content_type);
    return type.starts_with("text/html") || type.starts_with("application/xhtml") || type.starts_with("text/plain");
}

std::string failure(CURLcode code, const Transfer& t, const FetchOptions& o, const char* error) {
    if (!t.refused.empty())
        return fmt::format("refused to connect to {}, a private, loopback or link-local address (--allow-private to "
                           "allow it)",
                           t.refused);
    if (t.too_large || code == CURLE_FILESIZE_EXCEEDED)
        return fmt::format("the page is larger than {} MiB", o.max_bytes >> 20 ? o.max_bytes >> 20 : 1);
    switch (code) {
    case CURLE_TOO_MANY_REDIRECTS: return fmt::format("more than {} redirects", o.max_redirects);
    case CURLE_OPERATION_TIMEDOUT:
        return fmt::format("no complete answer within {} s", (o.timeout.count() + 999) / 1000);
    case CURLE_UNSUPPORTED_PROTOCOL: return std::string("a redirect to a scheme other than http or https");
    case CURLE_COULDNT_RESOLVE_HOST: return std::string("unknown host");
    default: return *error ? error : curl_easy_strerror(code);
    }
}

}  // namespace

bool is_url(std::string_view source) {
    const std::size_t colon = source.find("://");
    if (colon == 0 || colon == std::string_view::npos) return false;
    const auto scheme_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    };
    return std::all_of(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char);
}

bool is_fetchable_url(std::string_view source) {
    const std::string scheme = text::lowercase(source.substr(0, source.find("://")));
    return is_url(source) && (scheme == "http" || scheme == "https");
}

FetchedPage fetch_page(const std::string& url, const FetchOptions& options) {
    if (!is_fetchable_url(url)) throw InputError(std::string("only http:// and https:// pages can be fetched"));
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw InputError(std::string("libcurl could not start"));
    Transfer t{options, {}, false, {}};
    char error[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, options.max_redirects);
    // A proxy would be the address connected to: the check would judge the proxy, not the page.
    curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // compressed pages; the limit counts decoded bytes
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "plume/0.1 (article extraction)");
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) throw InputError(failure(code, t, options, error));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 400) throw InputError(fmt::format("the server answered HTTP {}", status));
    const char* type = nullptr;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    if (!html_type(type)) throw InputError(fmt::format("not a web page (Content-Type: {})", type));
    const char* final_url = nullptr;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url);
    return {final_url ? final_url : url, std::move(t.body), charset_of(type)};
}

}  // namespace plume::extract
