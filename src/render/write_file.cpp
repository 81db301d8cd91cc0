// `plume write -o FILE`: a regular file is replaced whole or not at all; a symlink is followed
// and a device or FIFO written through, never replaced.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "plume/parse.hpp"
#include "plume/write.hpp"

namespace plume {

namespace {

// The process umask, read without changing it (umask(2) would, for every thread):
// /proc/self/status has it since Linux 4.7; 022, the usual value, otherwise.
mode_t current_umask() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("Umask:")) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    return 022;
}

// The mode the file should get: the replaced file's, else what a plain create would give
// (mkstemp makes 0600 files, which a web server could not read).
mode_t target_mode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
    return 0666 & ~current_umask();
}

bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// A device or FIFO the user names (/dev/stdout, a pipe to another program) is the destination
// itself: written in place, since renaming over it would destroy it.
void write_in_place(const std::string& path, const std::string& shown, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw InputError(fmt::format("{}: cannot open for writing ({})", shown, std::strerror(errno)));
    bool written = write_all(fd, content);
    int error = errno;
    if (::close(fd) != 0 && written) {
        written = false;
        error = errno;
    }
    if (!written) throw InputError(fmt::format("{}: cannot write ({})", shown, std::strerror(error)));
}

void replace_atomically(const std::string& path, const std::string& content) {
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::string temp = (dir / ".").string();  // a hidden name next to the target
    temp += target.filename().string();
    temp += ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        throw InputError(fmt::format("{}: cannot write: no file can be created in {} ({})", path, dir.string(),
                                     std::strerror(errno)));
    // From here every failure removes the temporary file, so the target is never half-written.
    const char* step = nullptr;
    int error = 0;
    auto fail = [&](const char* what) {
        if (step) return;
        step = what;
        error = errno;
    };
    if (!write_all(fd, content)) fail("cannot write");
    else if (::fchmod(fd, target_mode(path)) != 0) fail("cannot set the permissions of");
    else if (::fsync(fd) != 0) fail("cannot flush");
    if (::close(fd) != 0) fail("cannot close");
    if (!step && ::rename(temp.c_str(), path.c_str()) != 0) fail("cannot replace");
    if (step) {
        ::unlink(temp.c_str());
        throw InputError(fmt::format("{}: {} the file ({})", path, step, std::strerror(error)));
    }
    // The rename is durable once the directory is flushed; a failure here loses nothing written.
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // The link's target is replaced, so the link stays a link (also when it dangles).
    std::string target = path;
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        target = fs::weakly_canonical(path, ec).string();
        if (ec) throw InputError(fmt::format("{}: cannot resolve the link ({})", path, ec.message()));
    }
    const fs::file_status st = fs::status(target, ec);
    if (fs::exists(st) && !fs::is_regular_file(st)) write_in_place(target, path, content);
    else replace_atomically(target, content);
}

}  // namespace plume
