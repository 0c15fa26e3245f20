#include "json_parse.hpp"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <string>

#include "decimal_to_double.hpp"
#include "utf8.hpp"

namespace sipprep {
namespace {

// Nesting beyond this is refused, so that no input can exhaust the stack (the parser recurses;
// the importer allows far less, kMaxBundleDepth).
constexpr int kMaxDepth = 256;

class Parser {
public:
    Parser(std::string_view text, JsonDuplicate* duplicate)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), duplicate_(duplicate) {}

    bool document(nlohmann::json* out) {
        // A byte order mark is not JSON, but editors on Windows write one; nlohmann skips it too.
        if (end_ - p_ >= 3 && std::string_view(p_, 3) == "\xEF\xBB\xBF") p_ += 3;
        skip_space();
        if (!value(*out)) return false;
        skip_space();
        return p_ == end_;
    }

    std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }

private:
    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    bool value(nlohmann::json& out) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '{':
            case '[': {
                if (depth_ == kMaxDepth) return false;
                ++depth_;
                const bool ok = *p_ == '{' ? object(out) : array(out);
                --depth_;
                return ok;
            }
            case '"': {
                std::string s;
                if (!string(s)) return false;
                out = std::move(s);
                return true;
            }
            case 't':
                out = true;
                return literal("true");
            case 'f':
                out = false;
                return literal("false");
            case 'n':
                out = nullptr;
                return literal("null");
            default:
                return number(out);
        }
    }

    bool object(nlohmann::json& out) {
        ++p_;
        out = nlohmann::json::object();
        auto& members = out.get_ref<nlohmann::json::object_t&>();
        skip_space();
        if (p_ < end_ && *p_ == '}') {
            ++p_;
            return true;
        }
        for (;;) {
            skip_space();
            std::string key;
            const char* key_at = p_;
            if (p_ == end_ || *p_ != '"' || !string(key)) return false;
            skip_space();
            if (p_ == end_ || *p_ != ':') return false;
            ++p_;
            skip_space();
            nlohmann::json v;
            if (!value(v)) return false;
            auto [it, inserted] = members.emplace(std::move(key), nlohmann::json());
            if (!inserted && duplicate_ && duplicate_->key.empty())
                *duplicate_ = JsonDuplicate{it->first, static_cast<std::size_t>(key_at - begin_)};
            it->second = std::move(v);  // a repeated key: the last one counts, as in nlohmann
            skip_space();
            if (p_ == end_) return false;
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            if (*p_ != '}') return false;
            ++p_;
            return true;
        }
    }

    bool array(nlohmann::json& out) {
        ++p_;
        out = nlohmann::json::array();
        auto& items = out.get_ref<nlohmann::json::array_t&>();
        skip_space();
        if (p_ < end_ && *p_ == ']') {
            ++p_;
            return true;
        }
        for (;;) {
            skip_space();
            items.emplace_back();
            if (!value(items.back())) return false;
            skip_space();
            if (p_ == end_) return false;
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            if (*p_ != ']') return false;
            ++p_;
            return true;
        }
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(unsigned* out) {
        if (end_ - p_ < 4) return false;
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(p_[i]);
            if (h < 0) return false;
            v = v * 16 + static_cast<unsigned>(h);
        }
        p_ += 4;
        *out = v;
        return true;
    }

    static void append_utf8(std::string& s, unsigned cp) {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // Plain bytes are taken in runs and checked as UTF-8 once per run.
    bool string(std::string& out) {
        ++p_;
        for (;;) {
            const char* run = p_;
            while (p_ < end_) {
                const unsigned char c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20) break;
                ++p_;
            }
            const std::string_view plain(run, static_cast<std::size_t>(p_ - run));
            if (!is_valid_utf8(plain)) return false;
            out.append(plain);
            if (p_ == end_) return false;
            const char c = *p_++;
            if (c == '"') return true;
            if (c != '\\' || p_ == end_) return false;  // a raw control character
            switch (*p_++) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = 0;
                    if (!hex4(&cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    return false;
            }
        }
    }

    // Integers as nlohmann keeps them: unsigned when not negative, signed when negative, and a
    // double when they do not fit or have a fraction or an exponent.
    bool number(nlohmann::json& out) {
        const char* start = p_;
        bool negative = false, is_float = false;
        if (p_ < end_ && *p_ == '-') {
            negative = true;
            ++p_;
        }
        if (p_ == end_) return false;
        if (*p_ == '0') {
            ++p_;
        } else if (*p_ >= '1' && *p_ <= '9') {
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        } else {
            return false;
        }
        if (p_ < end_ && *p_ == '.') {
            is_float = true;
            ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            is_float = true;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        }
        const std::string token(start, static_cast<std::size_t>(p_ - start));
        char* stop = nullptr;
        if (!is_float) {
            errno = 0;
            if (negative) {
                const long long v = std::strtoll(token.c_str(), &stop, 10);
                if (errno == 0 && *stop == '\0') {
                    out = static_cast<std::int64_t>(v);
                    return true;
                }
            } else {
                const unsigned long long v = std::strtoull(token.c_str(), &stop, 10);
                if (errno == 0 && *stop == '\0') {
                    out = static_cast<std::uint64_t>(v);
                    return true;
                }
            }
        }
        const double d = decimal_to_double(token);
        if (d == std::numeric_limits<double>::infinity() || d == -std::numeric_limits<double>::infinity())
            return false;  // nlohmann rejects numbers beyond a double's range
        out = d;
        return true;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    JsonDuplicate* duplicate_;
    int depth_ = 0;
};

}  // namespace

bool parse_json(std::string_view text, nlohmann::json* out, JsonDuplicate* duplicate, std::size_t* error_at) {
    nlohmann::json doc;
    Parser parser(text, duplicate);
    if (!parser.document(&doc)) {
        if (error_at) *error_at = parser.offset();
        return false;
    }
    *out = std::move(doc);
    return true;
}

}  // namespace sipprep
