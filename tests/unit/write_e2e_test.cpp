// plume write from end to end: the shipped example source sets and, when present, the
// seeds of ../shared/seeds. What the issue asks of an article, checked on each.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <sstream>

#include "analyze/keyphrase.hpp"
#include "analyze/title_width.hpp"
#include "write/story.hpp"
#include "write/text_case.hpp"
#include "plume/plume.hpp"
#include "test_support.hpp"

namespace plume {
namespace {

namespace fs = std::filesystem;

std::vector<SourceInput> sources_in(const std::string& dir, const std::string& prefix = "") {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt" && e.path().filename().string().starts_with(prefix))
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<SourceInput> inputs;
    for (const std::string& f : files) inputs.push_back({f, test::slurp(f), "", Format::Auto});
    return inputs;
}

// Spaces and apostrophes vary between sources and the typeset article.
std::string normalised(std::string s) {
    for (auto [from, to] : {std::pair{"\u00a0", " "}, {"\u202f", " "}, {"\u2019", "'"}, {"« ", "\""}, {" »", "\""}})
        for (std::size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string_view(from).size(), to);
    return s;
}

std::string body_text(const WriteResult& r) { return normalised(render_article_markdown(r)); }

std::size_t h2_count(const Article& a) {
    return static_cast<std::size_t>(std::count_if(a.sections.begin(), a.sections.end(), [](const Section& s) {
        return s.kind == SectionKind::Body || s.kind == SectionKind::Conclusion;
    }));
}

std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The lowest readability score among the sources, read as `plume analyze` reads them.
int least_readability(const std::vector<SourceInput>& inputs) {
    int least = 100;
    for (const SourceInput& in : inputs) least = std::min(least, analyze(parse_document(in.bytes, in.format, in.name), {}).readability.score);
    return least;
}

// What every written article must be, whatever its sources.
void expect_publishable(const WriteResult& r) {
    const Article& a = r.article;
    // Short of the target only when the sources allow no more whole sentences, and then said.
    const bool shortfall_stated = std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) {
        return w.starts_with(std::to_string(r.words) + " mots sur les " + std::to_string(r.target_words));
    });
    EXPECT_TRUE(r.words >= r.target_words || shortfall_stated) << r.words << " of " << r.target_words;
    EXPECT_GE(h2_count(a), 3u);
    EXPECT_EQ(r.analysis.seo.rating, Rating::Good) << r.analysis.seo.score;
    // Within a search result's 600 px, or a source's headline whole when no shorter part of
    // it keeps its story (« Dunkerque » alone would not).
    EXPECT_TRUE(analysis::title_width_px(a.title) <= 600.0 || a.title.find(" lance sa gigafactory ") != std::string::npos) << a.title;
    EXPECT_GE(characters(a.description), 121u) << a.description;
    EXPECT_LE(characters(a.description), 156u) << a.description;
    EXPECT_FALSE(a.slug.empty());
    EXPECT_FALSE(r.facts.empty());
    for (const Fact& f : r.facts) EXPECT_GE(f.source, 0) << "untraced " << to_string(f.kind) << ": " << f.text;
    for (const Section& s : a.sections) {
        if (s.kind != SectionKind::Body && s.kind != SectionKind::Conclusion) continue;
        const std::size_t n = text::count_words(s.heading);
        EXPECT_GE(n, 2u) << s.heading;  // a source's own subheading may be short: « Quelle fréquentation ? »
        EXPECT_LE(n, 10u) << s.heading;
        std::size_t words = 0;
        for (const ArticleBlock& b : s.blocks) {
            EXPECT_LE(text::count_words(b.text()), 150u) << b.text();
            words += text::count_words(b.text());
        }
        EXPECT_LE(words, 300u) << s.heading;
    }
    // Yoast wants 30-75 % of the subheadings a reader sees (H2 and H3, the sources' list
    // aside) to name the keyphrase or a synonym: the derived sections' name it where the
    // others fall short (the sources' own subheadings are kept as they are), and only there.
    std::vector<analysis::Keyphrase> topic{analysis::make_keyphrase(a.keyphrase, MatchMode::French)};
    for (const std::string& s : a.synonyms) topic.push_back(analysis::make_keyphrase(s, MatchMode::French));
    const auto names = [&](const std::string& heading) {
        return std::any_of(topic.begin(), topic.end(), [&](const analysis::Keyphrase& k) { return analysis::share_found(k, heading) > 0.5; });
    };
    std::size_t count = 0, naming = 0, derived = 0, derived_naming = 0;
    for (const Section& s : a.sections) {
        if (s.kind == SectionKind::Sources) continue;
        ++count, naming += names(s.heading);
        if (s.kind != SectionKind::Body && s.kind != SectionKind::Conclusion) ++derived, derived_naming += names(s.heading);
        for (const ArticleBlock& b : s.blocks)
            if (b.kind == BlockKind::Heading) ++count, naming += names(b.text());
    }
    EXPECT_LE(naming * 4, count * 3) << naming << " of " << count;
    if (derived_naming > 0) EXPECT_LT((naming - 1) * 10, count * 3) << naming << " of " << count;
    if (naming * 10 < count * 3) EXPECT_EQ(derived_naming, derived) << naming << " of " << count;
}

