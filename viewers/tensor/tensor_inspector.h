// TensorInspector: everything about one tensor of a loaded model. A header names it (T#index,
// shape, type, quantization); a constant tensor's values follow as a paged table with
// statistics and a histogram, and can be copied or exported as .npy or CSV. A tensor without
// stored values (an activation) gets a one-line explanation instead.
//
// The inspector shares ownership of the model, so the values it shows (views of the model's
// buffers, never copies) stay valid however long it shows them.
#pragma once

#include <QWidget>

#include <memory>

#include "viewers/tensor/tensor_stats.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QToolButton;

namespace litelab {
struct Model;
}

namespace litelab {
class JobRunner;
}  // namespace litelab

namespace litelab::viewers {

class HistogramWidget;
class TensorTableModel;

class TensorInspector : public QWidget {
    Q_OBJECT

public:
    explicit TensorInspector(QWidget* parent = nullptr);
    ~TensorInspector() override;

    // `model` stays alive through the shared pointer; subgraph/tensor are indices into it.
    void show_tensor(std::shared_ptr<const litelab::Model> model, int subgraph, int tensor);
    void clear();

    // Without dialogs, for tests and scripting: false + *error (one line naming the file) on failure.
    bool export_npy(const QString& path, QString* error) const;
    bool export_csv(const QString& path, QString* error) const;

    // The statistics shown, or nullptr when the tensor has no numbers to count or they are
    // still being computed (statistics_pending()).
    const TensorStats* stats() const { return stats_ ? &*stats_ : nullptr; }
    // Tensors of more than kSynchronousElements elements are counted on a worker thread (ten
    // million float32 take ~90 ms); the panel shows a busy state until statistics_ready().
    static constexpr uint64_t kSynchronousElements = uint64_t{1} << 20;
    bool statistics_pending() const { return statistics_pending_; }

    // What the Export buttons do after asking for a file: writes on a worker, then emits
    // exported() or failed(). Ignored while an export is running.
    void start_export(const QString& path, bool npy);
    bool exporting() const { return exporting_; }

signals:
    void failed(const QString& title, const QString& message);  // the window shows it to the user
    void exported(const QString& path);
    void statistics_ready();

protected:
    void changeEvent(QEvent* event) override;

private:
    void build_ui();
    void retranslate();
    void update_header();
    void update_message();
    void update_stats_text();
    void update_page_controls();
    void start_statistics();
    void apply_statistics(TensorStats stats, Histogram histogram);
    void copy_page();
    void choose_export(bool npy);
    void set_exporting(bool exporting);
    bool has_values() const { return values_ != nullptr; }

    std::shared_ptr<const litelab::Model> model_;
    int subgraph_ = -1;
    int tensor_ = -1;
    std::shared_ptr<const TensorValues> values_;
    std::optional<TensorStats> stats_;
    bool statistics_pending_ = false;
    // Statistics of large tensors; every show_tensor() and clear() drops older results.
    JobRunner* jobs_ = nullptr;
    // Exports started from the buttons; they finish even when another tensor is shown.
    JobRunner* exports_ = nullptr;
    bool exporting_ = false;
    // Why the values are not shown (set when the tensor has none or they cannot be read).
    enum class Absence { kNone, kNoTensor, kComputed, kSparse, kUnsupported, kInvalid };
    Absence absence_ = Absence::kNone;
    QString absence_detail_;

    QLabel* header_ = nullptr;
    QLabel* message_ = nullptr;
    QWidget* content_ = nullptr;
    QLabel* value_mode_label_ = nullptr;
    QComboBox* value_mode_ = nullptr;
    QPushButton* copy_ = nullptr;
    QPushButton* export_npy_ = nullptr;
    QPushButton* export_csv_ = nullptr;
    QTableView* table_ = nullptr;
    TensorTableModel* table_model_ = nullptr;
    QToolButton* first_page_ = nullptr;
    QToolButton* previous_page_ = nullptr;
    QSpinBox* page_ = nullptr;
    QLabel* page_count_ = nullptr;
    QToolButton* next_page_ = nullptr;
    QToolButton* last_page_ = nullptr;
    QLabel* row_range_ = nullptr;
    QLabel* stats_label_ = nullptr;
    QProgressBar* busy_ = nullptr;
    HistogramWidget* histogram_ = nullptr;
};

}  // namespace litelab::viewers
