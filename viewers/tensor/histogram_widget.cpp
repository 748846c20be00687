#include "viewers/tensor/histogram_widget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <climits>

namespace litelab::viewers {

HistogramWidget::HistogramWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tensorHistogram"));
    setMouseTracking(true);
    retranslate();
}

void HistogramWidget::set_histogram(Histogram histogram, std::optional<float> real_scale, int64_t real_zero_point) {
    histogram_ = std::move(histogram);
    real_scale_ = histogram_.integer_bins ? real_scale : std::nullopt;
    real_zero_point_ = real_zero_point;
    update();
}

void HistogramWidget::clear_histogram() {
    set_histogram({});
}

QSize HistogramWidget::sizeHint() const {
    return {360, 200};
}

QSize HistogramWidget::minimumSizeHint() const {
    return {160, 100};
}

QRect HistogramWidget::plot_rect() const {
    const int line = fontMetrics().height();
    // Room for two label lines below (integers, then real values) and the count label above.
    const int below = line * (real_scale_ ? 2 : 1) + 6;
    return rect().adjusted(6, line + 4, -6, -below);
}

QString HistogramWidget::value_label(double value) const {
    if (histogram_.integer_bins) return QString::number(static_cast<qlonglong>(value));
    return QString::number(value, 'g', 5);
}

int HistogramWidget::bin_at(QPoint point) const {
    const QRect plot = plot_rect();
    if (histogram_.counts.empty() || !plot.contains(point) || plot.width() <= 0) return -1;
    const auto bins = static_cast<int>(histogram_.counts.size());
    return std::clamp((point.x() - plot.left()) * bins / plot.width(), 0, bins - 1);
}

QString HistogramWidget::bin_text(int bin) const {
    if (bin < 0 || static_cast<size_t>(bin) >= histogram_.counts.size()) return {};
    const auto b = static_cast<size_t>(bin);
    const double low = histogram_.bin_low(b);
    const double high = histogram_.bin_high(b);
    const QString count = QString::number(histogram_.counts[b]);
    QString range = histogram_.integer_bins && low == high ? value_label(low)
                                                           : tr("%1 to %2").arg(value_label(low), value_label(high));
    QString text =
        tr("%1: %n value(s)", nullptr, static_cast<int>(std::min<uint64_t>(histogram_.counts[b], INT_MAX))).arg(range);
    if (real_scale_) {
        auto real = [this](double q) {
            return QString::number(static_cast<double>(*real_scale_) * (q - static_cast<double>(real_zero_point_)), 'g',
                                   6);
        };
        text += QLatin1Char('\n') +
                (low == high ? tr("real %1").arg(real(low)) : tr("real %1 to %2").arg(real(low), real(high)));
    }
    return text;
}

bool HistogramWidget::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = bin_text(bin_at(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void HistogramWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QRect plot = plot_rect();
    if (histogram_.counts.empty() || plot.width() <= 0 || plot.height() <= 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No histogram"));
        return;
    }
    const uint64_t tallest =
        std::max<uint64_t>(1, *std::max_element(histogram_.counts.begin(), histogram_.counts.end()));
    const auto bins = static_cast<int>(histogram_.counts.size());
    for (int i = 0; i < bins; ++i) {
        const uint64_t count = histogram_.counts[static_cast<size_t>(i)];
        if (count == 0) continue;
        const int left = plot.left() + i * plot.width() / bins;
        const int right = plot.left() + (i + 1) * plot.width() / bins;
        // A bin with any values gets at least one pixel, so rare values stay visible.
        const int height =
            std::max(1, static_cast<int>(static_cast<double>(count) / static_cast<double>(tallest) * plot.height()));
        painter.fillRect(
            QRect(left, plot.bottom() - height + 1, std::max(1, right - left - (bins < 64 ? 1 : 0)), height),
            palette().highlight());
    }
    painter.setPen(palette().color(QPalette::Text));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    const int line = fontMetrics().height();
    painter.drawText(QRect(plot.left(), 0, plot.width(), line), Qt::AlignLeft | Qt::AlignTop,
                     tr("max %1 per bin").arg(tallest));
    const size_t last = histogram_.counts.size() - 1;
    const double low = histogram_.bin_low(0);
    const double high =
        histogram_.integer_bins ? histogram_.bin_high(last) : histogram_.bin_low(last) + histogram_.width;
    QRect labels(plot.left(), plot.bottom() + 3, plot.width(), line);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, value_label(low));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, value_label(high));
    if (real_scale_) {
        labels.translate(0, line);
        const auto real = [this](double q) {
            return static_cast<double>(*real_scale_) * (q - static_cast<double>(real_zero_point_));
        };
        painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, tr("real %1").arg(real(low), 0, 'g', 5));
        painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, tr("real %1").arg(real(high), 0, 'g', 5));
    }
}

void HistogramWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void HistogramWidget::retranslate() {
    setAccessibleName(tr("Histogram of the tensor's values"));
    update();  // the painted labels are translated when painted
}

}  // namespace litelab::viewers