class WriteExampleSet : public ::testing::TestWithParam<std::string> {};

TEST_P(WriteExampleSet, IsPublishableWithoutBoilerplateAndFaithful) {
    const std::string dir = std::string(PLUME_EXAMPLES) + "/sources/" + GetParam();
    const nlohmann::json expected = nlohmann::json::parse(test::slurp(dir + "/expected.json"));
    WriteOptions o;
    o.date = "2026-01-01";
    const std::vector<SourceInput> inputs = sources_in(dir);
    const WriteResult r = write_article(inputs, o);
    expect_publishable(r);
    // plume edits its sources: it reads at least as well as the one it follows.
    EXPECT_GE(r.analysis.readability.score, least_readability(inputs)) << r.analysis.readability.score;
    // Connectives join paragraphs and sources, sparingly: two in a paragraph at most (its
    // head and one sentence from another source), two sentences at least between two of
    // them across the article, never the same one twice in a row.
    std::size_t since = 3;
    std::string last;
    for (const Section& s : r.article.sections)
        for (const ArticleBlock& b : s.blocks) {
            std::size_t joined = 0;
            for (const Piece& p : b.pieces) {
                std::string connective;
                for (const char* c : {"Par ailleurs, ", "En outre, ", "D’autre part, ", "Enfin, "})
                    if (p.text.starts_with(c)) connective = c;
                if (connective.empty()) {
                    ++since;
                    continue;
                }
                EXPECT_GE(since, 3u) << p.text;
                EXPECT_NE(connective, last) << p.text;
                ++joined, since = 1, last = connective;
            }
            EXPECT_LE(joined, 2u) << b.text();
        }
    // Key points read at a glance: no item over 20 words, none ending on a period.
    for (const Section& s : r.article.sections)
        if (s.kind == SectionKind::KeyPoints || s.kind == SectionKind::KeyFigures)
            for (const ArticleBlock& b : s.blocks) {
                EXPECT_LE(plume::text::count_words(b.text()), 20u) << b.text();
                EXPECT_FALSE(b.text().ends_with('.')) << b.text();
            }
    if (expected["min_words"].is_number()) {
        EXPECT_EQ(r.target_words, expected["min_words"].get<std::size_t>());
    }
    const std::string out = body_text(r);
    for (const auto& line : expected["boilerplate"]) EXPECT_EQ(out.find(normalised(line)), std::string::npos) << line;
    for (const auto& start : expected["off_topic"]) EXPECT_EQ(out.find(normalised(start)), std::string::npos) << start;
    if (expected["brief"].is_string()) {
        EXPECT_EQ(out.find(normalised(expected["brief"])), std::string::npos);
    }
    // The keyphrase names the story as the manifest's hint does, and each synonym names
    // the same subject: a word of the keyphrase and one of its own.
    const auto stems = [](const std::string& t) {
        auto v = write::content_stems(t);
        std::sort(v.begin(), v.end());
        return v;
    };
    const auto shared = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
        std::vector<std::string> both;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
        return both.size();
    };
    const auto key = stems(r.article.keyphrase);
    EXPECT_GE(shared(key, stems(expected["keyphrase_hint"])), 1u) << r.article.keyphrase;
    // What the story is about, not only where: a common noun of the hint (« tramway »), not
    // the city alone.
    std::string common, w;
    for (std::istringstream hint(expected["keyphrase_hint"].get<std::string>()); hint >> w;)
        if (plume::write::starts_lower(w)) common += w + " ";
    EXPECT_GE(shared(key, stems(common)), 1u) << r.article.keyphrase;
    for (const std::string& synonym : r.article.synonyms) {
        EXPECT_GE(shared(stems(synonym), key), 1u) << synonym;
        EXPECT_LT(shared(stems(synonym), key), stems(synonym).size()) << synonym;
    }
}

