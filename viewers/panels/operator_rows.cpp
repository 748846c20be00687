#include "viewers/panels/operator_rows.h"

#include "tflite/custom_options.h"
#include "tflite/options_fields.h"
#include "viewers/panels/panel_text.h"

namespace litelab::viewers {
namespace {

// One linked row per tensor of an operator's input, output or intermediate list.
void add_tensor_list(PropertyTree& tree, QTreeWidgetItem* section, const QString& row_text,
                     const std::vector<int32_t>& tensors, const Subgraph& subgraph, int subgraph_index) {
    for (size_t i = 0; i < tensors.size(); ++i) {
        const int32_t t = tensors[i];
        QTreeWidgetItem* row = tree.add_row(section, row_text.arg(i), PanelText::tensor(subgraph, t));
        if (t >= 0 && static_cast<size_t>(t) < subgraph.tensors.size())
            tree.set_link(row, LinkKind::kTensor, subgraph_index, t);
    }
}

}  // namespace

void OperatorRows::fill(PropertyTree& tree, const Model& model, int subgraph_index, int op_index) {
    const Subgraph& subgraph = model.subgraphs[static_cast<size_t>(subgraph_index)];
    const Operator& op = subgraph.operators[static_cast<size_t>(op_index)];
    tree.add_title(PanelText::op(model, subgraph, static_cast<size_t>(op_index)));
    tree.add_row(nullptr, tr("Subgraph"),
                 QStringLiteral("%1 %2").arg(subgraph_index).arg(QString::fromStdString(subgraph.name)).trimmed());

    QTreeWidgetItem* opcode = tree.add_section(nullptr, tr("Opcode"), QString::number(op.opcode_index));
    if (op.opcode_index < model.operator_codes.size()) {
        const OperatorCode& code = model.opcode(op);
        tree.add_row(opcode, tr("Name"), QString::fromStdString(code.name()));
        tree.add_row(opcode, tr("Builtin code"), QString::number(static_cast<int>(code.builtin_code)));
        tree.add_row(opcode, tr("Version"), QString::number(code.version));
        if (code.builtin_code == tflite::BuiltinOperator_CUSTOM || !code.custom_code.empty())
            tree.add_row(opcode, tr("Custom code"), QString::fromStdString(code.custom_code));
    }

    const std::string options_name = builtin_options_name(op);
    QTreeWidgetItem* options = tree.add_section(
        nullptr, tr("Builtin options"), options_name.empty() ? tr("none") : QString::fromStdString(options_name));
    for (const OptionField& field : builtin_option_fields(op))
        tree.add_row(options, QString::fromStdString(field.name), QString::fromStdString(field.display()));

    if (!op.custom_options.empty() || op.large_custom_options_size != 0 ||
        (op.opcode_index < model.operator_codes.size() &&
         model.opcode(op).builtin_code == tflite::BuiltinOperator_CUSTOM)) {
        const uint64_t size = op.custom_options.empty() ? op.large_custom_options_size : op.custom_options.size();
        QTreeWidgetItem* custom = tree.add_section(nullptr, tr("Custom options"), PanelText::bytes(size));
        if (const auto text = decode_flexbuffer_options(op.custom_options))
            tree.add_row(custom, tr("FlexBuffer"), QString::fromStdString(*text));
    }

    QTreeWidgetItem* inputs = tree.add_section(nullptr, tr("Inputs"), QString::number(op.inputs.size()));
    add_tensor_list(tree, inputs, tr("Input %1"), op.inputs, subgraph, subgraph_index);
    QTreeWidgetItem* outputs = tree.add_section(nullptr, tr("Outputs"), QString::number(op.outputs.size()));
    add_tensor_list(tree, outputs, tr("Output %1"), op.outputs, subgraph, subgraph_index);
    QTreeWidgetItem* intermediates =
        tree.add_section(nullptr, tr("Intermediates"), QString::number(op.intermediates.size()));
    add_tensor_list(tree, intermediates, tr("Intermediate %1"), op.intermediates, subgraph, subgraph_index);
}

}  // namespace litelab::viewers
