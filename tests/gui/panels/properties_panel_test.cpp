// PropertiesPanel: operator and tensor rows checked against the independent oracle on the bundled
// models and against hand-built models for what those lack; links emit the selection signals.
#include <QAction>
#include <QClipboard>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include "hand_models.h"
#include "support/oracle_info.h"
#include "tests.h"
#include "viewers/panels/properties_panel.h"

using litelab::viewers::PropertiesPanel;
namespace hand = litelab::test::hand;

namespace {

QString dims_text(const QJsonArray& dims) {
    QStringList parts;
    for (const auto& d : dims) parts << QString::number(d.toInt());
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QTreeWidget* tree_of(const PropertiesPanel& panel) {
    return panel.findChild<QTreeWidget*>(QStringLiteral("propertiesTree"));
}

QStringList child_values(QTreeWidget* tree, const QString& section) {
    QStringList values;
    QTreeWidgetItem* item = litelab::test::find_row(tree->invisibleRootItem(), section);
    for (int i = 0; item != nullptr && i < item->childCount(); ++i) values << item->child(i)->text(1);
    return values;
}

// Double-clicks the row in its value column with the events a real double-click brings (press,
// release, double-click, release): QTest::mouseDClick alone sends only the double-click event,
// which an item view takes for a first press.
void double_click(QTreeWidget* tree, QTreeWidgetItem* item) {
    QVERIFY(item != nullptr);
    tree->doItemsLayout();  // rows added since the last paint have no geometry yet
    tree->scrollToItem(item);
    const QRect rect = tree->visualItemRect(item);
    const QPoint point(tree->columnViewportPosition(1) + 5, rect.center().y());
    QVERIFY(tree->viewport()->rect().contains(point));
    QCOMPARE(tree->itemAt(point), item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, point);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, point);
    QTest::mouseRelease(tree->viewport(), Qt::LeftButton, Qt::NoModifier, point);
}

}  // namespace

class PropertiesPanelTest : public QObject {
    Q_OBJECT

private:
    struct Loaded {
        std::shared_ptr<const litelab::Model> model;
        QJsonObject oracle;
    };

    // The engine's model and the oracle's JSON for `name`; skips the case when either is missing.
    static bool load(const QString& name, Loaded& loaded, QString& why_not) {
        const auto& info = litelab::test::oracle_info(name);
        if (info.json.isEmpty()) {
            why_not = info.why_not;
            return false;
        }
        QString error;
        loaded.model = litelab::test::read_model(litelab::test::model_path(name), &error);
        if (loaded.model == nullptr) {
            why_not = error;
            return false;
        }
        loaded.oracle = info.json;
        return true;
    }

private slots:
    void starts_with_a_hint() {
        PropertiesPanel panel;
        QTreeWidget* tree = tree_of(panel);
        QVERIFY(tree != nullptr);
        QCOMPARE(tree->columnCount(), 2);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(!tree->topLevelItem(0)->text(0).isEmpty());
        QCOMPARE(tree->headerItem()->text(0), QStringLiteral("Property"));
        QCOMPARE(tree->headerItem()->text(1), QStringLiteral("Value"));
        QVERIFY(panel.value_of(QStringLiteral("Name")).isEmpty());
    }

    void operators_list_the_oracles_tensors_data() { litelab::test::add_oracle_model_rows(); }
    void operators_list_the_oracles_tensors() {
        QFETCH(QString, name);
        Loaded loaded;
        QString why_not;
        if (!load(name, loaded, why_not)) QSKIP(qPrintable(why_not));
        PropertiesPanel panel;
        const QJsonArray ops = loaded.oracle.value(QStringLiteral("operators")).toArray();
        QVERIFY(!ops.isEmpty());
        for (int k = 0; k < ops.size(); ++k) {
            const QJsonObject op = ops[k].toObject();
            panel.show_operator(loaded.model, 0, k);
            const QString where = QStringLiteral("%1 Op#%2").arg(name).arg(k);
            QCOMPARE(tree_of(panel)->topLevelItem(0)->text(0),
                     QStringLiteral("Op#%1 %2").arg(k).arg(op.value(QStringLiteral("op")).toString()));
            for (const QString& side : {QStringLiteral("Input"), QStringLiteral("Output")}) {
                const QJsonArray tensors = op.value(side.toLower() + QStringLiteral("s")).toArray();
                QVERIFY2(panel.value_of(side + QStringLiteral("s")) == QString::number(tensors.size()),
                         qPrintable(where));
                for (int i = 0; i < tensors.size(); ++i) {
                    const int t = tensors[i].toInt();
                    const QString value = panel.value_of(QStringLiteral("%1 %2").arg(side).arg(i));
                    const QString expected = t == -1 ? QStringLiteral("-1: omitted") : QStringLiteral("T#%1 ").arg(t);
                    QVERIFY2(value.startsWith(expected), qPrintable(where + QStringLiteral(": ") + value));
                }
                QVERIFY(panel.value_of(QStringLiteral("%1 %2").arg(side).arg(tensors.size())).isEmpty());
            }
        }
    }

