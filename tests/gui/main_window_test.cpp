// MainWindow end to end under the offscreen platform: opening models on the worker, errors
// through the injected reporter, stale results dropped, recent files and translations.
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

#include "test_models.h"
#include "ui/error_reporter.h"
#include "ui/localization.h"
#include "ui/main_window.h"
#include "ui/recent_files.h"
#include "viewers/dump_view.h"

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
        QVERIFY(f.window->dump_view()->dump_text().isEmpty());
        QVERIFY(!f.window->current_model());
    }

    void opens_a_model_and_shows_its_dump() {
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
        QVERIFY(f.window->current_model());
        QCOMPARE(f.window->recent_files()->files().value(0), QFileInfo(demo_).absoluteFilePath());

        const QString screenshot = qEnvironmentVariable("LITELAB_GUI_SCREENSHOT");
        if (!screenshot.isEmpty()) QVERIFY(f.window->grab().save(screenshot));
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
        QVERIFY(!f.reporter->reports.front().title.isEmpty());
        QCOMPARE(f.window->windowTitle(), QStringLiteral("LiteLab"));
        QVERIFY(f.window->dump_view()->dump_text().isEmpty());
    }

    void reports_a_missing_file() {
        Fixture f;
        QSignalSpy failed(f.window.get(), &MainWindow::open_failed);
        f.window->open_model(dir_.filePath(QStringLiteral("missing.tflite")));
        QVERIFY(failed.wait(kLoadTimeoutMs));
        QCOMPARE(f.reporter->reports.size(), 1);
        QVERIFY(f.reporter->reports.front().message.contains(QStringLiteral("missing.tflite")));
    }

    void a_newer_open_drops_the_older_result() {
        Fixture f;
        QSignalSpy opened(f.window.get(), &MainWindow::model_opened);
        QSignalSpy failed(f.window.get(), &MainWindow::open_failed);
        // Results arrive through the event loop, so the first job is stale before it can deliver.
        f.window->open_model(corrupt_);
        f.window->open_model(demo_);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        QTest::qWait(100);
        QCOMPARE(failed.count(), 0);
        QVERIFY(f.reporter->reports.isEmpty());
        QVERIFY(f.window->dump_view()->dump_text().contains(QStringLiteral("CONV_2D")));
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
