// Site furniture recognised line by line: the cue phrases of data/fr/boilerplate_cues.txt
// and the shape of a photo caption. Internal to the clean phase.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/lexicon.hpp"

namespace plume::write {

// The kind of site furniture `line` is ("comment prompt", "photo credit", "share line"...),
// or empty for a line of the story. `line` is one line of a source, trimmed.
std::string_view furniture_kind(std::string_view line);

inline constexpr std::string_view kCreditKind = "photo credit";
inline constexpr std::string_view kCaptionKind = "photo caption";
inline constexpr std::string_view kReadAlsoKind = "read also";  // data/fr/boilerplate_cues.txt's kind
inline constexpr std::string_view kSiteLabelKind = "site label";
inline constexpr std::string_view kSiteTaglineKind = "site tag line";
inline constexpr std::string_view kPageNoticeKind = "page notice";

// A photo caption standing alone: one sentence ending in a dated or "lors de" segment,
// the way agencies caption a picture ("X, PDG de Y, lors de la pose de la première pierre
// à Loon-Plage, le 3 février 2025.").
bool caption_shaped(std::string_view paragraph);

// Whether a short line (20 words at most) speaks of the page or to its reader, outside any
// quotation: a word of the page (data/fr/page_words.txt) on a line that is no sentence, a
// reader's pronoun, an imperative opening it (« Rejoignez », « Écoutez »), a player's
// symbol first (« ▶ »), items between marks (« Paramétrer mes choix / Tout accepter »), or
// two page words in a sentence (« Une erreur est survenue lors du chargement du tweet. »).
// Such a line whose words the story shares little is the page's.
bool page_signal(std::string_view line);

// The length of the site's label opening `line` or a headline, up to the text it labels
// (« VIDÉO. », « ÉCONOMIE. », « EN DIRECT - »), or 0 when it opens on none.
std::size_t site_label_length(std::string_view line);

// Where the words of a site's tag line listing its sections start, after the headline's
// last colon, dash or bar (« Bugatti fête sa 250ème Chiron : actualité automobile, infos, scoop »): two
// items or more between commas, of one or two words each, no function word nor verb, one a
// page word (data/fr/page_words.txt); npos when none. A headline's list says what happened
// (« Municipales : Paris, Lyon, Marseille » holds no page word).
std::size_t site_tagline_start(std::string_view title);

}  // namespace plume::write
