#include "ui/error_reporter.h"

#include <QMessageBox>

namespace litelab::ui {

void MessageBoxErrorReporter::report(const QString& title, const QString& message) {
    QMessageBox::critical(parent_.data(), title, message);
}

}  // namespace litelab::ui
