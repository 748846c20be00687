#include "ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

#include "ui/app_info.h"
#include "ui/recent_files.h"
#include "viewers/dump_view.h"

namespace litelab::ui {

namespace {
constexpr auto kGeometryKey = "mainWindow/geometry";
constexpr auto kStateKey = "mainWindow/state";
constexpr auto kLastDirectoryKey = "mainWindow/lastDirectory";
constexpr int kStatusTimeoutMs = 8000;

QString key(const char* name) {
    return QString::fromLatin1(name);
}
}  // namespace

MainWindow::MainWindow(std::unique_ptr<ErrorReporter> reporter, QWidget* parent)
    : QMainWindow(parent), jobs_(new JobRunner(this)), dump_view_(new viewers::DumpView(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    set_error_reporter(std::move(reporter));
    setCentralWidget(dump_view_);
    create_actions();
    create_menus_and_toolbar();
    statusBar();  // created now so the first message has somewhere to go
    retranslate();
    restore_settings();
}

// Declared here so the JobRunner (a child) is torn down while the window's members still exist.
MainWindow::~MainWindow() {
    delete jobs_;
}

void MainWindow::set_error_reporter(std::unique_ptr<ErrorReporter> reporter) {
    reporter_ = reporter ? std::move(reporter) : std::make_unique<MessageBoxErrorReporter>(this);
}

void MainWindow::open_model(const QString& path) {
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    jobs_->start([path] { return load_model(path); },
                 [this, path](LoadResult result) { finish_open(path, std::move(result)); });
}

void MainWindow::finish_open(const QString& path, LoadResult result) {
    const QString file_name = QFileInfo(path).fileName();
    if (!result) {
        statusBar()->showMessage(tr("Could not open %1").arg(file_name), kStatusTimeoutMs);
        reporter_->report(tr("Cannot Open Model"), QString::fromStdString(result.error().message));
        emit open_failed(path);
        return;
    }
    current_ = std::move(result.value());
    dump_view_->set_dump_text(current_->dump);
    recent_files_->add(path);
    update_title();
    const auto warnings = current_->warnings.size();
    if (warnings == 0)
        statusBar()->showMessage(tr("Opened %1").arg(file_name), kStatusTimeoutMs);
    else  // stays until the next message; the status bar's tooltip lists the warnings
        statusBar()->showMessage(tr("Opened %1 — warnings: %2").arg(file_name).arg(warnings));
    statusBar()->setToolTip(current_->warnings.join(QLatin1Char('\n')));
    emit model_opened(path);
}

void MainWindow::create_actions() {
    open_action_ = new QAction(this);
    open_action_->setObjectName(QStringLiteral("openAction"));
    open_action_->setIcon(
        QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DialogOpenButton)));
    open_action_->setShortcut(QKeySequence::Open);
    connect(open_action_, &QAction::triggered, this, &MainWindow::choose_and_open);

    quit_action_ = new QAction(this);
    quit_action_->setObjectName(QStringLiteral("quitAction"));
    quit_action_->setShortcut(QKeySequence::Quit);
    quit_action_->setMenuRole(QAction::QuitRole);
    connect(quit_action_, &QAction::triggered, this, &QWidget::close);

    about_action_ = new QAction(this);
    about_action_->setObjectName(QStringLiteral("aboutAction"));
    about_action_->setMenuRole(QAction::AboutRole);
    connect(about_action_, &QAction::triggered, this, &MainWindow::show_about);
}

void MainWindow::create_menus_and_toolbar() {
    file_menu_ = menuBar()->addMenu(QString());
    file_menu_->setObjectName(QStringLiteral("fileMenu"));
    file_menu_->addAction(open_action_);
    recent_menu_ = file_menu_->addMenu(QString());
    recent_files_ = new RecentFiles(recent_menu_, this);
    connect(recent_files_, &RecentFiles::open_requested, this, &MainWindow::open_model);
    file_menu_->addSeparator();
    file_menu_->addAction(quit_action_);

    help_menu_ = menuBar()->addMenu(QString());
    help_menu_->setObjectName(QStringLiteral("helpMenu"));
    help_menu_->addAction(about_action_);

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("mainToolBar"));  // saveState() needs the name
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(open_action_);
}

void MainWindow::retranslate() {
    file_menu_->setTitle(tr("&File"));
    open_action_->setText(tr("&Open…"));
    open_action_->setStatusTip(tr("Open a TensorFlow Lite model"));
    quit_action_->setText(tr("&Quit"));
    quit_action_->setStatusTip(tr("Quit LiteLab"));
    help_menu_->setTitle(tr("&Help"));
    about_action_->setText(tr("&About LiteLab"));
    about_action_->setStatusTip(tr("Show the version of LiteLab"));
    toolbar_->setWindowTitle(tr("Main Toolbar"));
    recent_files_->retranslate();
    update_title();
}

void MainWindow::update_title() {
    if (current_)
        setWindowTitle(tr("LiteLab — %1").arg(QFileInfo(current_->path).fileName()));
    else
        setWindowTitle(tr("LiteLab"));
}

void MainWindow::choose_and_open() {
    QSettings settings;
    const QString directory = settings.value(key(kLastDirectoryKey), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), directory,
                                                      tr("TensorFlow Lite models (*.tflite);;All files (*)"));
    if (path.isEmpty()) return;
    settings.setValue(key(kLastDirectoryKey), QFileInfo(path).absolutePath());
    open_model(path);
}

void MainWindow::show_about() {
    QMessageBox::about(this, tr("About LiteLab"),
                       tr("<h3>LiteLab %1</h3>"
                          "<p>A workbench for TensorFlow Lite models: inspect, convert, quantize, run and "
                          "compare them.</p>")
                           .arg(version()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    save_settings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::restore_settings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(key(kGeometryKey)).toByteArray())) resize(1000, 700);
    restoreState(settings.value(key(kStateKey)).toByteArray());
}

void MainWindow::save_settings() const {
    QSettings settings;
    settings.setValue(key(kGeometryKey), saveGeometry());
    settings.setValue(key(kStateKey), saveState());
}

}  // namespace litelab::ui
