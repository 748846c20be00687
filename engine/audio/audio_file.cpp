#include "audio/audio_file.h"

#include <sndfile.h>

#include <filesystem>
#include <memory>

namespace litelab {

namespace {

struct SndfileCloser {
    void operator()(SNDFILE* file) const { sf_close(file); }
};

// Longer recordings than this are surely not keyword clips; refusing them bounds memory.
constexpr sf_count_t kMaxFrames = sf_count_t{1} << 28;

}  // namespace

Result<Audio> read_audio_file(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) return make_error(ErrorCode::kIo, path + ": cannot open the file");
    if (!std::filesystem::is_regular_file(status)) return make_error(ErrorCode::kIo, path + ": is not a regular file");

    SF_INFO info{};
    std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open(path.c_str(), SFM_READ, &info));
    if (!file)
        return make_error(ErrorCode::kFormat, path + ": not a sound file LiteLab reads (" + sf_strerror(nullptr) + ")");
    if (info.channels < 1 || info.samplerate < 1)
        return make_error(ErrorCode::kFormat, path + ": the header gives no channels or no sample rate");
    if (info.frames <= 0) return make_error(ErrorCode::kFormat, path + ": holds no samples");
    if (info.frames > kMaxFrames)
        return make_error(ErrorCode::kUnsupported, path + ": too long (" + std::to_string(info.frames) + " frames)");

    std::vector<float> interleaved(static_cast<size_t>(info.frames) * static_cast<size_t>(info.channels));
    const sf_count_t read = sf_readf_float(file.get(), interleaved.data(), info.frames);
    if (read != info.frames)
        return make_error(ErrorCode::kFormat, path + ": truncated (" + std::to_string(read) + " of " +
                                                  std::to_string(info.frames) + " frames readable)");
    Audio audio;
    audio.sample_rate = info.samplerate;
    audio.samples.resize(static_cast<size_t>(info.frames));
    const auto channels = static_cast<size_t>(info.channels);
    for (size_t i = 0; i < audio.samples.size(); ++i) {
        float sum = 0.0f;
        for (size_t c = 0; c < channels; ++c) sum += interleaved[i * channels + c];
        audio.samples[i] = sum / static_cast<float>(channels);
    }
    return audio;
}

}  // namespace litelab
