// Text both panels show for tensors, operators, numbers and quantization, in one place so the
// properties panel and the model summary describe a tensor the same way ("T#3 input  [1, 96, 96,
// 1] INT8"). Numbers stay in the C locale: users copy them into scripts.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <span>
#include <vector>

#include "model/model.h"

namespace litelab::viewers {

class PanelText {
    Q_DECLARE_TR_FUNCTIONS(PanelText)

public:
    // The shortest text that reads back as the same float ("0.024480116").
    static QString number(float value);
    static QString numbers(std::span<const float> values);
    static QString numbers(std::span<const int64_t> values);
    static QString dims(const std::vector<int32_t>& dims);
    static QString bytes(uint64_t count);

    // "T#3 name  [1, 96, 96, 1] INT8"; "-1: omitted" for an omitted optional input.
    static QString tensor(const Subgraph& subgraph, int32_t index);
    // "Op#3 CONV_2D".
    static QString op(const Model& model, const Subgraph& subgraph, size_t index);
    // "scale 0.5 zero point -128", "per-axis along dimension 3, 32 channels"; empty without
    // quantization parameters.
    static QString quantization(const std::optional<Quantization>& quantization);
    // Bytes that read as short text (min_runtime_version "1.5.0" padded with NULs), else null.
    static QString printable(std::span<const uint8_t> bytes);
};

}  // namespace litelab::viewers
