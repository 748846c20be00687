#include "viewers/panels/tensor_rows.h"

#include <algorithm>

#include "model/graph.h"
#include "viewers/panels/panel_text.h"

namespace litelab::viewers {
namespace {

// Up to this many channels the scales and zero points fit on one row each; beyond it (depthwise
// and conv weights have hundreds) they go into a collapsed list, one channel a row.
constexpr size_t kInlineChannels = 16;

QString yes_no(bool value) {
    return value ? TensorRows::tr("yes") : TensorRows::tr("no");
}

QString positions_of(const std::vector<int32_t>& list, int32_t tensor) {
    QStringList positions;
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i] == tensor) positions << QString::number(i);
    return positions.join(QStringLiteral(", "));
}

}  // namespace

void TensorRows::fill(PropertyTree& tree, const Model& model, int subgraph_index, int tensor_index) {
    const Subgraph& subgraph = model.subgraphs[static_cast<size_t>(subgraph_index)];
    const Tensor& tensor = subgraph.tensors[static_cast<size_t>(tensor_index)];
    tree.add_title(QStringLiteral("T#%1 %2").arg(tensor_index).arg(QString::fromStdString(tensor.name)));
    tree.add_row(nullptr, tr("Subgraph"),
                 QStringLiteral("%1 %2").arg(subgraph_index).arg(QString::fromStdString(subgraph.name)).trimmed());
    tree.add_row(nullptr, tr("Name"), QString::fromStdString(tensor.name));
    tree.add_row(nullptr, tr("Index"), QStringLiteral("T#%1").arg(tensor_index));
    tree.add_row(nullptr, tr("Shape"), PanelText::dims(tensor.shape));
    if (tensor.shape_signature) tree.add_row(nullptr, tr("Shape signature"), PanelText::dims(*tensor.shape_signature));
    tree.add_row(nullptr, tr("Type"), QString::fromLatin1(dtype_name(tensor.type)));
    if (const auto count = element_count(tensor.shape)) tree.add_row(nullptr, tr("Elements"), QString::number(*count));

    tree.add_row(nullptr, tr("Buffer"), QString::number(tensor.buffer));
    const auto data = model.tensor_data(tensor);
    QString data_text;
    if (!data.empty())
        data_text = tr("%1, constant").arg(PanelText::bytes(data.size()));
    else if (tensor.external_buffer != 0)
        data_text = tr("in external buffer %1").arg(tensor.external_buffer);
    else
        data_text = tr("computed at run time");
    tree.add_row(nullptr, tr("Data"), data_text);
    tree.add_row(nullptr, tr("Variable"), yes_no(tensor.is_variable));

    add_quantization(tree, tensor);

    QTreeWidgetItem* sparse = tree.add_row(nullptr, tr("Sparse"), yes_no(tensor.sparsity.has_value()));
    if (tensor.sparsity) {
        tree.add_row(sparse, tr("Traversal order"),
                     PanelText::dims(std::vector<int32_t>(tensor.sparsity->traversal_order)));
        tree.add_row(sparse, tr("Block map"), PanelText::dims(std::vector<int32_t>(tensor.sparsity->block_map)));
        sparse->setExpanded(true);
    }

    add_connections(tree, model, subgraph_index, tensor_index);
    add_signatures(tree, model, subgraph_index, tensor_index);
}

