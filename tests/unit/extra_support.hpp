// Running one extra assessment with chosen options, and reading what a mark points at.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/context.hpp"
#include "analyze/extra/extra.hpp"
#include "readability_support.hpp"

namespace plume::test {

inline std::optional<Assessment> run_extra(analysis::AssessFn fn, const Document& d,
                                           const AnalyzeOptions& options = {}) {
    const analysis::Context ctx = analysis::make_context(d, options);
    return fn(ctx);
}

inline std::string marked(const Document& d, const Mark& m) { return d.source.substr(m.start, m.end - m.start); }

inline std::vector<std::string> marked(const Document& d, const std::vector<Mark>& marks) {
    std::vector<std::string> out;
    for (const Mark& m : marks) out.push_back(marked(d, m));
    return out;
}

}  // namespace plume::test
