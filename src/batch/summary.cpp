// The table a batch ends with: one row per item, then the counts.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "plume/batch.hpp"
#include "render/common.hpp"

namespace plume {

namespace {

constexpr std::size_t kColumns = 6;
using Row = std::array<std::string, kColumns>;

// Columns are aligned on characters, not bytes: names and ratings have accents.
std::size_t width(const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

const char* status_words(BatchStatus s, bool fr) {
    switch (s) {
        case BatchStatus::Written: return fr ? "écrit" : "written";
        case BatchStatus::AlreadyDone: return fr ? "déjà fait" : "already done";
        case BatchStatus::Failed: return fr ? "échec" : "failed";
        case BatchStatus::NotRun: return fr ? "non traité" : "not run";
    }
    return "?";
}

Row row_of(const BatchItem& item, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::string status = status_words(item.status, fr);
    if (item.status == BatchStatus::Failed) status += (fr ? " : " : ": ") + item.error;
    if (item.status == BatchStatus::Failed || item.status == BatchStatus::NotRun) return {item.name, "", "", "", "", status};
    return {item.name, std::to_string(item.words), render::rating_word(item.seo, lang),
            render::rating_word(item.readability, lang), std::to_string(item.warnings), status};
}

std::string table(const std::vector<Row>& rows) {
    std::array<std::size_t, kColumns> widths{};
    for (const Row& r : rows)
        for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], width(r[c]));
    std::string out;
    for (const Row& r : rows) {
        std::string line;
        for (std::size_t c = 0; c < kColumns; ++c) {
            const bool number = c == 1 || c == 4;  // right-aligned
            const std::string pad(widths[c] - width(r[c]), ' ');
            line += (c ? "  " : "") + (number ? pad + r[c] : c + 1 < kColumns ? r[c] + pad : r[c]);
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace

std::string render_batch_summary(const BatchReport& report, Lang lang) {
    const bool fr = lang == Lang::Fr;
    std::vector<Row> rows{fr ? Row{"article", "mots", "SEO", "lisibilité", "alertes", "état"}
                             : Row{"article", "words", "SEO", "readability", "warnings", "status"}};
    std::array<std::size_t, 4> counts{};
    for (const BatchItem& item : report.items) {
        rows.push_back(row_of(item, lang));
        ++counts[static_cast<std::size_t>(item.status)];
    }
    return table(rows) + fmt::format(fmt::runtime(fr ? "{} écrits, {} déjà faits, {} en échec, {} non traités{}\n"
                                                     : "{} written, {} already done, {} failed, {} not run{}\n"),
                                     counts[0], counts[1], counts[2], counts[3],
                                     report.interrupted ? (fr ? " (interrompu)" : " (interrupted)") : "");
}

}  // namespace plume
