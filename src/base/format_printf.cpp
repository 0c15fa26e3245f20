#include "format_printf.hpp"

#include <cmath>
#include <cstdint>

namespace sipprep {
namespace {

class Sink {
public:
    Sink(char* out, std::size_t size) : out_(out), size_(size) {}
    void put(char c) {
        if (count_ + 1 < size_) out_[count_] = c;
        ++count_;
    }
    void put(const char* s, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) put(s[i]);
    }
    void repeat(char c, int n) {
        for (; n > 0; --n) put(c);
    }
    int finish() {
        if (size_ > 0) out_[count_ < size_ ? count_ : size_ - 1] = '\0';
        return static_cast<int>(count_);
    }

private:
    char* out_;
    std::size_t size_;
    std::size_t count_ = 0;
};

struct Spec {
    bool left = false, zero = false, plus = false, space = false, alt = false;
    int width = 0;
    int precision = -1;  // none given
};

// prefix (sign, "0x"), `zeros` zeros, then the body, padded to the width as the flags say.
void emit(Sink& s, const Spec& spec, const char* prefix, std::size_t prefix_len, const char* body, std::size_t body_len,
          int zeros, bool zero_pad) {
    const int len = static_cast<int>(prefix_len + body_len) + zeros;
    const int pad = spec.width > len ? spec.width - len : 0;
    zero_pad = zero_pad && spec.zero && !spec.left;
    if (!spec.left && !zero_pad) s.repeat(' ', pad);
    s.put(prefix, prefix_len);
    if (zero_pad) s.repeat('0', pad);
    s.repeat('0', zeros);
    s.put(body, body_len);
    if (spec.left) s.repeat(' ', pad);
}

char sign_of(const Spec& spec, bool negative) { return negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : 0; }

void integer(Sink& s, const Spec& spec, std::uintmax_t value, bool negative, unsigned base, bool upper) {
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[64];
    std::size_t n = 0;
    for (std::uintmax_t v = value; v != 0; v /= base) digits[sizeof digits - 1 - n++] = set[v % base];
    const char* body = digits + sizeof digits - n;
    const int precision = spec.precision < 0 ? 1 : spec.precision;
    int zeros = precision > static_cast<int>(n) ? precision - static_cast<int>(n) : 0;
    char prefix[2];
    std::size_t prefix_len = 0;
    if (const char sign = sign_of(spec, negative)) prefix[prefix_len++] = sign;
    if (spec.alt && base == 16 && value != 0) {
        prefix[prefix_len++] = '0';
        prefix[prefix_len++] = upper ? 'X' : 'x';
    }
    if (spec.alt && base == 8 && zeros == 0 && (n == 0 || body[0] != '0')) zeros = 1;
    emit(s, spec, prefix, prefix_len, body, n, zeros, spec.precision < 0);
}

// The first `count` significant decimal digits of v > 0 (rounded; zeros past the 17th, which a
// double does not hold), and the power of ten of the first. count may be 0 (then one digit, 0 or
// 1, rounded at the power above the first digit) or less (none).
int significant_digits(double v, int count, char* out, int* exponent) {
    static const double kTens[] = {1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256};
    int x = 0;
    for (int i = 8; i >= 0; --i)  // into [1, 10) with at most one rounding per step
        if (v >= kTens[i]) {
            v /= kTens[i];
            x += 1 << i;
        }
    for (int i = 8; i >= 0; --i)
        if (v < 1 && v * kTens[i] < 10) {
            v *= kTens[i];
            x -= 1 << i;
        }
    if (v < 1) {  // the smallest subnormals
        v *= 10;
        --x;
    }
    *exponent = x;
    if (count < 0) return 0;
    const int exact = count > 17 ? 17 : count;
    std::uint64_t limit = 1;
    for (int i = 0; i < exact; ++i) limit *= 10;
    // One rounding: every power of ten up to 10^22 is a double exactly.
    const double scaled = exact == 0 ? v / 10 : v * static_cast<double>(limit / 10);
    std::uint64_t n = static_cast<std::uint64_t>(std::nearbyint(scaled));
    int digits = exact;
    if (n >= limit) {  // 9.99… rounded up to 10
        ++*exponent;
        if (exact > 0)
            n /= 10;
        else
            digits = 1;
    } else if (exact == 0) {
        return 0;
    }
    for (int i = digits - 1; i >= 0; --i, n /= 10) out[i] = static_cast<char>('0' + n % 10);
    for (int i = digits; i < count; ++i) out[i] = '0';
    return count > digits ? count : digits;
}

constexpr int kMaxPrecision = 400;

// %f's body: the digits at `exponent` laid out with `precision` digits after the point.
std::size_t fixed(char* out, const char* digits, int n, int exponent, int precision, bool point) {
    std::size_t len = 0;
    auto digit = [&](int power) {  // the digit for 10^power
        const int i = exponent - power;
        return i >= 0 && i < n ? digits[i] : '0';
    };
    for (int power = exponent > 0 ? exponent : 0; power >= 0; --power) out[len++] = digit(power);
    if (precision > 0 || point) out[len++] = '.';
    for (int power = -1; power >= -precision; --power) out[len++] = digit(power);
    return len;
}

// %e's body.
std::size_t scientific(char* out, const char* digits, int n, int exponent, int precision, bool point, bool upper) {
    std::size_t len = 0;
    out[len++] = n > 0 ? digits[0] : '0';
    if (precision > 0 || point) out[len++] = '.';
    for (int i = 1; i <= precision; ++i) out[len++] = i < n ? digits[i] : '0';
    out[len++] = upper ? 'E' : 'e';
    out[len++] = exponent < 0 ? '-' : '+';
    const int e = exponent < 0 ? -exponent : exponent;
    if (e >= 100) out[len++] = static_cast<char>('0' + e / 100);
    out[len++] = static_cast<char>('0' + e / 10 % 10);
    out[len++] = static_cast<char>('0' + e % 10);
    return len;
}

void floating(Sink& s, const Spec& spec, double v, char conversion) {
    const bool upper = conversion >= 'A' && conversion <= 'Z';
    const char kind = static_cast<char>(conversion | 0x20);
    char sign = sign_of(spec, std::signbit(v));
    if (!std::isfinite(v)) {
        const char* text = std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        emit(s, spec, &sign, sign ? 1 : 0, text, 3, 0, false);
        return;
    }
    v = std::fabs(v);
    int precision = spec.precision < 0 ? 6 : spec.precision > kMaxPrecision ? kMaxPrecision : spec.precision;
    char digits[kMaxPrecision + 320];
    char body[2 * kMaxPrecision + 340];
    int exponent = 0;
    auto digits_for = [&](int count) {
        if (v == 0) {
            exponent = 0;
            for (int i = 0; i < count; ++i) digits[i] = '0';
            return count > 0 ? count : 0;
        }
        return significant_digits(v, count, digits, &exponent);
    };
    std::size_t len = 0;
    if (kind == 'e') {
        const int n = digits_for(precision + 1);
        len = scientific(body, digits, n, exponent, precision, spec.alt, upper);
    } else if (kind == 'f') {
        digits_for(-1);  // the first digit's power first, then as many digits as the precision needs
        const int first = exponent;
        const int n = digits_for(first + 1 + precision);
        if (n == 0) exponent = first;
        len = fixed(body, digits, n, exponent, precision, spec.alt);
    } else {  // g: the shorter of the two, without trailing zeros unless #
        const int p = precision == 0 ? 1 : precision;
        const int n = digits_for(p);
        const bool as_fixed = exponent >= -4 && exponent < p;
        len = as_fixed ? fixed(body, digits, n, exponent, p - 1 - exponent, spec.alt)
                       : scientific(body, digits, n, exponent, p - 1, spec.alt, upper);
        if (!spec.alt) {
            std::size_t point = 0, end = len;
            while (point < len && body[point] != '.') ++point;
            if (point < len) {
                std::size_t mantissa_end = point;
                while (mantissa_end < len && body[mantissa_end] != 'e' && body[mantissa_end] != 'E') ++mantissa_end;
                std::size_t cut = mantissa_end;
                while (cut > point + 1 && body[cut - 1] == '0') --cut;
                if (cut == point + 1) cut = point;
                for (std::size_t i = mantissa_end; i < end; ++i) body[cut + i - mantissa_end] = body[i];
                len = cut + (end - mantissa_end);
            }
        }
    }
    emit(s, spec, &sign, sign ? 1 : 0, body, len, 0, true);
}

}  // namespace

