// The Server-Sent Events reader: events are found whatever the network cuts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/sse.hpp"

namespace {

using plume::llm::SseEvent;
using plume::llm::SseParser;

std::vector<SseEvent> read_in_pieces(const std::string& stream, std::size_t piece) {
    std::vector<SseEvent> events;
    SseParser parser([&](const SseEvent& e) { events.push_back(e); });
    for (std::size_t at = 0; at < stream.size(); at += piece) parser.feed(std::string_view(stream).substr(at, piece));
    return events;
}

TEST(LlmSse, EventsEndAtABlankLineWhateverTheLineBreak) {
    for (const std::string br : {"\n", "\r\n", "\r"}) {
        const std::string stream = "data: {\"a\":1}" + br + br + "data: [DONE]" + br + br;
        const auto events = read_in_pieces(stream, stream.size());
        ASSERT_EQ(events.size(), 2u) << "line break of " << br.size() << " bytes";
        EXPECT_EQ(events[0].data, "{\"a\":1}");
        EXPECT_EQ(events[1].data, "[DONE]");
    }
}

TEST(LlmSse, CutsAnywhereGiveTheSameEvents) {
    const std::string stream =
        ": keep-alive\r\n\r\n"
        "event: delta\r\ndata: « Le tramway\r\ndata: arrive à Lyon »\r\n\r\n"
        "data:sans espace\r\n\r\n"
        "id: 7\r\nretry: 100\r\ndata: [DONE]\r\n\r\n";
    for (std::size_t piece = 1; piece <= 7; ++piece) {
        const auto events = read_in_pieces(stream, piece);
        ASSERT_EQ(events.size(), 3u) << "pieces of " << piece << " bytes";
        EXPECT_EQ(events[0].type, "delta");
        EXPECT_EQ(events[0].data, "« Le tramway\narrive à Lyon »");
        EXPECT_EQ(events[1].type, "");
        EXPECT_EQ(events[1].data, "sans espace");
        EXPECT_EQ(events[2].data, "[DONE]");
    }
}

TEST(LlmSse, AnEventWithoutItsBlankLineIsNotDispatched) {
    const auto events = read_in_pieces("data: complet\n\ndata: coupé", 4);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data, "complet");
}

TEST(LlmSse, CommentsAndEmptyEventsDispatchNothing) {
    EXPECT_TRUE(read_in_pieces(": ping\n\n\n\nevent: vide\n\n", 3).empty());
}

}  // namespace
