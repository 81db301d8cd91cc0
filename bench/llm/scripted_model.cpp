#include "scripted_model.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

#include "check/fidelity.hpp"
#include "plume/text.hpp"

namespace plume::bench {

namespace {

// A word character of the tokenizer: ASCII letters and digits, and the Latin letters of
// U+00C0–U+024F (French accents), not × and ÷.
bool word_char(char32_t c) {
    return (c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// The code point at `i` and its length in bytes (a stray byte is one character).
std::pair<char32_t, std::size_t> code_point(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 1;
    if (i + n > s.size()) return {b, 1};
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return {c, n};
}

std::string between(std::string_view s, std::string_view open, std::string_view close) {
    const std::size_t a = s.find(open);
    if (a == std::string_view::npos) return "";
    const std::size_t b = s.find(close, a + open.size());
    return std::string(s.substr(a + open.size(), b == std::string_view::npos ? std::string_view::npos : b - a - open.size()));
}

std::size_t number_after(std::string_view s, std::string_view marker, std::size_t from = 0) {
    const std::size_t a = s.find(marker, from);
    return a == std::string_view::npos ? 0 : std::strtoul(std::string(s.substr(a + marker.size(), 8)).c_str(), nullptr, 10);
}

// The numbered extracts (`1. "…"`, JSON strings) of the lines after `header`, up to a line
// that is not one.
std::vector<std::string> extracts(std::string_view prompt, std::string_view header) {
    std::vector<std::string> out;
    std::size_t pos = prompt.find(header);
    if (pos == std::string_view::npos) return out;
    pos = prompt.find('\n', pos);
    while (pos != std::string_view::npos && pos + 1 < prompt.size()) {
        const std::size_t end = std::min(prompt.find('\n', pos + 1), prompt.size());
        const std::string_view line = prompt.substr(pos + 1, end - pos - 1);
        const std::size_t dot = line.find(". \"");
        if (dot == std::string_view::npos || dot == 0 || !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(dot), ::isdigit))
            break;
        const nlohmann::json j = nlohmann::json::parse(line.substr(dot + 2), nullptr, false);
        if (j.is_string()) out.push_back(j.get<std::string>());
        pos = end;
    }
    return out;
}

std::string capitalized(std::string s) {
    if (!s.empty() && std::islower(static_cast<unsigned char>(s[0]))) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    else if (s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC3 && static_cast<unsigned char>(s[1]) >= 0xA0) s[1] = static_cast<char>(s[1] - 0x20);
    return s;
}

// A sentence over 20 words cut in two at the comma nearest its middle (outside a quotation),
// as a model asked for short sentences writes; else as it was.
std::string cut_in_two(const std::string& s) {
    const std::size_t words = text::count_words(s);
    std::size_t cut = std::string::npos, best = words, quoted = 0, before = 0;
    for (std::size_t i = 0; words > 20 && i + 2 < s.size(); ++i) {
        if (s.compare(i, 2, "«") == 0) ++quoted;
        if (s.compare(i, 2, "»") == 0 && quoted > 0) --quoted;
        if (s[i] == ' ') ++before;
        const std::size_t gap = before > words / 2 ? before - words / 2 : words / 2 - before;
        if (s.compare(i, 2, ", ") == 0 && quoted == 0 && gap < best) best = gap, cut = i;
    }
    return cut == std::string::npos ? s : s.substr(0, cut) + ". " + capitalized(s.substr(cut + 2));
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t j = std::min(s.find(' ', i), s.size());
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

// A source sentence reworded as a model would at the least: a quotation told in indirect
// speech, and an adverb every six words or so, never inside a fact (figure, date, name), so
// that no run of eight words is the source's while every fact stays as written.
std::string reworded(std::string sentence) {
    static constexpr std::array<std::string_view, 10> kAdverbs = {"aussi", "d’ailleurs", "notamment", "bien", "également",
                                                                  "donc", "ainsi", "encore", "précisément", "surtout"};
    for (const std::string_view mark : {"« ", " »", "«", "»", "\""})
        for (std::size_t at = sentence.find(mark); at != std::string::npos; at = sentence.find(mark, at)) sentence.erase(at, mark.size());
    if (!sentence.empty() && std::string_view(".!?…").find(sentence.back()) == std::string_view::npos && !sentence.ends_with("…"))
        sentence += '.';
    std::vector<std::pair<std::size_t, std::size_t>> facts;
    for (const Fact& f : write::extract_facts(sentence))
        if (const std::size_t at = sentence.find(f.text); at != std::string::npos) facts.emplace_back(at, at + f.text.size());
    const auto inside_fact = [&](std::size_t gap) {
        return std::any_of(facts.begin(), facts.end(), [&](const auto& f) { return gap + 1 >= f.first && gap <= f.second; });
    };
    std::string out;
    std::size_t since = 0, end = 0, adverb = sentence.size();
    const std::vector<std::string> words = words_of(sentence);
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += (out.empty() ? "" : " ") + words[i];
        end = sentence.find(words[i], end) + words[i].size();
        if (++since >= 5 && i + 1 < words.size() && !inside_fact(end)) {
            out += ' ';
            out += kAdverbs[adverb++ % kAdverbs.size()];
            since = 0;
        }
    }
    return out;
}

// Sentences of context without a fact: five slots drawn with periods 11, 13, 17, 19 and 23,
// so that two sentences written within ten of each other share no slot and none repeats
// another by plume's rule (80 % of its content stems).
constexpr std::array<std::string_view, 11> kOpeners = {
    "Sur le terrain,", "Dans les faits,", "Pour beaucoup,", "À court terme,", "Au quotidien,", "Concrètement,",
    "Pour l’heure,", "Dans ce contexte,", "Au-delà des annonces,", "Vu de près,", "En pratique,"};
constexpr std::array<std::string_view, 13> kSubjects = {
    "les habitants", "les usagers", "les familles", "les professionnels du secteur", "les riverains", "les observateurs",
    "les élus locaux", "les acteurs concernés", "les premiers intéressés", "les spécialistes", "les responsables",
    "les partenaires", "les commerçants"};
constexpr std::array<std::string_view, 17> kVerbs = {
    "attendent", "surveillent", "mesurent", "guettent", "jugent", "découvrent", "examinent", "retiendront", "commentent",
    "suivent", "évaluent", "apprécient", "interrogent", "comparent", "redoutent", "soulignent", "scrutent"};
constexpr std::array<std::string_view, 19> kObjects = {
    "les effets concrets de ces choix", "la portée réelle de la décision", "les conséquences pour la vie quotidienne",
    "le calendrier des prochaines étapes", "l’équilibre entre coûts et bénéfices", "la cohérence de l’ensemble",
    "les changements annoncés", "la solidité du projet", "les marges de manœuvre restantes", "le rythme de la mise en œuvre",
    "la clarté des engagements", "les promesses faites au public", "la place laissée au débat", "les risques encore ouverts",
    "la durée de la transition", "le partage des efforts", "les questions sans réponse", "l’accueil réservé aux nouveautés",
    "la répartition des rôles"};
constexpr std::array<std::string_view, 23> kEnds = {
    "avec attention", "sans précipitation", "dans les semaines à venir", "avec une certaine prudence", "au fil des mois",
    "sans illusion", "avec curiosité", "de très près", "avec un intérêt réel", "sans trancher pour autant",
    "avant de se prononcer", "en attendant la suite", "avec un optimisme mesuré", "loin des slogans", "pas à pas",
    "avec lucidité", "sans a priori", "jour après jour", "avec une vigilance accrue", "sur la durée", "avec franchise",
    "en toute transparence", "avec patience"};

// English sentences, drawn as the French ones so that none repeats another: an answer in
// English must fail as not French, not as a repetition.
constexpr std::array<std::string_view, 7> kEnglishSubjects = {"Residents", "Local officials", "Most observers", "Shop owners",
                                                              "Several experts", "Young families", "Regular users"};
constexpr std::array<std::string_view, 11> kEnglishVerbs = {"are watching", "keep asking about", "have welcomed", "still question",
                                                            "want to understand", "will judge", "are debating", "often mention",
                                                            "remain unsure about", "have praised", "closely follow"};
constexpr std::array<std::string_view, 13> kEnglishObjects = {
    "the real cost of the plan", "the timetable of the next steps", "the effects on daily life", "the promises made so far",
    "the balance between costs and benefits", "the risks that remain open", "the way decisions were taken",
    "the long transition ahead", "the share of the effort", "the questions left unanswered", "the weight of the announcement",
    "the changes to come", "the reactions of the public"};

// Sentence `i` of the slots' words, the i-th of each list (modulo its length), then a full stop.
template <typename... Lists>
std::string drawn(std::size_t i, const Lists&... lists) {
    std::string out;
    ((out += (out.empty() ? "" : " "), out += lists[i % lists.size()]), ...);
    return out + ".";
}

// The invented figure of a faulty answer: found in no source.
constexpr std::string_view kInvented = "Le coût final atteindrait 73,4 millions d’euros selon une estimation interne.";

// `sentences` as `paragraphs` paragraphs of about the same words, none over 150.
std::string in_paragraphs(const std::vector<std::string>& sentences, std::size_t paragraphs) {
    std::size_t total = 0;
    for (const std::string& s : sentences) total += text::count_words(s);
    const std::size_t per = std::min<std::size_t>(140, (total + std::max<std::size_t>(paragraphs, 1) - 1) / std::max<std::size_t>(paragraphs, 1));
    std::string out;
    std::size_t in_para = 0;
    for (const std::string& s : sentences) {
        const std::size_t n = text::count_words(s);
        if (!out.empty()) out += in_para > 0 && in_para + n > per + per / 4 ? "\n\n" : " ";
        if (out.ends_with("\n\n")) in_para = 0;
        out += s;
        in_para += n;
    }
    return out;
}

// A far too short answer: the text up to the first sentence end after its first quarter.
std::string first_quarter(const std::string& text) {
    const std::size_t cut = text.find(". ", text.size() / 4);
    return text.substr(0, cut == std::string::npos ? text.size() : cut + 1);
}

}  // namespace

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
        if (i < text.size()) {
            auto [c, n] = code_point(text, i);
            if (!word_char(c)) i += n;
            else
                for (int letters = 0; i < text.size() && letters < 4 && word_char(c); ++letters) {
                    i += n;
                    if (i < text.size()) std::tie(c, n) = code_point(text, i);
                }
        }
        out.emplace_back(text.substr(start, i - start));
    }
    return out;
}

