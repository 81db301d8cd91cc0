// Promotional register. An advertisement tells the reader what to do and what it costs;
// news tells what happened to others. Each class of signal is common alone in news (a
// price, a « vous » in a practical piece, a « meilleur »), so the score adds classes, each
// capped below the threshold (but the page's own sponsor notice), and only their
// combination reaches it.
#include "clean/promo.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "clean/boilerplate.hpp"
#include "text/chars.hpp"
#include "write/cues.hpp"

namespace plume::write {

namespace {

// The signals from Clientele on score nothing: with the offer and pitch classes, they are
// the classes of the third-person pitch, counted by pitch_classes(). The last five are the
// profile a firm gives of itself: a firm's noun and the customers it counts, which add to
// the seller and customers classes, its founding, its rank and its own products.
enum Signal {
    Address, Imperative, Offer, Action, Pitch, Meta, Price, Discount, Code, Link, Disclaimer, House,
    Clientele, Seller, Selling, Amount, Firm, Counted, Founding, Rank, Product, kSignals
};

constexpr std::array<std::string_view, kSignals> kNames = {
    "second person", "imperative", "offer", "call to act", "pitch", "sponsor", "price", "discount", "promo code", "link", "ad disclaimer", "the page's product",
    "customers", "seller", "selling", "amount", "firm", "customers counted", "founding", "rank", "products"};

// Points a hit is worth and the most points a class gives a passage.
struct Weight {
    double points;
    double cap;
};
constexpr std::array<Weight, kSignals> kWeights = {{
    {1.0, 2.0},  // Address: vous, votre, tu
    {2.0, 2.0},  // Imperative opening a sentence or a clause (1 point when weak: see imperative())
    {1.0, 2.0},  // Offer words, each once a sentence
    {1.0, 2.0},  // Action words
    {0.5, 1.0},  // Pitch superlatives
    {1.5, 3.0},  // Meta: sponsor, affiliate, support us
    {1.0, 1.0},  // Price with cents, per month or from a floor: « 2,99 € », « 19 €/mois », « dès 9 € »
    {1.0, 1.0},  // Discount: « -70 % » (whole percent: a statistic has decimals)
    {2.0, 2.0},  // Promo code in capitals: « code PLUME20 »
    {1.0, 1.0},  // URL or e-mail
    {2.5, 2.5},  // A mention the law asks of an ad: « Ne pas dépasser la dose journalière recommandée »
    {1.5, 1.5},  // House: a sentence opening on a call to act names the page's product (« Écoutez…, le podcast… »)
    {0.0, 0.0},  // Clientele: clients, abonnés
    {0.0, 0.0},  // Seller: la marque, l'enseigne, la gamme
    {0.0, 0.0},  // Selling: propose, revendique, séduit
    {0.0, 0.0},  // Amount: a figure in euros
    {0.0, 0.0},  // Firm: la société, l'enseigne, le cabinet
    {0.0, 0.0},  // Counted: a figure of customers, « 410 000 foyers »
    {0.0, 0.0},  // Founding: « fondée en 1952 », « depuis 1968 »
    {0.0, 0.0},  // Rank: spécialiste de, numéro un, leader du, primé, certifié
    {0.0, 0.0},  // Product: a sentence opening on its owner's offer, « Son catalogue »
}};

using Counts = std::array<double, kSignals>;

// The folded words of a text, elisions apart ("t'inscrire" -> "t'", "inscrire").
std::vector<std::string> folded_words(std::string_view text) {
    const std::string form = match_form(text);
    std::vector<std::string> out;
    for (const text::Token& t : text::tokenize(form)) {
        if (t.kind != text::TokenKind::Word && t.kind != text::TokenKind::Number) continue;
        if (t.base > t.begin) out.emplace_back(form.substr(t.begin, t.base - t.begin));
        out.emplace_back(form.substr(t.base, t.end - t.base));
    }
    return out;
}

struct Entry {
    Signal signal;
    std::vector<std::string> words;
};

const std::vector<Entry>& entries() {
    static const std::vector<Entry> list = [] {
        std::vector<Entry> out;
        for (const Cue& c : cue_list("promo_signals")) {
            const std::array<std::pair<std::string_view, Signal>, 11> kinds = {{{"address", Address},
                                                                                 {"disclaimer", Disclaimer},
                                                                                 {"offer", Offer},
                                                                                 {"action", Action},
                                                                                 {"pitch", Pitch},
                                                                                 {"meta", Meta},
                                                                                 {"clientele", Clientele},
                                                                                 {"seller", Seller},
                                                                                 {"selling", Selling},
                                                                                 {"firm", Firm},
                                                                                 {"rank", Rank}}};
            for (const auto& [kind, signal] : kinds)
                if (c.kind == kind) out.push_back({signal, folded_words(c.text)});
        }
        return out;
    }();
    return list;
}

// The entries by their first word: a sentence's words are looked up, not every entry tried
// at every word.
const std::unordered_multimap<std::string, const Entry*>& entries_by_first_word() {
    static const auto index = [] {
        std::unordered_multimap<std::string, const Entry*> out;
        for (const Entry& e : entries())
            if (!e.words.empty()) out.emplace(e.words.front(), &e);
        return out;
    }();
    return index;
}

bool is_digits(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// The folded words of one kind of the list, looked up whole.
std::unordered_set<std::string> words_of(std::string_view kind) {
    std::unordered_set<std::string> out;
    for (const Cue& c : cue_list("promo_signals"))
        if (c.kind == kind) out.insert(match_form(c.text));
    return out;
}

bool year(std::string_view w) { return w.size() == 4 && is_digits(w) && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20")); }

// A firm's profile in its shapes: its founding (« fondée en 1952 », « depuis 1968 »,
// « depuis sa création »), the customers it counts (« 410 000 foyers », « 2,4 millions de
// patients ») and a sentence opening on its own offer (« Son catalogue », « Ses modèles »).
void profile(const std::vector<std::string>& words, Counts& c) {
    static const std::unordered_set<std::string> founded = words_of("founded"), counted = words_of("counted"),
                                                 products = words_of("product");
    static const std::unordered_set<std::string> kScale = {"million", "millions", "millier", "milliers", "milliard", "milliards", "de", "d'"};
    static const std::unordered_set<std::string> kStart = {"creation", "ouverture", "fondation", "lancement"};
    const auto at = [&](std::size_t k) -> std::string_view { return k < words.size() ? std::string_view(words[k]) : std::string_view(); };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const bool since = w == "depuis" && (year(at(i + 1)) || ((at(i + 1) == "sa" || at(i + 1) == "son") && kStart.contains(std::string(at(i + 2)))));
        if (since || (founded.contains(w) && (at(i + 1) == "en" || at(i + 1) == "depuis") && year(at(i + 2)))) c[Founding] += 1;
        if (!w.empty() && std::isdigit(static_cast<unsigned char>(w.front())) && !year(w)) {
            std::size_t k = i + 1;
            while (k < words.size() && kScale.contains(words[k])) ++k;
            if (k < words.size() && counted.contains(words[k])) c[Counted] += 1;
        }
    }
    if (words.size() > 1 && (words[0] == "son" || words[0] == "sa" || words[0] == "ses") && products.contains(words[1])) c[Product] += 1;
}

const std::vector<std::string>& stems() {
    static const std::vector<std::string> list = [] {
        std::vector<std::string> out;
        for (const Cue& c : cue_list("promo_signals"))
            if (c.kind == "stem") out.push_back(c.text);
        return out;
    }();
    return list;
}

bool starts_at(const std::vector<std::string>& words, std::size_t i, const std::vector<std::string>& phrase) {
    if (phrase.empty() || i + phrase.size() > words.size()) return false;
    return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i));
}

bool ends_with_any(std::string_view w, std::initializer_list<std::string_view> ends) {
    return std::any_of(ends.begin(), ends.end(), [&](std::string_view e) { return w.size() > e.size() + 2 && w.ends_with(e); });
}

// Points of a sentence's opening verb as a call to act: 2 for an imperative of a verb of
// acting on an offer (« Profitez », « Téléchargez ») or one with its pronoun
// (« Inscrivez-vous », « Abonne-toi »); 1 for another -ez opening (« Venez ») or a
// singular form of a listed verb (« Profite »), which names or nouns may share. In a
// question, a verb with its pronoun is an inversion (« Avez-vous »).
double imperative(const std::vector<std::string>& words, bool question) {
    std::size_t i = 0;
    if (i < words.size() && (words[i] == "ne" || words[i] == "n'")) ++i;
    if (i >= words.size()) return 0;
    std::string_view w = words[i];
    const auto dash = w.find('-');
    const bool pronoun = dash != std::string_view::npos && !question &&
                         ends_with_any(w, {"-vous", "-nous", "-toi", "-moi", "-le", "-la", "-les", "-en", "-y"});
    if (dash != std::string_view::npos) w = w.substr(0, dash);
    if (w == "chez" || w == "assez") return 0;
    const bool listed = std::any_of(stems().begin(), stems().end(), [&](const std::string& s) { return w.starts_with(s); });
    const bool plural = ends_with_any(w, {"ez", "ons"});
    if (pronoun || (listed && plural)) return 2;
    if (ends_with_any(w, {"ez"}) || (listed && ends_with_any(w, {"e", "s"}))) return 1;
    return 0;
}

// A French phone number as ads give it, five pairs of digits from a 0 (« 07 00 00 00 00 »):
// a way to reach the seller, as a link is.
bool phone_number(const std::vector<text::Token>& tokens, std::size_t k, std::string_view text) {
    if (k + 4 >= tokens.size()) return false;
    for (std::size_t j = k; j < k + 5; ++j) {
        const std::string_view v = tokens[j].view(text);
        if (tokens[j].kind != text::TokenKind::Number || v.size() != 2 || (j == k && v[0] != '0')) return false;
    }
    return true;
}

// Offer shapes in the original text: prices, discounts, codes, links.
void shapes(std::string_view sentence, Counts& c) {
    const std::vector<text::Token> tokens = text::tokenize(sentence);
    const auto at = [&](std::size_t k) { return k < tokens.size() ? tokens[k].view(sentence) : std::string_view(); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const text::Token& t = tokens[k];
        const std::string_view v = t.view(sentence);
        if (t.kind == text::TokenKind::Url || t.kind == text::TokenKind::Email || phone_number(tokens, k, sentence)) c[Link] += 1;
        const bool currency = v == "€" || v == "$";
        const bool cents = t.kind == text::TokenKind::Number && v.find(',') != std::string_view::npos;
        const bool priced = at(k + 1) == "€" || at(k + 1) == "$";
        // An ad's price: with its cents, by the month, or from a floor (« dès 39 € », « à
        // partir de 39 € »; the corpus's news write neither).
        // The word before is folded only before a currency: most words are before none.
        const auto floor = [&] {
            const std::string before = match_form(at(k - 1));
            return before == "des" || (before == "de" && match_form(at(k - 2)) == "partir");
        };
        if ((priced && (cents || floor())) || (currency && at(k + 1) == "/")) c[Price] += 1;
        if (t.kind == text::TokenKind::Number && (priced || match_form(at(k + 1)) == "euros")) c[Amount] += 1;
        const bool minus = v.starts_with('-') || (t.begin > 0 && sentence[t.begin - 1] == '-');
        if (t.kind == text::TokenKind::Number && minus && !cents && at(k + 1) == "%") c[Discount] += 1;
        const bool capitals = v.size() >= 4 && std::all_of(v.begin(), v.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        });
        if (capitals && !is_digits(v) && k > 0 && match_form(at(k - 1)) == "code") c[Code] += 1;
    }
}

