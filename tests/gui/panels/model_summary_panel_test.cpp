// ModelSummaryPanel: histogram, inputs and outputs and signatures against the independent oracle;
// sizes, subgraphs and metadata against a hand-built model.
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

#include "hand_models.h"
#include "support/oracle_info.h"
#include "tests.h"
#include "viewers/panels/model_summary_panel.h"

using litelab::viewers::ModelSummaryPanel;

namespace {

QTreeWidget* tree_of(const ModelSummaryPanel& panel) {
    return panel.findChild<QTreeWidget*>(QStringLiteral("summaryTree"));
}

QTreeWidgetItem* row(const ModelSummaryPanel& panel, const QString& property) {
    return litelab::test::find_row(tree_of(panel)->invisibleRootItem(), property);
}

}  // namespace

class ModelSummaryPanelTest : public QObject {
    Q_OBJECT

private:
    // Shows model `name` in `panel` and returns the oracle's JSON; empty (with `why_not`) when
    // the oracle or the model is unavailable.
    static QJsonObject show(ModelSummaryPanel& panel, const QString& name, QString& why_not) {
        const auto& info = litelab::test::oracle_info(name);
        if (info.json.isEmpty()) {
            why_not = info.why_not;
            return {};
        }
        const QString path = litelab::test::model_path(name);
        QString error;
        auto model = litelab::test::read_model(path, &error);
        if (model == nullptr) {
            why_not = error;
            return {};
        }
        panel.show_model(model, QFileInfo(path).fileName(), static_cast<quint64>(QFileInfo(path).size()));
        return info.json;
    }

private slots:
    void starts_with_a_hint() {
        ModelSummaryPanel panel;
        QVERIFY(tree_of(panel) != nullptr);
        QCOMPARE(tree_of(panel)->topLevelItemCount(), 1);
        QVERIFY(panel.value_of(QStringLiteral("File")).isEmpty());
    }

    void histogram_equals_the_oracles_op_counts_data() { litelab::test::add_oracle_model_rows(); }
    void histogram_equals_the_oracles_op_counts() {
        QFETCH(QString, name);
        ModelSummaryPanel panel;
        QString why_not;
        const QJsonObject oracle = show(panel, name, why_not);
        if (oracle.isEmpty()) QSKIP(qPrintable(why_not));
        QCOMPARE(oracle.value(QStringLiteral("num_subgraphs")).toInt(), 1);  // op_counts covers subgraph 0 only
        const QJsonObject counts = oracle.value(QStringLiteral("op_counts")).toObject();
        QTreeWidgetItem* ops = row(panel, QStringLiteral("Operators"));
        QVERIFY(ops != nullptr);
        QCOMPARE(ops->text(1), QString::number(oracle.value(QStringLiteral("operators")).toArray().size()));
        QCOMPARE(ops->childCount(), counts.size());
        int previous = INT_MAX;
        for (int i = 0; i < ops->childCount(); ++i) {
            const QString op = ops->child(i)->text(0);
            QVERIFY2(counts.contains(op), qPrintable(op));
            const int count = ops->child(i)->text(1).toInt();
            QCOMPARE(count, counts.value(op).toInt());
            QVERIFY2(count <= previous, "the histogram is sorted by count");
            previous = count;
        }
    }

