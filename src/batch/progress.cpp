#include "batch/progress.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "render/common.hpp"

namespace plume::batch {

namespace {

// At most ten redraws a second: a terminal's output is not free, and the eye sees no more.
constexpr std::chrono::milliseconds kRedraw{100};
constexpr int kBarWidth = 24;

std::string clock_text(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string item_line(const BatchItem& item, Lang lang) {
    const bool fr = lang == Lang::Fr;
    if (item.status == BatchStatus::Failed)
        return fmt::format(fmt::runtime(fr ? "{} : échec : {}" : "{}: failed: {}"), item.name, item.error);
    return fmt::format(fmt::runtime(fr ? "{} : {} mots, SEO {}, lisibilité {}" : "{}: {} words, SEO {}, readability {}"),
                       item.name, item.words, render::rating_word(item.seo, lang), render::rating_word(item.readability, lang));
}

void put(const std::string& text) {
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
}

}  // namespace

Progress::Progress(std::size_t total, bool bar, Lang lang) : total_(total), bar_(bar), lang_(lang) {
    if (bar_) redrawer_ = std::thread([this] { redraw_loop(); });
}

Progress::~Progress() {
    if (!bar_) return;
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    wake_.notify_all();
    redrawer_.join();
    put("\r\033[K");
}

void Progress::finished(const BatchItem& item) {
    std::lock_guard lock(mutex_);
    ++done_;
    if (!bar_) put(fmt::format("[{}/{}] {}\n", done_, total_, item_line(item, lang_)));
    else if (item.status == BatchStatus::Failed) put("\r\033[K" + item_line(item, lang_) + "\n" + bar_line());
}

void Progress::say(const std::string& line) {
    std::lock_guard lock(mutex_);
    put(bar_ ? "\r\033[K" + line + "\n" + bar_line() : line + "\n");
}

// [#######.........] 12/40  1.8 articles/s  ETA 0:15 (the rate once an article is done).
std::string Progress::bar_line() const {
    const bool fr = lang_ == Lang::Fr;
    const int filled = total_ ? static_cast<int>(kBarWidth * done_ / total_) : kBarWidth;
    std::string line = "\r[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
    line += fmt::format("{}/{}", done_, total_);
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (done_ > 0 && elapsed > 0) {
        const double rate = done_ / elapsed;
        line += fmt::format(fmt::runtime(fr ? "  {:.2f} articles/s  reste {}" : "  {:.2f} articles/s  ETA {}"), rate,
                            clock_text((total_ - done_) / rate));
    }
    return line + "\033[K";
}

void Progress::redraw_loop() {
    std::unique_lock lock(mutex_);
    while (!closing_) {
        put(bar_line());
        wake_.wait_for(lock, kRedraw, [this] { return closing_; });
    }
}

}  // namespace plume::batch
