#include "viewers/graph/graph_scene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

#include "viewers/graph/graph_style.h"
#include "viewers/layout/graph_layout.h"

namespace litelab::viewers {
namespace {

constexpr double kArrowLength = 7;
constexpr double kArrowHalfWidth = 3.5;

QString from_utf8(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// A smooth path through the layout's polyline: vertical tangents at every bend, as layered
// drawings usually have, so long edges read as one stroke.
QPainterPath smooth_path(const std::vector<layout::Point>& points) {
    QPainterPath path;
    if (points.empty()) return path;
    path.moveTo(points.front().x, points.front().y);
    for (size_t i = 1; i < points.size(); ++i) {
        const QPointF a(points[i - 1].x, points[i - 1].y);
        const QPointF b(points[i].x, points[i].y);
        const double mid = (a.y() + b.y()) / 2;
        if (std::abs(a.x() - b.x()) < 0.5)
            path.lineTo(b);
        else
            path.cubicTo(QPointF(a.x(), mid), QPointF(b.x(), mid), b);
    }
    return path;
}

QPolygonF arrow_head(const std::vector<layout::Point>& points) {
    if (points.size() < 2) return {};
    const QPointF tip(points.back().x, points.back().y);
    const QPointF before(points[points.size() - 2].x, points[points.size() - 2].y);
    // The curve arrives vertically unless the last segment is straight and slanted.
    QPointF direction = std::abs(before.x() - tip.x()) < 0.5 ? tip - before : QPointF(0, tip.y() > before.y() ? 1 : -1);
    const double length = std::hypot(direction.x(), direction.y());
    if (length <= 0) return {};
    direction /= length;
    const QPointF normal(-direction.y(), direction.x());
    const QPointF base = tip - direction * kArrowLength;
    return QPolygonF({tip, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth});
}

double distance_to_segment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    double t = length2 > 0 ? QPointF::dotProduct(p - a, ab) / length2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF d = p - (a + ab * t);
    return std::hypot(d.x(), d.y());
}

}  // namespace

bool SceneItemSet::insert(const SceneItem& item) {
    auto& flags = item.kind == SceneItem::Kind::kNode ? nodes : edges;
    if (flags.size() <= item.index) flags.resize(item.index + 1, 0);
    if (flags[item.index]) return false;
    flags[item.index] = 1;
    return true;
}

bool SceneItemSet::contains(const SceneItem& item) const {
    const auto& flags = item.kind == SceneItem::Kind::kNode ? nodes : edges;
    return item.index < flags.size() && flags[item.index];
}

std::shared_ptr<const GraphScene> GraphScene::build(std::shared_ptr<const Model> model, int32_t subgraph,
                                                    const QFont& font) {
    std::shared_ptr<GraphScene> scene(new GraphScene);
    scene->model_ = std::move(model);
    scene->graph_ = build_graph_model(*scene->model_, subgraph);
    scene->title_font_ = font;
    scene->title_font_.setBold(true);
    scene->detail_font_ = font;
    scene->detail_font_.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.85 : 8);
    scene->label_font_ = scene->detail_font_;

    const QFontMetricsF title_metrics(scene->title_font_);
    const QFontMetricsF detail_metrics(scene->detail_font_);
    const auto& nodes = scene->graph_.nodes;
    layout::Graph input;
    input.nodes.reserve(nodes.size());
    constexpr double kMaxTextWidth = 260;
    scene->node_titles_.reserve(nodes.size());
    scene->node_details_.reserve(nodes.size());
    for (const GraphNode& node : nodes) {
        QString title = from_utf8(node.title);
        QString detail = from_utf8(node.detail);
        if (node.kind == GraphNode::Kind::kOperator && title.isEmpty()) title = QStringLiteral("?");
        title = title_metrics.elidedText(title, Qt::ElideMiddle, kMaxTextWidth);
        detail = detail_metrics.elidedText(detail, Qt::ElideMiddle, kMaxTextWidth);
        const double text_width = std::max(title_metrics.horizontalAdvance(title),
                                           detail.isEmpty() ? 0.0 : detail_metrics.horizontalAdvance(detail));
        double height = title_metrics.height() + 2 * graph_style::kNodePaddingY;
        if (!detail.isEmpty()) height += detail_metrics.height();
        input.nodes.push_back(
            {std::max(graph_style::kMinNodeWidth, text_width + 2 * graph_style::kNodePaddingX), std::ceil(height)});
        scene->node_titles_.push_back(std::move(title));
        scene->node_details_.push_back(std::move(detail));
    }
    input.edges.reserve(scene->graph_.edges.size());
    for (const GraphEdge& edge : scene->graph_.edges) input.edges.push_back({edge.from, edge.to});

