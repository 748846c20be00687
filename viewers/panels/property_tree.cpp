#include "viewers/panels/property_tree.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>

namespace litelab::viewers {
namespace {

constexpr int kLinkKindRole = Qt::UserRole;
constexpr int kLinkSubgraphRole = Qt::UserRole + 1;
constexpr int kLinkIndexRole = Qt::UserRole + 2;

QTreeWidgetItem* find_row(const QTreeWidgetItem* parent, const QString& property) {
    for (int i = 0; i < parent->childCount(); ++i) {
        QTreeWidgetItem* child = parent->child(i);
        if (child->text(0) == property) return child;
        if (QTreeWidgetItem* found = find_row(child, property)) return found;
    }
    return nullptr;
}

// Selected rows below `parent` in display order (selectedItems() keeps the order of selection).
void append_selected(const QTreeWidgetItem* parent, int depth, QString& text) {
    for (int i = 0; i < parent->childCount(); ++i) {
        const QTreeWidgetItem* item = parent->child(i);
        if (item->isSelected()) {
            text += QString(depth * 2, QLatin1Char(' ')) + item->text(0);
            if (!item->text(1).isEmpty()) text += QLatin1Char('\t') + item->text(1);
            text += QLatin1Char('\n');
        }
        append_selected(item, depth + 1, text);
    }
}

}  // namespace

PropertyTree::PropertyTree(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setUniformRowHeights(true);  // keeps trees with thousands of channel rows fast to scroll
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->setStretchLastSection(true);

    copy_action_ = new QAction(this);
    copy_action_->setObjectName(QStringLiteral("copyAction"));
    copy_action_->setShortcut(QKeySequence::Copy);
    copy_action_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy_action_, &QAction::triggered, this, &PropertyTree::copy_selection);
    addAction(copy_action_);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) { activate(item); });
    retranslate();
}

QTreeWidgetItem* PropertyTree::add_row(QTreeWidgetItem* parent, const QString& property, const QString& value) {
    auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, property);
    item->setText(1, value);
    // Values can be long (a hundred scales): the tooltip shows what the column cuts off.
    if (value.size() > 40) item->setToolTip(1, value);
    return item;
}

QTreeWidgetItem* PropertyTree::add_section(QTreeWidgetItem* parent, const QString& property, const QString& value,
                                           bool expanded) {
    QTreeWidgetItem* item = add_row(parent, property, value);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(expanded);
    return item;
}

QTreeWidgetItem* PropertyTree::add_title(const QString& title) {
    QTreeWidgetItem* item = add_section(nullptr, title);
    item->setFirstColumnSpanned(true);
    return item;
}

void PropertyTree::set_link(QTreeWidgetItem* item, LinkKind kind, int subgraph, int index) {
    item->setData(0, kLinkKindRole, static_cast<int>(kind));
    item->setData(0, kLinkSubgraphRole, subgraph);
    item->setData(0, kLinkIndexRole, index);
    item->setForeground(1, palette().brush(QPalette::Link));
    item->setToolTip(1, kind == LinkKind::kOperator ? tr("Double-click to select this operator")
                                                    : tr("Double-click to select this tensor"));
}

LinkKind PropertyTree::link_kind(const QTreeWidgetItem* item) {
    const QVariant kind = item->data(0, kLinkKindRole);
    return kind.isValid() ? static_cast<LinkKind>(kind.toInt()) : LinkKind::kNone;
}

int PropertyTree::link_subgraph(const QTreeWidgetItem* item) {
    return item->data(0, kLinkSubgraphRole).toInt();
}

int PropertyTree::link_index(const QTreeWidgetItem* item) {
    return item->data(0, kLinkIndexRole).toInt();
}

QString PropertyTree::value_of(const QString& property) const {
    const QTreeWidgetItem* found = find_row(invisibleRootItem(), property);
    return found != nullptr ? found->text(1) : QString();
}

QString PropertyTree::selected_text() const {
    QString text;
    append_selected(invisibleRootItem(), 0, text);
    return text;
}

void PropertyTree::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QTreeWidget::changeEvent(event);
}

void PropertyTree::keyPressEvent(QKeyEvent* event) {
    QTreeWidgetItem* item = currentItem();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && item != nullptr &&
        link_kind(item) != LinkKind::kNone) {
        activate(item);
        event->accept();
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

void PropertyTree::activate(QTreeWidgetItem* item) {
    if (item == nullptr) return;
    const LinkKind kind = link_kind(item);
    if (kind != LinkKind::kNone) emit link_activated(kind, link_subgraph(item), link_index(item));
}

void PropertyTree::copy_selection() const {
    const QString text = selected_text();
    if (!text.isEmpty()) QApplication::clipboard()->setText(text);
}

void PropertyTree::retranslate() {
    setHeaderLabels({tr("Property"), tr("Value")});
    copy_action_->setText(tr("&Copy"));
}

}  // namespace litelab::viewers