    void file_and_io_match_the_oracle_data() { litelab::test::add_oracle_model_rows(); }
    void file_and_io_match_the_oracle() {
        QFETCH(QString, name);
        ModelSummaryPanel panel;
        QString why_not;
        const QJsonObject oracle = show(panel, name, why_not);
        if (oracle.isEmpty()) QSKIP(qPrintable(why_not));
        const QString path = litelab::test::model_path(name);
        QCOMPARE(panel.value_of(QStringLiteral("File")), QFileInfo(path).fileName());
        QVERIFY(panel.value_of(QStringLiteral("File size"))
                    .startsWith(QStringLiteral("%1 bytes").arg(QFileInfo(path).size())));
        QCOMPARE(panel.value_of(QStringLiteral("Schema version")),
                 QString::number(oracle.value(QStringLiteral("version")).toInt()));
        QCOMPARE(panel.value_of(QStringLiteral("Subgraphs")),
                 QString::number(oracle.value(QStringLiteral("num_subgraphs")).toInt()));

        const QRegularExpression quantization(QStringLiteral("scale (\\S+) zero point (-?\\d+)$"));
        for (const QString& side : {QStringLiteral("Input"), QStringLiteral("Output")}) {
            const QJsonArray list = oracle.value(side.toLower() + QStringLiteral("s")).toArray();
            QCOMPARE(panel.value_of(side + QStringLiteral("s")), QString::number(list.size()));
            for (int i = 0; i < list.size(); ++i) {
                const QJsonObject t = list[i].toObject();
                const QString value = panel.value_of(QStringLiteral("%1 %2").arg(side).arg(i));
                QStringList dims;
                for (const auto& d : t.value(QStringLiteral("shape_signature")).toArray())
                    dims << QString::number(d.toInt());
                const QString head =
                    QStringLiteral("T#%1 %2  [%3] %4")
                        .arg(t.value(QStringLiteral("index")).toInt())
                        .arg(t.value(QStringLiteral("name")).toString(), dims.join(QStringLiteral(", ")),
                             t.value(QStringLiteral("dtype")).toString().toUpper());
                QVERIFY2(value.startsWith(head), qPrintable(value + QStringLiteral(" vs ") + head));
                const QJsonArray scale = t.value(QStringLiteral("scale")).toArray();
                const auto match = quantization.match(value);
                QCOMPARE(match.hasMatch(), scale.size() == 1);
                if (match.hasMatch()) {
                    QCOMPARE(match.captured(1).toFloat(), static_cast<float>(scale[0].toDouble()));
                    QCOMPARE(match.captured(2).toLongLong(),
                             t.value(QStringLiteral("zero_point")).toArray()[0].toInteger());
                }
            }
            QVERIFY(panel.value_of(QStringLiteral("%1 %2").arg(side).arg(list.size())).isEmpty());
        }
    }

    void signatures_match_the_oracle_data() { litelab::test::add_oracle_model_rows(); }
    void signatures_match_the_oracle() {
        QFETCH(QString, name);
        ModelSummaryPanel panel;
        QString why_not;
        const QJsonObject oracle = show(panel, name, why_not);
        if (oracle.isEmpty()) QSKIP(qPrintable(why_not));
        const QJsonArray signatures = oracle.value(QStringLiteral("signatures")).toArray();
        QCOMPARE(panel.value_of(QStringLiteral("Signatures")), QString::number(signatures.size()));
        for (const auto& entry : signatures) {
            const QJsonObject sig = entry.toObject();
            QTreeWidgetItem* item = row(panel, sig.value(QStringLiteral("key")).toString());
            QVERIFY(item != nullptr);
            QCOMPARE(item->text(1),
                     QStringLiteral("subgraph %1").arg(sig.value(QStringLiteral("subgraph_index")).toInt()));
            for (const QString& side : {QStringLiteral("inputs"), QStringLiteral("outputs")}) {
                for (const auto& map : sig.value(side).toArray()) {
                    const QJsonObject m = map.toObject();
                    QTreeWidgetItem* mapped = litelab::test::find_row(item, m.value(QStringLiteral("name")).toString());
                    QVERIFY(mapped != nullptr);
                    QVERIFY(mapped->text(1).startsWith(
                        QStringLiteral("T#%1 ").arg(m.value(QStringLiteral("tensor_index")).toInt())));
                }
            }
        }
    }