void ScriptedModel::new_article() {
    parts_.clear();
    claimed_.clear();
}

std::string ScriptedModel::answer(const nlohmann::json& request) {
    const nlohmann::json& messages = request.at("messages");
    const std::string first = messages.size() > 1 ? messages[1].value("content", "") : "";
    const int asks = static_cast<int>((messages.size() - 2) / 2);
    if (first.find("Propose le titre") != std::string::npos) return meta(first);
    if (first.starts_with("Voici la première phrase")) return repair(first);
    if (first.starts_with("Voici des phrases")) return restyle(first);
    std::string written;  // what this conversation's answers wrote
    for (const auto& m : messages)
        if (m.value("role", "") == "assistant") written += m.value("content", "") + "\n";
    return part(first, asks, messages.back().value("content", ""), written);
}

std::string ScriptedModel::context_sentence() { return drawn(filler_++, kOpeners, kSubjects, kVerbs, kObjects, kEnds); }

// An answer that passes: the part's extracts reworded, which another part did not use, up to
// the words asked, then sentences of context until the least asked; the keyphrase opens the
// intro when `keyphrase_first`.
std::string ScriptedModel::good_part(std::string_view prompt, int rank, bool keyphrase_first, std::size_t low, std::size_t high,
                                     const std::string& written) {
    const std::size_t paragraphs = std::max<std::size_t>(1, number_after(prompt, "mots, en ") * low / std::max<std::size_t>(1, number_after(prompt, "Longueur : entre ")));
    const std::string keyphrase = between(prompt, "Requête principale (mot-clé) : « ", " »");
    std::vector<std::string> sentences;
    std::size_t words = 0;
    if (keyphrase_first) {
        sentences.push_back("Ce qu’il faut savoir sur " + keyphrase + ".");
        words += text::count_words(sentences.back());
    }
    for (const std::string& e : extracts(prompt, "Extraits des sources pour cette partie")) {
        if (words >= low) break;
        if (const auto it = claimed_.find(e); it != claimed_.end() && it->second != rank) continue;
        std::string s = cut_in_two(reworded(e));
        if (written.find(s) != std::string::npos) continue;
        const std::size_t n = text::count_words(s);
        if (words + n > high * 95 / 100) continue;
        claimed_[e] = rank;
        sentences.push_back(std::move(s));
        words += n;
    }
    while (words < low) {
        sentences.push_back(context_sentence());
        words += text::count_words(sentences.back());
    }
    return in_paragraphs(sentences, paragraphs);
}

