#include "viewers/graph/graph_view.h"

#include <QBuffer>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "viewers/graph/graph_style.h"

namespace litelab::viewers {
namespace {

constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 4.0;
constexpr double kZoomStep = 1.25;
constexpr int kMinimapMaxWidth = 180;
constexpr int kMinimapMaxHeight = 220;
constexpr int kMinimapMargin = 10;
constexpr double kHitTolerancePixels = 5;
constexpr int kPanThresholdPixels = 4;
constexpr int kMaxExportSide = 16384;

QString type_name(DType type) {
    const std::string_view name = dtype_name(type);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace

GraphView::GraphView(QWidget* parent) : QAbstractScrollArea(parent) {
    setObjectName(QStringLiteral("graphView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
    retranslate();
}

void GraphView::set_scene(std::shared_ptr<const GraphScene> scene) {
    scene_ = std::move(scene);
    selected_.reset();
    hits_.clear();
    hit_set_ = {};
    current_hit_ = -1;
    zoom_ = 1.0;
    update_minimap();
    update_legend();
    update_scroll_bars();
    // Start at the top of the graph, where its inputs are, at a readable zoom.
    horizontalScrollBar()->setValue((horizontalScrollBar()->maximum() + horizontalScrollBar()->minimum()) / 2);
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void GraphView::select(std::optional<SceneItem> item, bool centre) {
    selected_ = item;
    if (item && centre && scene_) {
        const QRectF rect = scene_->item_rect(*item);
        const QRectF visible = visible_scene_rect();
        // Centre on the item, or on its top part when it is taller than the view (a long edge).
        if (!visible.contains(rect)) {
            QPointF target = rect.center();
            if (rect.height() > visible.height()) target.setY(rect.top() + visible.height() / 2);
            if (rect.width() > visible.width()) target.setX(rect.left() + visible.width() / 2);
            centre_on(target);
        }
    }
    emit_selection();
    viewport()->update();
}

bool GraphView::select_operator(int32_t op) {
    if (!scene_) return false;
    const auto item = scene_->item_for_operator(op);
    if (!item) return false;
    select(item);
    return true;
}

bool GraphView::select_tensor(int32_t tensor) {
    if (!scene_) return false;
    const auto item = scene_->item_for_tensor(tensor);
    if (!item) return false;
    select(item);
    return true;
}

void GraphView::emit_selection() {
    if (!selected_ || !scene_) {
        emit selection_cleared();
        return;
    }
    const GraphModel& graph = scene_->graph();
    if (selected_->kind == SceneItem::Kind::kEdge) {
        emit tensor_selected(graph.edges[selected_->index].tensor);
        return;
    }
    const GraphNode& node = graph.nodes[selected_->index];
    if (node.kind == GraphNode::Kind::kOperator)
        emit operator_selected(node.index);
    else
        emit tensor_selected(node.index);
}

void GraphView::set_zoom(double zoom, QPointF anchor) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (!scene_ || zoom == zoom_) return;
    const QPointF scene_anchor = to_scene(anchor);
    zoom_ = zoom;
    update_scroll_bars();
    // Keep the scene point under the anchor where it was.
    const QPointF origin = content_origin();
    const QPointF device = origin + scene_anchor * zoom_;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                    static_cast<int>(std::lround(device.x() - anchor.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() +
                                  static_cast<int>(std::lround(device.y() - anchor.y())));
    viewport()->update();
    emit zoom_changed(zoom_);
}

void GraphView::zoom_in() {
    set_zoom(zoom_ * kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::zoom_out() {
    set_zoom(zoom_ / kZoomStep, QRectF(viewport()->rect()).center());
}

void GraphView::fit() {
    if (!scene_) return;
    const QRectF bounds = scene_->bounds();
    const QSizeF area = viewport()->size();
    const double zoom = std::min({area.width() / bounds.width(), area.height() / bounds.height(), 1.0});
    zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
    update_scroll_bars();
    centre_on(bounds.center());
    viewport()->update();
    emit zoom_changed(zoom_);
}

void GraphView::centre_on(QPointF scene_point) {
    const QPointF half(viewport()->width() / 2.0, viewport()->height() / 2.0);
    const QPointF target = scene_point * zoom_ - half;
    horizontalScrollBar()->setValue(static_cast<int>(std::lround(target.x())));
    verticalScrollBar()->setValue(static_cast<int>(std::lround(target.y())));
    viewport()->update();
}

QRectF GraphView::visible_scene_rect() const {
    return QRectF(to_scene(QPointF(0, 0)), to_scene(QPointF(viewport()->width(), viewport()->height())));
}

QPointF GraphView::content_origin() const {
    if (!scene_) return {};
    const QSizeF content = scene_->bounds().size() * zoom_;
    const QSizeF area = viewport()->size();
    const double x =
        content.width() < area.width() ? (area.width() - content.width()) / 2 : -horizontalScrollBar()->value();
    const double y =
        content.height() < area.height() ? (area.height() - content.height()) / 2 : -verticalScrollBar()->value();
    return {x, y};
}

QPointF GraphView::to_scene(QPointF viewport_point) const {
    return (viewport_point - content_origin()) / zoom_;
}

void GraphView::update_scroll_bars() {
    const QSizeF content = scene_ ? scene_->bounds().size() * zoom_ : QSizeF();
    const QSize area = viewport()->size();
    horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(content.width())) - area.width()));
    verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(content.height())) - area.height()));
    horizontalScrollBar()->setPageStep(area.width());
    verticalScrollBar()->setPageStep(area.height());
}

QRectF GraphView::minimap_rect() const {
    if (minimap_.isNull()) return {};
    const QSizeF size = minimap_.deviceIndependentSize();
    return QRectF(viewport()->width() - size.width() - kMinimapMargin,
                  viewport()->height() - size.height() - kMinimapMargin, size.width(), size.height());
}

void GraphView::update_minimap() {
    minimap_ = QImage();
    if (!scene_) return;
    const QRectF bounds = scene_->bounds();
    minimap_scale_ = std::min(kMinimapMaxWidth / bounds.width(), kMinimapMaxHeight / bounds.height());
    const QSize size(std::max(1, static_cast<int>(bounds.width() * minimap_scale_)),
                     std::max(1, static_cast<int>(bounds.height() * minimap_scale_)));
    minimap_ = QImage(size, QImage::Format_ARGB32_Premultiplied);
    minimap_.fill(QColor(255, 255, 255, 215));
    QPainter painter(&minimap_);
    painter.scale(minimap_scale_, minimap_scale_);
    scene_->paint(painter, bounds, minimap_scale_, {});
}

void GraphView::update_legend() {
    legend_families_.clear();
    legend_types_.clear();
    if (!scene_) return;
    for (const GraphNode& node : scene_->graph().nodes) legend_families_.push_back(node.family);
    for (const GraphEdge& edge : scene_->graph().edges) legend_types_.push_back(edge.type);
    std::sort(legend_families_.begin(), legend_families_.end());
    legend_families_.erase(std::unique(legend_families_.begin(), legend_families_.end()), legend_families_.end());
    std::sort(legend_types_.begin(), legend_types_.end());
    legend_types_.erase(std::unique(legend_types_.begin(), legend_types_.end()), legend_types_.end());
}

QString GraphView::family_name(OpFamily family) {
    switch (family) {
        case OpFamily::kConvolution:
            return tr("Convolution, dense");
        case OpFamily::kActivation:
            return tr("Activation");
        case OpFamily::kPooling:
            return tr("Pooling, reduction");
        case OpFamily::kElementwise:
            return tr("Element-wise");
        case OpFamily::kShape:
            return tr("Shape, layout");
        case OpFamily::kQuantization:
            return tr("Quantization");
        case OpFamily::kRecurrent:
            return tr("Recurrent");
        case OpFamily::kControlFlow:
            return tr("Control flow");
        case OpFamily::kCustom:
            return tr("Custom");
        case OpFamily::kTerminal:
            return tr("Graph input, output");
        case OpFamily::kOther:
            break;
    }
    return tr("Other");
}

void GraphView::paint_legend(QPainter& painter) const {
    const QFontMetricsF metrics(font());
    const double row = std::ceil(metrics.height()) + 2;
    const double sample = 26;
    double text_width = 0;
    for (OpFamily family : legend_families_)
        text_width = std::max(text_width, metrics.horizontalAdvance(family_name(family)));
    for (DType type : legend_types_) text_width = std::max(text_width, metrics.horizontalAdvance(type_name(type)));
    const double rows = static_cast<double>(legend_families_.size() + legend_types_.size());
    const QRectF box(kMinimapMargin, kMinimapMargin, sample + 18 + text_width, rows * row + 10);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(box);
    painter.setFont(font());
    double y = box.top() + 5;
    for (OpFamily family : legend_families_) {
        painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 1));
        painter.setBrush(graph_style::family_fill(family));
        painter.drawRoundedRect(QRectF(box.left() + 6, y + 2, sample, row - 5), 3, 3);
        painter.drawText(QRectF(box.left() + sample + 12, y, text_width + 4, row), Qt::AlignVCenter | Qt::AlignLeft,
                         family_name(family));
        y += row;
    }
    for (DType type : legend_types_) {
        painter.setPen(graph_style::edge_pen(type));
        painter.drawLine(QPointF(box.left() + 6, y + row / 2), QPointF(box.left() + 6 + sample, y + row / 2));
        painter.setPen(QColor(0x33, 0x33, 0x33));
        painter.drawText(QRectF(box.left() + sample + 12, y, text_width + 4, row), Qt::AlignVCenter | Qt::AlignLeft,
                         type_name(type));
        y += row;
    }
}