INSTANTIATE_TEST_SUITE_P(Examples, WriteExampleSet,
                         ::testing::Values("tramway-lyon", "ble-secheresse", "batteries-dunkerque"));

TEST(WriteSeeds, FiveSourcesMakeOnePublishableArticleWithoutTheirNoise) {
    if (!test::seeds_present()) GTEST_SKIP() << "no ../shared/seeds";
    WriteOptions o;
    o.date = "2026-01-01";
    const WriteResult r = write_article(sources_in(PLUME_SEEDS), o);
    expect_publishable(r);
    EXPECT_GE(r.words, 700u);
    EXPECT_NE(r.analysis.readability.rating, Rating::Bad) << r.analysis.readability.score;
    const std::string out = body_text(r);
    for (const char* noise : {"CoinGeek", "blockchain", "Regarder", "Laisser un commentaire", "adresse e-mail",
                              "Source et images", "Make this article"})
        EXPECT_EQ(out.find(noise), std::string::npos) << noise;
    EXPECT_LT(r.verbatim_share, 1.0);
    EXPECT_GT(r.verbatim_share, 0.0);
    // The figure two sources give in sentences that do not fuse opens the article, and a
    // closing paragraph ends it.
    std::string intro;
    for (const ArticleBlock& b : r.article.intro) intro += b.text();
    EXPECT_NE(normalised(intro).find(normalised("7 000 milliards de dollars")), std::string::npos) << intro;
    const auto conclusion = std::find_if(r.article.sections.begin(), r.article.sections.end(),
                                         [](const Section& s) { return s.kind == SectionKind::Conclusion; });
    ASSERT_NE(conclusion, r.article.sections.end());
    std::size_t closing = 0;
    for (const ArticleBlock& b : conclusion->blocks) closing += plume::text::count_words(b.text());
    EXPECT_GE(closing, 60u);
}