// The fault schedule of Faults::Mixed, by the part's rank in the article: the intro without
// the keyphrase (a repair call), an invented figure, an answer in English, one far too short,
// each corrected when told; the fifth part a quarter of what is asked every time (plume's
// text). A continuation (`told` asks for the rest of `written`) writes only what is missing.
std::string ScriptedModel::part(std::string_view prompt, int asks, std::string_view told, const std::string& written) {
    const int rank = parts_.emplace(std::string(prompt), static_cast<int>(parts_.size())).first->second;
    std::size_t low = number_after(prompt, "Longueur : entre ");
    std::size_t high = number_after(prompt, " et ", prompt.find("Longueur : entre "));
    const bool continuation = told.find("écris seulement la suite") != std::string_view::npos;
    if (continuation) {
        const std::size_t missing = number_after(told, "environ ");
        const std::size_t n = number_after(told, "Ce texte fait ");
        low = missing, high = high > n ? high - n : missing;
    }
    const bool faulty = faults_ == Faults::Mixed;
    if (faulty && rank == 4) return first_quarter(good_part(prompt, rank, false, low, high, written));
    if (!faulty || asks > 0 || continuation) return good_part(prompt, rank, !faulty && rank == 0, low, high, written);
    switch (rank) {
        case 1: return good_part(prompt, rank, false, low, high) + " " + std::string(kInvented);
        case 2: {
            std::string out;
            for (std::size_t i = 0; text::count_words(out) < low; ++i) {
                if (!out.empty()) out += ' ';
                out += drawn(i, kEnglishSubjects, kEnglishVerbs, kEnglishObjects);
            }
            return out;
        }
        case 3: return first_quarter(good_part(prompt, rank, false, low, high));
        default: return good_part(prompt, rank, false, low, high);
    }
}