void TensorRows::add_quantization(PropertyTree& tree, const Tensor& tensor) {
    const bool present = tensor.quantization && !tensor.quantization->empty();
    const QString brief = PanelText::quantization(tensor.quantization);
    QTreeWidgetItem* section = tree.add_section(nullptr, tr("Quantization"),
                                                !present          ? tr("none")
                                                : brief.isEmpty() ? tr("min/max only")
                                                                  : brief);
    if (!present) return;
    const Quantization& q = *tensor.quantization;
    if (q.per_axis()) {
        tree.add_row(section, tr("Quantized dimension"), QString::number(q.quantized_dimension));
        tree.add_row(section, tr("Channels"), QString::number(q.scale.size()));
        const auto [lowest, highest] = std::minmax_element(q.scale.begin(), q.scale.end());
        tree.add_row(section, tr("Scale range"),
                     QStringLiteral("%1 … %2").arg(PanelText::number(*lowest), PanelText::number(*highest)));
        if (q.scale.size() <= kInlineChannels) {
            tree.add_row(section, tr("Scales"), PanelText::numbers(q.scale));
            tree.add_row(section, tr("Zero points"), PanelText::numbers(q.zero_point));
        }
        QTreeWidgetItem* channels = tree.add_section(section, tr("Per channel"), QString::number(q.scale.size()),
                                                     q.scale.size() <= kInlineChannels);
        for (size_t c = 0; c < q.scale.size(); ++c) {
            const int64_t zero_point = c < q.zero_point.size() ? q.zero_point[c] : 0;
            tree.add_row(channels, tr("Channel %1").arg(c),
                         tr("scale %1 zero point %2").arg(PanelText::number(q.scale[c])).arg(zero_point));
        }
    } else if (!q.scale.empty()) {
        tree.add_row(section, tr("Scale"), PanelText::number(q.scale[0]));
        tree.add_row(section, tr("Zero point"), QString::number(q.zero_point.empty() ? 0 : q.zero_point[0]));
    }
    if (!q.min.empty()) tree.add_row(section, tr("Min"), PanelText::numbers(q.min));
    if (!q.max.empty()) tree.add_row(section, tr("Max"), PanelText::numbers(q.max));
    if (q.details.type != tflite::QuantizationDetails_NONE)
        tree.add_row(section, tr("Custom details"),
                     QString::fromLatin1(tflite::EnumNameQuantizationDetails(q.details.type)));
}

void TensorRows::add_connections(PropertyTree& tree, const Model& model, int subgraph_index, int tensor_index) {
    const Subgraph& subgraph = model.subgraphs[static_cast<size_t>(subgraph_index)];
    const SubgraphIndex index(subgraph);
    const QString inputs_at = positions_of(subgraph.inputs, tensor_index);
    const QString outputs_at = positions_of(subgraph.outputs, tensor_index);

    if (const auto producer = index.producer(tensor_index)) {
        QTreeWidgetItem* row = tree.add_row(nullptr, tr("Producer"), PanelText::op(model, subgraph, *producer));
        tree.set_link(row, LinkKind::kOperator, subgraph_index, static_cast<int>(*producer));
    } else {
        const Tensor& tensor = subgraph.tensors[static_cast<size_t>(tensor_index)];
        tree.add_row(nullptr, tr("Producer"),
                     !inputs_at.isEmpty()         ? tr("none (graph input)")
                     : is_constant(model, tensor) ? tr("none (constant)")
                     : tensor.is_variable         ? tr("none (variable)")
                                                  : tr("none"));
    }

    const std::vector<size_t>& consumers = index.consumers(tensor_index);
    QTreeWidgetItem* section = tree.add_section(nullptr, tr("Consumers"), QString::number(consumers.size()));
    for (size_t i = 0; i < consumers.size(); ++i) {
        QTreeWidgetItem* row =
            tree.add_row(section, tr("Consumer %1").arg(i), PanelText::op(model, subgraph, consumers[i]));
        tree.set_link(row, LinkKind::kOperator, subgraph_index, static_cast<int>(consumers[i]));
    }

    QStringList roles;
    if (!inputs_at.isEmpty()) roles << tr("input %1").arg(inputs_at);
    if (!outputs_at.isEmpty()) roles << tr("output %1").arg(outputs_at);
    tree.add_row(nullptr, tr("Graph role"), roles.isEmpty() ? tr("none") : roles.join(QStringLiteral(", ")));
}

void TensorRows::add_signatures(PropertyTree& tree, const Model& model, int subgraph_index, int tensor_index) {
    QTreeWidgetItem* section = nullptr;
    for (const SignatureDef& sig : model.signature_defs) {
        if (static_cast<int>(sig.subgraph_index) != subgraph_index) continue;
        for (const bool input : {true, false}) {
            for (const TensorMap& map : input ? sig.inputs : sig.outputs) {
                if (static_cast<int>(map.tensor_index) != tensor_index) continue;
                if (section == nullptr) section = tree.add_section(nullptr, tr("Signatures"));
                const QString name = QString::fromStdString(map.name);
                tree.add_row(section, QString::fromStdString(sig.signature_key),
                             input ? tr("input '%1'").arg(name) : tr("output '%1'").arg(name));
            }
        }
    }
    if (section != nullptr) section->setText(1, QString::number(section->childCount()));
}

}  // namespace litelab::viewers