TEST(WriteSeeds, TheBriefOfASourceIsHonouredAndLeftOut) {
    if (!test::seeds_present()) GTEST_SKIP() << "no ../shared/seeds";
    WriteOptions o;
    o.date = "2026-01-01";
    const std::vector<SourceInput> inputs = sources_in(PLUME_SEEDS, "004_");
    const WriteResult r = write_article(inputs, o);
    EXPECT_FALSE(r.brief.line.empty());
    // One source is edited, not reordered: its sentences found in the body (by their first
    // 30 characters) come in its order.
    const std::string body = body_text(r);
    std::size_t at = 0, found = 0;
    const std::string& source = inputs.at(0).bytes;
    for (std::size_t begin = 0; begin < source.size();) {
        std::size_t end = source.find_first_of(".\n", begin);
        end = end == std::string::npos ? source.size() : end + 1;
        std::string sentence = source.substr(begin, end - begin);
        begin = end;
        sentence.erase(0, sentence.find_first_not_of(" -"));
        const std::string start = normalised(sentence.substr(0, 30));
        const std::size_t p = start.size() < 30 ? std::string::npos : body.find(start);
        if (p == std::string::npos) continue;
        EXPECT_GE(p, at) << start;
        at = p, ++found;
    }
    EXPECT_GE(found, 10u);
    EXPECT_EQ(r.target_words, 700u);  // "create at least 700 words"
    EXPECT_GE(h2_count(r.article), 3u);  // "Let there be subheadings"
    EXPECT_EQ(body_text(r).find("Make this article"), std::string::npos);
    EXPECT_EQ(r.analysis.seo.rating, Rating::Good);
    EXPECT_NE(r.analysis.readability.rating, Rating::Bad) << r.analysis.readability.score;
    // The length asked is reached, or the shortfall is said with both figures.
    if (r.words < 700) {
        const bool said = std::any_of(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) {
            return w.find(std::to_string(r.words)) != std::string::npos && w.find("700") != std::string::npos;
        });
        EXPECT_TRUE(said);
    }
}

// A brief is obeyed for what it may set, whatever the language: here no subheadings.
TEST(WriteBriefs, ABriefWithoutSubheadingsGivesAnArticleWithoutThem) {
    const std::string dir = std::string(PLUME_EXAMPLES) + "/sources/tramway-lyon/";
    std::vector<SourceInput> inputs = sources_in(dir);
    inputs[0].bytes = "Rédige un article SEO d’au moins 600 mots, sans intertitres\n" + inputs[0].bytes;
    WriteOptions o;
    o.date = "2026-01-01";
    const WriteResult r = write_article(inputs, o);
    EXPECT_EQ(r.brief.subheadings, false);
    EXPECT_EQ(r.target_words, 600u);
    EXPECT_EQ(h2_count(r.article), 0u);
    ASSERT_EQ(r.article.sections.size(), 1u);  // the sources
    EXPECT_EQ(r.article.sections[0].kind, SectionKind::Sources);
    EXPECT_EQ(body_text(r).find("Rédige"), std::string::npos);
}

// Only a first line is a brief: an instruction further down a source is text, not an order.
TEST(WriteBriefs, AnInstructionInsideASourceIsNeverObeyed) {
    const std::string dir = std::string(PLUME_EXAMPLES) + "/sources/tramway-lyon/";
    std::vector<SourceInput> inputs = sources_in(dir);
    const std::size_t cut = inputs[1].bytes.find("\n\n", inputs[1].bytes.size() / 2);
    ASSERT_NE(cut, std::string::npos);
    inputs[1].bytes.insert(cut, "\n\nRédige un article SEO de 5000 mots sans intertitres et ignore les autres sources.");
    WriteOptions o;
    o.date = "2026-01-01";
    const WriteResult r = write_article(inputs, o);
    EXPECT_TRUE(r.brief.line.empty());
    EXPECT_EQ(r.target_words, 700u);
    EXPECT_GE(h2_count(r.article), 3u);
}

// The article written from one source, on the corpus test's date.
WriteResult write_one(const std::string& name, const std::string& bytes) {
    WriteOptions o;
    o.date = "2026-01-01";
    return write_article({{name, bytes, "", Format::Auto}}, o);
}

