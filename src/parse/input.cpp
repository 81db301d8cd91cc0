// Input checks shared by every format: size, binary content, UTF-8, normalisation.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "plume/parse.hpp"
#include "plume/text.hpp"

namespace plume {

namespace {

std::string_view extension(std::string_view name) {
    const auto dot = name.rfind('.');
    const auto slash = name.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    return name.substr(dot + 1);
}

bool looks_binary(std::string_view bytes) {
    // NUL bytes or many C0 controls other than tab, newline and carriage return.
    std::size_t controls = 0;
    const std::size_t n = std::min<std::size_t>(bytes.size(), 64 * 1024);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
    }
    return controls * 100 > n;
}

std::string normalise(std::string bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    std::erase(bytes, '\r');
    return text::nfc(bytes);
}

// One message whether the size is known (a file) or only exceeds the limit (standard input).
InputError too_large(std::string_view name) {
    return InputError(
        fmt::format("{}: file too large (plume analyses at most {} MiB)", name, kMaxInputBytes / (1024 * 1024)));
}

// A FIFO would block the read forever and a directory has no size: refused before opening.
// A missing path is left to the open, whose message says why.
void require_regular_file(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st) || fs::is_regular_file(st)) return;
    const char* kind = fs::is_directory(st)   ? "a directory"
                       : fs::is_fifo(st)      ? "a FIFO"
                       : fs::is_socket(st)    ? "a socket"
                       : fs::is_character_file(st) || fs::is_block_file(st) ? "a device"
                                              : "a special file";
    throw InputError(fmt::format("{}: not a regular file ({}); give a file, or - for standard input", path, kind));
}

}  // namespace

Format detect_format(std::string_view name, std::string_view bytes) {
    const std::string ext = text::lowercase(extension(name));
    if (ext == "md" || ext == "markdown") return Format::Markdown;
    if (ext == "html" || ext == "htm") return Format::Html;
    if (ext == "txt" || ext == "text") return Format::Text;
    const auto first = bytes.find_first_not_of(" \t\n");
    if (first != std::string_view::npos && bytes[first] == '<') return Format::Html;
    if (bytes.starts_with("# ") || bytes.find("\n## ") != std::string_view::npos ||
        bytes.find("\n# ") != std::string_view::npos)
        return Format::Markdown;
    return Format::Text;
}

Document parse_document(std::string bytes, Format format, std::string_view name) {
    // Standard input is read up to one byte past the limit, so its size is not known.
    if (bytes.size() > kMaxInputBytes) throw too_large(name);
    if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
        throw InputError(fmt::format("{}: empty input, nothing to analyse", name));
    if (looks_binary(bytes))
        throw InputError(fmt::format("{}: binary data, not text", name));
    if (!text::is_valid_utf8(bytes))
        throw InputError(fmt::format("{}: not valid UTF-8 text (convert it to UTF-8 first)", name));
    if (format == Format::Auto) format = detect_format(name, bytes);
    std::string source = normalise(std::move(bytes));
    try {
        switch (format) {
            case Format::Markdown: return parse_markdown(std::move(source));
            case Format::Html: return parse_html(std::move(source));
            default: return parse_text(std::move(source));
        }
    } catch (const InputError& e) {
        throw InputError(fmt::format("{}: {}", name, e.what()));
    }
}

std::string read_input(const std::string& path) {
    std::string bytes;
    if (path == "-") {
        // One byte past the limit is enough to refuse without reading everything.
        bytes.resize(kMaxInputBytes + 1);
        std::cin.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(std::cin.gcount()));
    } else {
        require_regular_file(path);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw InputError(fmt::format("{}: cannot open ({})", path, std::strerror(errno)));
        in.seekg(0, std::ios::end);
        const auto size = in.tellg();
        if (size < 0) throw InputError(fmt::format("{}: cannot read (not a regular file?)", path));
        if (static_cast<std::size_t>(size) > kMaxInputBytes) throw too_large(path);
        in.seekg(0);
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
        if (!in) throw InputError(fmt::format("{}: cannot read", path));
    }
    return bytes;
}

Document read_document(const std::string& path, Format format) {
    return parse_document(read_input(path), format, path);
}

}  // namespace plume
