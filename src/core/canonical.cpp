#include "canonical.hpp"

#include <algorithm>
#include <memory>
#include <vector>

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

template <typename J> class CanonicalWriter {
public:
    explicit CanonicalWriter(nlohmann::detail::output_adapter_t<char> out)
        : out_(out), leaf_(out, ' ', J::error_handler_t::replace) {}

    // Depth is bounded: bundles are checked for nesting before they are parsed.
    void write(const J& v) {
        if (v.is_object()) {
            std::vector<typename J::const_iterator> members;
            members.reserve(v.size());
            for (auto it = v.cbegin(); it != v.cend(); ++it) members.push_back(it);
            std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.key() < b.key(); });
            out_->write_character('{');
            bool first = true;
            for (const auto& it : members) {
                if (!first) out_->write_character(',');
                first = false;
                leaf_.dump(J(it.key()), false, false, 0);
                out_->write_character(':');
                write(it.value());
            }
            out_->write_character('}');
        } else if (v.is_array()) {
            out_->write_character('[');
            bool first = true;
            for (const J& item : v) {
                if (!first) out_->write_character(',');
                first = false;
                write(item);
            }
            out_->write_character(']');
        } else {
            leaf_.dump(v, false, false, 0);
        }
    }

private:
    nlohmann::detail::output_adapter_t<char> out_;
    nlohmann::detail::serializer<J> leaf_;
};

template <typename J> std::string text_of(const J& value) {
    std::string s;
    CanonicalWriter<J>(std::make_shared<nlohmann::detail::output_string_adapter<char>>(s)).write(value);
    return s;
}

template <typename J> std::string hash_of(const J& value) {
    Sha256 hash;
    CanonicalWriter<J>(std::make_shared<HashOutput>(hash)).write(value);
    return hash.hex_digest();
}

}  // namespace

std::string canonical_text(const nlohmann::json& value) { return text_of(value); }
std::string canonical_sha256(const nlohmann::json& value) { return hash_of(value); }

}  // namespace sipprep