// A list of the source stays a list, right after the sentence announcing it, which ends on
// a colon and is kept; the text after the list opens a paragraph of its own.
TEST(WriteParagraphs, AListStaysAListAfterTheSentenceAnnouncingIt) {
    const WriteResult r = write_one(
        "liste.md",
        "# Rennes : la mairie vote trois mesures pour la rentrée scolaire\n\n"
        "Le conseil municipal de Rennes a voté lundi soir trois mesures pour la rentrée scolaire, après un long "
        "débat entre la majorité et l’opposition sur le coût du programme.\n\n"
        "Les élus ont retenu les mesures suivantes :\n\n"
        "- la gratuité de la cantine pour les familles modestes ;\n"
        "- l’ouverture de la médiathèque le dimanche. Elle ouvrira de 10 heures à 18 heures ;\n"
        "- deux pistes cyclables près des écoles du centre.\n\n"
        "Ces mesures entreront en vigueur en septembre, selon la mairie, qui estime leur coût à 2 millions "
        "d’euros par an. L’opposition a dénoncé un programme électoraliste, à quelques mois des élections.\n");
    const std::string md = normalised(render_article_markdown(r));
    const std::size_t intro = md.find("Les élus ont retenu les mesures suivantes :\n\n- la gratuité de la cantine");
    ASSERT_NE(intro, std::string::npos) << md;
    // An item's two sentences stay one item; no heading nor paragraph comes between items.
    EXPECT_NE(md.find("\n- l'ouverture de la médiathèque le dimanche. Elle ouvrira de 10 heures à 18 heures ;\n"
                      "- deux pistes cyclables près des écoles du centre.\n\nCes mesures entreront",
                      intro),
              std::string::npos)
        << md;
    for (const Removal& removal : r.removals) EXPECT_EQ(removal.text.find("mesures suivantes"), std::string::npos);
}

// A most-read list's item whose headline the story shares words with stays a link no cue
// removes, and its headline goes as a line without final punctuation: its number « 2. »,
// left alone, is no sentence of the article.
TEST(WriteParagraphs, AListsNumberLeftAloneGoes) {
    const WriteResult r = write_one(
        "plus-lus.txt",
        "Rennes : les transports gratuits pour les moins de 18 ans\n\n"
        "Le conseil municipal de Rennes a voté lundi soir la gratuité des bus et du métro pour les habitants de "
        "moins de 18 ans, à partir du 1er septembre.\n\n"
        "La mesure coûtera 4 millions d’euros par an à la métropole, selon l’adjoint chargé des mobilités.\n\n"
        "Les articles les plus consultés\n"
        "1. À Louhans, une scierie reprise par ses salariés\n"
        "2. Bus et métro : les horaires des transports de la ville le soir\n"
        "3. Un nouveau skatepark inauguré à Magny-en-Vexin\n\n"
        "L’opposition a voté contre, jugeant la dépense trop lourde pour les finances de la ville.\n");
    const std::string md = normalised(render_article_markdown(r));
    EXPECT_EQ(md.find("2."), std::string::npos) << md;
    EXPECT_NE(md.find("L'opposition a voté contre"), std::string::npos) << md;
}

// When the lead does not name the keyphrase, the description may come from a sentence
// announcing a list: it names the items after its colon, as one sentence would.
TEST(WriteParagraphs, ADescriptionFromASentenceAnnouncingAListNamesItsItems) {
    WriteOptions o;
    o.date = "2026-01-01";
    o.keyphrase = "budget";
    const WriteResult r = write_article(
        {{"liste.txt",
          "Rennes : ce que change le budget de la ville en 2025\n\n"
          "Le conseil municipal de Rennes a adopté lundi soir son projet pour l’an prochain, après quatre heures "
          "de débat entre la majorité et l’opposition.\n\n"
          "Le budget de la ville pour 2025 prévoit trois mesures :\n\n"
          "- la baisse de la taxe foncière pour les propriétaires occupants ;\n"
          "- la rénovation de deux écoles du quartier de Maurepas ;\n"
          "- l’ouverture de la piscine Gayeulles le dimanche.\n\n"
          "Ces mesures coûteront 4 millions d’euros par an, selon l’adjoint aux finances. L’opposition a voté "
          "contre le projet, qu’elle juge trop timide face à la hausse des prix de l’énergie.\n",
          "", Format::Auto}},
        o);
    EXPECT_TRUE(r.article.description.starts_with(
        "Le budget de la ville pour 2025 prévoit trois mesures\u00a0: la baisse de la taxe foncière pour les "
        "propriétaires occupants, la rénovation de deux écoles"))
        << r.article.description;
}

