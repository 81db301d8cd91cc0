// The brief parser: the first line obeyed, brief-like lines further down taken out.
#include "brief/brief.hpp"
#include "fuzz_support.hpp"
#include "plume/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes = plume::fuzz::bytes_of(data, size);
    if (!plume::text::is_valid_utf8(bytes)) return 0;
    (void)plume::write::take_brief(bytes);
    (void)plume::write::take_inner_briefs(bytes);
    return 0;
}
