// TFLite's 16-bit LOGISTIC and TANH for inputs whose scale is not a power of two: a 256-entry
// table of sigmoid, interpolated linearly, with tanh(x) = 2 * sigmoid(2x) - 1
// (reference_integer_ops::Logistic/Tanh for int16).
#pragma once

#include <array>
#include <cstdint>

namespace litelab::activation {

// sigmoid(i / 24) as unsigned 0.16 fixed point; TFLite's own constants (not quite the rounded
// function values, so they are data, not computed).
inline constexpr std::array<uint16_t, 256> kSigmoidTable = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
    40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
    47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
    53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
    57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
    60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
    62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
    63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
    64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
    64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
    65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
    65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
    65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
    65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
    65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
    65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
    65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
    65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
    65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
    65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
    65534, 65534, 65534, 65535,
};

// The input rescale: input * multiplier, rounded right by `shift`, lands on a scale where
// 2^9 units step one table entry (logistic; 2^8 for tanh, whose argument is doubled).
struct Int16TableScale {
    int32_t multiplier = 0;
    int shift = 0;

    int32_t apply(int16_t x) const {
        const int64_t round = shift > 0 ? int64_t{1} << (shift - 1) : 0;
        // 64-bit so that a huge multiplier from an odd scale wraps instead of being undefined.
        return static_cast<int32_t>((int64_t{x} * multiplier + round) >> shift);
    }
};

inline int16_t int16_table_logistic(int16_t x, Int16TableScale scale) {
    const int32_t v = scale.apply(x);
    const uint32_t magnitude = static_cast<uint32_t>(v < 0 ? -static_cast<int64_t>(v) : v);
    const uint32_t step = magnitude >> 9;
    uint32_t result = 0x7FFFu << 10;  // saturated
    if (step < 255) {
        const uint32_t a = kSigmoidTable[step];
        const uint32_t b = kSigmoidTable[step + 1];
        result = (a << 9) + (magnitude & 0x1FF) * (b - a);
    }
    result = v >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
    return static_cast<int16_t>(result >> 10);
}

inline int16_t int16_table_tanh(int16_t x, Int16TableScale scale) {
    const int32_t v = scale.apply(x);
    const uint32_t magnitude = static_cast<uint32_t>(v < 0 ? -static_cast<int64_t>(v) : v);
    const uint32_t step = magnitude >> 8;
    int32_t result = static_cast<int32_t>(0xFFFFu << 8);  // saturated
    if (step < 255) {
        const uint32_t a = kSigmoidTable[step];
        const uint32_t b = kSigmoidTable[step + 1];
        result = static_cast<int32_t>((a << 8) + (magnitude & 0xFF) * (b - a));
    }
    result = v >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
    return static_cast<int16_t>(result >> 8);
}

}  // namespace litelab::activation
