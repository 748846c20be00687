// GraphView: draws a GraphScene with zoom, pan, fit, a minimap, selection, keyboard navigation
// and search highlighting. Painting goes straight from the scene's grid index to the viewport,
// so only what is visible is drawn however large the graph is.
//
// Mouse: click selects a node or an edge, drag pans, Ctrl+wheel zooms at the cursor, a double
// click on WHILE/IF/CALL_ONCE opens its first body, a click in the minimap centres there.
// Keys: arrows walk the graph (Up: producer, Down: consumer, Left/Right: previous/next op),
// +/- zoom, Ctrl+0 fits, Home selects the first operator.
#pragma once

#include <QAbstractScrollArea>
#include <QImage>

#include <memory>
#include <optional>
#include <vector>

#include "viewers/graph/graph_scene.h"

namespace litelab::viewers {

class GraphView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit GraphView(QWidget* parent = nullptr);

    void set_scene(std::shared_ptr<const GraphScene> scene);
    std::shared_ptr<const GraphScene> scene() const { return scene_; }

    std::optional<SceneItem> selection() const { return selected_; }
    void select(std::optional<SceneItem> item, bool centre = true);
    bool select_operator(int32_t op);
    bool select_tensor(int32_t tensor);

    double zoom() const { return zoom_; }
    void set_zoom(double zoom, QPointF anchor_in_viewport);
    void zoom_in();
    void zoom_out();
    void fit();
    void centre_on(QPointF scene_point);
    // The scene rectangle currently visible.
    QRectF visible_scene_rect() const;

    // Highlights the items matching `query` and returns how many there are; next/previous
    // select them in turn, wrapping around.
    int set_search(const QString& query);
    const std::vector<SceneItem>& search_hits() const { return hits_; }
    void next_hit();
    void previous_hit();

    bool minimap_visible() const { return minimap_visible_; }
    void set_minimap_visible(bool visible);
    // The legend (top left): the op families and tensor types the scene has, as drawn.
    bool legend_visible() const { return legend_visible_; }
    void set_legend_visible(bool visible);
    const std::vector<OpFamily>& legend_families() const { return legend_families_; }
    const std::vector<DType>& legend_types() const { return legend_types_; }
    static QString family_name(OpFamily family);

    // The whole scene as a picture: PNG at 1:1 (scaled down past 16,384 pixels a side) or SVG.
    // Written atomically; false and a one-line *error naming the file on failure.
    bool export_png(const QString& path, QString* error) const;
    bool export_svg(const QString& path, QString* error) const;
    // Draws the whole scene into `painter`'s `target` rectangle, keeping its aspect ratio.
    void render_scene(QPainter& painter, const QRectF& target) const;

signals:
    void operator_selected(int op);
    void tensor_selected(int tensor);
    void selection_cleared();
    void subgraph_requested(int subgraph);
    void search_position_changed(int current, int count);  // current is 1-based, 0 when none
    void zoom_changed(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void update_scroll_bars();
    QPointF content_origin() const;  // device position of scene (0, 0)
    QPointF to_scene(QPointF viewport_point) const;
    QRectF minimap_rect() const;
    void update_minimap();
    void update_legend();
    void paint_legend(QPainter& painter) const;
    void walk(int key);
    void emit_selection();
    void show_hit(int index);
    void retranslate();

    std::shared_ptr<const GraphScene> scene_;
    double zoom_ = 1.0;
    std::optional<SceneItem> selected_;
    std::vector<SceneItem> hits_;
    SceneItemSet hit_set_;  // hits_ again, for painting
    int current_hit_ = -1;
    bool minimap_visible_ = true;
    bool legend_visible_ = true;
    std::vector<OpFamily> legend_families_;
    std::vector<DType> legend_types_;
    QImage minimap_;
    double minimap_scale_ = 1.0;

    // Dragging: the press position and scroll values at the press; whether it became a pan.
    QPoint press_position_;
    QPoint press_scroll_;
    bool pressed_ = false;
    bool panning_ = false;
    bool minimap_drag_ = false;
};

}  // namespace litelab::viewers
