#include "viewers/panels/properties_panel.h"

#include <QEvent>
#include <QVBoxLayout>

#include "viewers/panels/operator_rows.h"
#include "viewers/panels/tensor_rows.h"

namespace litelab::viewers {

PropertiesPanel::PropertiesPanel(QWidget* parent) : QWidget(parent), tree_(new PropertyTree(this)) {
    setObjectName(QStringLiteral("propertiesPanel"));
    tree_->setObjectName(QStringLiteral("propertiesTree"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tree_);
    connect(tree_, &PropertyTree::link_activated, this, &PropertiesPanel::on_link);
    rebuild();
}

void PropertiesPanel::show_operator(std::shared_ptr<const Model> model, int subgraph, int op) {
    model_ = std::move(model);
    shown_ = Shown::kOperator;
    subgraph_ = subgraph;
    index_ = op;
    rebuild();
}

void PropertiesPanel::show_tensor(std::shared_ptr<const Model> model, int subgraph, int tensor) {
    model_ = std::move(model);
    shown_ = Shown::kTensor;
    subgraph_ = subgraph;
    index_ = tensor;
    rebuild();
}

void PropertiesPanel::clear() {
    model_.reset();
    shown_ = Shown::kNothing;
    subgraph_ = index_ = -1;
    rebuild();
}

QString PropertiesPanel::value_of(const QString& property) const {
    return tree_->value_of(property);
}

void PropertiesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

void PropertiesPanel::rebuild() {
    setAccessibleName(tr("Properties"));
    tree_->clear();
    if (shown_ == Shown::kNothing || model_ == nullptr) {
        tree_->add_row(nullptr, tr("Select an operator or a tensor to see its properties."))
            ->setFirstColumnSpanned(true);
        return;
    }
    const bool subgraph_ok = subgraph_ >= 0 && static_cast<size_t>(subgraph_) < model_->subgraphs.size();
    const Subgraph* subgraph = subgraph_ok ? &model_->subgraphs[static_cast<size_t>(subgraph_)] : nullptr;
    if (shown_ == Shown::kOperator) {
        if (subgraph != nullptr && index_ >= 0 && static_cast<size_t>(index_) < subgraph->operators.size())
            OperatorRows::fill(*tree_, *model_, subgraph_, index_);
        else
            tree_->add_row(nullptr, tr("Subgraph %1 has no operator %2.").arg(subgraph_).arg(index_))
                ->setFirstColumnSpanned(true);
    } else {
        if (subgraph != nullptr && index_ >= 0 && static_cast<size_t>(index_) < subgraph->tensors.size())
            TensorRows::fill(*tree_, *model_, subgraph_, index_);
        else
            tree_->add_row(nullptr, tr("Subgraph %1 has no tensor %2.").arg(subgraph_).arg(index_))
                ->setFirstColumnSpanned(true);
    }
    tree_->resizeColumnToContents(0);
}

void PropertiesPanel::on_link(LinkKind kind, int subgraph, int index) {
    if (kind == LinkKind::kOperator) emit operator_activated(subgraph, index);
    if (kind == LinkKind::kTensor) emit tensor_activated(subgraph, index);
}

}  // namespace litelab::viewers