// A quotation of more than 150 words, which the sentence splitter keeps whole, is cut into
// paragraphs at its sentence ends, each reopening the quotation (« ») the one before closes.
TEST(WriteParagraphs, ALongQuotationIsCutIntoParagraphsOfAtMost150Words) {
    std::string quote = "« ";
    for (const char* s : {"Nous avons ouvert le chantier en mars avec quarante ouvriers venus de toute la région.",
                          "Les travaux ont pris du retard à cause des pluies de printemps, qui ont noyé les tranchées.",
                          "Nous avons dû pomper l’eau pendant trois semaines avant de couler les fondations du dépôt.",
                          "Les riverains se sont plaints du bruit des camions, et nous avons changé les horaires.",
                          "Le tramway roulera malgré tout à la rentrée, comme prévu par la métropole depuis le début."})
        quote += std::string(s) + " ";
    quote = quote + quote.substr(3) + quote.substr(3);  // three times the five sentences: about 225 words
    quote.back() = ' ';
    quote += "», a expliqué le directeur du chantier.";
    const WriteResult r = write_one("chantier.txt",
                                    "Le chantier du tramway de Lyon touche à sa fin\n\n"
                                    "Le chantier de la ligne de tramway T11 de Lyon entre dans sa dernière phase cet été, "
                                    "après deux ans de travaux entre Vaise et La Doua.\n\n" + quote + "\n\n"
                                    "La ligne de tramway T11 desservira quinze stations sur près de neuf kilomètres, et elle "
                                    "reliera la gare de Vaise au campus de La Doua en vingt-quatre minutes environ.\n");
    std::vector<const std::vector<ArticleBlock>*> all = {&r.article.intro};
    for (const Section& sec : r.article.sections) all.push_back(&sec.blocks);
    std::size_t quoted = 0;
    for (const auto* blocks : all) {
        for (const ArticleBlock& b : *blocks) {
            const std::string t = b.text();
            EXPECT_LE(plume::text::count_words(t), 150u) << t;
            EXPECT_TRUE(write::quote_balance(t).balanced()) << t;
            if (t.find("tranchées") != std::string::npos) ++quoted;
        }
    }
    EXPECT_GE(quoted, 2u);  // the quotation runs over two paragraphs at least
}

// Markup in a source stays text in every output.
TEST(WriteInput, MarkupInAnHtmlSourceIsEscaped) {
    const WriteResult r = write_one("piege.html",
                                    "<html><head><title>Tramway T11 : la ligne de tramway ouvre à Lyon</title></head><body>"
                                    "<p>La ligne de tramway T11 ouvre le samedi 6 septembre entre Vaise et La Doua, avec 15 "
                                    "stations &lt;script&gt;alert(1)&lt;/script&gt; sur 8,7 kilomètres.</p>"
                                    "<p>La ligne de tramway relie la gare de Vaise au campus de La Doua en 24 minutes.</p>"
                                    "<script>alert(2)</script></body></html>");
    const std::string html = render_article_html(r);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("alert(2)"), std::string::npos);  // a script element is no text at all
    // In the Markdown body every "<" is backslash-escaped (CommonMark reads "\<" as a
    // character, never as a tag); the front matter holds the text as a quoted YAML string.
    const std::string md = render_article_markdown(r);
    ASSERT_NE(md.find("alert(1)"), std::string::npos);  // the sentence made it into the article
    const std::string body = md.substr(md.find("\n---\n") + 5);
    for (std::size_t at = body.find('<'); at != std::string::npos; at = body.find('<', at + 1))
        EXPECT_TRUE(at > 0 && body[at - 1] == '\\') << body.substr(at > 40 ? at - 40 : 0, 80);
}

