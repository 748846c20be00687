#include "viewers/panels/panel_text.h"

#include <array>
#include <charconv>

#include "model/graph.h"

namespace litelab::viewers {
namespace {

// Longer metadata is a serialized table (TFLite's model metadata), not something to print.
constexpr size_t kMaxPrintable = 256;

}  // namespace

QString PanelText::number(float value) {
    std::array<char, 48> text{};
    const auto result = std::to_chars(text.data(), text.data() + text.size(), value);
    return QString::fromLatin1(text.data(), result.ptr - text.data());
}

QString PanelText::numbers(std::span<const float> values) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (float v : values) parts << number(v);
    return parts.join(QStringLiteral(", "));
}

QString PanelText::numbers(std::span<const int64_t> values) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (int64_t v : values) parts << QString::number(v);
    return parts.join(QStringLiteral(", "));
}

QString PanelText::dims(const std::vector<int32_t>& dims) {
    return QString::fromStdString(format_dims(dims));
}

QString PanelText::bytes(uint64_t count) {
    return count == 1 ? tr("1 byte") : tr("%1 bytes").arg(count);
}

QString PanelText::tensor(const Subgraph& subgraph, int32_t index) {
    if (index == -1) return tr("-1: omitted");
    if (index < 0 || static_cast<size_t>(index) >= subgraph.tensors.size())
        return tr("T#%1 (no such tensor)").arg(index);
    const Tensor& t = subgraph.tensors[static_cast<size_t>(index)];
    return QStringLiteral("T#%1 %2  %3 %4")
        .arg(index)
        .arg(QString::fromStdString(t.name), dims(t.signature_or_shape()), QString::fromLatin1(dtype_name(t.type)));
}

QString PanelText::op(const Model& model, const Subgraph& subgraph, size_t index) {
    const Operator& o = subgraph.operators[index];
    const QString name = o.opcode_index < model.operator_codes.size()
                             ? QString::fromStdString(model.opcode(o).name())
                             : tr("(no such operator code %1)").arg(o.opcode_index);
    return QStringLiteral("Op#%1 %2").arg(index).arg(name);
}

QString PanelText::quantization(const std::optional<Quantization>& quantization) {
    if (!quantization || quantization->scale.empty()) return {};
    const Quantization& q = *quantization;
    if (q.per_axis())
        return tr("per-axis along dimension %1, %2 channels").arg(q.quantized_dimension).arg(q.scale.size());
    return tr("scale %1 zero point %2").arg(number(q.scale[0])).arg(q.zero_point.empty() ? 0 : q.zero_point[0]);
}

QString PanelText::printable(std::span<const uint8_t> bytes) {
    size_t end = bytes.size();
    while (end > 0 && bytes[end - 1] == 0) --end;  // writers pad version strings with NULs
    if (end == 0 || end > kMaxPrintable) return {};
    for (size_t i = 0; i < end; ++i)
        if ((bytes[i] < 0x20 && bytes[i] != '\t') || bytes[i] == 0x7f) return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(end));
    if (text.contains(QChar::ReplacementCharacter)) return {};
    return text;
}

}  // namespace litelab::viewers
