// Renderers of the shared models, side by side.
#pragma once

#include <string>

#include "plume/analysis.hpp"
#include "plume/document.hpp"

namespace plume {

// The human report: both ratings, then each assessment with its traffic light
// (ANSI colours when `color`) and the sentences concerned.
std::string render_report(const Document& doc, const Analysis& analysis, const std::string& file,
                          Lang lang, bool color);

// One line of JSON, schema in docs/analysis.md.
std::string render_json(const Analysis& analysis, const std::string& file);

// The body as HTML (headings, paragraphs, lists, links, images), text escaped.
std::string render_html_body(const Document& doc);

// The document as yoastseo's Paper expects it, for the peer test and debugging.
std::string render_paper_json(const Document& doc, const Analysis& analysis,
                              const AnalyzeOptions& options);

}  // namespace plume
