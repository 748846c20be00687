// The two QtTest classes of gui_panels, run one after the other by main.cpp, and a lookup both use.
#pragma once

#include <QTreeWidget>

namespace litelab::test {

int run_properties_panel_tests(int argc, char** argv);
int run_model_summary_panel_tests(int argc, char** argv);

// The first row, in pre-order, whose property text is `property`; null if none.
inline QTreeWidgetItem* find_row(QTreeWidgetItem* parent, const QString& property) {
    for (int i = 0; i < parent->childCount(); ++i) {
        QTreeWidgetItem* child = parent->child(i);
        if (child->text(0) == property) return child;
        if (QTreeWidgetItem* found = find_row(child, property)) return found;
    }
    return nullptr;
}

}  // namespace litelab::test