    void io_tensors_show_the_oracles_parameters_data() { litelab::test::add_oracle_model_rows(); }
    void io_tensors_show_the_oracles_parameters() {
        QFETCH(QString, name);
        Loaded loaded;
        QString why_not;
        if (!load(name, loaded, why_not)) QSKIP(qPrintable(why_not));
        PropertiesPanel panel;
        for (const QString& side : {QStringLiteral("inputs"), QStringLiteral("outputs")}) {
            const QJsonArray list = loaded.oracle.value(side).toArray();
            QVERIFY(!list.isEmpty());
            for (int position = 0; position < list.size(); ++position) {
                const QJsonObject t = list[position].toObject();
                const int index = t.value(QStringLiteral("index")).toInt();
                panel.show_tensor(loaded.model, 0, index);
                QCOMPARE(panel.value_of(QStringLiteral("Index")), QStringLiteral("T#%1").arg(index));
                QCOMPARE(panel.value_of(QStringLiteral("Name")), t.value(QStringLiteral("name")).toString());
                QCOMPARE(panel.value_of(QStringLiteral("Shape")),
                         dims_text(t.value(QStringLiteral("shape")).toArray()));
                QCOMPARE(panel.value_of(QStringLiteral("Type")), t.value(QStringLiteral("dtype")).toString().toUpper());
                // The oracle repeats the shape when the file stores no signature.
                const QString signature = panel.value_of(QStringLiteral("Shape signature"));
                const QString oracle_signature = dims_text(t.value(QStringLiteral("shape_signature")).toArray());
                if (!signature.isEmpty())
                    QCOMPARE(signature, oracle_signature);
                else
                    QCOMPARE(oracle_signature, panel.value_of(QStringLiteral("Shape")));
                QCOMPARE(panel.value_of(QStringLiteral("Variable")), t.value(QStringLiteral("is_variable")).toBool()
                                                                         ? QStringLiteral("yes")
                                                                         : QStringLiteral("no"));
                const QJsonArray scale = t.value(QStringLiteral("scale")).toArray();
                const QJsonArray zero_point = t.value(QStringLiteral("zero_point")).toArray();
                if (scale.size() == 1) {
                    QCOMPARE(panel.value_of(QStringLiteral("Scale")).toFloat(),
                             static_cast<float>(scale[0].toDouble()));
                    QCOMPARE(panel.value_of(QStringLiteral("Zero point")), QString::number(zero_point[0].toInteger()));
                } else {
                    QCOMPARE(scale.size(), 0);
                    QCOMPARE(panel.value_of(QStringLiteral("Quantization")), QStringLiteral("none"));
                }
                const QString role = panel.value_of(QStringLiteral("Graph role"));
                const QString expected_role =
                    side == QStringLiteral("inputs") ? QStringLiteral("input %1") : QStringLiteral("output %1");
                QVERIFY2(role.contains(expected_role.arg(position)), qPrintable(role));
                const QString sig_name = t.value(QStringLiteral("sig_name")).toString();
                if (!sig_name.isEmpty()) {
                    const QString sig_row = panel.value_of(QStringLiteral("serving_default"));
                    QVERIFY2(sig_row.contains(QStringLiteral("'%1'").arg(sig_name)), qPrintable(sig_row));
                }
            }
        }
    }

