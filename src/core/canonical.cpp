#include "canonical.hpp"

#include <memory>

#include "sha256.hpp"

namespace sipprep {
namespace {

class HashOutput : public nlohmann::detail::output_adapter_protocol<char> {
public:
    explicit HashOutput(Sha256& hash) : hash_(hash) {}
    void write_character(char c) override { hash_.update(std::string_view(&c, 1)); }
    void write_characters(const char* s, std::size_t n) override { hash_.update(std::string_view(s, n)); }

private:
    Sha256& hash_;
};

}  // namespace

// nlohmann::json keeps object members in a std::map, so its compact dump already has the keys
// sorted by their UTF-8 bytes: the dump is the canonical form.
std::string canonical_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string canonical_sha256(const nlohmann::json& value) {
    Sha256 hash;
    nlohmann::detail::serializer<nlohmann::json> out(std::make_shared<HashOutput>(hash), ' ',
                                                     nlohmann::json::error_handler_t::replace);
    out.dump(value, false, false, 0);
    return hash.hex_digest();
}

}  // namespace sipprep
