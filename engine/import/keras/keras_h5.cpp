#include "import/keras/keras_h5.h"

#include <hdf5.h>

#include <cstring>
#include <fstream>
#include <mutex>

namespace litelab {

namespace {

std::mutex& hdf5_lock() {
    static std::mutex lock;
    return lock;
}

// Closes an HDF5 handle with the right function when it goes out of scope.
class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle(hid_t id, Closer close) : id_(id), close_(close) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (id_ >= 0) close_(id_);
    }
    hid_t get() const { return id_; }
    bool ok() const { return id_ >= 0; }

private:
    hid_t id_;
    Closer close_;
};

constexpr uint64_t kMaxWeightElements = uint64_t{1} << 31;

class Reader {
public:
    explicit Reader(std::string label) : label_(std::move(label)) {}

    Error error(const std::string& what) const { return make_error(ErrorCode::kFormat, label_ + ": " + what); }

    // A string attribute (fixed or variable length); nullopt when absent or not a string.
    std::optional<std::string> string_attribute(hid_t object, const char* name) const {
        auto list = string_list_attribute(object, name);
        if (!list || list->empty()) return std::nullopt;
        return list->front();
    }

    // A string or array-of-strings attribute (Keras writes both kinds); nullopt when absent.
    std::optional<std::vector<std::string>> string_list_attribute(hid_t object, const char* name) const {
        if (H5Aexists(object, name) <= 0) return std::nullopt;
        Handle attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
        if (!attribute.ok()) return std::nullopt;
        Handle type(H5Aget_type(attribute.get()), H5Tclose);
        if (!type.ok() || H5Tget_class(type.get()) != H5T_STRING) return std::nullopt;
        Handle space(H5Aget_space(attribute.get()), H5Sclose);
        const hssize_t count = H5Sget_simple_extent_npoints(space.get());
        if (count < 0 || count > (1 << 24)) return std::nullopt;
        std::vector<std::string> values;
        if (H5Tis_variable_str(type.get()) > 0) {
            Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
            H5Tset_size(memory.get(), H5T_VARIABLE);
            // HDF5 converts no string between character sets: h5py stores Python str as UTF-8.
            H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
            std::vector<char*> strings(static_cast<size_t>(count), nullptr);
            if (H5Aread(attribute.get(), memory.get(), strings.data()) < 0) return std::nullopt;
            for (char* s : strings) values.emplace_back(s ? s : "");
            H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, strings.data());
            return values;
        }
        const size_t size = H5Tget_size(type.get());
        if (size == 0 || size > (1 << 20)) return std::nullopt;
        // Read the bytes as stored: NumPy pads with NULs and fills the longest string completely,
        // so a NUL-terminated memory type would cut its last character.
        Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(memory.get(), size);
        H5Tset_strpad(memory.get(), H5T_STR_NULLPAD);
        H5Tset_cset(memory.get(), H5Tget_cset(type.get()));
        std::vector<char> buffer(size * static_cast<size_t>(count));
        if (H5Aread(attribute.get(), memory.get(), buffer.data()) < 0) return std::nullopt;
        for (hssize_t i = 0; i < count; ++i) {
            const char* start = buffer.data() + static_cast<size_t>(i) * size;
            values.emplace_back(start, strnlen(start, size));
        }
        return values;
    }

    std::vector<std::string> children(hid_t group) const {
        std::vector<std::string> names;
        auto collect = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
            static_cast<std::vector<std::string>*>(data)->emplace_back(name);
            return 0;
        };
        hsize_t index = 0;
        H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names);
        return names;
    }

    H5O_type_t kind(hid_t location, const std::string& name) const {
        H5O_info_t info;
        if (H5Oget_info_by_name2(location, name.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0) return H5O_TYPE_UNKNOWN;
        return info.type;
    }

    Result<FloatArray> dataset(hid_t location, const std::string& path) const {
        Handle set(H5Dopen2(location, path.c_str(), H5P_DEFAULT), H5Dclose);
        if (!set.ok()) return error("cannot open dataset '" + path + "'");
        Handle type(H5Dget_type(set.get()), H5Tclose);
        const H5T_class_t type_class = H5Tget_class(type.get());
        if (type_class != H5T_FLOAT && type_class != H5T_INTEGER)
            return error("dataset '" + path + "' does not hold numbers");
        Handle space(H5Dget_space(set.get()), H5Sclose);
        const int rank = H5Sget_simple_extent_ndims(space.get());
        if (rank < 0 || rank > 8) return error("dataset '" + path + "' has an unreadable shape");
        std::vector<hsize_t> dims(static_cast<size_t>(rank));
        H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
        FloatArray array;
        uint64_t elements = 1;
        for (hsize_t d : dims) {
            if (d > kMaxWeightElements) return error("dataset '" + path + "' is too large");
            elements *= d;
            if (elements > kMaxWeightElements) return error("dataset '" + path + "' is too large");
            array.shape.push_back(static_cast<int32_t>(d));
        }
        array.values.resize(static_cast<size_t>(elements));
        if (elements > 0 && H5Dread(set.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, array.values.data()) < 0)
            return error("cannot read dataset '" + path + "' (damaged or truncated file)");
        return array;
    }

    // Every dataset below `group`, with paths relative to it.
    Status collect_datasets(hid_t group, const std::string& prefix, std::vector<H5Weight>& out, int depth = 0) const {
        if (depth > 32) return error("groups nest too deeply");
        for (const std::string& name : children(group)) {
            const H5O_type_t type = kind(group, name);
            if (type == H5O_TYPE_DATASET) {
                auto value = dataset(group, name);
                if (!value) return value.error();
                out.push_back({prefix + name, std::move(*value)});
            } else if (type == H5O_TYPE_GROUP) {
                Handle child(H5Gopen2(group, name.c_str(), H5P_DEFAULT), H5Gclose);
                if (!child.ok()) return error("cannot open group '" + prefix + name + "'");
                LITELAB_TRY(collect_datasets(child.get(), prefix + name + "/", out, depth + 1));
            }
        }
        return {};
    }

    Result<KerasH5Contents> read(hid_t file) const {
        KerasH5Contents contents;
        Handle root(H5Gopen2(file, "/", H5P_DEFAULT), H5Gclose);
        if (!root.ok()) return error("cannot open the root group");
        contents.model_config = string_attribute(root.get(), "model_config");
        contents.keras_version = string_attribute(root.get(), "keras_version").value_or("");
        contents.backend = string_attribute(root.get(), "backend").value_or("");

        // Keras 2: model_weights (whole-model files) or the root (weights-only files) lists its layers.
        const bool nested = H5Lexists(root.get(), "model_weights", H5P_DEFAULT) > 0;
        Handle weights(nested ? H5Gopen2(root.get(), "model_weights", H5P_DEFAULT) : H5Gopen2(file, "/", H5P_DEFAULT),
                       H5Gclose);
        if (!weights.ok()) return error("cannot open group 'model_weights'");
        if (auto names = string_list_attribute(weights.get(), "layer_names")) {
            contents.layer_names = *names;
            if (contents.keras_version.empty())
                contents.keras_version = string_attribute(weights.get(), "keras_version").value_or("");
            for (const std::string& layer : *names) {
                auto& list = contents.layer_weights[layer];
                if (H5Lexists(weights.get(), layer.c_str(), H5P_DEFAULT) <= 0)
                    return error("model_weights lists layer '" + layer + "' but has no group for it");
                Handle group(H5Gopen2(weights.get(), layer.c_str(), H5P_DEFAULT), H5Gclose);
                if (!group.ok()) return error("cannot open the weights of layer '" + layer + "'");
                const auto weight_names = string_list_attribute(group.get(), "weight_names");
                if (!weight_names) {
                    LITELAB_TRY(collect_datasets(group.get(), "", list));
                    continue;
                }
                for (const std::string& w : *weight_names) {
                    if (H5Oexists_by_name(group.get(), w.c_str(), H5P_DEFAULT) <= 0)
                        return error("layer '" + layer + "' lists weight '" + w + "' but the file lacks it");
                    auto value = dataset(group.get(), w);
                    if (!value) return value.error();
                    list.push_back({w, std::move(*value)});
                }
            }
            return contents;
        }
        // Keras 3 weights file: collect everything.
        std::vector<H5Weight> all;
        LITELAB_TRY(collect_datasets(root.get(), "", all));
        for (H5Weight& w : all) contents.datasets[w.path] = std::move(w.value);
        return contents;
    }

private:
    std::string label_;
};