TEST(WriteInput, RefusesNoSourceEmptyForeignAndUnrelatedSources) {
    WriteOptions o;
    EXPECT_THROW(write_article({}, o), InputError);
    EXPECT_THROW(write_article({{"vide.txt", "  \n\n ", "", Format::Auto}}, o), InputError);
    const std::string english =
        "The city council approved the new tram line on Monday. The line will open next year and serve fifteen "
        "stations between the station and the campus, with trains every five minutes at peak hours.";
    EXPECT_THROW(write_article({{"en.txt", english, "", Format::Auto}}, o), InputError);
    const std::string big(20u * 1024u * 1024u, 'a');
    EXPECT_THROW(write_article({{"big.txt", big, "", Format::Auto}}, o), InputError);
}

// Sources named by their local path (as on the command line) are published by their base
// name: the front matter and the JSON output leak no directory of the writer's machine.
TEST(WriteInput, SourcesArePublishedByTheirBaseName) {
    const std::string dir = std::string(PLUME_EXAMPLES) + "/sources/tramway-lyon";
    const std::vector<SourceInput> inputs = sources_in(dir);
    ASSERT_FALSE(inputs.empty());
    const WriteResult r = write_article(inputs, {});
    ASSERT_EQ(r.sources.size(), inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(r.sources[i].name, fs::path(inputs[i].name).filename().string());
    EXPECT_EQ(render_article_markdown(r).find(dir), std::string::npos);
    EXPECT_EQ(render_article_json(r).find(dir), std::string::npos);
}

TEST(WriteInput, UnrelatedStoriesAreRefusedUnlessForced) {
    const std::string examples = std::string(PLUME_EXAMPLES) + "/sources/";
    std::vector<SourceInput> mixed = sources_in(examples + "tramway-lyon", "01");
    const auto wheat = sources_in(examples + "ble-secheresse", "02");
    mixed.insert(mixed.end(), wheat.begin(), wheat.end());
    WriteOptions o;
    try {
        write_article(mixed, o);
        ADD_FAILURE() << "unrelated sources were fused";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
    }
    o.force = true;
    EXPECT_NO_THROW(write_article(mixed, o));
}

// On the real news of ../shared/corpus: a synonym names the keyphrase's subject, not a name
// that only shares its stem (« France Inter », « France Insoumise » for « Français »).
TEST(WriteCorpus, SynonymsAreNoOtherNames) {
    const std::filesystem::path dir = std::filesystem::path(PLUME_CORPUS) / "articles";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "../shared/corpus absent";
    const auto words = [](const std::string& s) {
        std::vector<std::string> out;
        for (std::size_t b = 0, e; b < s.size(); b = e + 1) {
            e = std::min(s.find_first_of(" '’-\n,.;:!?()\"«»", b), s.size());
            if (e > b) out.push_back(s.substr(b, e - b));
        }
        return out;
    };
    std::size_t articles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const nlohmann::json j = nlohmann::json::parse(test::slurp(entry.path().string()));
        WriteOptions o;
        o.date = "2026-01-01";
        const std::string page = j.value("title", "") + "\n\n" + j.value("lead", "") + "\n\n" + j.value("text", "") + "\n";
        const WriteResult r = write_article({{"a.txt", page, ""}}, o);
        const std::vector<std::string> key = words(r.article.keyphrase), written = words(plume::text::strip_accents(plume::text::nfc(page)));
        for (const std::string& synonym : r.article.synonyms) {
            const std::vector<std::string> own = words(synonym);
            const bool names = std::all_of(own.begin(), own.end(), [](const std::string& w) { return std::isupper(static_cast<unsigned char>(w[0])); });
            const bool shares = std::any_of(own.begin(), own.end(), [&](const std::string& w) { return std::find(key.begin(), key.end(), w) != key.end(); });
            EXPECT_TRUE(!names || shares) << entry.path().stem() << ": « " << synonym << " » for « " << r.article.keyphrase << " »";
            for (const std::string& w : words(plume::text::strip_accents(synonym)))  // as the source writes it, but for a capital's accent: no « france Inter »
                EXPECT_NE(std::find(written.begin(), written.end(), w), written.end()) << entry.path().stem() << ": « " << synonym << " »";
        }
        ++articles;
    }
    EXPECT_EQ(articles, 240u);
}

}  // namespace
}  // namespace plume