// Quotations blanked, offsets kept: what people say is not the page addressing its reader.
std::string without_quotations(std::string_view text) {
    std::string out(text);
    // A text whose first guillemet closes a quotation opens inside it: a speaker's words
    // run on from the paragraph before (« …ils vous voient quand ? », interroge-t-il »).
    const std::size_t first = std::min(out.find("«"), out.find("“")), closing = std::min(out.find("»"), out.find("”"));
    if (closing < first) std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(closing), ' ');
    int depth = 0;
    bool straight = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::string_view rest = std::string_view(out).substr(i);
        const bool opens = rest.starts_with("«") || rest.starts_with("“");
        const bool closes = rest.starts_with("»") || rest.starts_with("”");
        if (opens) ++depth;
        if (out[i] == '"') straight = !straight;
        const bool inside = depth > 0 || straight || out[i] == '"';
        if (closes && depth > 0) --depth;
        if (inside || closes) out[i] = ' ';
    }
    return out;
}

// A word written in capitals only (« CDI », « SNCF »).
bool all_capitals(std::string_view w) {
    for (std::size_t i = 0; i < w.size();) {
        const text::chars::Decoded d = text::chars::decode(w, i);
        if (text::chars::is_lower(d.cp)) return false;
        i = d.next;
    }
    return true;
}

