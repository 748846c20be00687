// Models and files for the tensor inspector's tests: one constant tensor of a given type and
// bytes (T#0) beside an activation (T#1), built with the engine's ModelBuilder.
#pragma once

#include <QString>

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "model/builder.h"
#include "viewers/tensor/tensor_values.h"

namespace litelab::test {

template <class T>
std::vector<uint8_t> bytes_of(const std::vector<T>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

inline std::shared_ptr<const Model> model_with(DType type, std::vector<int32_t> shape, std::vector<uint8_t> bytes,
                                               std::optional<Quantization> quant = std::nullopt) {
    ModelBuilder builder;
    builder.add_tensor("weights", type, std::move(shape), Bytes::take(std::move(bytes)), std::move(quant));
    builder.add_tensor("activation", DType::kFloat32, {1, 4});
    return std::make_shared<const Model>(std::move(builder).finish());
}

inline Quantization quantization(std::vector<float> scale, std::vector<int64_t> zero_point, int32_t axis = 0) {
    Quantization q;
    q.scale = std::move(scale);
    q.zero_point = std::move(zero_point);
    q.quantized_dimension = axis;
    return q;
}

// The values of T#0 of `model`, as the inspector decodes them.
inline viewers::TensorValues values_of(const std::shared_ptr<const Model>& model) {
    const Tensor& t = model->subgraphs[0].tensors[0];
    std::optional<viewers::QuantParams> quant;
    if (t.quantization)
        quant = viewers::QuantParams{t.quantization->scale, t.quantization->zero_point,
                                     t.quantization->quantized_dimension};
    auto values = viewers::TensorValues::create(t.type, std::vector<int64_t>(t.shape.begin(), t.shape.end()), quant,
                                                model->tensor_data(t), model);
    return std::move(values).value();
}

QString read_text_file(const QString& path);

}  // namespace litelab::test
