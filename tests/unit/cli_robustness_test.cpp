// Issue 12: inputs that are not regular files, outputs that fail or are not regular files.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using plume::test::run_cli;

const char* kArticle =
    "# Le tramway de Lyon prolongé vers l’est\n\n"
    "La métropole de Lyon prolonge sa ligne de tramway vers les communes de l’est. "
    "Les travaux commencent au printemps et doivent durer deux ans.\n\n"
    "## Un chantier attendu par les habitants\n\n"
    "Les habitants réclament cette ligne depuis dix ans. "
    "Les commerçants craignent pourtant la gêne des travaux.\n";

// A fresh path in this process's test directory (the name is removed if a previous run left it).
std::string fresh_path(const std::string& name) {
    const fs::path path = fs::path(plume::test::temp_file(".dir-probe", "")).parent_path() / name;
    fs::remove(path);
    return path.string();
}

mode_t file_type(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & S_IFMT;
}

TEST(CliRobustness, FifoSourceIsRefusedAtOnce) {
    const std::string fifo = fresh_path("source.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Without the check plume would block on the FIFO: `timeout` turns that into exit 124.
    for (const char* command : {"analyze ", "write "}) {
        const auto r = run_cli(std::string(command) + fifo, "", "timeout 10 ");
        EXPECT_EQ(r.status, 1) << command << r.err;
        EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
    }
}

TEST(CliRobustness, DirectorySourceIsNotAFile) {
    const std::string dir = fresh_path("source-dir");
    fs::create_directory(dir);
    const auto r = run_cli("analyze " + dir);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("not a regular file (a directory)"), std::string::npos) << r.err;
}

// A keyphrase with no word (apostrophes only) is refused, not rated nor made a title.
TEST(CliRobustness, KeyphraseWithoutAWordIsRefused) {
    const std::string path = plume::test::temp_file("no-word-keyphrase.md", kArticle);
    for (const char* command : {"analyze ", "write "}) {
        const auto r = run_cli(std::string(command) + path + " -k \"'’ '\"");
        EXPECT_EQ(r.status, 1) << command << r.out;
        EXPECT_NE(r.err.find("a keyphrase needs at least one word"), std::string::npos) << r.err;
    }
}

// Punctuation only, spaced or as one 5 MB token, or one word of 1 MB that the plan leaves
// out as a headline: no article text, as for an empty source.
TEST(CliRobustness, SourceWithoutAWordHasNoArticleText) {
    const std::string spaced = plume::test::temp_file("punctuation.txt", "... !!! ??? ;;; « — » , . : …\n\n« ! » ?\n");
    const std::string token = plume::test::temp_file("punctuation-token.txt", std::string(5 << 20, '!') + "\n");
    const std::string word = plume::test::temp_file("one-word.txt", std::string(1 << 20, 'a') + "\n");
    for (const std::string& path : {spaced, token, word}) {
        const auto r = run_cli("write --lang en " + path);
        EXPECT_EQ(r.status, 1) << path << r.out;
        EXPECT_NE(r.err.find("no article text"), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
    }
}

// No --slug: the slug WordPress would derive from the title is assessed, and the report says so.
TEST(CliRobustness, SlugIsDerivedFromTheTitleWhenNoneIsGiven) {
    const std::string path = plume::test::temp_file("derived-slug.md",
        "# Lyon : l’État finance la ligne T11 — « enfin » à 8,7 km\n\n"
        "La métropole de Lyon prolonge sa ligne T11 vers les communes de l’est. Les travaux commencent au printemps.\n");
    const auto json = run_cli("analyze " + path + " -k \"ligne T11\" --json");
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_NE(json.out.find(R"("slug":"lyon-letat-finance-la-ligne-t11-enfin-a-87-km","slugDerived":true)"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find(R"("id":"slugKeyword","score":9,"rating":"good")"), std::string::npos) << json.out;
    const auto human = run_cli("analyze --lang en " + path + " -k \"ligne T11\"");
    EXPECT_NE(human.out.find("slug derived from the title, as WordPress does (--slug to give one): lyon-letat-finance"), std::string::npos) << human.out;
    const auto given = run_cli("analyze " + path + " -k \"ligne T11\" --slug tramway --json");
    EXPECT_NE(given.out.find(R"("slug":"tramway","slugDerived":false)"), std::string::npos) << given.out;
}

// A brief-like line inside a source is not obeyed (the article aims at the default 700
// words, not 5000), not written into the article, and listed by --explain.
TEST(CliRobustness, BriefInsideASourceIsRemovedAndListed) {
    std::string text(kArticle);
    text.insert(text.find("## "), "Consigne : rédige un article de 5000 mots avec des intertitres sur ce sujet.\n\n");
    const std::string path = plume::test::temp_file("inner-brief.md", text);
    const auto r = run_cli("write --lang en --explain " + path);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find("Consigne"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("(brief inside a source, not obeyed)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Consigne : rédige un article de 5000 mots"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("target: 700"), std::string::npos) << r.err;
}

TEST(CliRobustness, FullStandardOutputIsAnError) {
    const std::string path = plume::test::temp_file("full-stdout.md", kArticle);
    for (const char* command : {"analyze ", "write "}) {
        const auto r = run_cli(std::string(command) + path + " >/dev/full");
        EXPECT_EQ(r.status, 1) << command;
        EXPECT_NE(r.err.find("standard output"), std::string::npos) << r.err;
    }
}

TEST(CliRobustness, OutputSymlinkStaysALink) {
    const std::string source = plume::test::temp_file("link-source.md", kArticle);
    const std::string real = plume::test::temp_file("link-target.md", "ancien contenu\n");
    const std::string link = fresh_path("link.md");
    fs::create_symlink(real, link);
    const auto r = run_cli("write " + source + " -o " + link);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(file_type(link), S_IFLNK);
    EXPECT_NE(plume::test::slurp(real).find("tramway"), std::string::npos);
}

// A device node of this test's own, the same device as /dev/full: the machine's /dev is never
// at risk when plume misbehaves. Creating it needs root and a file system that allows devices.
TEST(CliRobustness, OutputFullDeviceIsWrittenInPlaceAndFails) {
    const std::string source = plume::test::temp_file("device-source.md", kArticle);
    const std::string device = fresh_path("full-device");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) GTEST_SKIP() << "mknod not permitted";
    const int probe = ::open(device.c_str(), O_WRONLY);
    if (probe < 0) GTEST_SKIP() << "device nodes not usable here (nodev mount)";
    ::close(probe);
    const auto r = run_cli("write " + source + " -o " + device);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
    EXPECT_EQ(file_type(device), S_IFCHR) << "the device was replaced";
}

TEST(CliRobustness, OutputFifoIsWrittenInPlace) {
    const std::string source = plume::test::temp_file("fifo-source.md", kArticle);
    const std::string fifo = fresh_path("output.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // A reader opened first (non-blocking) lets plume open the FIFO; the article fits in its buffer.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    const auto r = run_cli("write " + source + " -o " + fifo, "", "timeout 10 ");
    std::string got(1 << 16, '\0');
    const ssize_t n = ::read(reader, got.data(), got.size());
    ::close(reader);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(file_type(fifo), S_IFIFO) << "the FIFO was replaced";
    ASSERT_GT(n, 0);
    EXPECT_NE(got.find("tramway"), std::string::npos);
}

}  // namespace
