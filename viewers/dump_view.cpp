#include "viewers/dump_view.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QTextBlock>

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

namespace {

// The subgraph a line of the dump belongs to: the last "Subgraph#k" header or "Tensors of
// Subgraph#k" line at or above it.
int subgraph_of_block(QTextBlock block) {
    static const QRegularExpression header(QStringLiteral("^(?:Tensors of )?Subgraph#(\\d+)"));
    for (; block.isValid(); block = block.previous()) {
        const auto match = header.match(block.text());
        if (match.hasMatch()) return match.captured(1).toInt();
    }
    return 0;
}

}  // namespace

bool DumpView::activate_reference_at(int position) {
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid()) return false;
    static const QRegularExpression reference(QStringLiteral("Op#(\\d+)|T#(\\d+)(?:_(\\d+))?"));
    const int column = position - block.position();
    auto it = reference.globalMatch(block.text());
    while (it.hasNext()) {
        const auto match = it.next();
        if (column < match.capturedStart() || column > match.capturedEnd()) continue;
        if (!match.captured(1).isEmpty()) {
            emit operator_clicked(subgraph_of_block(block), match.captured(1).toInt());
        } else if (!match.captured(3).isEmpty()) {
            emit tensor_clicked(match.captured(2).toInt(), match.captured(3).toInt());
        } else {
            emit tensor_clicked(0, match.captured(2).toInt());
        }
        return true;
    }
    return false;
}

bool DumpView::reveal_operator(int subgraph, int op) {
    const QString header = QStringLiteral("Subgraph#%1").arg(subgraph);
    const QString line = QStringLiteral("  Op#%1 ").arg(op);
    bool in_subgraph = false;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        if (text.startsWith(QStringLiteral("Subgraph#")))
            in_subgraph = text.startsWith(header + QLatin1Char(' ')) || text.startsWith(header + QLatin1Char('('));
        if (in_subgraph && text.startsWith(line)) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            setTextCursor(cursor);
            centerCursor();
            return true;
        }
    }
    return false;
}

bool DumpView::find_text(const QString& text, bool backward) {
    if (text.isEmpty()) return false;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (find(text, flags)) return true;
    // Wrap around: start again from the other end.
    QTextCursor cursor = textCursor();
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    setTextCursor(cursor);
    return find(text, flags);
}

void DumpView::mouseReleaseEvent(QMouseEvent* event) {
    QPlainTextEdit::mouseReleaseEvent(event);
    // A plain click (no text selected by dragging) follows a reference under the pointer.
    if (event->button() == Qt::LeftButton && !textCursor().hasSelection())
        activate_reference_at(cursorForPosition(event->position().toPoint()).position());
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
