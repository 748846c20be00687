// How the UI tells the user that something failed. MainWindow owns one; the default shows a
// modal message box, tests inject one that records. Titles arrive translated from the caller;
// messages are usually the engine's one-line errors ("PATH: problem") and are shown as they are.
#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

namespace litelab::ui {

class ErrorReporter {
public:
    virtual ~ErrorReporter() = default;
    virtual void report(const QString& title, const QString& message) = 0;
};

// Shows QMessageBox::critical over `parent` (or application-modal when the parent is gone).
class MessageBoxErrorReporter final : public ErrorReporter {
public:
    explicit MessageBoxErrorReporter(QWidget* parent) : parent_(parent) {}
    void report(const QString& title, const QString& message) override;

private:
    QPointer<QWidget> parent_;
};

}  // namespace litelab::ui
