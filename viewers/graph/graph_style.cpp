#include "viewers/graph/graph_style.h"

namespace litelab::viewers::graph_style {

QColor family_fill(OpFamily family) {
    switch (family) {
        case OpFamily::kConvolution:
            return QColor(0x4e, 0x79, 0xa7).lighter(165);
        case OpFamily::kActivation:
            return QColor(0xe1, 0x57, 0x59).lighter(160);
        case OpFamily::kPooling:
            return QColor(0x59, 0xa1, 0x4f).lighter(165);
        case OpFamily::kElementwise:
            return QColor(0xed, 0xc9, 0x48).lighter(140);
        case OpFamily::kShape:
            return QColor(0xba, 0xb0, 0xac).lighter(125);
        case OpFamily::kQuantization:
            return QColor(0xf2, 0x8e, 0x2b).lighter(160);
        case OpFamily::kRecurrent:
            return QColor(0xb0, 0x7a, 0xa1).lighter(160);
        case OpFamily::kControlFlow:
            return QColor(0x76, 0xb7, 0xb2).lighter(150);
        case OpFamily::kCustom:
            return QColor(0xff, 0x9d, 0xa7).lighter(115);
        case OpFamily::kTerminal:
            return QColor(0xee, 0xee, 0xee);
        case OpFamily::kOther:
            break;
    }
    return QColor(0xdd, 0xdd, 0xdd);
}

QPen edge_pen(DType type) {
    QPen pen(QColor(0x55, 0x55, 0x55), 1.4);
    pen.setCapStyle(Qt::FlatCap);
    switch (type) {
        case DType::kFloat32:
            break;
        case DType::kFloat16:
        case DType::kBFloat16:
            pen.setColor(QColor(0x1f, 0x77, 0xb4));
            pen.setStyle(Qt::DashLine);
            break;
        case DType::kInt8:
        case DType::kUInt8:
            pen.setColor(QColor(0xd6, 0x61, 0x00));
            pen.setWidthF(2.0);
            break;
        case DType::kInt16:
        case DType::kUInt16:
            pen.setColor(QColor(0x94, 0x67, 0xbd));
            pen.setStyle(Qt::DashDotLine);
            pen.setWidthF(1.8);
            break;
        case DType::kInt32:
        case DType::kInt64:
        case DType::kUInt32:
            pen.setColor(QColor(0x2c, 0xa0, 0x2c));
            pen.setStyle(Qt::DotLine);
            pen.setWidthF(1.8);
            break;
        default:
            pen.setColor(QColor(0x7f, 0x7f, 0x7f));
            pen.setStyle(Qt::DashDotDotLine);
            break;
    }
    return pen;
}

QColor selection_colour() {
    return QColor(0x00, 0x66, 0xff);
}

QColor search_hit_colour() {
    return QColor(0xff, 0xc4, 0x00);
}

}  // namespace litelab::viewers::graph_style