    const layout::Layout placed = layout::layout_graph(input);
    scene->bounds_ = QRectF(0, 0, std::max(placed.width, 1.0), std::max(placed.height, 1.0));
    scene->node_rects_.reserve(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const auto& size = input.nodes[i];
        const auto& centre = placed.centres[i];
        scene->node_rects_.emplace_back(centre.x - size.width / 2, centre.y - size.height / 2, size.width, size.height);
    }
    const QFontMetricsF label_metrics(scene->label_font_);
    const auto& edges = scene->graph_.edges;
    scene->edge_paths_.reserve(edges.size());
    for (size_t i = 0; i < edges.size(); ++i) {
        const auto& points = placed.edges[i].points;
        scene->edge_paths_.push_back(smooth_path(points));
        scene->edge_arrows_.push_back(arrow_head(points));
        scene->edge_labels_.push_back(from_utf8(edges[i].label));
        // Beside the edge just below its source, where it is still alone.
        const QPointF start = points.empty() ? QPointF() : QPointF(points.front().x, points.front().y);
        scene->edge_label_anchors_.push_back(start + QPointF(4, label_metrics.ascent() + 2));
    }
    scene->build_index();
    return scene;
}

void GraphScene::build_index() {
    columns_ = std::max(1, static_cast<int>(std::ceil(bounds_.width() / cell_size_)));
    rows_ = std::max(1, static_cast<int>(std::ceil(bounds_.height() / cell_size_)));
    cell_nodes_.assign(static_cast<size_t>(columns_) * static_cast<size_t>(rows_), {});
    cell_edges_.assign(cell_nodes_.size(), {});
    for (uint32_t i = 0; i < node_rects_.size(); ++i)
        for_each_cell(node_rects_[i], [&](size_t cell) { cell_nodes_[cell].push_back(i); });
    for (uint32_t i = 0; i < edge_paths_.size(); ++i) {
        // Per path element, so a long straight edge does not claim every cell of its bounding box.
        const QPainterPath& path = edge_paths_[i];
        for (int e = 1; e < path.elementCount(); ++e) {
            const QPointF a = path.elementAt(e - 1);
            const QPointF b = path.elementAt(e);
            for_each_cell(QRectF(a, b).normalized().adjusted(-2, -2, 2, 2), [&](size_t cell) {
                auto& list = cell_edges_[cell];
                if (list.empty() || list.back() != i) list.push_back(i);
            });
        }
    }
}

template <class Visit>
void GraphScene::for_each_cell(const QRectF& area, Visit&& visit) const {
    const auto clamp_column = [&](double x) {
        return std::clamp(static_cast<int>(std::floor(x / cell_size_)), 0, columns_ - 1);
    };
    const auto clamp_row = [&](double y) {
        return std::clamp(static_cast<int>(std::floor(y / cell_size_)), 0, rows_ - 1);
    };
    const int x0 = clamp_column(area.left());
    const int x1 = clamp_column(area.right());
    const int y0 = clamp_row(area.top());
    const int y1 = clamp_row(area.bottom());
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            visit(static_cast<size_t>(y) * static_cast<size_t>(columns_) + static_cast<size_t>(x));
}

