#include "viewers/panels/model_summary_panel.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

#include "model/graph.h"
#include "viewers/panels/panel_text.h"
#include "viewers/panels/property_tree.h"

namespace litelab::viewers {

ModelSummaryPanel::ModelSummaryPanel(QWidget* parent) : QWidget(parent), tree_(new PropertyTree(this)) {
    setObjectName(QStringLiteral("modelSummaryPanel"));
    tree_->setObjectName(QStringLiteral("summaryTree"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tree_);
    rebuild();
}

void ModelSummaryPanel::show_model(std::shared_ptr<const Model> model, const QString& file_name, quint64 file_size) {
    model_ = std::move(model);
    file_name_ = file_name;
    file_size_ = file_size;
    rebuild();
}

void ModelSummaryPanel::clear() {
    model_.reset();
    file_name_.clear();
    file_size_ = 0;
    rebuild();
}

QString ModelSummaryPanel::value_of(const QString& property) const {
    return tree_->value_of(property);
}

void ModelSummaryPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

void ModelSummaryPanel::rebuild() {
    setAccessibleName(tr("Model summary"));
    tree_->clear();
    if (model_ == nullptr) {
        tree_->add_row(nullptr, tr("Open a TensorFlow Lite model to see its summary here."))
            ->setFirstColumnSpanned(true);
        return;
    }
    add_file_rows();
    add_subgraph_rows();
    add_operator_rows();
    add_size_rows();
    add_io_rows();
    add_signature_rows();
    add_metadata_rows();
    tree_->resizeColumnToContents(0);
}

void ModelSummaryPanel::add_file_rows() {
    tree_->add_row(nullptr, tr("File"), file_name_);
    tree_->add_row(nullptr, tr("File size"),
                   QStringLiteral("%1 (%2)").arg(PanelText::bytes(file_size_),
                                                 QLocale().formattedDataSize(static_cast<qint64>(file_size_))));
    tree_->add_row(nullptr, tr("Schema version"), QString::number(model_->version));
    tree_->add_row(nullptr, tr("Description"), QString::fromStdString(model_->description));
}

void ModelSummaryPanel::add_subgraph_rows() {
    QTreeWidgetItem* section = tree_->add_section(nullptr, tr("Subgraphs"), QString::number(model_->subgraphs.size()));
    for (size_t i = 0; i < model_->subgraphs.size(); ++i) {
        const Subgraph& s = model_->subgraphs[i];
        const QString name = s.name.empty() ? tr("(unnamed)") : QString::fromStdString(s.name);
        tree_->add_row(section, tr("Subgraph %1").arg(i),
                       tr("%1: %2, %3")
                           .arg(name, tr("%n operator(s)", nullptr, static_cast<int>(s.operators.size())),
                                tr("%n tensor(s)", nullptr, static_cast<int>(s.tensors.size()))));
    }
}

void ModelSummaryPanel::add_operator_rows() {
    size_t total = 0;
    for (const Subgraph& s : model_->subgraphs) total += s.operators.size();
    QTreeWidgetItem* section = tree_->add_section(nullptr, tr("Operators"), QString::number(total));
    const auto histogram = op_histogram(*model_);
    // Most used first; the map's name order breaks ties.
    std::vector<std::pair<std::string, size_t>> ops(histogram.begin(), histogram.end());
    std::stable_sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& entry : ops)
        tree_->add_row(section, QString::fromStdString(entry.first), QString::number(entry.second));
}

void ModelSummaryPanel::add_size_rows() {
    const SizeStats stats = size_stats(*model_);
    tree_->add_row(nullptr, tr("Parameters"), QString::number(stats.parameter_count));
    QTreeWidgetItem* section = tree_->add_section(nullptr, tr("Constant data"), PanelText::bytes(stats.constant_bytes));
    for (const auto& entry : stats.bytes_by_dtype)
        tree_->add_row(section, QString::fromLatin1(dtype_name(entry.first)), PanelText::bytes(entry.second));
}

void ModelSummaryPanel::add_io_rows() {
    if (model_->subgraphs.empty()) return;
    const Subgraph& main = model_->subgraphs[0];
    for (const bool input : {true, false}) {
        const std::vector<int32_t>& list = input ? main.inputs : main.outputs;
        QTreeWidgetItem* section =
            tree_->add_section(nullptr, input ? tr("Inputs") : tr("Outputs"), QString::number(list.size()));
        for (size_t i = 0; i < list.size(); ++i) {
            const int32_t t = list[i];
            QString text = PanelText::tensor(main, t);
            if (t >= 0 && static_cast<size_t>(t) < main.tensors.size()) {
                const QString quantization = PanelText::quantization(main.tensors[static_cast<size_t>(t)].quantization);
                if (!quantization.isEmpty()) text += QStringLiteral("  ") + quantization;
            }
            tree_->add_row(section, input ? tr("Input %1").arg(i) : tr("Output %1").arg(i), text);
        }
    }
}

void ModelSummaryPanel::add_signature_rows() {
    QTreeWidgetItem* section =
        tree_->add_section(nullptr, tr("Signatures"), QString::number(model_->signature_defs.size()));
    for (const SignatureDef& sig : model_->signature_defs) {
        QTreeWidgetItem* row = tree_->add_section(section, QString::fromStdString(sig.signature_key),
                                                  tr("subgraph %1").arg(sig.subgraph_index));
        const Subgraph* subgraph =
            sig.subgraph_index < model_->subgraphs.size() ? &model_->subgraphs[sig.subgraph_index] : nullptr;
        for (const bool input : {true, false}) {
            const std::vector<TensorMap>& maps = input ? sig.inputs : sig.outputs;
            QTreeWidgetItem* side = tree_->add_section(row, input ? tr("Signature inputs") : tr("Signature outputs"),
                                                       QString::number(maps.size()));
            for (const TensorMap& map : maps) {
                const int32_t t = static_cast<int32_t>(map.tensor_index);
                tree_->add_row(side, QString::fromStdString(map.name),
                               subgraph != nullptr ? PanelText::tensor(*subgraph, t) : QStringLiteral("T#%1").arg(t));
            }
        }
    }
}

void ModelSummaryPanel::add_metadata_rows() {
    QTreeWidgetItem* section = tree_->add_section(nullptr, tr("Metadata"), QString::number(model_->metadata.size()));
    for (const Metadata& m : model_->metadata) {
        const auto bytes =
            m.buffer < model_->buffers.size() ? model_->buffers[m.buffer].data.span() : std::span<const uint8_t>();
        QString text = tr("buffer %1, %2").arg(m.buffer).arg(PanelText::bytes(bytes.size()));
        const QString printable = PanelText::printable(bytes);
        if (!printable.isNull()) text += QStringLiteral(": \"%1\"").arg(printable);
        tree_->add_row(section, QString::fromStdString(m.name), text);
    }
}

}  // namespace litelab::viewers