// The folded words a sentence capitalises after its first word and never writes in small
// letters: a name's (« les Grands Prix », « la Maison-Blanche »), which offer nothing.
std::vector<std::string> name_words(std::string_view sentence) {
    std::vector<std::string> upper, lower;
    bool first = true;
    for (const text::Token& t : text::tokenize(sentence)) {
        if (t.kind != text::TokenKind::Word) continue;
        const std::string_view w = sentence.substr(t.base, t.end - t.base);
        // Two letters or one, or capitals only, are an abbreviation's (« CV », « H/F », « CDI »),
        // not a name's.
        const bool name = w.size() > 2 && text::chars::is_upper(text::chars::decode(w, 0).cp) && !all_capitals(w);
        (!first && name ? upper : lower).push_back(match_form(w));
        first = false;
    }
    std::erase_if(upper, [&](const std::string& w) { return std::find(lower.begin(), lower.end(), w) != lower.end(); });
    return upper;
}

// Whether a clause after a comma may open on a strong call to act: its first word ends as
// a plural imperative or holds a pronoun (« recevez », « abonnez-vous »). Most clauses open
// on none, and are not folded and looked up.
bool comma_call(std::string_view clause) {
    const std::size_t begin = clause.find_first_not_of(' ');
    if (begin == std::string_view::npos) return false;
    const std::string_view word = clause.substr(begin, clause.find(' ', begin) - begin);
    return word.ends_with("ez") || word.ends_with("ons") || word.find('-') != std::string_view::npos;
}