    void summarizes_a_hand_built_model() {
        ModelSummaryPanel panel;
        panel.show_model(litelab::test::hand_model(), QStringLiteral("hand.tflite"), 1234);
        QCOMPARE(panel.value_of(QStringLiteral("File")), QStringLiteral("hand.tflite"));
        QVERIFY(panel.value_of(QStringLiteral("File size")).startsWith(QStringLiteral("1234 bytes")));
        QCOMPARE(panel.value_of(QStringLiteral("Description")), QStringLiteral("hand-built for the panels"));
        QCOMPARE(panel.value_of(QStringLiteral("Schema version")), QStringLiteral("3"));
        QCOMPARE(panel.value_of(QStringLiteral("Subgraphs")), QStringLiteral("2"));
        QCOMPARE(panel.value_of(QStringLiteral("Subgraph 0")), QStringLiteral("main: 4 operator(s), 7 tensor(s)"));
        QCOMPARE(panel.value_of(QStringLiteral("Subgraph 1")), QStringLiteral("helper: 1 operator(s), 2 tensor(s)"));

        // Both subgraphs count; RELU (twice) comes first.
        QTreeWidgetItem* ops = row(panel, QStringLiteral("Operators"));
        QCOMPARE(ops->text(1), QStringLiteral("5"));
        QCOMPARE(ops->child(0)->text(0), QStringLiteral("RELU"));
        QCOMPARE(ops->child(0)->text(1), QStringLiteral("2"));
        QCOMPARE(panel.value_of(QStringLiteral("DEPTHWISE_CONV_2D")), QStringLiteral("1"));
        QCOMPARE(panel.value_of(QStringLiteral("ADD")), QStringLiteral("1"));
        QCOMPARE(panel.value_of(QStringLiteral("MY_CUSTOM_OP")), QStringLiteral("1"));

        // Constants: the 1x3x3x4 filter (36 bytes) and the 300x2 table (600 bytes), both INT8.
        QCOMPARE(panel.value_of(QStringLiteral("Parameters")), QStringLiteral("636"));
        QCOMPARE(panel.value_of(QStringLiteral("Constant data")), QStringLiteral("636 bytes"));
        QCOMPARE(panel.value_of(QStringLiteral("INT8")), QStringLiteral("636 bytes"));
        QCOMPARE(row(panel, QStringLiteral("Constant data"))->childCount(), 1);

        QCOMPARE(panel.value_of(QStringLiteral("Input 0")), QStringLiteral("T#0 image  [-1, 8, 8, 4] FLOAT32"));
        QCOMPARE(panel.value_of(QStringLiteral("Output 0")), QStringLiteral("T#4 sum  [1, 8, 8, 4] FLOAT32"));
        QCOMPARE(panel.value_of(QStringLiteral("Output 1")), QStringLiteral("T#6 custom_out  [300, 2] FLOAT32"));

        QCOMPARE(panel.value_of(QStringLiteral("serving_default")), QStringLiteral("subgraph 0"));
        QCOMPARE(panel.value_of(QStringLiteral("scores")), QStringLiteral("T#4 sum  [1, 8, 8, 4] FLOAT32"));
        QCOMPARE(panel.value_of(QStringLiteral("helper_fn")), QStringLiteral("subgraph 1"));
        QCOMPARE(panel.value_of(QStringLiteral("x_in")), QStringLiteral("T#0 x  [2] FLOAT32"));
        QCOMPARE(panel.value_of(QStringLiteral("y_out")), QStringLiteral("T#1 y  [2] FLOAT32"));
    }

    void shows_metadata_text_when_printable() {
        ModelSummaryPanel panel;
        panel.show_model(litelab::test::hand_model(), QStringLiteral("hand.tflite"), 1234);
        QCOMPARE(panel.value_of(QStringLiteral("Metadata")), QStringLiteral("2"));
        // Buffers: 0 sentinel, 1 filter, 2 wide, 3 and 4 metadata.
        QCOMPARE(panel.value_of(QStringLiteral("min_runtime_version")),
                 QStringLiteral("buffer 3, 16 bytes: \"1.14.0\""));
        QCOMPARE(panel.value_of(QStringLiteral("binary_blob")), QStringLiteral("buffer 4, 4 bytes"));
    }

    void rows_are_selectable_and_clear_resets() {
        ModelSummaryPanel panel;
        panel.show_model(litelab::test::hand_model(), QStringLiteral("hand.tflite"), 1234);
        QCOMPARE(tree_of(panel)->selectionMode(), QAbstractItemView::ExtendedSelection);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QCOMPARE(panel.value_of(QStringLiteral("Parameters")), QStringLiteral("636"));
        panel.clear();
        QVERIFY(panel.value_of(QStringLiteral("File")).isEmpty());
        QCOMPARE(tree_of(panel)->topLevelItemCount(), 1);
        panel.show_model(nullptr, QString(), 0);
        QCOMPARE(tree_of(panel)->topLevelItemCount(), 1);
    }
};

namespace litelab::test {

int run_model_summary_panel_tests(int argc, char** argv) {
    ModelSummaryPanelTest test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace litelab::test

#include "model_summary_panel_test.moc"
