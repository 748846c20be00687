#include "import/onnx/tensor_math.h"

#include <algorithm>
#include <cmath>

namespace litelab::onnx {

namespace {

std::vector<int64_t> strides_of(const std::vector<int64_t>& dims) {
    std::vector<int64_t> strides(dims.size(), 1);
    for (size_t i = dims.size(); i-- > 1;) strides[i - 1] = strides[i] * dims[i];
    return strides;
}

// Calls fn(out_index, multi_index) for every element of `dims` in C order.
template <class Fn>
void for_each_index(const std::vector<int64_t>& dims, Fn fn) {
    int64_t n = 1;
    for (int64_t d : dims) n *= d;
    std::vector<int64_t> index(dims.size(), 0);
    for (int64_t k = 0; k < n; ++k) {
        fn(k, index);
        for (size_t i = dims.size(); i-- > 0;) {
            if (++index[i] < dims[i]) break;
            index[i] = 0;
        }
    }
}

OnnxTensor empty_like(const OnnxTensor& t, std::vector<int64_t> dims) {
    OnnxTensor out;
    out.type = t.type;
    out.dims = std::move(dims);
    const auto n = static_cast<size_t>(out.size());
    if (t.is_float())
        out.floats.resize(n);
    else
        out.ints.resize(n);
    return out;
}

void copy_element(const OnnxTensor& from, int64_t src, OnnxTensor& to, int64_t dst) {
    if (from.is_float())
        to.floats[static_cast<size_t>(dst)] = from.floats[static_cast<size_t>(src)];
    else
        to.ints[static_cast<size_t>(dst)] = from.ints[static_cast<size_t>(src)];
}

}  // namespace

int64_t saturated_int(double v) {
    if (std::isnan(v)) return 0;
    if (v >= 9.2233720368547758e18) return INT64_MAX;
    if (v <= -9.2233720368547758e18) return INT64_MIN;
    return static_cast<int64_t>(v);
}

OnnxTensor transpose_tensor(const OnnxTensor& t, const AxisOrder& order) {
    if (is_identity(order)) return t;
    OnnxTensor out = empty_like(t, apply_order(t.dims, order));
    const auto strides = strides_of(t.dims);
    for_each_index(out.dims, [&](int64_t k, const std::vector<int64_t>& index) {
        int64_t src = 0;
        for (size_t i = 0; i < index.size(); ++i) src += index[i] * strides[static_cast<size_t>(order[i])];
        copy_element(t, src, out, k);
    });
    return out;
}

std::optional<std::vector<int64_t>> broadcast_shapes(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
    const size_t rank = std::max(a.size(), b.size());
    std::vector<int64_t> out(rank);
    for (size_t i = 0; i < rank; ++i) {
        const int64_t da = i + a.size() >= rank ? a[i + a.size() - rank] : 1;
        const int64_t db = i + b.size() >= rank ? b[i + b.size() - rank] : 1;
        if (da != db && da != 1 && db != 1) return std::nullopt;
        out[i] = da == 1 ? db : da;
    }
    return out;
}

std::optional<OnnxTensor> broadcast_binary(const OnnxTensor& a, const OnnxTensor& b,
                                           const std::function<double(double, double)>& fn) {
    const auto dims = broadcast_shapes(a.dims, b.dims);
    if (!dims) return std::nullopt;
    OnnxTensor out;
    out.type = a.is_float() || b.is_float() ? DType::kFloat32 : a.type;
    out.dims = *dims;
    const auto n = static_cast<size_t>(out.size());
    if (out.is_float())
        out.floats.resize(n);
    else
        out.ints.resize(n);
    const size_t rank = dims->size();
    auto source_index = [&](const OnnxTensor& t, const std::vector<int64_t>& index) {
        int64_t k = 0;
        const size_t offset = rank - t.dims.size();
        for (size_t i = 0; i < t.dims.size(); ++i) k = k * t.dims[i] + (t.dims[i] == 1 ? 0 : index[i + offset]);
        return static_cast<size_t>(k);
    };
    for_each_index(*dims, [&](int64_t k, const std::vector<int64_t>& index) {
        if (out.is_float()) {
            out.floats[static_cast<size_t>(k)] =
                static_cast<float>(fn(a.as_double(source_index(a, index)), b.as_double(source_index(b, index))));
        } else {
            // Integer arithmetic stays exact: doubles hold the shape values folding sees.
            out.ints[static_cast<size_t>(k)] = saturated_int(fn(static_cast<double>(a.ints[source_index(a, index)]),
                                                                static_cast<double>(b.ints[source_index(b, index)])));
        }
    });
    return out;
}

std::optional<OnnxTensor> gather_tensor(const OnnxTensor& data, int axis, const OnnxTensor& indices) {
    const int64_t dim = data.dims[static_cast<size_t>(axis)];
    std::vector<int64_t> dims(data.dims.begin(), data.dims.begin() + axis);
    dims.insert(dims.end(), indices.dims.begin(), indices.dims.end());
    dims.insert(dims.end(), data.dims.begin() + axis + 1, data.dims.end());
    OnnxTensor out = empty_like(data, dims);
    int64_t outer = 1, inner = 1;
    for (int i = 0; i < axis; ++i) outer *= data.dims[static_cast<size_t>(i)];
    for (size_t i = static_cast<size_t>(axis) + 1; i < data.dims.size(); ++i) inner *= data.dims[i];
    const int64_t count = indices.size();
    int64_t k = 0;
    for (int64_t o = 0; o < outer; ++o) {
        for (int64_t j = 0; j < count; ++j) {
            int64_t index = indices.as_int(static_cast<size_t>(j));
            if (index < 0) index += dim;
            if (index < 0 || index >= dim) return std::nullopt;
            for (int64_t i = 0; i < inner; ++i) copy_element(data, (o * dim + index) * inner + i, out, k++);
        }
    }
    return out;
}

OnnxTensor concat_tensors(const std::vector<const OnnxTensor*>& parts, int axis) {
    std::vector<int64_t> dims = parts[0]->dims;
    dims[static_cast<size_t>(axis)] = 0;
    for (const auto* p : parts) dims[static_cast<size_t>(axis)] += p->dims[static_cast<size_t>(axis)];
    OnnxTensor out = empty_like(*parts[0], dims);
    int64_t outer = 1;
    for (int i = 0; i < axis; ++i) outer *= dims[static_cast<size_t>(i)];
    int64_t k = 0;
    for (int64_t o = 0; o < outer; ++o) {
        for (const auto* p : parts) {
            const int64_t block = outer == 0 ? 0 : p->size() / outer;
            for (int64_t i = 0; i < block; ++i) {
                if (out.is_float())
                    out.floats[static_cast<size_t>(k++)] =
                        static_cast<float>(p->as_double(static_cast<size_t>(o * block + i)));
                else
                    out.ints[static_cast<size_t>(k++)] = p->as_int(static_cast<size_t>(o * block + i));
            }
        }
    }
    return out;
}

SliceRange slice_range(int64_t dim, int64_t start, int64_t end, int64_t step) {
    SliceRange r;
    r.step = step;
    if (start < 0) start += dim;
    if (end < 0) end += dim;
    if (step > 0) {
        start = std::clamp<int64_t>(start, 0, dim);
        end = std::clamp<int64_t>(end, 0, dim);
        r.count = end > start ? (end - start + step - 1) / step : 0;
    } else {
        start = std::clamp<int64_t>(start, 0, dim - 1);
        end = std::clamp<int64_t>(end, -1, dim - 1);
        r.count = start > end ? (start - end - step - 1) / -step : 0;
    }
    r.begin = start;
    return r;
}

OnnxTensor slice_tensor(const OnnxTensor& t, const std::vector<SliceRange>& ranges) {
    std::vector<int64_t> dims;
    for (const auto& r : ranges) dims.push_back(r.count);
    OnnxTensor out = empty_like(t, dims);
    const auto strides = strides_of(t.dims);
    for_each_index(dims, [&](int64_t k, const std::vector<int64_t>& index) {
        int64_t src = 0;
        for (size_t i = 0; i < index.size(); ++i) src += (ranges[i].begin + index[i] * ranges[i].step) * strides[i];
        copy_element(t, src, out, k);
    });
    return out;
}

OnnxTensor cast_tensor(const OnnxTensor& t, DType type) {
    OnnxTensor out;
    out.type = type;
    out.dims = t.dims;
    const auto n = static_cast<size_t>(t.size());
    if (out.is_float()) {
        out.floats.resize(n);
        for (size_t k = 0; k < n; ++k) out.floats[k] = static_cast<float>(t.as_double(k));
    } else {
        out.ints.resize(n);
        for (size_t k = 0; k < n; ++k) {
            out.ints[k] = type == DType::kBool ? (t.as_double(k) != 0 ? 1 : 0)
                                               : (t.is_float() ? saturated_int(std::trunc(t.floats[k])) : t.ints[k]);
        }
    }
    return out;
}

}  // namespace litelab::onnx
