// PropertiesPanel: everything the model file says about the selected operator or tensor, as a
// "Property | Value" tree. Inputs, outputs, the producer and the consumers are links: activating
// one (double-click or Enter) emits operator_activated or tensor_activated so the window can
// select that node in the graph. The panel keeps a shared reference to the immutable Model it
// shows, so it can rebuild its rows when the language changes.
#pragma once

#include <QWidget>
#include <memory>

#include "model/model.h"
#include "viewers/panels/property_tree.h"

namespace litelab::viewers {

class PropertiesPanel : public QWidget {
    Q_OBJECT

public:
    explicit PropertiesPanel(QWidget* parent = nullptr);

    // Indices out of range show a message row instead of properties.
    void show_operator(std::shared_ptr<const litelab::Model> model, int subgraph, int op);
    void show_tensor(std::shared_ptr<const litelab::Model> model, int subgraph, int tensor);
    void clear();

    // For tests: the value text of the first row whose property text equals `property`
    // (searching nested rows too); empty if none.
    QString value_of(const QString& property) const;

signals:
    void operator_activated(int subgraph, int op);
    void tensor_activated(int subgraph, int tensor);

protected:
    void changeEvent(QEvent* event) override;

private:
    enum class Shown { kNothing, kOperator, kTensor };

    void rebuild();
    void on_link(LinkKind kind, int subgraph, int index);

    PropertyTree* tree_ = nullptr;
    std::shared_ptr<const Model> model_;
    Shown shown_ = Shown::kNothing;
    int subgraph_ = -1;
    int index_ = -1;
};

}  // namespace litelab::viewers
