// MainWindow end to end under the offscreen platform: opening models (several at once, Keras
// through the converter) on workers, the graph linked to the properties and the dump, errors
// through the injected reporter, cancel, drag and drop, recent files and translations.
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTranslator>
#include <QtTest>

#include <memory>

#include "support/oracle_info.h"
#include "support/test_models.h"
#include "ui/error_reporter.h"
#include "ui/localization.h"
#include "ui/main_window.h"
#include "ui/model_document.h"
#include "ui/recent_files.h"
#include "ui/settings_dialog.h"
#include "viewers/dump_view.h"
#include "viewers/graph/graph_panel.h"
#include "viewers/graph/graph_view.h"
#include "viewers/panels/properties_panel.h"

using litelab::ui::MainWindow;

namespace {

constexpr int kLoadTimeoutMs = 20000;

class RecordingReporter final : public litelab::ui::ErrorReporter {
public:
    struct Report {
        QString title;
        QString message;
    };
    void report(const QString& title, const QString& message) override { reports.push_back({title, message}); }
    QList<Report> reports;
};

// A window with a recording reporter that the test can still read.
struct Fixture {
    RecordingReporter* reporter = nullptr;
    std::unique_ptr<MainWindow> window;

    Fixture() {
        auto owned = std::make_unique<RecordingReporter>();
        reporter = owned.get();
        window = std::make_unique<MainWindow>(std::move(owned));
    }
};

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Keep the user's settings out of it: every QSettings of this run lives in dir_.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("LiteLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("MainWindowTest"));
        demo_ = dir_.filePath(QStringLiteral("demo.tflite"));
        corrupt_ = dir_.filePath(QStringLiteral("corrupt.tflite"));
        QVERIFY(litelab::test::write_demo_model(demo_));
        QVERIFY(litelab::test::write_garbage(corrupt_));
    }

    void starts_empty() {
        Fixture f;
        QCOMPARE(f.window->windowTitle(), QStringLiteral("LiteLab"));
        QCOMPARE(f.window->document_count(), 0);
        QVERIFY(f.window->dump_view()->dump_text().isEmpty());
        QVERIFY(!f.window->current_model());
    }

    void opens_a_model_and_shows_its_graph_and_dump() {
        Fixture f;
        f.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        f.window->open_model(demo_);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        const QString dump = f.window->dump_view()->dump_text();
        QVERIFY2(dump.contains(QStringLiteral("Subgraph#0 main(T#0) -> [T#")), qPrintable(dump.left(600)));
        QVERIFY(dump.contains(QStringLiteral("CONV_2D")));
        QCOMPARE(f.window->dump_view()->verticalScrollBar()->value(), 0);  // opens at the top
        QCOMPARE(f.window->windowTitle(), QStringLiteral("LiteLab — demo.tflite"));
        QVERIFY(f.reporter->reports.isEmpty());
        QCOMPARE(f.window->document_count(), 1);
        const auto model = f.window->current_model();
        QVERIFY(model);
        const auto* graph = f.window->current_document()->graph_panel()->view()->scene().get();
        QVERIFY(graph);
        QCOMPARE(graph->graph().operator_count, model->model->subgraphs[0].operators.size());
        QCOMPARE(f.window->recent_files()->files().value(0), QFileInfo(demo_).absoluteFilePath());
    }

    void selecting_a_node_fills_the_properties_and_the_dump_selects_nodes() {
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        f.window->open_model(demo_);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        const auto model = f.window->current_model()->model;
        auto* view = f.window->current_document()->graph_panel()->view();

        // The demo model's Op#0 is CONV_2D reading T#0 (its input), stride 1 per the builder.
        QVERIFY(view->select_operator(0));
        auto* properties = f.window->properties_panel();
        QCOMPARE(properties->value_of(QStringLiteral("Name")), QStringLiteral("CONV_2D"));
        QVERIFY2(properties->value_of(QStringLiteral("Input 0")).startsWith(QStringLiteral("T#0")),
                 qPrintable(properties->value_of(QStringLiteral("Input 0"))));

        // Clicking "Op#1" in the dump selects that node in the graph.
        auto* dump = f.window->dump_view();
        const QString text = dump->dump_text();
        const int op_line = text.indexOf(QStringLiteral("  Op#1 "));
        QVERIFY(op_line >= 0);
        QVERIFY(dump->activate_reference_at(op_line + 4));
        QCOMPARE(view->selection(), (litelab::viewers::SceneItem{litelab::viewers::SceneItem::Kind::kNode, 1}));
        const std::string op1 = model->opcode(model->subgraphs[0].operators[1]).name();
        QCOMPARE(properties->value_of(QStringLiteral("Name")), QString::fromStdString(op1));

        // Clicking "T#0" selects the tensor: the properties show its name and index.
        const int tensor_ref = text.indexOf(QStringLiteral("T#0"), op_line);
        QVERIFY(dump->activate_reference_at(tensor_ref + 1));
        QCOMPARE(properties->value_of(QStringLiteral("Index")), QStringLiteral("T#0"));
        QCOMPARE(properties->value_of(QStringLiteral("Name")),
                 QString::fromStdString(model->subgraphs[0].tensors[0].name));

        // Selecting a node in the graph moves the dump to its line.
        QVERIFY(view->select_operator(2));
        QVERIFY2(dump->textCursor().block().text().startsWith(QStringLiteral("  Op#2 ")),
                 qPrintable(dump->textCursor().block().text()));
    }

    void opens_every_shared_model_data() { litelab::test::add_oracle_model_rows(); }

    // Through the window as a user opens it: as many graph nodes as `run_tflite --info` lists
    // operators, and selecting the last operator shows the oracle's name and tensors.
    void opens_every_shared_model() {
        QFETCH(QString, name);
        const auto& oracle = litelab::test::oracle_info(name);
        if (oracle.json.isEmpty()) QSKIP(qPrintable(oracle.why_not));
        const QJsonArray operators = oracle.json.value(QStringLiteral("operators")).toArray();
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        f.window->open_model(litelab::test::model_path(name));
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QVERIFY(f.reporter->reports.isEmpty());
        auto* view = f.window->current_document()->graph_panel()->view();
        QCOMPARE(view->scene()->graph().operator_count, static_cast<size_t>(operators.size()));

        const int last = static_cast<int>(operators.size()) - 1;
        const QJsonObject op = operators[last].toObject();
        QVERIFY(view->select_operator(last));
        auto* properties = f.window->properties_panel();
        QCOMPARE(properties->value_of(QStringLiteral("Name")), op.value(QStringLiteral("op")).toString());
        const QJsonArray outputs = op.value(QStringLiteral("outputs")).toArray();
        QVERIFY2(properties->value_of(QStringLiteral("Output 0"))
                     .startsWith(QStringLiteral("T#%1 ").arg(outputs[0].toInt())),
                 qPrintable(properties->value_of(QStringLiteral("Output 0"))));
    }

    void opens_the_shared_keras_model() {
        const QString keras = QStringLiteral(LITELAB_SHARED_DIR "/models/keras/teachable_machine_digits.h5");
        if (!QFileInfo::exists(keras)) QSKIP(qPrintable(keras + QStringLiteral(" is absent (../shared)")));
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        f.window->open_model(keras);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QVERIFY(f.reporter->reports.isEmpty());
        QVERIFY(f.window->current_model()->converted);
        QVERIFY(f.window->current_document()->graph_panel()->view()->scene()->graph().operator_count > 10);
    }

    void opens_several_models_and_keras_through_the_converter() {
        const QString keras = QStringLiteral(LITELAB_SOURCE_DIR "/resources/examples/wakeword/wakeword.h5");
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        f.window->open_models({demo_, keras});
        QVERIFY(f.window->pending_loads() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, kLoadTimeoutMs);
        QCOMPARE(f.window->document_count(), 2);
        QVERIFY(f.reporter->reports.isEmpty());
        for (int i = 0; i < 2; ++i) {
            const auto& loaded = f.window->document(i)->loaded();
            if (!loaded->path.endsWith(QStringLiteral(".h5"))) continue;
            QVERIFY(loaded->converted);
            QCOMPARE(loaded->format, QStringLiteral("Keras HDF5"));
            // The example's README lists 7 ops: CONV_2D, MAX_POOL_2D, CONV_2D, MAX_POOL_2D,
            // RESHAPE, FULLY_CONNECTED, SOFTMAX.
            QCOMPARE(f.window->document(i)->graph_panel()->view()->scene()->graph().operator_count, size_t{7});
        }
        // Opening one again brings its tab to the front instead of a second copy.
        f.window->open_model(demo_);
        QCOMPARE(f.window->document_count(), 2);
        QVERIFY(f.window->current_model()->path.endsWith(QStringLiteral("demo.tflite")));
        f.window->close_document(0);
        QCOMPARE(f.window->document_count(), 1);
    }

    void reports_a_corrupt_file_once() {
        Fixture f;
        QSignalSpy failed(f.window.get(), &MainWindow::open_failed);
        f.window->open_model(corrupt_);
        QVERIFY(failed.wait(kLoadTimeoutMs));
        QTest::qWait(100);  // give a second report the chance to show up
        QCOMPARE(failed.count(), 1);
        QCOMPARE(f.reporter->reports.size(), 1);
        const QString message = f.reporter->reports.front().message;
        QVERIFY2(message.contains(QStringLiteral("corrupt.tflite")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not a TFLite model")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
        QVERIFY(!f.reporter->reports.front().title.isEmpty());
        QCOMPARE(f.window->windowTitle(), QStringLiteral("LiteLab"));
        QCOMPARE(f.window->document_count(), 0);
    }

    void reports_bad_keras_and_onnx_files() {
        Fixture f;
        QSignalSpy failed(f.window.get(), &MainWindow::open_failed);
        const QString h5 = dir_.filePath(QStringLiteral("broken.h5"));
        const QString onnx = dir_.filePath(QStringLiteral("broken.onnx"));
        QVERIFY(litelab::test::write_garbage(h5));
        QVERIFY(litelab::test::write_garbage(onnx));
        f.window->open_models({h5, onnx});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kLoadTimeoutMs);
        QCOMPARE(f.reporter->reports.size(), 2);
        QStringList messages;
        for (const auto& report : f.reporter->reports) messages << report.message;
        QVERIFY2(messages.filter(QStringLiteral("broken.onnx")).size() == 1,
                 qPrintable(messages.join(QLatin1Char('|'))));
        QVERIFY2(messages.filter(QStringLiteral("broken.h5")).size() == 1, qPrintable(messages.join(QLatin1Char('|'))));
        QCOMPARE(f.window->document_count(), 0);
    }

    void reports_a_missing_file() {
        Fixture f;
        QSignalSpy failed(f.window.get(), &MainWindow::open_failed);
        f.window->open_model(dir_.filePath(QStringLiteral("missing.tflite")));
        QVERIFY(failed.wait(kLoadTimeoutMs));
        QCOMPARE(f.reporter->reports.size(), 1);
        QVERIFY(f.reporter->reports.front().message.contains(QStringLiteral("missing.tflite")));
    }

    void cancel_drops_the_pending_reads() {
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        QSignalSpy canceled(f.window.get(), &MainWindow::open_canceled);
        f.window->open_models({demo_, corrupt_});
        f.window->cancel_loading();
        QCOMPARE(canceled.count(), 2);
        QCOMPARE(f.window->pending_loads(), 0);
        QTest::qWait(200);
        QCOMPARE(opened.count(), 0);
        QVERIFY(f.reporter->reports.isEmpty());
        QCOMPARE(f.window->document_count(), 0);
    }

    void drops_open_files() {
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(demo_)});
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        // Straight to the window's handler: QApplication only routes drops of a drag in progress.
        QVERIFY(static_cast<QObject*>(f.window.get())->event(&drop));
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QCOMPARE(f.window->document_count(), 1);
        delete mime;
    }

    void closing_while_reading_is_safe() {
        auto f = std::make_unique<Fixture>();
        f->window->open_model(demo_);
        f.reset();  // the window goes before its result arrives
        QTest::qWait(100);
    }

    void reopens_from_recent_files() {
        Fixture f;
        f.window->recent_files()->add(demo_);
        auto* menu = f.window->findChild<QMenu*>(QStringLiteral("recentFilesMenu"));
        QVERIFY(menu);
        QVERIFY(menu->isEnabled());
        f.window->recent_files()->rebuild();  // what opening the menu does
        QAction* entry = nullptr;
        for (QAction* action : menu->actions())
            if (action->text() == QStringLiteral("&1 demo.tflite")) entry = action;
        QVERIFY(entry);
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        entry->trigger();
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QCOMPARE(f.window->windowTitle(), QStringLiteral("LiteLab — demo.tflite"));

        f.window->recent_files()->clear();
        QVERIFY(f.window->recent_files()->files().isEmpty());
        QVERIFY(!menu->isEnabled());
    }

    void saves_geometry_on_close() {
        QSettings().remove(QStringLiteral("mainWindow"));
        Fixture f;
        f.window->show();
        QVERIFY(f.window->close());
        QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
        QVERIFY(QSettings().contains(QStringLiteral("mainWindow/state")));
    }

    void translations_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("file_menu");
        QTest::addColumn<QString>("about");
        QTest::newRow("de") << "de" << QStringLiteral("&Datei") << QStringLiteral("Ü&ber LiteLab");
        QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("文件(&F)") << QStringLiteral("关于 LiteLab(&A)");
    }

    void translations() {
        QFETCH(QString, language);
        QFETCH(QString, file_menu);
        QFETCH(QString, about);
        QTranslator translator;
        QVERIFY2(translator.load(litelab::ui::catalog_path(language)), qPrintable(language));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        Fixture f;
        auto* menu = f.window->findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->title(), file_menu);
        auto* about_action = f.window->findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about_action);
        QCOMPARE(about_action->text(), about);

        // Removing the catalog switches the open window back to English.
        QCoreApplication::removeTranslator(&translator);
        QTRY_COMPARE(menu->title(), QStringLiteral("&File"));
    }

    void english_needs_no_catalog() {
        QVERIFY(!litelab::ui::install_translations(QLocale(QLocale::English, QLocale::UnitedStates)));
        QVERIFY(litelab::ui::is_available_language(QStringLiteral("zh_CN")));
        QVERIFY(!litelab::ui::is_available_language(QStringLiteral("fr")));
    }

    void the_settings_switch_the_language_live() {
        Fixture f;
        auto* menu = f.window->findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(menu);
        litelab::ui::SettingsDialog dialog(f.window.get());
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("languageBox"));
        QVERIFY(box);
        QCOMPARE(box->count(), 1 + litelab::ui::available_languages().size());
        QCOMPARE(dialog.chosen_language(), QString());  // follows the system by default
        dialog.set_chosen_language(QStringLiteral("zh_CN"));
        dialog.apply();
        QTRY_COMPARE(menu->title(), QStringLiteral("文件(&F)"));
        QCOMPARE(litelab::ui::saved_language(), QStringLiteral("zh_CN"));
        dialog.set_chosen_language(QStringLiteral("en"));
        dialog.apply();
        QTRY_COMPARE(menu->title(), QStringLiteral("&File"));
        litelab::ui::save_language(QString());
    }

    // Last: the catalogs install_translations() loads stay installed for the rest of the run.
    void installs_the_german_catalog_as_main_does() {
        QVERIFY(litelab::ui::install_translations(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("litelab::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
    }

private:
    QTemporaryDir dir_;
    QString demo_;
    QString corrupt_;
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
