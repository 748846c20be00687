// DumpView: a read-only, monospace view of a Model's Analyzer dump (the text `litelab inspect`
// prints). The dump of a large model takes a moment to produce, so callers working off the GUI
// thread build the text there and hand it over with set_dump_text(); show_model() is the
// synchronous shortcut for small models.
//
// The dump links to the graph: clicking an `Op#3` or `T#12` (`T#1_4` in subgraph 1) emits
// operator_clicked / tensor_clicked with the subgraph the text belongs to, and reveal_operator()
// scrolls to an operator's line when the graph selects it.
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

    // Moves the cursor to the line of `Op#op` in Subgraph#subgraph; false when there is none.
    bool reveal_operator(int subgraph, int op);
    // The operator or tensor reference at `position` (a character offset), if any; emits the
    // matching signal. Clicks end here; tests call it directly.
    bool activate_reference_at(int position);
    // Finds `text` after (or before) the cursor, wrapping around; false when it is nowhere.
    bool find_text(const QString& text, bool backward = false);

    // Builds the dump text; safe to call on any thread.
    static QString make_dump_text(const Model& model, const AnalyzerDumpOptions& options);

signals:
    void operator_clicked(int subgraph, int op);
    void tensor_clicked(int subgraph, int tensor);

protected:
    void changeEvent(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void retranslate();
};

}  // namespace litelab::viewers
