// TensorTableModel: one page of a constant tensor's values for a QTableView. Cells are decoded
// from the tensor's bytes when the view asks for them, and only one page of rows exists for the
// view at a time, so a tensor of ten million elements opens as fast as one of ten: QHeaderView
// keeps per-section data, and millions of sections would cost seconds and hundreds of MB.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "viewers/tensor/tensor_values.h"

namespace litelab::viewers {

class TensorTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    static constexpr int kDefaultPageRows = 1000;

    explicit TensorTableModel(QObject* parent = nullptr);

    // nullptr empties the table. Starts on page 0.
    void set_values(std::shared_ptr<const TensorValues> values);
    // Quantized tensors: real values (scale * (q - zero_point), per channel) or the integers.
    void set_show_real(bool real);
    bool show_real() const { return show_real_; }
    void set_page_rows(int rows);

    int page() const { return page_; }
    int page_count() const;
    void set_page(int page);
    const TableShape& table() const { return table_; }
    uint64_t first_row() const { return static_cast<uint64_t>(page_) * static_cast<uint64_t>(page_rows_); }

    // The cell's text as shown (also Qt::DisplayRole); the tooltip adds the stored integer and
    // the channel's scale and zero point for quantized tensors.
    QString cell_text(int row, int column) const;
    // The current page as tab-separated text with a header line, for the clipboard.
    QString page_as_tsv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void page_changed(int page);

private:
    // Flat element index of a cell on the current page.
    uint64_t element_of(int row, int column) const;
    QString row_header(int row) const;
    QString tooltip(int row, int column) const;

    std::shared_ptr<const TensorValues> values_;
    TableShape table_;
    int page_ = 0;
    int page_rows_ = kDefaultPageRows;
    bool show_real_ = true;
};

}  // namespace litelab::viewers