std::optional<SceneItem> GraphScene::item_at(QPointF point, double tolerance) const {
    if (!bounds_.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(point)) return std::nullopt;
    const QRectF probe(point.x() - tolerance, point.y() - tolerance, 2 * tolerance, 2 * tolerance);
    std::optional<SceneItem> found;
    for_each_cell(probe, [&](size_t cell) {
        for (uint32_t node : cell_nodes_[cell])
            if (node_rects_[node].contains(point)) found = SceneItem{SceneItem::Kind::kNode, node};
    });
    if (found) return found;
    double best = tolerance;
    for_each_cell(probe, [&](size_t cell) {
        for (uint32_t edge : cell_edges_[cell]) {
            // Curves are flattened for the test: accurate enough at a few pixels' tolerance.
            for (const QPolygonF& polyline : edge_paths_[edge].toSubpathPolygons()) {
                for (qsizetype i = 1; i < polyline.size(); ++i) {
                    const double d = distance_to_segment(point, polyline[i - 1], polyline[i]);
                    if (d <= best) {
                        best = d;
                        found = SceneItem{SceneItem::Kind::kEdge, edge};
                    }
                }
            }
        }
    });
    return found;
}

std::optional<SceneItem> GraphScene::item_for_operator(int32_t op) const {
    if (op < 0 || static_cast<size_t>(op) >= graph_.operator_count) return std::nullopt;
    return SceneItem{SceneItem::Kind::kNode, GraphModel::operator_node(op)};
}

std::optional<SceneItem> GraphScene::item_for_tensor(int32_t tensor) const {
    for (uint32_t i = 0; i < graph_.edges.size(); ++i)
        if (graph_.edges[i].tensor == tensor) return SceneItem{SceneItem::Kind::kEdge, i};
    for (uint32_t i = static_cast<uint32_t>(graph_.operator_count); i < graph_.nodes.size(); ++i)
        if (graph_.nodes[i].index == tensor) return SceneItem{SceneItem::Kind::kNode, i};
    const Subgraph& subgraph = model_->subgraphs[static_cast<size_t>(graph_.subgraph)];
    for (size_t op = 0; op < subgraph.operators.size(); ++op) {
        const auto& inputs = subgraph.operators[op].inputs;
        if (std::find(inputs.begin(), inputs.end(), tensor) != inputs.end())
            return SceneItem{SceneItem::Kind::kNode, static_cast<uint32_t>(op)};
    }
    return std::nullopt;
}