    // Producer and consumers of every tensor the oracle's operators touch.
    void tensors_link_the_oracles_operators_data() { litelab::test::add_oracle_model_rows(); }
    void tensors_link_the_oracles_operators() {
        QFETCH(QString, name);
        Loaded loaded;
        QString why_not;
        if (!load(name, loaded, why_not)) QSKIP(qPrintable(why_not));
        const QJsonArray ops = loaded.oracle.value(QStringLiteral("operators")).toArray();
        QMap<int, QString> producer;
        QMap<int, QStringList> consumers;
        for (int k = 0; k < ops.size(); ++k) {
            const QJsonObject op = ops[k].toObject();
            const QString label = QStringLiteral("Op#%1 %2").arg(k).arg(op.value(QStringLiteral("op")).toString());
            for (const auto& t : op.value(QStringLiteral("inputs")).toArray())
                if (t.toInt() >= 0) consumers[t.toInt()] << label;
            for (const auto& t : op.value(QStringLiteral("outputs")).toArray())
                if (!producer.contains(t.toInt())) producer[t.toInt()] = label;
        }
        PropertiesPanel panel;
        QSet<int> tensors(producer.keyBegin(), producer.keyEnd());
        for (auto it = consumers.keyBegin(); it != consumers.keyEnd(); ++it) tensors.insert(*it);
        for (int t : tensors) {
            panel.show_tensor(loaded.model, 0, t);
            const QString where = QStringLiteral("%1 T#%2").arg(name).arg(t);
            if (producer.contains(t))
                QVERIFY2(panel.value_of(QStringLiteral("Producer")) == producer[t], qPrintable(where));
            else
                QVERIFY2(panel.value_of(QStringLiteral("Producer")).startsWith(QStringLiteral("none")),
                         qPrintable(where));
            QVERIFY2(child_values(tree_of(panel), QStringLiteral("Consumers")) == consumers.value(t),
                     qPrintable(where));
        }
    }

    void shows_builtin_and_custom_options() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_operator(model, 0, hand::kDepthwise);
        QCOMPARE(tree_of(panel)->topLevelItem(0)->text(0), QStringLiteral("Op#0 DEPTHWISE_CONV_2D"));
        QCOMPARE(panel.value_of(QStringLiteral("Name")), QStringLiteral("DEPTHWISE_CONV_2D"));
        QCOMPARE(panel.value_of(QStringLiteral("Version")), QStringLiteral("2"));
        QCOMPARE(panel.value_of(QStringLiteral("Builtin options")), QStringLiteral("DepthwiseConv2DOptions"));
        QCOMPARE(panel.value_of(QStringLiteral("padding")), QStringLiteral("SAME"));
        QCOMPARE(panel.value_of(QStringLiteral("stride_w")), QStringLiteral("2"));
        QCOMPARE(panel.value_of(QStringLiteral("stride_h")), QStringLiteral("2"));
        QCOMPARE(panel.value_of(QStringLiteral("depth_multiplier")), QStringLiteral("1"));
        QCOMPARE(panel.value_of(QStringLiteral("fused_activation_function")), QStringLiteral("RELU6"));
        // Defaults are shown too.
        QCOMPARE(panel.value_of(QStringLiteral("dilation_w_factor")), QStringLiteral("1"));
        QVERIFY(panel.value_of(QStringLiteral("Custom options")).isEmpty());
        QCOMPARE(panel.value_of(QStringLiteral("Intermediates")), QStringLiteral("0"));

