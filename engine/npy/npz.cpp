#include "npy/npz.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <set>

#include "core/atomic_file.h"
#include "core/mapped_file.h"
#include "core/one_line.h"
#include "npy/npy.h"

namespace litelab {
namespace {

// libzip handles, released on every path.
struct ZipDiscard {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct ZipSourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFile = std::unique_ptr<zip_file_t, ZipFileClose>;
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceFree>;

// A zip_error_t that is always finalised.
struct ZipError {
    ZipError() { zip_error_init(&error); }
    ~ZipError() { zip_error_fini(&error); }
    ZipError(const ZipError&) = delete;
    ZipError& operator=(const ZipError&) = delete;
    std::string message() { return zip_error_strerror(&error); }
    zip_error_t error;
};

constexpr std::string_view kSuffix = ".npy";
constexpr size_t kChunk = size_t{1} << 20;
// Memory reserved up front for a member, so a header that lies about a huge size costs little;
// a member really that large grows its buffer as it is read.
constexpr uint64_t kMaxReserve = uint64_t{64} << 20;

std::string member(std::string_view name) { return "member '" + one_line(std::string(name)) + "'"; }

// Reads one member completely, so that libzip verifies its CRC, and checks its size.
Result<std::vector<uint8_t>> read_member(zip_t* archive, zip_uint64_t index, const zip_stat_t& stat) {
    const std::string label = member(stat.name);
    ZipFile file(zip_fopen_index(archive, index, 0));
    if (!file)
        return make_error(ErrorCode::kFormat,
                          label + ": cannot be read (" + zip_error_strerror(zip_get_error(archive)) + ")");

    std::vector<uint8_t> bytes;
    bytes.reserve(std::min(stat.size, kMaxReserve));
    while (true) {
        // Ask for one byte more than declared, so a member that decodes to more is caught.
        const uint64_t remaining = stat.size - bytes.size();
        const uint64_t wanted = remaining >= kChunk ? kChunk : remaining + 1;
        const size_t start = bytes.size();
        bytes.resize(start + wanted);
        const zip_int64_t got = zip_fread(file.get(), bytes.data() + start, wanted);
        if (got < 0)
            return make_error(ErrorCode::kFormat,
                              label + ": damaged data (" + zip_error_strerror(zip_file_get_error(file.get())) + ")");
        bytes.resize(start + static_cast<size_t>(got));
        if (got == 0) break;
        if (bytes.size() > stat.size)
            return make_error(ErrorCode::kFormat, label + ": decodes to more than the " + std::to_string(stat.size) +
                                                      " bytes its header declares");
    }
    if (bytes.size() != stat.size)
        return make_error(ErrorCode::kFormat, label + ": decodes to " + std::to_string(bytes.size()) +
                                                  " bytes but its header declares " + std::to_string(stat.size));
    return bytes;
}

// The empty archive (an end-of-central-directory record alone), as np.savez writes for no arrays;
// libzip writes nothing at all for an archive without members.
std::vector<uint8_t> empty_zip() {
    std::vector<uint8_t> bytes(22, 0);
    constexpr uint8_t kSignature[] = {'P', 'K', 5, 6};
    std::copy(std::begin(kSignature), std::end(kSignature), bytes.begin());
    return bytes;
}

Result<std::vector<uint8_t>> read_back(zip_source_t* source) {
    if (zip_source_open(source) != 0)
        return make_error(ErrorCode::kIo, std::string("cannot read the built archive: ") +
                                              zip_error_strerror(zip_source_error(source)));
    std::vector<uint8_t> bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) bytes.reserve(stat.size);
    uint8_t buffer[1 << 16];
    zip_int64_t got = 0;
    while ((got = zip_source_read(source, buffer, sizeof buffer)) > 0) bytes.insert(bytes.end(), buffer, buffer + got);
    const bool failed = got < 0;
    zip_source_close(source);
    if (failed)
        return make_error(ErrorCode::kIo, std::string("cannot read the built archive: ") +
                                              zip_error_strerror(zip_source_error(source)));
    return bytes;
}

Status check_entries(const std::vector<NpzEntry>& entries) {
    std::set<std::string_view> names;
    for (const auto& entry : entries) {
        if (entry.name.find('\0') != std::string::npos)
            return make_error(ErrorCode::kUsage, member(entry.name) + ": a name cannot hold a NUL character");
        if (!names.insert(entry.name).second)
            return make_error(ErrorCode::kUsage, member(entry.name) + ": the name is used twice");
        if (auto valid = entry.array.check(); !valid)
            return make_error(ErrorCode::kUsage, member(entry.name) + ": " + valid.error().message);
    }
    return Status::success();
}

}  // namespace

Result<std::vector<NpzEntry>> decode_npz(std::span<const uint8_t> bytes, uint64_t max_member_bytes) {
    if (bytes.empty()) return make_error(ErrorCode::kFormat, "not a zip archive (no bytes)");
    ZipError error;
    ZipSource source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error.error));
    if (!source) return make_error(ErrorCode::kIo, "cannot read the archive: " + error.message());
    // CHECKCONS: the local headers must agree with the central directory.
    ZipArchive archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error.error));
    if (!archive) {
        if (zip_error_code_zip(&error.error) == ZIP_ER_NOZIP) return make_error(ErrorCode::kFormat, "not a zip archive");
        return make_error(ErrorCode::kFormat, "bad zip archive: " + error.message());
    }
    source.release();  // the archive owns it now

    std::vector<NpzEntry> entries;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive.get(), index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME) ||
            !(stat.valid & ZIP_STAT_SIZE))
            return make_error(ErrorCode::kFormat, "bad zip archive: entry " + std::to_string(i) + " cannot be read");
        const std::string_view name = stat.name;
        if (!name.empty() && name.back() == '/' && stat.size == 0) continue;  // a directory, not an array
        if (stat.size > max_member_bytes)
            return make_error(ErrorCode::kUnsupported, member(name) + ": declares " + std::to_string(stat.size) +
                                                           " bytes, more than the " + std::to_string(max_member_bytes) +
                                                           " LiteLab reads from one member");
        auto data = read_member(archive.get(), index, stat);
        if (!data) return data.error();
        auto array = decode_npy(*data);
        if (!array) return make_error(array.error().code, member(name) + ": " + array.error().message);
        NpzEntry entry;
        entry.name = name.ends_with(kSuffix) ? std::string(name.substr(0, name.size() - kSuffix.size())) : std::string(name);
        entry.array = std::move(*array);
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<std::vector<NpzEntry>> read_npz_file(const std::string& path) {
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    auto entries = decode_npz((*file)->bytes());
    if (!entries) return entries.error().in_file(path);
    return entries;
}

