// HistogramWidget: paints a Histogram of tensor values as bars, with the value range on the
// horizontal axis and the tallest count on the vertical one. Hovering a bar shows its range
// and count. For a tensor quantized per tensor the integer bins also carry their real values
// (scale * (q - zero_point)); per-axis tensors have no single real value per integer, so their
// axis shows integers only.
#pragma once

#include <QWidget>

#include <optional>

#include "viewers/tensor/tensor_stats.h"

namespace litelab::viewers {

class HistogramWidget : public QWidget {
    Q_OBJECT

public:
    explicit HistogramWidget(QWidget* parent = nullptr);

    // `real_scale`/`real_zero_point`: the per-tensor quantization, to label integer bins.
    void set_histogram(Histogram histogram, std::optional<float> real_scale = std::nullopt,
                       int64_t real_zero_point = 0);
    void clear_histogram();
    const Histogram& histogram() const { return histogram_; }

    // The bin under a point of the widget, or -1; and that bin's tooltip text.
    int bin_at(QPoint point) const;
    QString bin_text(int bin) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QRect plot_rect() const;
    QString value_label(double value) const;
    void retranslate();

    Histogram histogram_;
    std::optional<float> real_scale_;
    int64_t real_zero_point_ = 0;
};

}  // namespace litelab::viewers
