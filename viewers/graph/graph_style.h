// How the graph view looks: node colours by op family, edge pens by element type, sizes. One
// place, so the legend, the view and exported pictures agree.
#pragma once

#include <QColor>
#include <QPen>

#include "core/dtype.h"
#include "viewers/graph/graph_model.h"

namespace litelab::viewers::graph_style {

inline constexpr double kNodePaddingX = 12;
inline constexpr double kNodePaddingY = 6;
inline constexpr double kMinNodeWidth = 72;
inline constexpr double kCornerRadius = 6;
// Below this zoom the text is unreadable: nodes are drawn as plain boxes and edges without labels.
inline constexpr double kTextMinScale = 0.35;
inline constexpr double kEdgeLabelMinScale = 0.6;

QColor family_fill(OpFamily family);
// The pen of an edge carrying a tensor of `type`: colour and dash pattern differ per type so
// float32 / float16 / int8 / int16 / int32 paths stand apart even in grey-scale prints.
QPen edge_pen(DType type);
QColor selection_colour();
QColor search_hit_colour();

}  // namespace litelab::viewers::graph_style