bool third_person_possessive(std::string_view folded) {
    return folded == "son" || folded == "sa" || folded == "ses" || folded == "leur" || folded == "leurs";
}

Counts count(std::string_view sentence) {
    Counts c{};
    const std::vector<std::string> words = folded_words(sentence);
    std::vector<const Entry*> counted;  // a word repeated is one offer; each address counts
    std::optional<std::vector<std::string>> names;  // read when a word is an entry's, seldom
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto [from, to] = entries_by_first_word().equal_range(words[i]);
        for (auto it = from; it != to; ++it) {
            const Entry* e = it->second;
            if (!starts_at(words, i, e->words) || std::find(counted.begin(), counted.end(), e) != counted.end()) continue;
            // Someone's own (« son CV », « leur devis ») is no act asked of the reader.
            if (e->signal == Action && i > 0 && third_person_possessive(words[i - 1])) continue;
            if (!names) names = name_words(sentence);
            if (std::find(names->begin(), names->end(), words[i]) != names->end()) continue;
            c[e->signal] += 1;
            if (e->signal != Address) counted.push_back(e);
        }
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.ends_with("-vous") || w.ends_with("-toi") || w.ends_with("-tu")) c[Address] += 1;
    }
    // A call to act opens a sentence or a clause after a colon (« Assurance auto : comparez »);
    // a strong one, after its hook set off by a comma (« Pour seulement 9,90 € par mois,
    // recevez… »), where a weak one would be a name's (« …, Sanchez »).
    const bool question = sentence.find('?') != std::string_view::npos;
    double call = imperative(words, question);  // the sentence's head: its first words
    for (std::size_t mark = sentence.find_first_of(":;,"); mark != std::string_view::npos;
         mark = sentence.find_first_of(":;,", mark + 1)) {
        const std::size_t to = std::min(sentence.find_first_of(":;,", mark + 1), sentence.size());
        const std::string_view clause = sentence.substr(mark + 1, to - mark - 1);
        const bool comma = sentence[mark] == ',';
        if (comma && !comma_call(clause)) continue;
        const double points = imperative(folded_words(clause), question);
        if (!comma || points == kWeights[Imperative].points) call = std::max(call, points);
    }
    c[Imperative] = call / kWeights[Imperative].points;
    // A sentence opening on a plural imperative (« Écoutez », « Abonnez-vous ») for the page's
    // own product (data/fr/page_words.txt: podcast, newsletter, application) is a house ad:
    // news asks nothing of its reader. A singular form would be a noun's (« Journalistes »).
    if (call > 0 && !words.empty() && (words[0].ends_with("ez") || words[0].ends_with("ez-vous"))) {
        static const auto& page_words = text::word_list("page_words");
        c[House] = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return page_words.contains(w); });
    }
    shapes(sentence, c);
    profile(words, c);
    return c;
}