int format_printf(char* out, std::size_t size, const char* f, std::va_list args) {
    Sink s(out, size);
    std::va_list ap;
    va_copy(ap, args);
    while (*f) {
        if (*f != '%') {
            s.put(*f++);
            continue;
        }
        const char* start = f++;
        Spec spec;
        for (;; ++f) {
            if (*f == '-')
                spec.left = true;
            else if (*f == '0')
                spec.zero = true;
            else if (*f == '+')
                spec.plus = true;
            else if (*f == ' ')
                spec.space = true;
            else if (*f == '#')
                spec.alt = true;
            else
                break;
        }
        if (*f == '*') {
            spec.width = va_arg(ap, int);
            if (spec.width < 0) {
                spec.left = true;
                spec.width = -spec.width;
            }
            ++f;
        } else {
            while (*f >= '0' && *f <= '9') spec.width = spec.width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            ++f;
            if (*f == '*') {
                spec.precision = va_arg(ap, int);
                if (spec.precision < 0) spec.precision = -1;
                ++f;
            } else {
                spec.precision = 0;
                while (*f >= '0' && *f <= '9') spec.precision = spec.precision * 10 + (*f++ - '0');
            }
        }
        int longs = 0, shorts = 0;
        bool size_t_arg = false, max_arg = false, ptrdiff_arg = false, long_double = false;
        for (;; ++f) {
            if (*f == 'l')
                ++longs;
            else if (*f == 'h')
                ++shorts;
            else if (*f == 'z')
                size_t_arg = true;
            else if (*f == 'j')
                max_arg = true;
            else if (*f == 't')
                ptrdiff_arg = true;
            else if (*f == 'q')
                longs = 2;
            else if (*f == 'L')
                long_double = true;
            else
                break;
        }
        const char c = *f ? *f++ : '\0';
        switch (c) {
            case 'd':
            case 'i': {
                std::intmax_t v = max_arg                     ? va_arg(ap, std::intmax_t)
                                  : size_t_arg || ptrdiff_arg ? static_cast<std::intmax_t>(va_arg(ap, std::ptrdiff_t))
                                  : longs >= 2                ? va_arg(ap, long long)
                                  : longs == 1                ? va_arg(ap, long)
                                                              : va_arg(ap, int);
                if (shorts == 1) v = static_cast<short>(v);
                if (shorts >= 2) v = static_cast<signed char>(v);
                const std::uintmax_t magnitude =
                    v < 0 ? 0 - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v);
                integer(s, spec, magnitude, v < 0, 10, false);
                break;
            }
            case 'u':
            case 'o':
            case 'x':
            case 'X': {
                std::uintmax_t v = max_arg                     ? va_arg(ap, std::uintmax_t)
                                   : size_t_arg || ptrdiff_arg ? va_arg(ap, std::size_t)
                                   : longs >= 2                ? va_arg(ap, unsigned long long)
                                   : longs == 1                ? va_arg(ap, unsigned long)
                                                               : va_arg(ap, unsigned);
                if (shorts == 1) v = static_cast<unsigned short>(v);
                if (shorts >= 2) v = static_cast<unsigned char>(v);
                spec.plus = spec.space = false;
                integer(s, spec, v, false, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X');
                break;
            }
            case 'p': {
                const void* p = va_arg(ap, void*);
                Spec hex = spec;
                hex.alt = true;
                if (p)
                    integer(s, hex, reinterpret_cast<std::uintptr_t>(p), false, 16, false);
                else
                    emit(s, spec, nullptr, 0, "(nil)", 5, 0, false);
                break;
            }
            case 'c': {
                if (longs) {  // a wide character: not supported
                    (void)va_arg(ap, int);
                    s.put(start, static_cast<std::size_t>(f - start));
                    break;
                }
                const char ch = static_cast<char>(va_arg(ap, int));
                emit(s, spec, nullptr, 0, &ch, 1, 0, false);
                break;
            }
            case 's': {
                if (longs) {  // a wide text: not supported
                    (void)va_arg(ap, void*);
                    s.put(start, static_cast<std::size_t>(f - start));
                    break;
                }
                const char* text = va_arg(ap, const char*);
                if (!text) text = spec.precision < 0 || spec.precision >= 6 ? "(null)" : "";
                std::size_t n = 0;
                while ((spec.precision < 0 || n < static_cast<std::size_t>(spec.precision)) && text[n]) ++n;
                emit(s, spec, nullptr, 0, text, n, 0, false);
                break;
            }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
                floating(s, spec, long_double ? static_cast<double>(va_arg(ap, long double)) : va_arg(ap, double), c);
                break;
            case '%':
                s.put('%');
                break;
            case 'n':  // never: writing through a format is how format strings get exploited
                (void)va_arg(ap, void*);
                break;
            default:  // unknown (or %a): shown as written
                s.put(start, static_cast<std::size_t>(f - start));
                break;
        }
    }
    va_end(ap);
    return s.finish();
}

}  // namespace sipprep
