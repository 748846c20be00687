#include "runtime/kernels/softmax/int16_lut.h"

#include <algorithm>
#include <cmath>

namespace litelab::softmax {

Int16Lut make_int16_lut(double input_scale, int32_t input_zero_point, double output_scale, int32_t output_zero_point,
                        double (*f)(double)) {
    const double input_min = input_scale * (-32768 - input_zero_point);
    const double input_max = input_scale * (32767 - input_zero_point);
    const double output_min = output_scale * (-32768 - output_zero_point);
    const double output_max = output_scale * (32767 - output_zero_point);
    constexpr int kSteps = 512;
    const double step = (input_max - input_min) / kSteps;
    const double half_step = step / 2;
    const double to_output = 65536.0 / (output_max - output_min);
    auto clamp16 = [](double v) { return static_cast<int16_t>(std::min(std::max(v, -32768.0), 32767.0)); };

    Int16Lut lut{};
    for (int i = 0; i < kSteps; ++i) {
        const double value = f(input_min + i * step);
        const double midpoint = f(input_min + i * step + half_step);
        const double next = f(input_min + (i + 1) * step);
        const double sample = std::round(value * to_output);
        const double interpolated_midpoint = std::round((next * to_output + std::round(value * to_output)) / 2);
        const double midpoint_error = interpolated_midpoint - std::round(midpoint * to_output);
        const double bias = std::round(midpoint_error / 2);
        lut[static_cast<size_t>(i)] = clamp16(sample - bias);
    }
    lut[kSteps] = clamp16(std::round(f(input_max) * to_output));
    return lut;
}

}  // namespace litelab::softmax
