// The graph view on real models: as many operator nodes as an independent runtime lists
// operators, edges that carry exactly the tensors the runtime says each op reads, search,
// selection by mouse and keyboard, subgraph navigation and export.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "model/demo_model.h"
#include "support/control_flow_model.h"
#include "support/oracle_info.h"
#include "viewers/graph/graph_panel.h"
#include "viewers/graph/graph_scene.h"
#include "viewers/graph/graph_view.h"

using litelab::viewers::GraphPanel;
using litelab::viewers::GraphScene;
using litelab::viewers::GraphView;
using litelab::viewers::SceneItem;

namespace {

std::shared_ptr<const litelab::Model> read_model(const QString& path) {
    QString error;
    auto model = litelab::test::read_model(path, &error);
    if (!model) qFatal("%s", qPrintable(error));
    return model;
}

QPoint viewport_point(const GraphView& view, QPointF scene_point) {
    const QRectF visible = view.visible_scene_rect();
    return ((scene_point - visible.topLeft()) * view.zoom()).toPoint();
}

}  // namespace

class GraphViewTest : public QObject {
    Q_OBJECT

private slots:
    void nodes_and_edges_match_an_independent_runtime_data() { litelab::test::add_oracle_model_rows(); }

    // `run_tflite --info` (LiteRT's own reader in Python) lists the operators of subgraph 0.
    void nodes_and_edges_match_an_independent_runtime() {
        QFETCH(QString, name);
        const auto& oracle = litelab::test::oracle_info(name);
        if (oracle.json.isEmpty()) QSKIP(qPrintable(oracle.why_not));
        const QJsonArray operators = oracle.json.value(QStringLiteral("operators")).toArray();
        QVERIFY(!operators.isEmpty());
        const QString model = litelab::test::model_path(name);

        const auto scene = GraphScene::build(read_model(model), 0, QFont());
        const auto& graph = scene->graph();
        QCOMPARE(graph.operator_count, static_cast<size_t>(operators.size()));
        for (qsizetype op = 0; op < operators.size(); ++op) {
            const QJsonObject oracle_op = operators[op].toObject();
            QCOMPARE(QString::fromStdString(graph.nodes[static_cast<size_t>(op)].title),
                     oracle_op.value(QStringLiteral("op")).toString());
            std::set<int> oracle_inputs;
            for (const auto& input : oracle_op.value(QStringLiteral("inputs")).toArray())
                oracle_inputs.insert(input.toInt());
            for (const auto& edge : graph.edges)
                if (edge.to == static_cast<uint32_t>(op))
                    QVERIFY2(oracle_inputs.count(edge.tensor),
                             qPrintable(QStringLiteral("Op#%1 T#%2").arg(op).arg(edge.tensor)));
        }
        // Every node sits inside the drawing and no two overlap.
        for (size_t i = 0; i < graph.nodes.size(); ++i) {
            QVERIFY(scene->bounds().contains(scene->node_rect(static_cast<uint32_t>(i))));
            for (size_t j = i + 1; j < graph.nodes.size(); ++j)
                QVERIFY(
                    !scene->node_rect(static_cast<uint32_t>(i)).intersects(scene->node_rect(static_cast<uint32_t>(j))));
        }
    }

    void search_finds_ops_tensors_and_references() {
        const QString model = litelab::test::model_path(QStringLiteral("micro_speech_quantized"));
        if (!QFileInfo::exists(model)) QSKIP(qPrintable(model + QStringLiteral(" is absent (../shared)")));
        GraphView view;
        view.resize(800, 600);
        view.set_scene(GraphScene::build(read_model(model), 0, QFont()));
        QSignalSpy tensors(&view, &GraphView::tensor_selected);
        QSignalSpy operators(&view, &GraphView::operator_selected);

        // The output tensor (T#9 per run_tflite --info) by part of its name, any case.
        QCOMPARE(view.set_search(QStringLiteral("LABELS_soft")), 1);
        QCOMPARE(tensors.count(), 1);
        QCOMPARE(tensors.last().at(0).toInt(), 9);

        QCOMPARE(view.set_search(QStringLiteral("conv")), 1);
        QCOMPARE(operators.last().at(0).toInt(), 1);  // DEPTHWISE_CONV_2D is Op#1

        QCOMPARE(view.set_search(QStringLiteral("Op#2")), 1);
        QCOMPARE(operators.last().at(0).toInt(), 2);
        QCOMPARE(view.set_search(QStringLiteral("T#4")), 1);
        QCOMPARE(tensors.last().at(0).toInt(), 4);
        // A bare number is both an op and a tensor; next/previous cycle through them.
        QCOMPARE(view.set_search(QStringLiteral("3")), 2);
        QCOMPARE(operators.last().at(0).toInt(), 3);
        view.next_hit();
        QCOMPARE(tensors.last().at(0).toInt(), 3);
        view.next_hit();
        QCOMPARE(operators.last().at(0).toInt(), 3);
        view.previous_hit();
        QCOMPARE(tensors.last().at(0).toInt(), 3);
        // The legend lists what this int8 model has: per run_tflite --info, RESHAPE,
        // DEPTHWISE_CONV_2D, FULLY_CONNECTED and SOFTMAX over INT8 tensors.
        using litelab::viewers::OpFamily;
        QCOMPARE(view.legend_families(), (std::vector<OpFamily>{OpFamily::kConvolution, OpFamily::kActivation,
                                                                OpFamily::kShape, OpFamily::kTerminal}));
        QCOMPARE(view.legend_types(), (std::vector<litelab::DType>{litelab::DType::kInt8}));

        QCOMPARE(view.set_search(QStringLiteral("no such thing")), 0);
        QCOMPARE(view.set_search(QStringLiteral("T#99999999999999")), 0);
        QCOMPARE(view.set_search(QStringLiteral("Op#4")), 0);  // micro_speech has Op#0..Op#3
    }

