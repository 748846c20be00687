// ModelSummaryPanel: the model at a glance, the GUI's counterpart of `litelab inspect
// --summary`: file, schema version, subgraphs, the operator histogram, parameters and constant
// bytes by type, the main subgraph's inputs and outputs with their quantization, signatures and
// metadata. Rows are selectable and copyable. The panel keeps a shared reference to the
// immutable Model so it can rebuild its rows when the language changes.
#pragma once

#include <QWidget>
#include <memory>

#include "model/model.h"

namespace litelab::viewers {

class PropertyTree;

class ModelSummaryPanel : public QWidget {
    Q_OBJECT

public:
    explicit ModelSummaryPanel(QWidget* parent = nullptr);

    void show_model(std::shared_ptr<const litelab::Model> model, const QString& file_name, quint64 file_size);
    void clear();

    // For tests: the value text of the first row whose property text equals `property`
    // (searching nested rows too); empty if none.
    QString value_of(const QString& property) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void add_file_rows();
    void add_subgraph_rows();
    void add_operator_rows();
    void add_size_rows();
    void add_io_rows();
    void add_signature_rows();
    void add_metadata_rows();

    PropertyTree* tree_ = nullptr;
    std::shared_ptr<const Model> model_;
    QString file_name_;
    quint64 file_size_ = 0;
};

}  // namespace litelab::viewers
