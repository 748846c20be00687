#include "ui/model_document.h"

#include <QVBoxLayout>

#include "viewers/graph/graph_panel.h"

namespace litelab::ui {

ModelDocument::ModelDocument(std::shared_ptr<const LoadedModel> loaded, QWidget* parent)
    : QWidget(parent), loaded_(std::move(loaded)), graph_(new viewers::GraphPanel(this)) {
    setObjectName(QStringLiteral("modelDocument"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(graph_);
    graph_->set_scenes(loaded_->scenes);
}

}  // namespace litelab::ui
