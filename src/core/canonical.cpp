#include "canonical.hpp"

#include <cstdio>
#include <string_view>

#include "base/sha256.hpp"

namespace sipprep {
namespace {

// nlohmann::json keeps object members in a std::map, so a compact walk in member order has the
// keys sorted by their UTF-8 bytes. Strings are escaped exactly as nlohmann's dump escapes them
// (ensure_ascii off): \b \t \n \f \r \" \\, other control characters as \u00xx, the rest as is.
// Runs of plain bytes are copied whole, which makes this several times faster than the dump.
// Strings must be valid UTF-8, as nlohmann's parser and the app's text input guarantee
// (ui::sanitise at the DOM boundary); for others the dump would replace bad bytes, this would not.
// The bytes nlohmann escapes: control characters, the quote and the backslash.
struct EscapeTable {
    bool on[256] = {};
    constexpr EscapeTable() {
        for (int c = 0; c < 0x20; ++c) on[c] = true;
        on[static_cast<unsigned char>('"')] = true;
        on[static_cast<unsigned char>('\\')] = true;
    }
    constexpr bool operator[](unsigned char c) const { return on[c]; }
};
constexpr EscapeTable kEscape{};

class Writer {
public:
    Writer(Sha256* hash, std::string* text, Sha256* inner = nullptr) : hash_(hash), text_(text), inner_(inner) {
        buf_.reserve(kChunk + 256);
    }

    // The top-level object of a bundle: every member but "integrity"; "content" also goes to
    // the inner hash.
    bool bundle(const nlohmann::json& v) {
        if (!v.is_object()) return value(v);
        put('{');
        bool first = true;
        for (const auto& [key, member] : v.get_ref<const nlohmann::json::object_t&>()) {
            if (key == "integrity") continue;
            if (!first) put(',');
            first = false;
            if (!string(key)) return false;
            put(':');
            const bool content = key == "content";
            if (content) flush(), inner_on_ = true;
            if (!value(member)) return false;
            if (content) flush(), inner_on_ = false;
        }
        put('}');
        return true;
    }

    bool value(const nlohmann::json& v) {
        using T = nlohmann::json::value_t;
        switch (v.type()) {
            case T::object: {
                put('{');
                bool first = true;
                for (const auto& [key, member] : v.get_ref<const nlohmann::json::object_t&>()) {
                    if (!first) put(',');
                    first = false;
                    if (!string(key)) return false;
                    put(':');
                    if (!value(member)) return false;
                }
                put('}');
                return true;
            }
            case T::array: {
                put('[');
                bool first = true;
                for (const nlohmann::json& item : v.get_ref<const nlohmann::json::array_t&>()) {
                    if (!first) put(',');
                    first = false;
                    if (!value(item)) return false;
                }
                put(']');
                return true;
            }
            case T::string:
                return string(v.get_ref<const std::string&>());
            case T::boolean:
                put(v.get<bool>() ? "true" : "false");
                return true;
            case T::null:
                put("null");
                return true;
            case T::number_integer:
                put(std::to_string(v.get<std::int64_t>()));
                return true;
            case T::number_unsigned:
                put(std::to_string(v.get<std::uint64_t>()));
                return true;
            default:
                put(v.dump());
                return true;  // floats: nlohmann's own number format
        }
    }

    void finish() { flush(); }

private:
    static constexpr std::size_t kChunk = 1 << 16;

    bool string(const std::string& s) {
        put('"');
        std::size_t run = 0;
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        for (std::size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = p[i];
            if (!kEscape[c]) continue;
            put(std::string_view(s).substr(run, i - run));
            run = i + 1;
            switch (c) {
                case '\b':
                    put("\\b");
                    break;
                case '\t':
                    put("\\t");
                    break;
                case '\n':
                    put("\\n");
                    break;
                case '\f':
                    put("\\f");
                    break;
                case '\r':
                    put("\\r");
                    break;
                case '"':
                    put("\\\"");
                    break;
                case '\\':
                    put("\\\\");
                    break;
                default: {
                    char u[8];
                    std::snprintf(u, sizeof u, "\\u%04x", c);
                    put(u);
                }
            }
        }
        put(std::string_view(s).substr(run));
        put('"');
        return true;
    }

    void put(char c) { buf_ += c; }
    void put(std::string_view s) {
        buf_.append(s);
        if (buf_.size() >= kChunk) flush();
    }
    void flush() {
        if (hash_) hash_->update(buf_);
        if (inner_ && inner_on_) inner_->update(buf_);
        if (text_) text_->append(buf_);
        buf_.clear();
    }

    Sha256* hash_;
    std::string* text_;
    Sha256* inner_;
    bool inner_on_ = false;
    std::string buf_;
};

}  // namespace

std::string canonical_text(const nlohmann::json& value) {
    std::string text;
    Writer w(nullptr, &text);
    if (!w.value(value)) return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    w.finish();
    return text;
}

std::string canonical_sha256(const nlohmann::json& value) {
    Sha256 hash;
    Writer w(&hash, nullptr);
    if (!w.value(value)) {
        Sha256 fallback;
        fallback.update(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return fallback.hex_digest();
    }
    w.finish();
    return hash.hex_digest();
}

BundleHashes canonical_bundle_sha256(const nlohmann::json& bundle) {
    Sha256 outer, inner;
    Writer w(&outer, nullptr, &inner);
    w.bundle(bundle);  // strings of a parsed or built tree are valid UTF-8: it does not fail
    w.finish();
    return BundleHashes{inner.hex_digest(), outer.hex_digest()};
}

}  // namespace sipprep
