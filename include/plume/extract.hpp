// Main-text extraction from web pages (docs/extract.md): the article of an HTML page
// without its navigation, banners, share buttons, comments and related links.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plume::extract {

enum class BlockType { Heading, Paragraph, ListItem, Quote };

struct Block {
    BlockType type = BlockType::Paragraph;
    int level = 0;  // headings: 2 to 6
    std::string text;
};

struct Page {
    std::string title;
    std::string lead;  // the standfirst (chapô), when the page marks or sets it apart
    std::string author;
    std::string date;     // as the page gives it (ISO 8601 when it comes from metadata)
    std::string charset;  // the encoding the bytes were read in
    std::vector<Block> blocks;  // the article after the lead, in reading order
};

// The article of an HTML page, from its bytes in any charset (`http_charset`: the one the
// server's Content-Type names, which comes before the page's own <meta>). InputError
// (plume/parse.hpp) when the bytes are not a page plume can read (binary data, nesting too
// deep).
Page extract_html(std::string_view bytes, std::string_view http_charset = {});

// How a page is fetched from the web (libcurl).
struct FetchOptions {
    // Loopback, link-local, private and other non-public addresses are refused unless this
    // is set: checked on the address each connection is made to, so after every redirect
    // and whatever the DNS answers.
    bool allow_private = false;
    std::chrono::milliseconds timeout{30000};  // the whole transfer, redirects included
    std::chrono::milliseconds connect_timeout{10000};
    std::size_t max_bytes = std::size_t{10} << 20;
    long max_redirects = 5;
};

struct FetchedPage {
    std::string url;      // after redirects
    std::string body;
    std::string charset;  // from the Content-Type header; empty when it names none
};

// Whether a source is a URL (`scheme://…`) rather than a file: fetch_page takes http and
// https, and refuses the others with a message.
bool is_url(std::string_view source);
// An http:// or https:// URL: what fetch_page takes.
bool is_fetchable_url(std::string_view source);

// The page at an http(s) URL. InputError with the reason (the URL is the caller's to name)
// when it cannot be had: another scheme, an address refused, too many redirects, a
// timeout, a body over max_bytes, an HTTP error status, a connection failure.
FetchedPage fetch_page(const std::string& url, const FetchOptions& options = {});

// Markdown-ish text that `plume write` and `plume analyze` read: `# title`, the lead,
// paragraphs separated by blank lines, `## ` headings, `- ` list items, `> ` quotations.
std::string to_text(const Page& page);
// One JSON object: title, lead, author, date, charset, blocks [{type, level?, text}].
std::string to_json(const Page& page);

}  // namespace plume::extract
