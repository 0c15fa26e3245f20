#include "decimal_to_double.hpp"

#include <cstdint>
#include <cstring>

namespace sipprep {
namespace {

// Digits kept. A double's halfway points have at most 767 significant digits, so past 800 only
// "was anything nonzero dropped" can matter (it breaks an exact tie upwards).
constexpr int kDigits = 800;

// A non-negative integer in 32-bit limbs, least significant first. The comparisons below need
// at most about 2 700 bits: 800 digits, or 5^1130 times a 55-bit mantissa.
class Big {
public:
    Big() = default;
    Big(const Big& other) : n_(other.n_) { std::memcpy(limb_, other.limb_, sizeof limb_[0] * n_); }  // the used part
    Big& operator=(const Big&) = delete;
    void set(std::uint64_t v) {
        n_ = 0;
        for (; v != 0; v >>= 32) limb_[n_++] = static_cast<std::uint32_t>(v);
    }
    void mul_add(std::uint32_t m, std::uint32_t add) {
        std::uint64_t carry = add;
        for (int i = 0; i < n_; ++i) {
            const std::uint64_t t = static_cast<std::uint64_t>(limb_[i]) * m + carry;
            limb_[i] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        if (carry != 0) limb_[n_++] = static_cast<std::uint32_t>(carry);
    }
    void mul_pow5(int k) {
        static constexpr std::uint32_t kPow5[] = {1,     5,      25,      125,     625,      3125,      15625,
                                                  78125, 390625, 1953125, 9765625, 48828125, 244140625, 1220703125};
        for (; k >= 13; k -= 13) mul_add(kPow5[13], 0);
        if (k > 0) mul_add(kPow5[k], 0);
    }
    // this × m for m < 2^64: this × low + (this × high) << 32.
    void mul_u64(std::uint64_t m) {
        Big high = *this;
        high.mul_add(static_cast<std::uint32_t>(m >> 32), 0);
        mul_add(static_cast<std::uint32_t>(m), 0);
        std::uint64_t carry = 0;
        for (int i = 0; i < high.n_ || carry != 0; ++i) {
            if (i + 1 >= n_) {
                while (n_ <= i + 1) limb_[n_++] = 0;
            }
            const std::uint64_t t =
                static_cast<std::uint64_t>(limb_[i + 1]) + (i < high.n_ ? high.limb_[i] : 0) + carry;
            limb_[i + 1] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        trim();
    }
    void shift_left(int bits) {
        if (n_ == 0 || bits == 0) return;
        const int limbs = bits / 32, rest = bits % 32;
        limb_[n_ + limbs] = 0;
        for (int i = n_ - 1; i >= 0; --i) {
            const std::uint64_t v = static_cast<std::uint64_t>(limb_[i]) << rest;
            limb_[i + limbs + 1] |= static_cast<std::uint32_t>(v >> 32);
            limb_[i + limbs] = static_cast<std::uint32_t>(v);
        }
        for (int i = 0; i < limbs; ++i) limb_[i] = 0;
        n_ += limbs + 1;
        trim();
    }
    int bit_length() const {
        if (n_ == 0) return 0;
        int bits = 32 * (n_ - 1);
        for (std::uint32_t top = limb_[n_ - 1]; top != 0; top >>= 1) ++bits;
        return bits;
    }
    friend int compare(const Big& a, const Big& b) {
        if (a.n_ != b.n_) return a.n_ < b.n_ ? -1 : 1;
        for (int i = a.n_ - 1; i >= 0; --i)
            if (a.limb_[i] != b.limb_[i]) return a.limb_[i] < b.limb_[i] ? -1 : 1;
        return 0;
    }

private:
    void trim() {
        while (n_ > 0 && limb_[n_ - 1] == 0) --n_;
    }
    std::uint32_t limb_[200];  // not initialised: only the first n_ are read
    int n_ = 0;
};

double from_bits(std::uint64_t bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

std::uint64_t bits_of(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

constexpr std::uint64_t kInfinityBits = 0x7FF0000000000000;

constexpr double kTens[] = {1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256};

// v × 10^e for |e| < 512, one power of two of ten at a time (smallest first: no step leaves the
// result's range): within a few units of the last place.
double scale(double v, int e) {
    const bool down = e < 0;
    if (down) e = -e;
    for (int i = 0; i < 9; ++i)
        if (e & (1 << i)) v = down ? v / kTens[i] : v * kTens[i];
    return v;
}

// 10^e for 0 ≤ e ≤ 22: a double exactly (each partial product is one too).
double exact_power_of_ten(int e) {
    double p = 1;
    for (int i = 0; i < 5; ++i)
        if (e & (1 << i)) p *= kTens[i];
    return p;
}

// v = D × 10^e (D the kept digits; `dropped`: nonzero digits past them) against the point
// halfway between the positive double with these bits and the next one up: <0, 0 or >0.
class Comparer {
    // 5^k, kept for the next number: a file's numbers mostly share their exponents.
    static const Big& five_to(int k) {
        static thread_local int cached = -1;
        static thread_local Big power;
        if (k != cached) {
            power.set(1);
            power.mul_pow5(k);
            cached = k;
        }
        return power;
    }
    static Big one() {
        Big b;
        b.set(1);
        return b;
    }
    // D × 5^e for e ≥ 0, else D.
    static Big scaled_digits(const unsigned char* digits, int nd, int e) {
        Big v;
        for (int i = 0; i < nd;) {  // nine digits at a time
            std::uint32_t chunk = 0, scale10 = 1;
            for (int k = 0; k < 9 && i < nd; ++k, ++i) {
                chunk = chunk * 10 + digits[i];
                scale10 *= 10;
            }
            v.mul_add(scale10, chunk);
        }
        if (e > 0) v.mul_pow5(e);
        return v;
    }

public:
    Comparer(const unsigned char* digits, int nd, int e, bool dropped)
        : value_(scaled_digits(digits, nd, e)),
          pow5_(e < 0 ? five_to(-e) : one()),
          value_pow2_(e >= 0 ? e : 0),
          half_pow2_(e < 0 ? -e : 0),
          dropped_(dropped) {}
    int against_midpoint_above(std::uint64_t bits) const {
        const int biased = static_cast<int>(bits >> 52);
        const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
        const std::uint64_t m = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
        const int x = biased == 0 ? -1074 : biased - 1075;
        // The midpoint: (2m + 1) × 2^(x - 1), scaled as the value was: × 5^-e × 2^-e when e < 0.
        Big v = value_, h = pow5_;
        h.mul_u64(2 * m + 1);
        const int h_pow2 = x - 1 + half_pow2_;
        // Different bit lengths decide at once; equal ones are shifted to the same power of two.
        const int v_bits = v.bit_length() + value_pow2_, h_bits = h.bit_length() + h_pow2;
        if (v_bits != h_bits) return v_bits < h_bits ? -1 : 1;
        if (value_pow2_ > h_pow2)
            v.shift_left(value_pow2_ - h_pow2);
        else
            h.shift_left(h_pow2 - value_pow2_);
        const int c = compare(v, h);
        return c == 0 && dropped_ ? 1 : c;
    }

private:
    const Big value_, pow5_;
    const int value_pow2_, half_pow2_;
    const bool dropped_;
};

double nearest(const unsigned char* digits, int nd, int e, bool dropped) {
    if (nd == 0) return 0;
    if (nd + e > 310) return from_bits(kInfinityBits);
    if (nd + e < -330) return 0;
    // Few digits and a small power of ten: both are doubles exactly, one rounding (Clinger).
    std::uint64_t w = 0;
    const int used = nd < 19 ? nd : 19;
    for (int i = 0; i < used; ++i) w = w * 10 + digits[i];
    if (nd <= 15 && !dropped && e >= -22 && e <= 22)
        return e >= 0 ? static_cast<double>(w) * exact_power_of_ten(e)
                      : static_cast<double>(w) / exact_power_of_ten(-e);
    // A guess within a few units of the last place, then exact steps to the nearest double.
    double guess = scale(static_cast<double>(w), e + nd - used);
    std::uint64_t bits = bits_of(guess) >= kInfinityBits ? kInfinityBits - 1 : bits_of(guess);
    const Comparer value(digits, nd, e, dropped);
    for (int step = 0; step < 64; ++step) {
        const int above = value.against_midpoint_above(bits);
        if (above > 0 || (above == 0 && (bits & 1))) {  // past the midpoint above (a tie goes to even)
            if (++bits == kInfinityBits) break;
            continue;
        }
        if (bits == 0) break;
        const int below = value.against_midpoint_above(bits - 1);
        if (below < 0 || (below == 0 && (bits & 1))) {
            --bits;
            continue;
        }
        break;
    }
    return from_bits(bits);
}

}  // namespace

double decimal_to_double(std::string_view text) {
    unsigned char digits[kDigits];
    int nd = 0, point = -1, e = 0;
    bool dropped = false, leading = true;
    int leading_after_point = 0;  // zeros after the point before the first nonzero digit
    std::size_t i = 0;
    const bool negative = i < text.size() && text[i] == '-';
    if (negative) ++i;
    int integer_digits = 0;  // digits before the point, from the first nonzero one
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            point = nd;
            continue;
        }
        if (c < '0' || c > '9') break;
        if (leading && c == '0') {
            if (point >= 0) ++leading_after_point;
            continue;
        }
        leading = false;
        if (point < 0) ++integer_digits;
        if (nd < kDigits)
            digits[nd++] = static_cast<unsigned char>(c - '0');
        else if (c != '0')
            dropped = true;
    }
    // value = 0.d1 d2 … × 10^dp; as D × 10^e with D the nd digits kept: e = dp - nd.
    const int dp = point < 0 || integer_digits > 0 ? integer_digits : -leading_after_point;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool minus = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            if (e < 10000) e = e * 10 + (text[i] - '0');
        if (minus) e = -e;
    }
    while (nd > 0 && digits[nd - 1] == 0) --nd;  // trailing zeros say nothing
    const double d = nearest(digits, nd, dp - nd + e, dropped);
    return negative ? -d : d;
}

}  // namespace sipprep
