// GraphPanel: one model's graph with its controls: which subgraph (with Back after following a
// WHILE/IF/CALL_ONCE body), search with next/previous, zoom, fit, minimap and export. Scenes
// come prebuilt (one per subgraph, laid out on the loading worker).
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "viewers/graph/graph_scene.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace litelab::viewers {

class GraphView;

class GraphPanel : public QWidget {
    Q_OBJECT

public:
    explicit GraphPanel(QWidget* parent = nullptr);

    void set_scenes(std::vector<std::shared_ptr<const GraphScene>> scenes);
    GraphView* view() const { return view_; }
    int current_subgraph() const { return current_; }
    int subgraph_count() const { return static_cast<int>(scenes_.size()); }

    // Shows `subgraph`; the one shown before is remembered for Back.
    void show_subgraph(int subgraph);
    void go_back();
    bool select_operator(int subgraph, int op);
    bool select_tensor(int subgraph, int tensor);

    // Ctrl+F: puts the cursor in the search field.
    void focus_search();
    QLineEdit* search_field() const { return search_; }
    void find_next();
    void find_previous();
    // Asks for a file name and writes the visible subgraph as PNG or SVG (by extension).
    void export_picture();

signals:
    void operator_selected(int subgraph, int op);
    void tensor_selected(int subgraph, int tensor);
    void selection_cleared();
    void failed(const QString& title, const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fill_subgraph_box();
    void run_search();
    void update_search_label(int current, int count);

    std::vector<std::shared_ptr<const GraphScene>> scenes_;
    std::vector<int> history_;
    int current_ = -1;

    GraphView* view_ = nullptr;
    QComboBox* subgraph_box_ = nullptr;
    QLabel* subgraph_label_ = nullptr;
    QToolButton* back_button_ = nullptr;
    QLineEdit* search_ = nullptr;
    QLabel* search_label_ = nullptr;
    QToolButton* previous_button_ = nullptr;
    QToolButton* next_button_ = nullptr;
    QToolButton* zoom_in_button_ = nullptr;
    QToolButton* zoom_out_button_ = nullptr;
    QToolButton* fit_button_ = nullptr;
    QToolButton* minimap_button_ = nullptr;
    QToolButton* legend_button_ = nullptr;
    QToolButton* export_button_ = nullptr;
    int search_current_ = 0;
    int search_count_ = 0;
};

}  // namespace litelab::viewers