void GraphView::set_legend_visible(bool visible) {
    legend_visible_ = visible;
    viewport()->update();
}

void GraphView::set_minimap_visible(bool visible) {
    minimap_visible_ = visible;
    viewport()->update();
}

void GraphView::paintEvent(QPaintEvent* event) {
    if (!scene_) return;
    QPainter painter(viewport());
    const QPointF origin = content_origin();
    painter.save();
    painter.translate(origin);
    painter.scale(zoom_, zoom_);
    const QRectF exposed = QRectF(to_scene(event->rect().topLeft()), to_scene(event->rect().bottomRight()));
    GraphScene::Highlights highlights;
    highlights.selected = selected_;
    highlights.hits = &hit_set_;
    scene_->paint(painter, exposed, zoom_, highlights);
    painter.restore();

    // The minimap only helps when part of the graph is out of view.
    const QRectF visible = visible_scene_rect();
    if (minimap_visible_ && !minimap_.isNull() && !visible.contains(scene_->bounds())) {
        const QRectF frame = minimap_rect();
        painter.drawImage(frame.topLeft(), minimap_);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(frame);
        const QRectF window(frame.topLeft() + visible.topLeft() * minimap_scale_, visible.size() * minimap_scale_);
        painter.setPen(QPen(graph_style::selection_colour(), 1.5));
        painter.setBrush(QColor(0, 102, 255, 30));
        painter.drawRect(window.intersected(frame));
    }
    if (legend_visible_) paint_legend(painter);
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    update_scroll_bars();
}