std::vector<SceneItem> GraphScene::find(const QString& query) const {
    std::vector<SceneItem> hits;
    const QString text = query.trimmed();
    if (text.isEmpty() || graph_.subgraph < 0 || static_cast<size_t>(graph_.subgraph) >= model_->subgraphs.size())
        return hits;
    const Subgraph& subgraph = model_->subgraphs[static_cast<size_t>(graph_.subgraph)];
    SceneItemSet found;
    auto add = [&](std::optional<SceneItem> item) {
        if (item && found.insert(*item)) hits.push_back(*item);
    };

    static const QRegularExpression reference(QStringLiteral("^(op#|t#)?(\\d+)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (const auto match = reference.match(text); match.hasMatch()) {
        const QString prefix = match.captured(1).toLower();
        bool valid = false;
        const int index = match.captured(2).toInt(&valid);
        if (!valid) return hits;  // more digits than any index has
        if (prefix != QStringLiteral("t#")) add(item_for_operator(index));
        if (prefix != QStringLiteral("op#") && index < static_cast<int>(subgraph.tensors.size()))
            add(item_for_tensor(index));
        return hits;
    }
    for (uint32_t i = 0; i < graph_.operator_count; ++i)
        if (from_utf8(graph_.nodes[i].title).contains(text, Qt::CaseInsensitive))
            add(SceneItem{SceneItem::Kind::kNode, i});
    for (size_t t = 0; t < subgraph.tensors.size(); ++t)
        if (from_utf8(subgraph.tensors[t].name).contains(text, Qt::CaseInsensitive))
            add(item_for_tensor(static_cast<int32_t>(t)));
    return hits;
}

QRectF GraphScene::item_rect(const SceneItem& item) const {
    if (item.kind == SceneItem::Kind::kNode) return node_rects_[item.index];
    return edge_paths_[item.index].boundingRect();
}

void GraphScene::paint(QPainter& painter, const QRectF& exposed, double scale, const Highlights& highlights) const {
    std::vector<uint32_t> nodes;
    std::vector<uint32_t> edges;
    for_each_cell(exposed, [&](size_t cell) {
        nodes.insert(nodes.end(), cell_nodes_[cell].begin(), cell_nodes_[cell].end());
        edges.insert(edges.end(), cell_edges_[cell].begin(), cell_edges_[cell].end());
    });
    const auto unique_sorted = [](std::vector<uint32_t>& ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    };
    unique_sorted(nodes);
    unique_sorted(edges);

    const bool detailed = scale >= graph_style::kTextMinScale;
    const bool edge_labels = scale >= graph_style::kEdgeLabelMinScale;
    const auto is_hit = [&](SceneItem item) { return highlights.hits && highlights.hits->contains(item); };
    painter.setRenderHint(QPainter::Antialiasing, detailed);

    painter.setBrush(Qt::NoBrush);
    for (uint32_t e : edges) {
        const SceneItem item{SceneItem::Kind::kEdge, e};
        QPen pen = graph_style::edge_pen(graph_.edges[e].type);
        if (highlights.selected == item) {
            pen.setColor(graph_style::selection_colour());
            pen.setWidthF(pen.widthF() + 2);
        } else if (is_hit(item)) {
            pen.setColor(graph_style::search_hit_colour().darker(120));
            pen.setWidthF(pen.widthF() + 2);
        }
        painter.setPen(pen);
        painter.drawPath(edge_paths_[e]);
    }
    painter.setPen(Qt::NoPen);
    for (uint32_t e : edges) {
        painter.setBrush(graph_style::edge_pen(graph_.edges[e].type).color());
        painter.drawPolygon(edge_arrows_[e]);
    }
    if (edge_labels) {
        painter.setFont(label_font_);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        for (uint32_t e : edges) painter.drawText(edge_label_anchors_[e], edge_labels_[e]);
    }

    const QPen border(QColor(0x33, 0x33, 0x33), 1);
    for (uint32_t n : nodes) {
        const GraphNode& node = graph_.nodes[n];
        const SceneItem item{SceneItem::Kind::kNode, n};
        const QRectF rect = node_rects_[n];
        QPen pen = border;
        if (highlights.selected == item)
            pen = QPen(graph_style::selection_colour(), 3);
        else if (is_hit(item))
            pen = QPen(graph_style::search_hit_colour(), 3);
        painter.setPen(pen);
        painter.setBrush(graph_style::family_fill(node.family));
        const double radius = node.kind == GraphNode::Kind::kOperator ? graph_style::kCornerRadius : rect.height() / 2;
        if (detailed)
            painter.drawRoundedRect(rect, radius, radius);
        else
            painter.drawRect(rect);
        if (!node.called_subgraphs.empty()) {  // a second frame: this node has bodies to open
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), radius, radius);
        }
    }
    if (!detailed) return;
    painter.setPen(Qt::black);
    const QFontMetricsF title_metrics(title_font_);
    for (uint32_t n : nodes) {
        const QRectF rect = node_rects_[n];
        painter.setFont(title_font_);
        const double title_top = rect.top() + graph_style::kNodePaddingY;
        const QRectF title_box(rect.left(), title_top, rect.width(), title_metrics.height());
        painter.drawText(title_box, Qt::AlignHCenter | Qt::AlignTop, node_titles_[n]);
        if (!node_details_[n].isEmpty()) {
            painter.setFont(detail_font_);
            const QRectF detail_box(rect.left(), title_box.bottom(), rect.width(),
                                    rect.bottom() - title_box.bottom() - graph_style::kNodePaddingY + 2);
            painter.drawText(detail_box, Qt::AlignHCenter | Qt::AlignTop, node_details_[n]);
        }
    }
}

}  // namespace litelab::viewers
