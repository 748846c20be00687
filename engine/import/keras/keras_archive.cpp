#include "import/keras/keras_archive.h"

#include <zip.h>

#include <memory>
#include <optional>

namespace litelab {

namespace {

constexpr zip_uint64_t kMaxEntryBytes = zip_uint64_t{4} << 30;

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};

// The bytes of entry `name`; nullopt when the archive has no such entry.
Result<std::optional<std::vector<uint8_t>>> read_entry(zip_t* archive, const char* name, const std::string& path) {
    const zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) return std::optional<std::vector<uint8_t>>{};
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return make_error(ErrorCode::kFormat, path + ": cannot read the size of " + name);
    if (stat.size > kMaxEntryBytes) return make_error(ErrorCode::kFormat, path + ": " + name + " is too large");
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
    if (!file) return make_error(ErrorCode::kFormat, path + ": cannot open " + std::string(name) + " in the archive");
    std::vector<uint8_t> bytes(static_cast<size_t>(stat.size));
    const zip_int64_t got = bytes.empty() ? 0 : zip_fread(file, bytes.data(), bytes.size());
    zip_fclose(file);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
        return make_error(ErrorCode::kFormat, path + ": " + std::string(name) + " is damaged or truncated");
    return std::optional<std::vector<uint8_t>>(std::move(bytes));
}

}  // namespace

Result<KerasArchive> read_keras_archive(const std::string& path) {
    int code = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!archive) {
        if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ)
            return make_error(ErrorCode::kIo, path + ": cannot open the file");
        return make_error(ErrorCode::kFormat, path + ": not a .keras archive (not a valid zip file)");
    }
    KerasArchive out;
    auto config = read_entry(archive.get(), "config.json", path);
    if (!config) return config.error();
    if (!*config) return make_error(ErrorCode::kFormat, path + ": not a .keras archive (no config.json)");
    out.config_json.assign((*config)->begin(), (*config)->end());
    auto metadata = read_entry(archive.get(), "metadata.json", path);
    if (!metadata) return metadata.error();
    if (*metadata) out.metadata_json.assign((*metadata)->begin(), (*metadata)->end());
    auto weights = read_entry(archive.get(), "model.weights.h5", path);
    if (!weights) return weights.error();
    if (!*weights) {
        if (zip_name_locate(archive.get(), "model.weights.npz", 0) >= 0)
            return make_error(ErrorCode::kUnsupported, path + ": weights stored as model.weights.npz are not supported");
        return make_error(ErrorCode::kFormat, path + ": the archive has no model.weights.h5");
    }
    out.weights_h5 = std::move(**weights);
    return out;
}

}  // namespace litelab