// The intro's first sentence given back with the keyphrase the repair asks for.
std::string ScriptedModel::repair(std::string_view prompt) const {
    return "Ce qu’il faut savoir sur " + between(prompt, "l’introduction doit contenir la requête « ", " »") + " : " +
           between(prompt, "\"\"\"\n", "\n\"\"\"");
}

// Passive or long sentences as a small model rewrites them: a long one cut in two, a passive
// one left as it was.
std::string ScriptedModel::restyle(std::string_view prompt) const {
    nlohmann::json out = {{"phrases", nlohmann::json::array()}};
    for (const std::string& s : extracts(prompt, "Voici des phrases")) out["phrases"].push_back(cut_in_two(s));
    return out.dump();
}

std::string ScriptedModel::meta(std::string_view prompt) const {
    const std::string keyphrase = between(prompt, "Requête principale (mot-clé) : « ", " »");
    const std::size_t n = number_after(prompt, "exactement ");
    const std::string with_tail = capitalized(keyphrase) + " : ce qu’il faut savoir";
    nlohmann::json out;
    out["titre"] = with_tail.size() <= 58 ? with_tail : capitalized(keyphrase);
    std::string description = capitalized(keyphrase) + " : les faits, les chiffres et les réactions";
    for (const char* more : {", expliqués et remis en contexte", " pour comprendre ce qui change", ", pour qui et pourquoi", " dès maintenant"})
        if (description.size() + std::string_view(more).size() < 150) description += more;
    out["description"] = description + ".";
    out["intertitres"] = nlohmann::json::array();
    for (std::size_t i = 1; i <= n; ++i) {
        const std::string label = "Section " + std::to_string(i) + " :";
        const std::size_t at = prompt.find(label);
        const std::vector<std::string> first = at == std::string_view::npos ? std::vector<std::string>{} : extracts(prompt.substr(at), label);
        std::string heading;
        std::size_t kept = 0;
        for (const std::string& w : words_of(first.empty() ? "Les faits essentiels" : first.front())) {
            std::string word = w;
            while (!word.empty() && std::string_view(",.:;!?\"").find(word.back()) != std::string_view::npos) word.pop_back();
            if (word.empty() || word.find("«") != std::string::npos || word.find("»") != std::string::npos) continue;
            heading += (heading.empty() ? "" : " ") + word;
            if (++kept == 6) break;
        }
        out["intertitres"].push_back(kept >= 2 ? heading : "Les faits essentiels");
    }
    return out.dump();
}

}  // namespace plume::bench
