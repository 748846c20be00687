#include "viewers/tensor/tensor_inspector.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

#include "model/graph.h"
#include "viewers/jobs/job_runner.h"
#include "viewers/tensor/histogram_widget.h"
#include "viewers/tensor/tensor_export.h"
#include "viewers/tensor/tensor_table_model.h"

namespace litelab::viewers {
namespace {

QString number(double value) {
    return QString::number(value, 'g', 7);
}

QString dims_text(const std::vector<int32_t>& dims) {
    return QString::fromStdString(format_dims(dims));
}

std::optional<QuantParams> quant_params(const Tensor& tensor) {
    if (!tensor.quantization || tensor.quantization->scale.empty()) return std::nullopt;
    return QuantParams{tensor.quantization->scale, tensor.quantization->zero_point,
                       tensor.quantization->quantized_dimension};
}

// What a statistics job hands back to the GUI thread.
struct StatisticsResult {
    TensorStats stats;
    Histogram histogram;
};

StatisticsResult compute_statistics(const TensorValues& values) {
    StatisticsResult result;
    result.stats = compute_stats(values);
    result.histogram = compute_histogram(values, result.stats.stored);
    return result;
}

}  // namespace

TensorInspector::TensorInspector(QWidget* parent)
    : QWidget(parent), jobs_(new JobRunner(this)), exports_(new JobRunner(this)) {
    setObjectName(QStringLiteral("tensorInspector"));
    build_ui();
    retranslate();
    clear();
}

// The runner goes first: it waits for a running job before the members the result needs go.
TensorInspector::~TensorInspector() {
    delete jobs_;
    delete exports_;  // waits for an export still being written; its result is dropped
    if (exporting_) QApplication::restoreOverrideCursor();
}

void TensorInspector::build_ui() {
    header_ = new QLabel(this);
    header_->setObjectName(QStringLiteral("tensorHeader"));
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header_->setWordWrap(true);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("tensorMessage"));
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);

    content_ = new QWidget(this);
    content_->setObjectName(QStringLiteral("tensorContent"));
    value_mode_label_ = new QLabel(content_);
    value_mode_ = new QComboBox(content_);
    value_mode_->setObjectName(QStringLiteral("tensorValueMode"));
    value_mode_->addItems({QString(), QString()});  // texts in retranslate()
    value_mode_label_->setBuddy(value_mode_);
    copy_ = new QPushButton(content_);
    copy_->setObjectName(QStringLiteral("tensorCopy"));
    export_npy_ = new QPushButton(content_);
    export_npy_->setObjectName(QStringLiteral("tensorExportNpy"));
    export_csv_ = new QPushButton(content_);
    export_csv_->setObjectName(QStringLiteral("tensorExportCsv"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(value_mode_label_);
    actions->addWidget(value_mode_);
    actions->addStretch(1);
    actions->addWidget(copy_);
    actions->addWidget(export_npy_);
    actions->addWidget(export_csv_);

    table_model_ = new TensorTableModel(this);
    table_ = new QTableView(content_);
    table_->setObjectName(QStringLiteral("tensorTable"));
    table_->setModel(table_model_);
    table_->setWordWrap(false);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    // Fixed row heights: the view need not measure a thousand rows' contents.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);

    auto make_page_button = [this](const char* name, Qt::ArrowType arrow) {
        auto* button = new QToolButton(content_);
        button->setObjectName(QLatin1String(name));
        button->setArrowType(arrow);
        return button;
    };
    first_page_ = make_page_button("tensorFirstPage", Qt::NoArrow);
    first_page_->setText(QStringLiteral("|<"));
    previous_page_ = make_page_button("tensorPreviousPage", Qt::LeftArrow);
    next_page_ = make_page_button("tensorNextPage", Qt::RightArrow);
    last_page_ = make_page_button("tensorLastPage", Qt::NoArrow);
    last_page_->setText(QStringLiteral(">|"));
    page_ = new QSpinBox(content_);
    page_->setObjectName(QStringLiteral("tensorPage"));
    page_->setKeyboardTracking(false);
    page_count_ = new QLabel(content_);
    page_count_->setObjectName(QStringLiteral("tensorPageCount"));
    row_range_ = new QLabel(content_);
    row_range_->setObjectName(QStringLiteral("tensorRowRange"));
    auto* pages = new QHBoxLayout;
    pages->addWidget(first_page_);
    pages->addWidget(previous_page_);
    pages->addWidget(page_);
    pages->addWidget(page_count_);
    pages->addWidget(next_page_);
    pages->addWidget(last_page_);
    pages->addStretch(1);
    pages->addWidget(row_range_);

    auto* table_side = new QWidget(content_);
    auto* table_layout = new QVBoxLayout(table_side);
    table_layout->setContentsMargins(0, 0, 0, 0);
    table_layout->addWidget(table_, 1);
    table_layout->addLayout(pages);

    stats_label_ = new QLabel(content_);
    stats_label_->setObjectName(QStringLiteral("tensorStats"));
    stats_label_->setTextFormat(Qt::RichText);
    stats_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stats_label_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    busy_ = new QProgressBar(content_);
    busy_->setObjectName(QStringLiteral("tensorBusy"));
    busy_->setRange(0, 0);  // no percentage: the job reports none, so show activity only
    busy_->setTextVisible(false);
    histogram_ = new HistogramWidget(content_);
    auto* stats_side = new QWidget(content_);
    auto* stats_layout = new QVBoxLayout(stats_side);
    stats_layout->setContentsMargins(0, 0, 0, 0);
    stats_layout->addWidget(stats_label_);
    stats_layout->addWidget(busy_);
    stats_layout->addWidget(histogram_, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, content_);
    splitter->setObjectName(QStringLiteral("tensorSplitter"));
    splitter->addWidget(table_side);
    splitter->addWidget(stats_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* content_layout = new QVBoxLayout(content_);
    content_layout->setContentsMargins(0, 0, 0, 0);
    content_layout->addLayout(actions);
    content_layout->addWidget(splitter, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header_);
    layout->addWidget(message_, 1);
    layout->addWidget(content_, 1);

    connect(value_mode_, &QComboBox::currentIndexChanged, this,
            [this](int index) { table_model_->set_show_real(index == 0); });
    connect(copy_, &QPushButton::clicked, this, &TensorInspector::copy_page);
    connect(export_npy_, &QPushButton::clicked, this, [this] { choose_export(true); });
    connect(export_csv_, &QPushButton::clicked, this, [this] { choose_export(false); });
    connect(first_page_, &QToolButton::clicked, this, [this] { table_model_->set_page(0); });
    connect(previous_page_, &QToolButton::clicked, this, [this] { table_model_->set_page(table_model_->page() - 1); });
    connect(next_page_, &QToolButton::clicked, this, [this] { table_model_->set_page(table_model_->page() + 1); });
    connect(last_page_, &QToolButton::clicked, this,
            [this] { table_model_->set_page(table_model_->page_count() - 1); });
    connect(page_, &QSpinBox::valueChanged, this, [this](int page) { table_model_->set_page(page - 1); });
    connect(table_model_, &TensorTableModel::page_changed, this, &TensorInspector::update_page_controls);
}

void TensorInspector::clear() {
    model_.reset();
    subgraph_ = -1;
    tensor_ = -1;
    values_.reset();
    stats_.reset();
    statistics_pending_ = false;
    jobs_->drop_pending();
    absence_ = Absence::kNoTensor;
    absence_detail_.clear();
    table_model_->set_values(nullptr);
    histogram_->clear_histogram();
    update_header();
    update_message();
    update_stats_text();
}

void TensorInspector::show_tensor(std::shared_ptr<const Model> model, int subgraph, int tensor) {
    clear();
    model_ = std::move(model);
    subgraph_ = subgraph;
    tensor_ = tensor;
    const bool exists = model_ && subgraph >= 0 && static_cast<size_t>(subgraph) < model_->subgraphs.size() &&
                        tensor >= 0 &&
                        static_cast<size_t>(tensor) < model_->subgraphs[static_cast<size_t>(subgraph)].tensors.size();
    if (!exists) {
        update_header();
        update_message();
        return;
    }
    const Tensor& t = model_->subgraphs[static_cast<size_t>(subgraph)].tensors[static_cast<size_t>(tensor)];
    if (!is_constant(*model_, t)) {
        absence_ = Absence::kComputed;
    } else if (t.sparsity) {
        absence_ = Absence::kSparse;
    } else {
        const std::vector<int64_t> shape(t.shape.begin(), t.shape.end());
        auto values = TensorValues::create(t.type, shape, quant_params(t), model_->tensor_data(t), model_);
        if (values) {
            absence_ = Absence::kNone;
            values_ = std::make_shared<const TensorValues>(std::move(values).value());
        } else {
            absence_ = values.error().code == ErrorCode::kUnsupported ? Absence::kUnsupported : Absence::kInvalid;
            absence_detail_ = QString::fromStdString(values.error().message);
        }
    }
    if (values_) {
        table_model_->set_show_real(value_mode_->currentIndex() == 0);
        table_model_->set_values(values_);
        if (!values_->is_string()) start_statistics();
    }
    update_header();
    update_message();
    update_stats_text();
}

void TensorInspector::start_statistics() {
    if (values_->size() <= kSynchronousElements) {
        auto result = compute_statistics(*values_);
        apply_statistics(std::move(result.stats), std::move(result.histogram));
        return;
    }
    statistics_pending_ = true;
    // The job keeps the values (and through them the model) alive until it ends; the runner
    // drops its result when another tensor is shown first or the inspector is gone.
    jobs_->start(
        [values = values_] { return compute_statistics(*values); },
        [this](StatisticsResult result) { apply_statistics(std::move(result.stats), std::move(result.histogram)); });
}

void TensorInspector::apply_statistics(TensorStats stats, Histogram histogram) {
    statistics_pending_ = false;
    stats_ = std::move(stats);
    std::optional<float> scale;
    int64_t zero_point = 0;
    if (values_->quantized() && !values_->per_axis()) {
        scale = values_->scale_of_channel(0);
        zero_point = values_->zero_point_of_channel(0);
    }
    histogram_->set_histogram(std::move(histogram), scale, zero_point);
    update_message();
    update_stats_text();
    emit statistics_ready();
}

void TensorInspector::update_header() {
    if (!model_ || absence_ == Absence::kNoTensor) {
        header_->setText(model_ ? tr("There is no tensor T#%1 in subgraph %2.").arg(tensor_).arg(subgraph_)
                                : tr("No tensor selected."));
        return;
    }
    const Tensor& t = model_->subgraphs[static_cast<size_t>(subgraph_)].tensors[static_cast<size_t>(tensor_)];
    const QString name = t.name.empty() ? tr("(unnamed)") : QString::fromStdString(t.name);
    QString quant = tr("not quantized");
    if (t.quantization && !t.quantization->scale.empty()) {
        const auto& q = *t.quantization;
        const auto [low_zero, high_zero] = std::minmax_element(q.zero_point.begin(), q.zero_point.end());
        const QString zeros = q.zero_point.empty()      ? QStringLiteral("0")
                              : *low_zero == *high_zero ? QString::number(*low_zero)
                                                        : tr("%1 to %2").arg(*low_zero).arg(*high_zero);
        if (q.scale.size() == 1) {
            quant = tr("quantized: scale %1, zero point %2").arg(number(q.scale[0]), zeros);
        } else {
            const auto [low, high] = std::minmax_element(q.scale.begin(), q.scale.end());
            quant = tr("quantized per channel along dimension %1: %2 scales from %3 to %4, zero points %5")
                        .arg(q.quantized_dimension)
                        .arg(q.scale.size())
                        .arg(number(*low), number(*high), zeros);
        }
    } else if (t.quantization && !t.quantization->min.empty()) {
        quant = tr("range %1 to %2 (not quantized)")
                    .arg(number(t.quantization->min.front()),
                         number(t.quantization->max.empty() ? 0 : t.quantization->max.front()));
    }
    header_->setText(tr("<b>%1</b> T#%2<br>shape %3, %4, %5")
                         .arg(name.toHtmlEscaped())
                         .arg(tensor_)
                         .arg(dims_text(t.signature_or_shape()), QString::fromLatin1(dtype_name(t.type).data()),
                              quant.toHtmlEscaped()));
}

void TensorInspector::update_message() {
    content_->setVisible(values_ != nullptr);
    message_->setVisible(values_ == nullptr);
    const bool quantized = values_ && values_->quantized();
    value_mode_->setVisible(quantized);
    value_mode_label_->setVisible(quantized);
    histogram_->setVisible(stats_.has_value());
    busy_->setVisible(statistics_pending_);
    switch (absence_) {
        case Absence::kNone:
            message_->clear();
            break;
        case Absence::kNoTensor:
            message_->setText(model_ ? header_->text() : QString());
            break;
        case Absence::kComputed:
            message_->setText(tr("T#%1 is computed at run time; it has no stored values").arg(tensor_));
            break;
        case Absence::kSparse:
            message_->setText(
                tr("T#%1 is stored in a sparse (compressed) format; its values are not shown").arg(tensor_));
            break;
        case Absence::kUnsupported: {
            const Tensor& t = model_->subgraphs[static_cast<size_t>(subgraph_)].tensors[static_cast<size_t>(tensor_)];
            message_->setText(tr("T#%1 holds %2 values, which the inspector does not show")
                                  .arg(tensor_)
                                  .arg(QString::fromLatin1(dtype_name(t.type).data())));
            break;
        }
        case Absence::kInvalid:
            message_->setText(tr("The values of T#%1 cannot be read: %2").arg(tensor_).arg(absence_detail_));
            break;
    }
}

void TensorInspector::update_stats_text() {
    if (!values_) {
        stats_label_->clear();
        return;
    }
    const int count = static_cast<int>(std::min<uint64_t>(values_->size(), INT_MAX));
    if (statistics_pending_) {
        stats_label_->setText(tr("Counting %n value(s)…", nullptr, count));
        return;
    }
    if (!stats_) {
        stats_label_->setText(tr("%n string(s); strings have no statistics", nullptr, count));
        return;
    }
    const bool real = stats_->real.has_value();
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    auto row = [&](const QString& name, auto cell) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td>")
                    .arg(name.toHtmlEscaped(), cell(stats_->stored));
        if (real) html += QStringLiteral("<td align=\"right\">%1</td>").arg(cell(*stats_->real));
        html += QStringLiteral("</tr>");
    };
    if (real)
        html += QStringLiteral("<tr><td></td><th>%1</th><th>%2</th></tr>")
                    .arg(tr("Stored").toHtmlEscaped(), tr("Real").toHtmlEscaped());
    row(tr("Elements"), [](const ValueStats& s) { return QString::number(s.count); });
    row(tr("Minimum"), [](const ValueStats& s) { return number(s.min); });
    row(tr("Maximum"), [](const ValueStats& s) { return number(s.max); });
    row(tr("Mean"), [](const ValueStats& s) { return number(s.mean); });
    row(tr("Standard deviation"), [](const ValueStats& s) { return number(s.std); });
    row(tr("Sparsity"),
        [](const ValueStats& s) { return tr("%1% (%2 zeros)").arg(s.sparsity() * 100, 0, 'g', 4).arg(s.zeros); });
    if (stats_->stored.non_finite > 0)
        row(tr("NaN or infinite"), [](const ValueStats& s) { return QString::number(s.non_finite); });
    html += QStringLiteral("</table>");
    stats_label_->setText(html);
}

void TensorInspector::update_page_controls() {
    const int pages = table_model_->page_count();
    const int page = table_model_->page();
    {
        const QSignalBlocker blocker(page_);
        page_->setRange(1, pages);
        page_->setValue(page + 1);
    }
    page_count_->setText(tr("of %1").arg(pages));
    first_page_->setEnabled(page > 0);
    previous_page_->setEnabled(page > 0);
    next_page_->setEnabled(page + 1 < pages);
    last_page_->setEnabled(page + 1 < pages);
    const uint64_t rows = table_model_->table().rows;
    const uint64_t first = std::min(rows, table_model_->first_row());
    const uint64_t last = first + static_cast<uint64_t>(table_model_->rowCount());
    row_range_->setText(rows == 0 ? tr("No rows") : tr("Rows %1 to %2 of %3").arg(first + 1).arg(last).arg(rows));
}

void TensorInspector::copy_page() {
    QApplication::clipboard()->setText(table_model_->page_as_tsv());
}

void TensorInspector::choose_export(bool npy) {
    if (!values_) return;
    const Tensor& t = model_->subgraphs[static_cast<size_t>(subgraph_)].tensors[static_cast<size_t>(tensor_)];
    QString base = QString::fromStdString(t.name).replace(QLatin1Char('/'), QLatin1Char('_'));
    if (base.isEmpty()) base = QStringLiteral("tensor_%1").arg(tensor_);
    const QString path = npy ? QFileDialog::getSaveFileName(this, tr("Export Values as NumPy Array"),
                                                            base + QStringLiteral(".npy"), tr("NumPy arrays (*.npy)"))
                             : QFileDialog::getSaveFileName(this, tr("Export Values as CSV"),
                                                            base + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) start_export(path, npy);
}

void TensorInspector::start_export(const QString& path, bool npy) {
    if (!values_ || exporting_) return;
    // Ten million values take about a second as CSV: written on a worker, the window stays
    // responsive. The job owns the values, so showing another tensor meanwhile is safe.
    const std::string local_path = QFile::encodeName(path).toStdString();
    const bool real = table_model_->show_real();
    set_exporting(true);
    exports_->start(
        [values = values_, npy, real, local_path] {
            return npy ? write_tensor_npy(*values, local_path) : write_tensor_csv(*values, real, local_path);
        },
        [this, path](Status status) {
            set_exporting(false);
            if (!status)
                emit failed(tr("Export failed"), QString::fromStdString(status.error().message));
            else
                emit exported(path);
        });
}

void TensorInspector::set_exporting(bool exporting) {
    if (exporting == exporting_) return;
    exporting_ = exporting;
    export_npy_->setEnabled(!exporting);
    export_csv_->setEnabled(!exporting);
    if (exporting)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

bool TensorInspector::export_npy(const QString& path, QString* error) const {
    if (!values_) {
        if (error) *error = tr("%1: the tensor shown has no stored values to export").arg(path);
        return false;
    }
    const Status status = write_tensor_npy(*values_, QFile::encodeName(path).toStdString());
    if (!status && error) *error = QString::fromStdString(status.error().message);
    return status.ok();
}

bool TensorInspector::export_csv(const QString& path, QString* error) const {
    if (!values_) {
        if (error) *error = tr("%1: the tensor shown has no stored values to export").arg(path);
        return false;
    }
    const Status status = write_tensor_csv(*values_, table_model_->show_real(), QFile::encodeName(path).toStdString());
    if (!status && error) *error = QString::fromStdString(status.error().message);
    return status.ok();
}

void TensorInspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TensorInspector::retranslate() {
    value_mode_label_->setText(tr("Sho&w:"));
    value_mode_->setItemText(0, tr("Real values"));
    value_mode_->setItemText(1, tr("Stored integers"));
    copy_->setText(tr("&Copy Page"));
    copy_->setToolTip(tr("Copy the rows of this page as tab-separated text"));
    export_npy_->setText(tr("Export .&npy…"));
    export_csv_->setText(tr("Export &CSV…"));
    export_csv_->setToolTip(tr("Write the values as shown, one table row per line"));
    first_page_->setToolTip(tr("First page"));
    previous_page_->setToolTip(tr("Previous page"));
    next_page_->setToolTip(tr("Next page"));
    last_page_->setToolTip(tr("Last page"));
    setAccessibleName(tr("Tensor inspector"));
    update_header();
    update_message();
    update_stats_text();
    update_page_controls();
}

}  // namespace litelab::viewers