    void clicking_selects_nodes_and_edges_and_keys_walk() {
        GraphView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto model = std::make_shared<const litelab::Model>(litelab::make_demo_model());
        view.set_scene(GraphScene::build(model, 0, QFont()));
        const auto& scene = *view.scene();
        QVERIFY(scene.graph().operator_count >= 2);
        QSignalSpy operators(&view, &GraphView::operator_selected);
        QSignalSpy tensors(&view, &GraphView::tensor_selected);

        view.select_operator(1);  // brings Op#1 into view
        const QRectF node = scene.node_rect(1);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewport_point(view, node.center()));
        QCOMPARE(operators.last().at(0).toInt(), 1);
        QCOMPARE(view.selection(), (SceneItem{SceneItem::Kind::kNode, 1}));

        // The edge into Op#1, just above the node, is the tensor Op#0 writes.
        uint32_t edge_into = 0;
        bool found = false;
        for (uint32_t e = 0; e < scene.graph().edges.size(); ++e)
            if (scene.graph().edges[e].to == 1 && scene.graph().edges[e].from == 0) {
                edge_into = e;
                found = true;
            }
        QVERIFY(found);
        const QPointF above(scene.edge_path(edge_into).pointAtPercent(0.9));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewport_point(view, above));
        QCOMPARE(tensors.last().at(0).toInt(), scene.graph().edges[edge_into].tensor);
        QCOMPARE(model->subgraphs[0].operators[0].outputs[0], scene.graph().edges[edge_into].tensor);

        view.select_operator(1);
        QTest::keyClick(view.viewport(), Qt::Key_Up);  // producer
        QCOMPARE(operators.last().at(0).toInt(), 0);
        QTest::keyClick(view.viewport(), Qt::Key_Right);  // next in execution order
        QCOMPARE(operators.last().at(0).toInt(), 1);
        QTest::keyClick(view.viewport(), Qt::Key_Left);
        QCOMPARE(operators.last().at(0).toInt(), 0);
        QTest::keyClick(view.viewport(), Qt::Key_Escape);
        QVERIFY(!view.selection());

        // Zoom keys change the zoom; fit shows the whole graph.
        const double before = view.zoom();
        QTest::keyClick(view.viewport(), Qt::Key_Plus);
        QVERIFY(view.zoom() > before);
        view.fit();
        QVERIFY(view.visible_scene_rect().adjusted(-1, -1, 1, 1).contains(scene.bounds()));
    }

    void while_bodies_open_and_back_returns() {
        const auto model = std::make_shared<const litelab::Model>(litelab::test::make_while_model());
        std::vector<std::shared_ptr<const GraphScene>> scenes;
        for (int i = 0; i < 3; ++i) scenes.push_back(GraphScene::build(model, i, QFont()));
        GraphPanel panel;
        panel.resize(900, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.set_scenes(scenes);
        QCOMPARE(panel.current_subgraph(), 0);
        QCOMPARE(panel.view()->scene()->graph().nodes[0].called_subgraphs, (std::vector<int32_t>{1, 2}));

        // Double-clicking the WHILE node opens its body.
        panel.view()->select_operator(0);
        const QRectF node = panel.view()->scene()->node_rect(0);
        QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, viewport_point(*panel.view(), node.center()));
        QCOMPARE(panel.current_subgraph(), 2);
        QCOMPARE(panel.view()->scene()->graph().operator_count, size_t{2});
        QCOMPARE(panel.view()->scene()->graph().nodes[1].title, std::string("MUL"));
        panel.go_back();
        QCOMPARE(panel.current_subgraph(), 0);

        // Selecting an op of another subgraph switches to it.
        QSignalSpy operators(&panel, &GraphPanel::operator_selected);
        QVERIFY(panel.select_operator(1, 0));
        QCOMPARE(panel.current_subgraph(), 1);
        QCOMPARE(operators.last().at(0).toInt(), 1);
        QCOMPARE(operators.last().at(1).toInt(), 0);
        QVERIFY(!panel.select_operator(7, 0));
    }

    void exports_png_and_svg() {
        QTemporaryDir dir;
        GraphView view;
        view.set_scene(
            GraphScene::build(std::make_shared<const litelab::Model>(litelab::make_demo_model()), 0, QFont()));
        const QRectF bounds = view.scene()->bounds();
        QString error;
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        QVERIFY2(view.export_png(png, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), bounds.size().toSize() + QSize(bounds.width() > int(bounds.width()) ? 1 : 0,
                                                              bounds.height() > int(bounds.height()) ? 1 : 0));
        // Not blank: the node fills and edges put many colours on the white page.
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));

        const QString svg = dir.filePath(QStringLiteral("graph.svg"));
        QVERIFY2(view.export_svg(svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("CONV_2D"));

        const QString unwritable = dir.filePath(QStringLiteral("missing/graph.png"));
        QVERIFY(!view.export_png(unwritable, &error));
        QVERIFY2(error.startsWith(unwritable + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QVERIFY(!QFileInfo::exists(unwritable));
    }
};

QTEST_MAIN(GraphViewTest)
#include "graph_view_test.moc"
