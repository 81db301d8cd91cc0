// Small members of the public article model.
#include "plume/write.hpp"

namespace plume {

std::string ArticleBlock::text() const {
    std::string out;
    for (const Piece& p : pieces) {
        if (p.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += p.text;
    }
    return out;
}

const char* to_string(RemovalReason reason) {
    switch (reason) {
        case RemovalReason::Brief: return "brief";
        case RemovalReason::Boilerplate: return "boilerplate";
        case RemovalReason::RepeatedTitle: return "repeated-title";
        case RemovalReason::RedundantBullet: return "redundant-bullet";
        case RemovalReason::OffTopic: return "off-topic";
        case RemovalReason::Duplicate: return "duplicate";
        case RemovalReason::NotProse: return "not-prose";
        case RemovalReason::Moved: return "moved";
    }
    return "?";
}

const char* to_string(FactKind kind) {
    switch (kind) {
        case FactKind::Number: return "number";
        case FactKind::Date: return "date";
        case FactKind::Quote: return "quote";
        case FactKind::Name: return "name";
    }
    return "?";
}

}  // namespace plume
