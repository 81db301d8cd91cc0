#include <nlohmann/json.hpp>

#include "serve/api.hpp"

namespace plume::serve {

Reply error_reply(int status, const std::string& message) {
    return {status, nlohmann::json{{"error", message}, {"status", status}}.dump()};
}

Reply health() { return {200, R"({"status":"ok"})"}; }

}  // namespace plume::serve
