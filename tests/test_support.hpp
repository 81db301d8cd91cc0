// Helpers shared by the tests: temporary files and running the plume binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace plume::test {

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Files live in a directory of this process: ctest runs tests in parallel.
inline std::string temp_file(const std::string& name, const std::string& content) {
    const auto dir = std::filesystem::temp_directory_path() / ("plume-tests-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

// Runs `plume <args>` through the shell; stdout and stderr captured separately. `prefix` wraps
// the binary (e.g. "timeout 10 ").
inline CliResult run_cli(const std::string& args, const std::string& stdin_text = "",
                         const std::string& prefix = "") {
    const std::string err_path = temp_file("stderr.txt", "");
    std::string cmd = prefix + PLUME_BINARY + " " + args + " 2>" + err_path;
    if (!stdin_text.empty()) cmd = "cat " + temp_file("stdin.txt", stdin_text) + " | " + cmd;
    CliResult r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = slurp(err_path);
    return r;
}

inline bool seeds_present() { return std::filesystem::is_directory(PLUME_SEEDS); }

}  // namespace plume::test