Result<std::vector<uint8_t>> encode_npz(const std::vector<NpzEntry>& entries, bool compress) {
    LITELAB_TRY(check_entries(entries));
    if (entries.empty()) return empty_zip();

    // libzip reads the member buffers only in zip_close: they must live until then.
    std::vector<std::vector<uint8_t>> members;
    members.reserve(entries.size());
    for (const auto& entry : entries) members.push_back(encode_npy(entry.array));

    ZipError error;
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error.error);
    if (!target) return make_error(ErrorCode::kIo, "cannot build the archive: " + error.message());
    zip_t* opened = zip_open_from_source(target, ZIP_CREATE | ZIP_TRUNCATE, &error.error);
    if (!opened) {
        zip_source_free(target);
        return make_error(ErrorCode::kIo, "cannot build the archive: " + error.message());
    }
    ZipArchive archive(opened);
    zip_source_keep(target);  // zip_close frees the archive's reference; ours is read afterwards
    ZipSource kept(target);

    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string name = entries[i].name + std::string(kSuffix);
        zip_source_t* data = zip_source_buffer_create(members[i].data(), members[i].size(), 0, &error.error);
        if (!data) return make_error(ErrorCode::kIo, member(name) + ": " + error.message());
        const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            return make_error(ErrorCode::kIo, member(name) + ": " + zip_error_strerror(zip_get_error(archive.get())));
        }
        if (zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index),
                                     compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) != 0)
            return make_error(ErrorCode::kIo, member(name) + ": " + zip_error_strerror(zip_get_error(archive.get())));
    }
    if (zip_close(archive.get()) != 0)
        return make_error(ErrorCode::kIo, std::string("cannot build the archive: ") +
                                              zip_error_strerror(zip_get_error(archive.get())));
    archive.release();  // closed, and freed by zip_close
    return read_back(target);
}

Status write_npz_file(const std::string& path, const std::vector<NpzEntry>& entries, bool compress) {
    auto bytes = encode_npz(entries, compress);
    if (!bytes) return bytes.error().in_file(path);
    return write_file_atomically(path, *bytes);
}

const NdArray* find(const std::vector<NpzEntry>& entries, std::string_view name) {
    for (const auto& entry : entries)
        if (entry.name == name) return &entry.array;
    return nullptr;
}

}  // namespace litelab