void GraphView::scrollContentsBy(int, int) {
    viewport()->update();
}

void GraphView::wheelEvent(QWheelEvent* event) {
    if (scene_ && event->modifiers().testFlag(Qt::ControlModifier)) {
        const double steps = event->angleDelta().y() / 120.0;
        set_zoom(zoom_ * std::pow(kZoomStep, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !scene_) return QAbstractScrollArea::mousePressEvent(event);
    const QPointF position = event->position();
    if (minimap_visible_ && minimap_rect().contains(position) && !visible_scene_rect().contains(scene_->bounds())) {
        minimap_drag_ = true;
        centre_on((position - minimap_rect().topLeft()) / minimap_scale_);
        return;
    }
    pressed_ = true;
    panning_ = false;
    press_position_ = event->position().toPoint();
    press_scroll_ = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

void GraphView::mouseMoveEvent(QMouseEvent* event) {
    if (minimap_drag_) {
        centre_on((event->position() - minimap_rect().topLeft()) / minimap_scale_);
        return;
    }
    if (!pressed_) return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint delta = event->position().toPoint() - press_position_;
    if (!panning_ && delta.manhattanLength() < kPanThresholdPixels) return;
    if (!panning_) viewport()->setCursor(Qt::ClosedHandCursor);
    panning_ = true;
    horizontalScrollBar()->setValue(press_scroll_.x() - delta.x());
    verticalScrollBar()->setValue(press_scroll_.y() - delta.y());
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    if (minimap_drag_) {
        minimap_drag_ = false;
        return;
    }
    if (!pressed_) return QAbstractScrollArea::mouseReleaseEvent(event);
    pressed_ = false;
    if (panning_) {
        panning_ = false;
        viewport()->unsetCursor();
        return;
    }
    select(scene_->item_at(to_scene(event->position()), kHitTolerancePixels / zoom_), false);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!scene_) return;
    const auto item = scene_->item_at(to_scene(event->position()), kHitTolerancePixels / zoom_);
    if (!item || item->kind != SceneItem::Kind::kNode) return;
    const auto& called = scene_->graph().nodes[item->index].called_subgraphs;
    if (!called.empty()) emit subgraph_requested(called.back());  // the body, for WHILE
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    if (!scene_) return QAbstractScrollArea::keyPressEvent(event);
    const int key = event->key();
    const bool control = event->modifiers().testFlag(Qt::ControlModifier);
    if (key == Qt::Key_Plus || key == Qt::Key_Equal) return zoom_in();
    if (key == Qt::Key_Minus) return zoom_out();
    if (key == Qt::Key_0 && control) return fit();
    if (key == Qt::Key_Home && scene_->graph().operator_count > 0) {
        select_operator(0);
        return;
    }
    if (key == Qt::Key_Escape && selected_) return select(std::nullopt);
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && selected_ && selected_->kind == SceneItem::Kind::kNode) {
        const auto& called = scene_->graph().nodes[selected_->index].called_subgraphs;
        if (!called.empty()) emit subgraph_requested(called.back());
        return;
    }
    if (selected_ && (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Left || key == Qt::Key_Right))
        return walk(key);
    QAbstractScrollArea::keyPressEvent(event);
}

// Up goes to what feeds the selection, Down to what reads it; Left/Right step through the
// operators in execution order. From an edge, Up is its producer and Down its consumer.
void GraphView::walk(int key) {
    const GraphModel& graph = scene_->graph();
    const SceneItem current = *selected_;
    std::optional<SceneItem> next;
    if (current.kind == SceneItem::Kind::kEdge) {
        const GraphEdge& edge = graph.edges[current.index];
        if (key == Qt::Key_Up) next = SceneItem{SceneItem::Kind::kNode, edge.from};
        if (key == Qt::Key_Down) next = SceneItem{SceneItem::Kind::kNode, edge.to};
    } else if (key == Qt::Key_Up || key == Qt::Key_Down) {
        for (uint32_t e = 0; e < graph.edges.size() && !next; ++e) {
            const GraphEdge& edge = graph.edges[e];
            if (key == Qt::Key_Up && edge.to == current.index) next = SceneItem{SceneItem::Kind::kNode, edge.from};
            if (key == Qt::Key_Down && edge.from == current.index) next = SceneItem{SceneItem::Kind::kNode, edge.to};
        }
    } else if (graph.nodes[current.index].kind == GraphNode::Kind::kOperator) {
        const int64_t step = key == Qt::Key_Right ? 1 : -1;
        const int64_t target = static_cast<int64_t>(current.index) + step;
        if (target >= 0 && static_cast<size_t>(target) < graph.operator_count)
            next = SceneItem{SceneItem::Kind::kNode, static_cast<uint32_t>(target)};
    }
    if (next) select(next);
}

int GraphView::set_search(const QString& query) {
    hits_ = scene_ ? scene_->find(query) : std::vector<SceneItem>{};
    hit_set_ = {};
    for (const SceneItem& hit : hits_) hit_set_.insert(hit);
    current_hit_ = -1;
    if (!hits_.empty())
        show_hit(0);
    else
        emit search_position_changed(0, 0);
    viewport()->update();
    return static_cast<int>(hits_.size());
}

void GraphView::next_hit() {
    if (hits_.empty()) return;
    show_hit((current_hit_ + 1) % static_cast<int>(hits_.size()));
}

void GraphView::previous_hit() {
    if (hits_.empty()) return;
    const int count = static_cast<int>(hits_.size());
    show_hit((current_hit_ - 1 + count) % count);
}

void GraphView::show_hit(int index) {
    current_hit_ = index;
    select(hits_[static_cast<size_t>(index)]);
    emit search_position_changed(index + 1, static_cast<int>(hits_.size()));
}

void GraphView::render_scene(QPainter& painter, const QRectF& target) const {
    if (!scene_) return;
    const QRectF bounds = scene_->bounds();
    const double scale = std::min(target.width() / bounds.width(), target.height() / bounds.height());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    GraphScene::Highlights highlights;
    highlights.selected = selected_;
    scene_->paint(painter, bounds, std::max(scale, graph_style::kEdgeLabelMinScale), highlights);
    painter.restore();
}

bool GraphView::export_png(const QString& path, QString* error) const {
    if (!scene_) {
        *error = tr("%1: there is no graph to export").arg(path);
        return false;
    }
    const QRectF bounds = scene_->bounds();
    const double scale = std::min({1.0, kMaxExportSide / bounds.width(), kMaxExportSide / bounds.height()});
    QImage image(std::max(1, static_cast<int>(std::ceil(bounds.width() * scale))),
                 std::max(1, static_cast<int>(std::ceil(bounds.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = tr("%1: not enough memory for a %2×%3 picture").arg(path).arg(bounds.width()).arg(bounds.height());
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        render_scene(painter, QRectF(QPointF(0, 0), image.size()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *error = tr("%1: cannot write the picture (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool GraphView::export_svg(const QString& path, QString* error) const {
    if (!scene_) {
        *error = tr("%1: there is no graph to export").arg(path);
        return false;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QRectF bounds = scene_->bounds();
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(bounds.size().toSize());
    generator.setViewBox(bounds);
    generator.setTitle(QFileInfo(path).completeBaseName());
    {
        QPainter painter(&generator);
        render_scene(painter, bounds);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() || !file.commit()) {
        *error = tr("%1: cannot write the picture (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

void GraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QAbstractScrollArea::changeEvent(event);
}

void GraphView::retranslate() {
    setAccessibleName(tr("Model graph"));
    setWhatsThis(tr("Click to select, drag to pan, Ctrl+wheel to zoom, arrows to walk the graph."));
}

}  // namespace litelab::viewers
