#include "viewers/tensor/tensor_table_model.h"

#include <algorithm>
#include <climits>

namespace litelab::viewers {

TensorTableModel::TensorTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TensorTableModel::set_values(std::shared_ptr<const TensorValues> values) {
    beginResetModel();
    values_ = std::move(values);
    table_ = values_ ? table_shape(*values_) : TableShape{};
    page_ = 0;
    endResetModel();
    emit page_changed(page_);
}

void TensorTableModel::set_show_real(bool real) {
    if (real == show_real_) return;
    show_real_ = real;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void TensorTableModel::set_page_rows(int rows) {
    beginResetModel();
    page_rows_ = std::max(1, rows);
    page_ = 0;
    endResetModel();
    emit page_changed(page_);
}

int TensorTableModel::page_count() const {
    const uint64_t rows = static_cast<uint64_t>(page_rows_);
    return static_cast<int>(std::min<uint64_t>(INT_MAX, std::max<uint64_t>(1, (table_.rows + rows - 1) / rows)));
}

void TensorTableModel::set_page(int page) {
    page = std::clamp(page, 0, page_count() - 1);
    if (page == page_) return;
    beginResetModel();
    page_ = page;
    endResetModel();
    emit page_changed(page_);
}

int TensorTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !values_) return 0;
    return static_cast<int>(
        std::min<uint64_t>(static_cast<uint64_t>(page_rows_), table_.rows - std::min(table_.rows, first_row())));
}

int TensorTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !values_) return 0;
    return static_cast<int>(table_.columns);
}

uint64_t TensorTableModel::element_of(int row, int column) const {
    return (first_row() + static_cast<uint64_t>(row)) * table_.columns + static_cast<uint64_t>(column);
}

QString TensorTableModel::cell_text(int row, int column) const {
    if (!values_ || row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return {};
    const uint64_t element = element_of(row, column);
    if (values_->is_string()) return QString::fromStdString(values_->strings()[static_cast<size_t>(element)]);
    if (show_real_ && values_->quantized()) return QString::fromStdString(format_real(values_->real(element)));
    return QString::fromStdString(format_element(values_->element(element), values_->type()));
}

QString TensorTableModel::tooltip(int row, int column) const {
    const uint64_t element = element_of(row, column);
    const QString index = QString::fromStdString(format_index(unravel_index(element, values_->shape())));
    if (!values_->quantized()) return index;
    const size_t channel = values_->channel(element);
    const QString stored = QString::fromStdString(format_element(values_->element(element), values_->type()));
    const QString real = QString::fromStdString(format_real(values_->real(element)));
    const QString scale = QString::fromStdString(format_real(values_->scale_of_channel(channel)));
    const auto zero = QString::number(values_->zero_point_of_channel(channel));
    if (values_->per_axis())
        return tr("%1: stored %2, real %3 (channel %4: scale %5, zero point %6)")
            .arg(index, stored, real, QString::number(channel), scale, zero);
    return tr("%1: stored %2, real %3 (scale %4, zero point %5)").arg(index, stored, real, scale, zero);
}

QString TensorTableModel::row_header(int row) const {
    const uint64_t table_row = first_row() + static_cast<uint64_t>(row);
    const auto& shape = values_->shape();
    if (table_.flat) return QString::fromStdString(format_index(unravel_index(table_row, shape)));
    // The row stands for every index but the last: "[2, 0, :]".
    const std::span<const int64_t> leading(shape.data(), shape.size() - 1);
    std::string text = format_index(unravel_index(table_row, leading));
    text.insert(text.size() - 1, ", :");
    return QString::fromStdString(text);
}

QVariant TensorTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !values_) return {};
    switch (role) {
        case Qt::DisplayRole:
            return cell_text(index.row(), index.column());
        case Qt::ToolTipRole:
            return tooltip(index.row(), index.column());
        case Qt::TextAlignmentRole:
            return values_->is_string() ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant TensorTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !values_) return {};
    if (orientation == Qt::Vertical) return row_header(section);
    return table_.flat ? tr("Value") : QString::number(section);
}

QString TensorTableModel::page_as_tsv() const {
    QString text;
    if (!values_) return text;
    const int rows = rowCount();
    const int columns = columnCount();
    text += tr("Index");
    for (int c = 0; c < columns; ++c)
        text += QLatin1Char('\t') + headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    text += QLatin1Char('\n');
    for (int r = 0; r < rows; ++r) {
        text += row_header(r);
        // A tab or line break inside a string would shift the cells of every later column.
        for (int c = 0; c < columns; ++c)
            text += QLatin1Char('\t') + cell_text(r, c)
                                            .replace(QLatin1Char('\t'), QLatin1Char(' '))
                                            .replace(QLatin1Char('\n'), QLatin1Char(' '));
        text += QLatin1Char('\n');
    }
    return text;
}

}  // namespace litelab::viewers