double score(const Counts& c) {
    double total = 0;
    for (int s = 0; s < kSignals; ++s) total += std::min(kWeights[s].cap, c[s] * kWeights[s].points);
    return total;
}

double sum(const Counts& c) {
    double n = 0;
    for (double x : c) n += x;
    return n;
}

// Each sentence of a text and its signals, counted with quotations blanked.
std::vector<std::pair<text::Span, Counts>> sentence_counts(std::string_view text) {
    const std::string blanked = without_quotations(text);
    std::vector<std::pair<text::Span, Counts>> out;
    for (const text::Span& s : text::split_sentences(text))
        out.emplace_back(s, count(std::string_view(blanked).substr(s.begin, s.end - s.begin)));
    return out;
}

void add(Counts& into, const Counts& c) {
    for (int k = 0; k < kSignals; ++k) into[k] += c[k];
}

constexpr std::size_t kWindow = 3;
// An offer's hook runs one or two sentences before it.
constexpr std::size_t kHookSentences = 2;

// The signals of the window of sentences [i, i + kWindow).
Counts window(const std::vector<std::pair<text::Span, Counts>>& sentences, std::size_t i) {
    Counts out{};
    for (std::size_t j = i; j < std::min(sentences.size(), i + kWindow); ++j) add(out, sentences[j].second);
    return out;
}

Counts total(std::string_view passage) {
    Counts out{};
    for (const auto& [span, c] : sentence_counts(passage)) add(out, c);
    return out;
}

// A sponsor's label set as a paragraph's first sentence (« Contenu proposé par Maison
// Verdier. », « Contenu sponsorisé. », « Publi-information. ») heads the text it labels: a
// sentence of a few words, the label and a firm's name, that is a promotion's line.
// « Publicité » alone labels an ad's slot, not the text after it, which a flattened page may
// glue to it; a news sentence may open on a label's words but runs on (« En partenariat
// avec l'Inserm, le CHU a lancé… »).
constexpr std::size_t kSponsorLabelWords = 8;
bool sponsor_label(std::string_view sentence) {
    const std::vector<std::string> words = folded_words(sentence);
    return !words.empty() && words != std::vector<std::string>{"publicite"} && words.size() <= kSponsorLabelWords &&
           furniture_kind(sentence) == "promo line";
}

}  // namespace

double promo_score(std::string_view passage) { return score(total(passage)); }

std::string promo_signals(std::string_view passage) {
    const Counts c = total(passage);
    std::string out;
    for (int k = 0; k < kSignals; ++k)
        if (c[k] > 0 && kWeights[k].points > 0) out += std::string(out.empty() ? "" : ", ") + std::string(kNames[k]);
    return out;
}

