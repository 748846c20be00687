// Reading sound files for feature extraction: WAV (PCM 8/16/24/32-bit, float), and the other
// formats Debian's libsndfile reads (FLAC, AIFF, ...), as mono float samples in [-1, 1].
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace litelab {

struct Audio {
    std::vector<float> samples;  // mono: several channels are averaged
    int sample_rate = 0;
};

// Errors read "PATH: problem" in one line (not a sound file, truncated, no samples).
Result<Audio> read_audio_file(const std::string& path);

}  // namespace litelab
