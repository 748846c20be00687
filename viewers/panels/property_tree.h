// PropertyTree: the two-column "Property | Value" tree both panels fill. Rows may link to an
// operator or a tensor of the model; activating such a row (double-click or Enter) emits
// link_activated so the window can select the target in the graph. Rows are copyable as
// tab-separated text (Ctrl+C or the context menu), because users paste scales and shapes
// into bug reports and scripts.
#pragma once

#include <QTreeWidget>

class QAction;

namespace litelab::viewers {

enum class LinkKind { kNone, kOperator, kTensor };

class PropertyTree : public QTreeWidget {
    Q_OBJECT

public:
    explicit PropertyTree(QWidget* parent = nullptr);

    // A row under `parent` (top level when null); returns it so callers can nest rows below.
    QTreeWidgetItem* add_row(QTreeWidgetItem* parent, const QString& property, const QString& value = {});
    // A section: a bold row whose children are expanded unless `expanded` is false.
    QTreeWidgetItem* add_section(QTreeWidgetItem* parent, const QString& property, const QString& value = {},
                                 bool expanded = true);
    // A bold row spanning both columns that names what the tree shows ("Op#3 CONV_2D").
    QTreeWidgetItem* add_title(const QString& title);
    // Makes `item` a link to operator or tensor `index` of `subgraph`.
    void set_link(QTreeWidgetItem* item, LinkKind kind, int subgraph, int index);

    static LinkKind link_kind(const QTreeWidgetItem* item);
    static int link_subgraph(const QTreeWidgetItem* item);
    static int link_index(const QTreeWidgetItem* item);

    // The value text of the first row, in pre-order, whose property text is `property`.
    QString value_of(const QString& property) const;
    // The selected rows as "property<TAB>value" lines, children indented by two spaces.
    QString selected_text() const;

signals:
    void link_activated(litelab::viewers::LinkKind kind, int subgraph, int index);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void activate(QTreeWidgetItem* item);
    void copy_selection() const;
    void retranslate();

    QAction* copy_action_ = nullptr;
};

}  // namespace litelab::viewers