bool promo_signal(std::string_view passage) { return sum(total(passage)) > 0; }

PitchClasses pitch_classes(std::string_view passage) {
    constexpr std::array<Signal, 6> kPlain = {Clientele, Seller, Selling, Offer, Pitch, Amount};
    constexpr std::array<Signal, 3> kProfile = {Founding, Rank, Product};
    const Counts c = total(passage);
    PitchClasses out;
    for (Signal k : kPlain) {
        const bool profiled = (k == Clientele && c[Counted] > 0) || (k == Seller && c[Firm] > 0);
        if (c[k] > 0) ++out.plain;
        if (c[k] > 0 || profiled) out.classes.push_back(kNames[k]);
    }
    for (Signal k : kProfile)
        if (c[k] > 0) out.classes.push_back(kNames[k]), out.profile = true;
    return out;
}

std::vector<double> window_scores(std::string_view paragraph) {
    const auto sentences = sentence_counts(paragraph);
    std::vector<double> out;
    for (std::size_t i = 0; i < sentences.size(); ++i) out.push_back(score(window(sentences, i)));
    return out;
}

std::vector<text::Span> promotional_sentences(std::string_view paragraph, const std::function<bool(std::string_view)>& told_elsewhere) {
    const auto sentences = sentence_counts(paragraph);
    if (sentences.size() > 1 && sponsor_label(paragraph.substr(sentences[0].first.begin, sentences[0].first.end - sentences[0].first.begin))) {
        std::vector<text::Span> all;
        for (const auto& [span, c] : sentences) all.push_back(span);
        return all;
    }
    std::vector<bool> promo(sentences.size(), false);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (score(window(sentences, i)) < kPromoThreshold) continue;
        // From its first sentence carrying a signal to its last: the pitch between them too.
        std::size_t first = i, last = std::min(sentences.size(), i + kWindow) - 1;
        while (first < last && sum(sentences[first].second) == 0) ++first;
        while (last > first && sum(sentences[last].second) == 0) --last;
        for (std::size_t j = first; j <= last; ++j) promo[j] = true;
    }
    // When the offer holds most of its paragraph's words, the sentences after it are its
    // sign-off (« Plus de deux millions de lecteurs…, rejoignez-les »), signals or not.
    if (std::none_of(promo.begin(), promo.end(), [](bool p) { return p; })) return {};
    std::size_t offer = 0, all = 0, last = sentences.size();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const std::size_t n = text::count_words(paragraph.substr(sentences[i].first.begin, sentences[i].first.end - sentences[i].first.begin));
        all += n;
        if (promo[i]) offer += n, last = i;
    }
    if (last < sentences.size() && 2 * offer >= all) std::fill(promo.begin() + static_cast<std::ptrdiff_t>(last), promo.end(), true);
    // An offer that ends its paragraph ends what the paragraph was leading to.
    if (promo.back()) {
        // The sentences opening the paragraph before the offer are its hook, a question or
        // a fact the story does not tell that sets it up (« Envie de changer de métier ? »,
        // « Ce travail d'enquête a un coût. »): they go with it. A sentence of the story
        // before an offer pasted after it stays (« Le chantier commencera en mars. »).
        const auto first = static_cast<std::size_t>(std::find(promo.begin(), promo.end(), true) - promo.begin());
        const auto hook = [&](std::size_t i) {
            const std::string_view s = paragraph.substr(sentences[i].first.begin, sentences[i].first.end - sentences[i].first.begin);
            return s.ends_with('?') || (told_elsewhere && !told_elsewhere(s));
        };
        bool hooked = first <= kHookSentences;
        for (std::size_t i = 0; i < first; ++i) hooked = hooked && hook(i);
        if (hooked) std::fill(promo.begin(), promo.begin() + static_cast<std::ptrdiff_t>(first), true);
    }
    std::vector<text::Span> out;
    for (std::size_t i = 0; i < sentences.size(); ++i)
        if (promo[i]) out.push_back(sentences[i].first);
    return out;
}

}  // namespace plume::write
