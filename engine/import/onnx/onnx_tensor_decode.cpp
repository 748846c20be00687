#include "import/onnx/onnx_tensor_decode.h"

#include <onnx/onnx_pb.h>

#include <cstring>

#include "core/mapped_file.h"

namespace litelab::onnx {

namespace {

// IEEE half bits to float (ONNX stores FLOAT16 in int32_data or raw_data).
float half_to_float(uint16_t h) {
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    uint32_t exponent = (h >> 10) & 0x1fu;
    uint32_t mantissa = h & 0x3ffu;
    uint32_t bits = 0;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa != 0) {  // subnormal: normalise
        exponent = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --exponent;
        }
        bits = sign | (exponent << 23) | ((mantissa & 0x3ffu) << 13);
    } else {
        bits = sign;
    }
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

template <class T>
void append_raw(const std::string& raw, size_t n, std::vector<int64_t>& out) {
    out.resize(n);
    for (size_t k = 0; k < n; ++k) {
        T v;
        std::memcpy(&v, raw.data() + k * sizeof(T), sizeof(T));
        out[k] = static_cast<int64_t>(v);
    }
}

Error tensor_error(const ::onnx::TensorProto& proto, const std::string& what) {
    const std::string name = proto.name().empty() ? std::string("tensor") : "tensor '" + proto.name() + "'";
    return make_error(ErrorCode::kInvalid, name + ": " + what);
}

}  // namespace

Result<OnnxTensor> decode_tensor(const ::onnx::TensorProto& proto) {
    const auto type = dtype_of_onnx(proto.data_type());
    if (!type) {
        return make_error(ErrorCode::kUnsupported,
                          "tensor '" + proto.name() + "' has element type " + onnx_type_name(proto.data_type()));
    }
    if (proto.data_location() == ::onnx::TensorProto::EXTERNAL || proto.external_data_size() > 0) {
        return make_error(ErrorCode::kUnsupported,
                          "tensor '" + proto.name() + "' keeps its data in an external file (not supported)");
    }
    OnnxTensor t;
    t.type = *type;
    uint64_t count = 1;
    for (int64_t d : proto.dims()) {
        if (d < 0 || d > (int64_t{1} << 31)) return tensor_error(proto, "dimension " + std::to_string(d));
        count *= static_cast<uint64_t>(d);
        if (count > (uint64_t{1} << 31)) return tensor_error(proto, "more than 2^31 elements");
        t.dims.push_back(d);
    }
    const size_t n = static_cast<size_t>(count);
    const std::string& raw = proto.raw_data();
    const auto item_bytes = static_cast<size_t>(dtype_bits(*type) / 8);
    auto count_error = [&](size_t got) {
        return tensor_error(proto, std::to_string(got) + " values for " + std::to_string(n) + " elements");
    };

    if (!raw.empty() || proto.has_raw_data()) {
        if (raw.size() != n * item_bytes) {
            return tensor_error(proto, std::to_string(raw.size()) + " bytes of data for " + std::to_string(n) +
                                           " elements of " + onnx_type_name(proto.data_type()));
        }
        switch (*type) {
            case DType::kFloat32:
                t.floats.resize(n);
                if (n) std::memcpy(t.floats.data(), raw.data(), n * 4);
                break;
            case DType::kFloat64:
                t.floats.resize(n);
                for (size_t k = 0; k < n; ++k) {
                    double v;
                    std::memcpy(&v, raw.data() + k * 8, 8);
                    t.floats[k] = static_cast<float>(v);
                }
                break;
            case DType::kFloat16:
                t.floats.resize(n);
                for (size_t k = 0; k < n; ++k) {
                    uint16_t h;
                    std::memcpy(&h, raw.data() + k * 2, 2);
                    t.floats[k] = half_to_float(h);
                }
                break;
            case DType::kInt8:
                append_raw<int8_t>(raw, n, t.ints);
                break;
            case DType::kUInt8:
                append_raw<uint8_t>(raw, n, t.ints);
                break;
            case DType::kBool:
                append_raw<uint8_t>(raw, n, t.ints);
                break;
            case DType::kInt16:
                append_raw<int16_t>(raw, n, t.ints);
                break;
            case DType::kUInt16:
                append_raw<uint16_t>(raw, n, t.ints);
                break;
            case DType::kInt32:
                append_raw<int32_t>(raw, n, t.ints);
                break;
            case DType::kUInt32:
                append_raw<uint32_t>(raw, n, t.ints);
                break;
            case DType::kInt64:
                append_raw<int64_t>(raw, n, t.ints);
                break;
            case DType::kUInt64:
                append_raw<uint64_t>(raw, n, t.ints);
                break;
            default:
                return tensor_error(proto, "element type " + onnx_type_name(proto.data_type()));
        }
        return t;
    }

    switch (*type) {
        case DType::kFloat32:
            if (static_cast<size_t>(proto.float_data_size()) != n) return count_error(proto.float_data_size());
            t.floats.assign(proto.float_data().begin(), proto.float_data().end());
            break;
        case DType::kFloat64:
            if (static_cast<size_t>(proto.double_data_size()) != n) return count_error(proto.double_data_size());
            for (double v : proto.double_data()) t.floats.push_back(static_cast<float>(v));
            break;
        case DType::kFloat16:
            if (static_cast<size_t>(proto.int32_data_size()) != n) return count_error(proto.int32_data_size());
            for (int32_t v : proto.int32_data()) t.floats.push_back(half_to_float(static_cast<uint16_t>(v)));
            break;
        case DType::kInt64:
            if (static_cast<size_t>(proto.int64_data_size()) != n) return count_error(proto.int64_data_size());
            t.ints.assign(proto.int64_data().begin(), proto.int64_data().end());
            break;
        case DType::kUInt32:
        case DType::kUInt64:
            if (static_cast<size_t>(proto.uint64_data_size()) != n) return count_error(proto.uint64_data_size());
            for (uint64_t v : proto.uint64_data()) t.ints.push_back(static_cast<int64_t>(v));
            break;
        default:  // the narrow integer types and bool live in int32_data
            if (static_cast<size_t>(proto.int32_data_size()) != n) return count_error(proto.int32_data_size());
            t.ints.assign(proto.int32_data().begin(), proto.int32_data().end());
            break;
    }
    return t;
}

Result<OnnxTensor> read_tensor_file(const std::string& path) {
    auto file = MappedFile::open(path);
    if (!file) return file.error();
    ::onnx::TensorProto proto;
    const auto bytes = (*file)->bytes();
    if (bytes.size() > static_cast<size_t>(INT32_MAX) ||
        !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return make_error(ErrorCode::kFormat, path + ": not a serialized ONNX TensorProto");
    }
    auto t = decode_tensor(proto);
    if (!t) return t.error().in_file(path);
    return t;
}

}  // namespace litelab::onnx
