#include "viewers/dump_view.h"

#include <QEvent>
#include <QFontDatabase>

namespace litelab::viewers {

DumpView::DumpView(QWidget* parent) : QPlainTextEdit(parent) {
    setObjectName(QStringLiteral("dumpView"));
    setReadOnly(true);
    setUndoRedoEnabled(false);  // a dump is replaced, never edited: keep no history
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    retranslate();
}

void DumpView::set_dump_text(const QString& text) {
    setPlainText(text);
}

void DumpView::show_model(const Model& model, const AnalyzerDumpOptions& options) {
    set_dump_text(make_dump_text(model, options));
}

void DumpView::clear_dump() {
    clear();
}

QString DumpView::make_dump_text(const Model& model, const AnalyzerDumpOptions& options) {
    return QString::fromStdString(analyzer_dump(model, options));
}

void DumpView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QPlainTextEdit::changeEvent(event);
}

void DumpView::retranslate() {
    setPlaceholderText(tr("Open a TensorFlow Lite model to see its structure here."));
    setAccessibleName(tr("Model dump"));
}

}  // namespace litelab::viewers
