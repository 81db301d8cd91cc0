// The promotional register: a passage that addresses the reader with an offer (second
// person, imperatives, prices and codes, calls to sign up or buy, sales superlatives, the
// page speaking of its sponsors). Scored from word classes and shapes, not from known ads.
// Internal to the clean phase.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plume/text.hpp"

namespace plume::write {

// A passage at or above this score reads as an advertisement. Measured over the 240
// articles of ../shared/corpus (4,443 titles, leads and windows of 3 sentences): none above
// 2.5; over 20 promotional paragraphs of varied registers written for
// tests/unit/write_clean_signals_test.cpp: 3.5 (the page's own podcast) to 7.5. See
// docs/write.md, "Clean".
inline constexpr double kPromoThreshold = 3.5;

// The promotional score of a passage of one to three sentences; quotations do not count
// (news quote people who say « vous »).
double promo_score(std::string_view passage);

// The classes of signal a passage carries, for the reason of its removal
// ("second person, imperative, price").
std::string promo_signals(std::string_view passage);

// Whether a passage carries any signal of the promotional register, of either kind.
bool promo_signal(std::string_view passage);

// The classes of the third-person pitch a passage carries: an advertorial tells of a brand,
// its customers and its offer rather than addressing the reader (« La marque revendique
// 200 000 clients… livraison offerte »), and gives the firm's profile (« Fondée en 1952 »,
// « Spécialiste de… », « Son catalogue… »). News tells of firms too: no count of classes
// alone removes a passage; off_topic() weighs them with the story's words.
struct PitchClasses {
    std::vector<std::string_view> classes;  // by name; a firm's noun and its customers
                                            // counted add to the seller and customers classes
    std::size_t plain = 0;                  // the classes found without the firm's profile
    bool profile = false;                   // its founding, rank or products
};
PitchClasses pitch_classes(std::string_view passage);

// The score of each window of three sentences of a paragraph (the last ones shorter), in
// order: what promotional_sentences() compares with the threshold.
std::vector<double> window_scores(std::string_view paragraph);

// The sentences of a paragraph that belong to a promotional passage: all of them after a
// sponsor's label opening it (« Contenu proposé par… »); else each window of three
// sentences scoring kPromoThreshold or more gives its sentences from the first to the last
// that carry a signal; when the offer holds most of the paragraph's words, its last
// sentences too; and when the offer ends the paragraph, the one or two opening it that are
// its hook: questions, and sentences `told_elsewhere` does not find in the story (« Ce
// travail d'enquête a un coût. »). Offsets into `paragraph`, in order.
std::vector<text::Span> promotional_sentences(std::string_view paragraph,
                                              const std::function<bool(std::string_view)>& told_elsewhere = {});

}  // namespace plume::write
