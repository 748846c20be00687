// GraphScene: a subgraph laid out and ready to draw. Built once (on a worker: it measures text
// and runs the layered layout), then immutable and shared by the view, its minimap and exports.
// A uniform grid indexes nodes and edges so painting and hit tests touch only what is near.
#pragma once

#include <QFont>
#include <QPainterPath>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include "model/model.h"
#include "viewers/graph/graph_model.h"

class QPainter;

namespace litelab::viewers {

// What is selected or highlighted in a scene: a node or an edge, by index.
struct SceneItem {
    enum class Kind { kNode, kEdge };
    Kind kind = Kind::kNode;
    uint32_t index = 0;
    friend bool operator==(const SceneItem&, const SceneItem&) = default;
};

// A set of scene items as one flag per node and per edge: constant-time lookups where painting
// or searching a large graph asks about every item.
struct SceneItemSet {
    std::vector<char> nodes;
    std::vector<char> edges;

    // Adds `item`; false when it was there already.
    bool insert(const SceneItem& item);
    bool contains(const SceneItem& item) const;
};

class GraphScene {
public:
    // Lays out subgraph `subgraph` of `model` with text measured in `font`. Thread-safe.
    static std::shared_ptr<const GraphScene> build(std::shared_ptr<const Model> model, int32_t subgraph,
                                                   const QFont& font);

    const Model& model() const { return *model_; }
    const GraphModel& graph() const { return graph_; }
    int32_t subgraph() const { return graph_.subgraph; }
    QRectF bounds() const { return bounds_; }
    QRectF node_rect(uint32_t node) const { return node_rects_[node]; }
    const QPainterPath& edge_path(uint32_t edge) const { return edge_paths_[edge]; }

    // The topmost node under `point`, else the nearest edge within `tolerance` (scene units).
    std::optional<SceneItem> item_at(QPointF point, double tolerance) const;
    // Items matching `query` in reading order: op names ("conv"), tensor names, "Op#3", "T#12"
    // or a bare index (an op and a tensor). Case-insensitive substring match on names.
    std::vector<SceneItem> find(const QString& query) const;
    // The node of operator `op`, and the first edge carrying `tensor` (else a terminal node of it,
    // else the first operator reading it as a constant).
    std::optional<SceneItem> item_for_operator(int32_t op) const;
    std::optional<SceneItem> item_for_tensor(int32_t tensor) const;
    // The scene rectangle of an item, for centring the view on it.
    QRectF item_rect(const SceneItem& item) const;

    struct Highlights {
        std::optional<SceneItem> selected;
        const SceneItemSet* hits = nullptr;  // search hits, drawn outlined
    };
    // Draws the part of the scene inside `exposed` (scene coordinates) with `painter`, whose
    // transform maps scene to device; `scale` picks the level of detail.
    void paint(QPainter& painter, const QRectF& exposed, double scale, const Highlights& highlights) const;

private:
    GraphScene() = default;
    void build_index();
    template <class Visit>
    void for_each_cell(const QRectF& area, Visit&& visit) const;

    std::shared_ptr<const Model> model_;
    GraphModel graph_;
    QFont title_font_;
    QFont detail_font_;
    QFont label_font_;
    std::vector<QRectF> node_rects_;
    std::vector<QString> node_titles_;  // elided to the node's width
    std::vector<QString> node_details_;
    std::vector<QPainterPath> edge_paths_;
    std::vector<QPointF> edge_label_anchors_;
    std::vector<QString> edge_labels_;
    std::vector<QPolygonF> edge_arrows_;
    QRectF bounds_;

    // Uniform grid: cell (x, y) lists the nodes and edges whose bounding boxes touch it.
    double cell_size_ = 256;
    int columns_ = 1;
    int rows_ = 1;
    std::vector<std::vector<uint32_t>> cell_nodes_;
    std::vector<std::vector<uint32_t>> cell_edges_;
};

}  // namespace litelab::viewers
