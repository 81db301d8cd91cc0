// The Markdown, HTML and plain-text readers, then the analyser on what they read.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes = plume::fuzz::bytes_of(data, size);
    const plume::Format format = plume::fuzz::format_of(bytes);
    try {
        const plume::Document doc = plume::parse_document(std::move(bytes), format, "fuzz");
        plume::AnalyzeOptions o;
        o.keyphrase = "ligne de tramway";
        (void)plume::analyze(doc, o);
    } catch (const plume::InputError&) {
    }
    return 0;
}
