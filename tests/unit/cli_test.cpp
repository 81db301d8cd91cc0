// The command line on bad input: clear message, exit code 1, never a crash.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "test_support.hpp"

namespace {

using plume::test::run_cli;

TEST(Cli, MissingFileIsExitOneWithMessage) {
    const auto r = run_cli("analyze /nonexistent/article.md");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
}

TEST(Cli, EmptyFileIsRefused) {
    const std::string path = plume::test::temp_file("empty.txt", "");
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
}

TEST(Cli, BinaryFileIsRefused) {
    const std::string path = plume::test::temp_file("binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST(Cli, InvalidUtf8IsRefused) {
    const std::string path = plume::test::temp_file("latin1.txt", "Le caf\xe9 est ferm\xe9 aujourd'hui.\n");
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
}

TEST(Cli, HugeFileIsRefusedAboveTheLimit) {
    std::string big;
    const std::string line = "Le marché des puces d’IA progresse encore cette année en Europe.\n\n";
    while (big.size() <= 50u * 1024 * 1024) big += line;
    const std::string path = plume::test::temp_file("huge.txt", big);
    const auto r = run_cli("analyze " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("too large"), std::string::npos) << r.err;
}

TEST(Cli, BadOptionIsUsageError) {
    const auto r = run_cli("analyze --match nonsense x.md");
    EXPECT_EQ(r.status, 1);
}

}  // namespace
