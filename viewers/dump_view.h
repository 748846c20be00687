// DumpView: a read-only, monospace view of a Model's Analyzer dump (the text `litelab inspect`
// prints). The dump of a large model takes a moment to produce, so callers working off the GUI
// thread build the text there and hand it over with set_dump_text(); show_model() is the
// synchronous shortcut for small models.
#pragma once

#include <QPlainTextEdit>

#include "tflite/analyzer_dump.h"

namespace litelab::viewers {

class DumpView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit DumpView(QWidget* parent = nullptr);

    void set_dump_text(const QString& text);
    void show_model(const Model& model, const AnalyzerDumpOptions& options);
    void clear_dump();

    // The dump as shown, for tests and for copying out.
    QString dump_text() const { return toPlainText(); }

    // Builds the dump text; safe to call on any thread.
    static QString make_dump_text(const Model& model, const AnalyzerDumpOptions& options);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
};

}  // namespace litelab::viewers