bool has_hdf5_signature(std::span<const uint8_t> head) {
    static const uint8_t signature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    return head.size() >= 8 && std::memcmp(head.data(), signature, 8) == 0;
}

}  // namespace

Result<KerasH5Contents> read_keras_h5_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kIo, path + ": cannot open the file");
    uint8_t head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    // Keras writes the superblock at offset 0; HDF5's user-block offsets are not used by Keras.
    if (!has_hdf5_signature(std::span<const uint8_t>(head, static_cast<size_t>(in.gcount()))))
        return make_error(ErrorCode::kFormat, path + ": not an HDF5 file (no HDF5 signature)");

    std::lock_guard<std::mutex> guard(hdf5_lock());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors come back as values, not printed
    Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file.ok()) return make_error(ErrorCode::kFormat, path + ": cannot open the HDF5 file (damaged or truncated)");
    return Reader(path).read(file.get());
}

Result<KerasH5Contents> read_keras_h5_image(std::span<const uint8_t> bytes, const std::string& label) {
    if (!has_hdf5_signature(bytes)) return make_error(ErrorCode::kFormat, label + ": not an HDF5 file (no HDF5 signature)");
    std::lock_guard<std::mutex> guard(hdf5_lock());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    // The core driver reads the file from memory; the image is copied, never written back.
    if (!access.ok() || H5Pset_fapl_core(access.get(), 1 << 16, 0) < 0 ||
        H5Pset_file_image(access.get(), const_cast<uint8_t*>(bytes.data()), bytes.size()) < 0)
        return make_error(ErrorCode::kFormat, label + ": cannot prepare the HDF5 image");
    Handle file(H5Fopen("keras_weights_image.h5", H5F_ACC_RDONLY, access.get()), H5Fclose);
    if (!file.ok()) return make_error(ErrorCode::kFormat, label + ": cannot open the HDF5 data (damaged or truncated)");
    return Reader(label).read(file.get());
}

}  // namespace litelab
