// DumpView: read-only, monospace, and showing the Analyzer dump of a Model.
#include <QFontInfo>
#include <QtTest>

#include "model/demo_model.h"
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
};

QTEST_MAIN(DumpViewTest)
#include "dump_view_test.moc"
