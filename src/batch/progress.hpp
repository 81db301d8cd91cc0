// What a batch shows while it runs: on a terminal, one line redrawn in place (done/total,
// rate, time left); elsewhere (a log, a pipe), one line per finished article.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "plume/batch.hpp"

namespace plume::batch {

class Progress {
public:
    Progress(std::size_t total, bool bar, Lang lang);
    ~Progress();  // clears the bar
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void finished(const BatchItem& item);
    void say(const std::string& line);  // a message above the bar

private:
    std::string bar_line() const;
    void redraw_loop();

    const std::size_t total_;
    const bool bar_;
    const Lang lang_;
    const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::mutex mutex_;
    std::condition_variable wake_;
    std::size_t done_ = 0;
    bool closing_ = false;
    std::thread redrawer_;
};

}  // namespace plume::batch
