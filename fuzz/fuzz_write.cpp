// plume write on one source, or on two when the input holds a NUL byte (split there).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes = plume::fuzz::bytes_of(data, size);
    const plume::Format format = plume::fuzz::format_of(bytes);
    std::vector<plume::SourceInput> inputs;
    if (const std::size_t cut = bytes.find('\0'); cut != std::string::npos) {
        inputs.push_back({"a", bytes.substr(0, cut), "", format});
        inputs.push_back({"b", bytes.substr(cut + 1), "", format});
    } else {
        inputs.push_back({"a", std::move(bytes), "", format});
    }
    plume::WriteOptions o;
    o.date = "2026-01-01";
    o.force = true;
    try {
        (void)plume::write_article(inputs, o);
    } catch (const plume::InputError&) {
    }
    return 0;
}