        panel.show_operator(model, 0, hand::kCustom);
        QCOMPARE(panel.value_of(QStringLiteral("Name")), QStringLiteral("MY_CUSTOM_OP"));
        QCOMPARE(panel.value_of(QStringLiteral("Custom code")), QStringLiteral("MY_CUSTOM_OP"));
        QCOMPARE(panel.value_of(QStringLiteral("Builtin options")), QStringLiteral("none"));
        QCOMPARE(panel.value_of(QStringLiteral("Custom options")), QStringLiteral("3 bytes"));
    }

    void marks_omitted_optional_inputs() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_operator(model, 0, hand::kDepthwise);
        QCOMPARE(panel.value_of(QStringLiteral("Inputs")), QStringLiteral("3"));
        QCOMPARE(panel.value_of(QStringLiteral("Input 0")), QStringLiteral("T#0 image  [-1, 8, 8, 4] FLOAT32"));
        QCOMPARE(panel.value_of(QStringLiteral("Input 1")), QStringLiteral("T#1 filter  [1, 3, 3, 4] INT8"));
        QCOMPARE(panel.value_of(QStringLiteral("Input 2")), QStringLiteral("-1: omitted"));
        QCOMPARE(panel.value_of(QStringLiteral("Output 0")), QStringLiteral("T#2 features  [1, 8, 8, 4] INT8"));
    }

    void shows_per_axis_quantization_along_its_axis() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kFilter);
        QCOMPARE(panel.value_of(QStringLiteral("Quantized dimension")), QStringLiteral("3"));
        QCOMPARE(panel.value_of(QStringLiteral("Channels")), QStringLiteral("4"));
        QCOMPARE(panel.value_of(QStringLiteral("Scales")), QStringLiteral("0.5, 0.25, 0.125, 2"));
        QCOMPARE(panel.value_of(QStringLiteral("Zero points")), QStringLiteral("0, 0, 0, 0"));
        QCOMPARE(panel.value_of(QStringLiteral("Channel 2")), QStringLiteral("scale 0.125 zero point 0"));
        QVERIFY(panel.value_of(QStringLiteral("Quantization")).contains(QStringLiteral("dimension 3")));
        QVERIFY(panel.value_of(QStringLiteral("Data")).contains(QStringLiteral("36 bytes")));
        QVERIFY(panel.value_of(QStringLiteral("Buffer")).toInt() > 0);
        QCOMPARE(panel.value_of(QStringLiteral("Producer")), QStringLiteral("none (constant)"));
        QVERIFY(
            litelab::test::find_row(tree_of(panel)->invisibleRootItem(), QStringLiteral("Per channel"))->isExpanded());
    }

    void collapses_hundreds_of_channels() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kWide);
        QCOMPARE(panel.value_of(QStringLiteral("Quantized dimension")), QStringLiteral("0"));
        QCOMPARE(panel.value_of(QStringLiteral("Channels")), QStringLiteral("300"));
        QVERIFY(panel.value_of(QStringLiteral("Scales")).isEmpty());  // too many for one row
        QTreeWidgetItem* channels =
            litelab::test::find_row(tree_of(panel)->invisibleRootItem(), QStringLiteral("Per channel"));
        QVERIFY(channels != nullptr);
        QVERIFY(!channels->isExpanded());
        QCOMPARE(channels->childCount(), 300);
        const QRegularExpression pattern(QStringLiteral("^scale (\\S+) zero point (\\S+)$"));
        for (int c : {0, 150, 299}) {
            const auto match = pattern.match(panel.value_of(QStringLiteral("Channel %1").arg(c)));
            QVERIFY(match.hasMatch());
            QCOMPARE(match.captured(1).toFloat(), 0.001f * static_cast<float>(c + 1));
            QCOMPARE(match.captured(2).toInt(), c % 3);
        }
    }

    void shows_scale_min_max_and_shape_signature() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kFeatures);
        QCOMPARE(panel.value_of(QStringLiteral("Scale")), QStringLiteral("0.05"));
        QCOMPARE(panel.value_of(QStringLiteral("Zero point")), QStringLiteral("-3"));
        QCOMPARE(panel.value_of(QStringLiteral("Min")), QStringLiteral("-6.25"));
        QCOMPARE(panel.value_of(QStringLiteral("Max")), QStringLiteral("6.5"));
        QVERIFY(panel.value_of(QStringLiteral("Shape signature")).isEmpty());
        QCOMPARE(panel.value_of(QStringLiteral("Data")), QStringLiteral("computed at run time"));
        QCOMPARE(panel.value_of(QStringLiteral("Graph role")), QStringLiteral("none"));
        QCOMPARE(panel.value_of(QStringLiteral("Producer")), QStringLiteral("Op#0 DEPTHWISE_CONV_2D"));
        QCOMPARE(child_values(tree_of(panel), QStringLiteral("Consumers")),
                 QStringList({QStringLiteral("Op#1 RELU"), QStringLiteral("Op#2 ADD")}));
        QCOMPARE(panel.value_of(QStringLiteral("Sparse")), QStringLiteral("no"));

        panel.show_tensor(model, 0, hand::kImage);
        QCOMPARE(panel.value_of(QStringLiteral("Shape")), QStringLiteral("[1, 8, 8, 4]"));
        QCOMPARE(panel.value_of(QStringLiteral("Shape signature")), QStringLiteral("[-1, 8, 8, 4]"));
        QCOMPARE(panel.value_of(QStringLiteral("Producer")), QStringLiteral("none (graph input)"));
        QCOMPARE(panel.value_of(QStringLiteral("Graph role")), QStringLiteral("input 0"));
    }

    void names_the_signatures_of_a_tensor() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kSum);
        QCOMPARE(panel.value_of(QStringLiteral("serving_default")), QStringLiteral("output 'scores'"));
        QVERIFY(panel.value_of(QStringLiteral("helper_fn")).isEmpty());  // another subgraph's signature
        panel.show_tensor(model, 0, hand::kCustomOut);
        QCOMPARE(panel.value_of(QStringLiteral("Graph role")), QStringLiteral("output 1"));
        QVERIFY(panel.value_of(QStringLiteral("Signatures")).isEmpty());
        panel.show_tensor(model, 1, 0);
        QCOMPARE(panel.value_of(QStringLiteral("Subgraph")), QStringLiteral("1 helper"));
        QCOMPARE(panel.value_of(QStringLiteral("helper_fn")), QStringLiteral("input 'x_in'"));
    }

    void double_clicking_links_emits_the_target() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.resize(500, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy ops(&panel, &PropertiesPanel::operator_activated);
        QSignalSpy tensors(&panel, &PropertiesPanel::tensor_activated);
        QTreeWidget* tree = tree_of(panel);

        panel.show_tensor(model, 0, hand::kFeatures);
        double_click(tree, litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Consumer 1")));
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops.at(0), QVariantList({0, hand::kAdd}));
        double_click(tree, litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Producer")));
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(1), QVariantList({0, hand::kDepthwise}));
        double_click(tree, litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Shape")));
        QCOMPARE(ops.size(), 2);  // not a link
        QCOMPARE(tensors.size(), 0);

        panel.show_operator(model, 0, hand::kDepthwise);
        double_click(tree, litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Output 0")));
        QCOMPARE(tensors.size(), 1);
        QCOMPARE(tensors.at(0), QVariantList({0, hand::kFeatures}));
    }

    void enter_follows_links_too() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy tensors(&panel, &PropertiesPanel::tensor_activated);
        QTreeWidget* tree = tree_of(panel);
        panel.show_operator(model, 0, hand::kDepthwise);
        tree->setFocus();
        tree->setCurrentItem(litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Input 1")));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(tensors.size(), 1);
        QCOMPARE(tensors.at(0), QVariantList({0, hand::kFilter}));
        tree->setCurrentItem(litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Input 2")));
        QTest::keyClick(tree, Qt::Key_Enter);
        QCOMPARE(tensors.size(), 1);  // an omitted input links nowhere
    }

    void copies_selected_rows() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kFeatures);
        QTreeWidget* tree = tree_of(panel);
        QCOMPARE(tree->selectionMode(), QAbstractItemView::ExtendedSelection);
        litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Shape"))->setSelected(true);
        litelab::test::find_row(tree->invisibleRootItem(), QStringLiteral("Scale"))->setSelected(true);
        auto* copy = tree->findChild<QAction*>(QStringLiteral("copyAction"));
        QVERIFY(copy != nullptr);
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Shape\t[1, 8, 8, 4]\n  Scale\t0.05\n"));
    }

    void reports_bad_indices_and_clears() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        QTreeWidget* tree = tree_of(panel);
        panel.show_operator(model, 0, 99);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(tree->topLevelItem(0)->text(0).contains(QStringLiteral("99")));
        panel.show_tensor(model, 7, 0);
        QCOMPARE(tree->topLevelItemCount(), 1);
        panel.show_tensor(nullptr, 0, 0);
        QCOMPARE(tree->topLevelItemCount(), 1);
        panel.show_tensor(model, 0, hand::kImage);
        QVERIFY(!panel.value_of(QStringLiteral("Name")).isEmpty());
        panel.clear();
        QVERIFY(panel.value_of(QStringLiteral("Name")).isEmpty());
        QCOMPARE(tree->topLevelItemCount(), 1);
    }

    void rebuilds_on_language_change() {
        const auto model = litelab::test::hand_model();
        PropertiesPanel panel;
        panel.show_tensor(model, 0, hand::kFeatures);
        QTreeWidget* tree = tree_of(panel);
        const int rows = tree->topLevelItemCount();
        tree->setHeaderLabels({QStringLiteral("stale"), QStringLiteral("stale")});
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&panel, &change);
        QCoreApplication::sendEvent(tree, &change);
        QCOMPARE(tree->topLevelItemCount(), rows);
        QCOMPARE(panel.value_of(QStringLiteral("Scale")), QStringLiteral("0.05"));
        QCOMPARE(tree->headerItem()->text(0), QStringLiteral("Property"));
    }
};

namespace litelab::test {

int run_properties_panel_tests(int argc, char** argv) {
    PropertiesPanelTest test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace litelab::test

#include "properties_panel_test.moc"
