// DumpView: read-only, monospace, and showing the Analyzer dump of a Model.
#include <QFontInfo>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTextBlock>
#include <QtTest>

#include "model/demo_model.h"
#include "support/control_flow_model.h"
#include "viewers/dump_panel.h"
#include "viewers/dump_view.h"

using litelab::viewers::DumpView;

class DumpViewTest : public QObject {
    Q_OBJECT

private slots:
    void is_read_only_and_monospace() {
        DumpView view;
        QVERIFY(view.isReadOnly());
        QVERIFY(QFontInfo(view.font()).fixedPitch());
        QCOMPARE(view.lineWrapMode(), QPlainTextEdit::NoWrap);
        QVERIFY(view.dump_text().isEmpty());
        QVERIFY(!view.placeholderText().isEmpty());
    }

    void shows_the_dump_of_a_model() {
        DumpView view;
        litelab::AnalyzerDumpOptions options;
        options.model_name = "demo.tflite";
        view.show_model(litelab::make_demo_model(), options);
        const QString text = view.dump_text();
        QVERIFY2(text.startsWith(QStringLiteral("=== demo.tflite ===")), qPrintable(text.left(80)));
        QVERIFY(text.contains(QStringLiteral("Subgraph#0 main(T#0) -> [T#")));
        QVERIFY(text.contains(QStringLiteral("CONV_2D")));
        view.clear_dump();
        QVERIFY(view.dump_text().isEmpty());
    }

    // References resolve to the subgraph whose section they are in; T#k_i names tensor i of
    // subgraph k, as TFLite's Analyzer writes it.
    void references_link_to_their_subgraph() {
        DumpView view;
        litelab::AnalyzerDumpOptions options;
        options.model_name = "while.tflite";
        view.show_model(litelab::test::make_while_model(), options);
        const QString text = view.dump_text();
        QSignalSpy operators(&view, &DumpView::operator_clicked);
        QSignalSpy tensors(&view, &DumpView::tensor_clicked);

        const int body = text.indexOf(QStringLiteral("Subgraph#2 body"));
        QVERIFY2(body >= 0, qPrintable(text));
        const int op1 = text.indexOf(QStringLiteral("  Op#1 MUL"), body);
        QVERIFY(op1 >= 0);
        QVERIFY(view.activate_reference_at(op1 + 3));
        QCOMPARE(operators.last(), (QList<QVariant>{2, 1}));
        const int tensor = text.indexOf(QStringLiteral("T#2_1"), op1);
        QVERIFY(tensor >= 0);
        QVERIFY(view.activate_reference_at(tensor + 4));
        QCOMPARE(tensors.last(), (QList<QVariant>{2, 1}));
        // Plain words are no references.
        QVERIFY(!view.activate_reference_at(text.indexOf(QStringLiteral("subgraph(s)"))));

        QVERIFY(view.reveal_operator(1, 0));
        QVERIFY(view.textCursor().block().text().startsWith(QStringLiteral("  Op#0 LESS")));
        QVERIFY(!view.reveal_operator(1, 5));
    }

    void the_panel_finds_text_and_wraps() {
        litelab::viewers::DumpPanel panel;
        litelab::AnalyzerDumpOptions options;
        options.model_name = "demo.tflite";
        panel.view()->show_model(litelab::make_demo_model(), options);
        panel.find_field()->setText(QStringLiteral("CONV_2D"));
        QVERIFY(panel.find_next());
        const int first = panel.view()->textCursor().position();
        int found = 1;
        while (panel.find_next() && panel.view()->textCursor().position() != first && found < 100) ++found;
        QCOMPARE(found, static_cast<int>(panel.view()->dump_text().count(QStringLiteral("CONV_2D"))));
        panel.find_field()->setText(QStringLiteral("no such text"));
        QVERIFY(!panel.find_next());
    }
};

QTEST_MAIN(DumpViewTest)
#include "dump_view_test.moc"
