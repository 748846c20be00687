// ModelDocument: one open model, shown as a tab of the main window: its graph panel, and the
// loaded snapshot the window's docks (properties, tensor, dump, summary) read from.
#pragma once

#include <QWidget>

#include <memory>

#include "ui/model_loader.h"

namespace litelab::viewers {
class GraphPanel;
}

namespace litelab::ui {

class ModelDocument : public QWidget {
    Q_OBJECT

public:
    ModelDocument(std::shared_ptr<const LoadedModel> loaded, QWidget* parent = nullptr);

    const std::shared_ptr<const LoadedModel>& loaded() const { return loaded_; }
    viewers::GraphPanel* graph_panel() const { return graph_; }

private:
    std::shared_ptr<const LoadedModel> loaded_;
    viewers::GraphPanel* graph_ = nullptr;
};

}  // namespace litelab::ui
