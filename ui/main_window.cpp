#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include "ui/app_info.h"
#include "ui/model_document.h"
#include "ui/recent_files.h"
#include "ui/settings_dialog.h"
#include "viewers/dump_panel.h"
#include "viewers/dump_view.h"
#include "viewers/graph/graph_panel.h"
#include "viewers/graph/graph_view.h"
#include "viewers/jobs/job_runner.h"
#include "viewers/panels/model_summary_panel.h"
#include "viewers/panels/properties_panel.h"
#include "viewers/tensor/tensor_inspector.h"

namespace litelab::ui {

namespace {
constexpr auto kGeometryKey = "mainWindow/geometry";
constexpr auto kStateKey = "mainWindow/state";
constexpr auto kLastDirectoryKey = "mainWindow/lastDirectory";
constexpr int kStatusTimeoutMs = 8000;

QString key(const char* name) {
    return QString::fromLatin1(name);
}

QDockWidget* make_dock(QMainWindow* window, const char* name, QWidget* content, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(window);
    dock->setObjectName(QString::fromLatin1(name));  // saveState() needs the name
    dock->setWidget(content);
    window->addDockWidget(area, dock);
    return dock;
}
}  // namespace

MainWindow::MainWindow(std::unique_ptr<ErrorReporter> reporter, QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    set_error_reporter(std::move(reporter));
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("modelTabs"));
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    tabs_->setDocumentMode(true);
    empty_hint_ = new QLabel(tabs_);
    empty_hint_->setAlignment(Qt::AlignCenter);
    empty_hint_->setWordWrap(true);
    setCentralWidget(tabs_);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::close_document);
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { show_document(current_document()); });
    create_docks();
    create_actions();
    create_menus_and_toolbar();

    busy_ = new QProgressBar(this);
    busy_->setObjectName(QStringLiteral("busyIndicator"));
    busy_->setRange(0, 0);  // the converters report no steps: a busy bar
    busy_->setMaximumWidth(140);
    cancel_button_ = new QToolButton(this);
    cancel_button_->setObjectName(QStringLiteral("cancelLoadButton"));
    connect(cancel_button_, &QToolButton::clicked, this, &MainWindow::cancel_loading);
    statusBar()->addPermanentWidget(busy_);
    statusBar()->addPermanentWidget(cancel_button_);
    update_busy_indicator();
    retranslate();
    restore_settings();
    show_document(nullptr);
}

// Declared here so the job runners (children) are torn down while the window's members exist.
MainWindow::~MainWindow() {
    cancel_loading();
}

void MainWindow::set_error_reporter(std::unique_ptr<ErrorReporter> reporter) {
    reporter_ = reporter ? std::move(reporter) : std::make_unique<MessageBoxErrorReporter>(this);
}

void MainWindow::create_docks() {
    properties_ = new viewers::PropertiesPanel(this);
    tensor_inspector_ = new viewers::TensorInspector(this);
    dump_panel_ = new viewers::DumpPanel(this);
    summary_ = new viewers::ModelSummaryPanel(this);
    properties_dock_ = make_dock(this, "propertiesDock", properties_, Qt::RightDockWidgetArea);
    summary_dock_ = make_dock(this, "summaryDock", summary_, Qt::RightDockWidgetArea);
    tabifyDockWidget(properties_dock_, summary_dock_);
    properties_dock_->raise();
    dump_dock_ = make_dock(this, "dumpDock", dump_panel_, Qt::BottomDockWidgetArea);
    tensor_dock_ = make_dock(this, "tensorDock", tensor_inspector_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(dump_dock_, tensor_dock_);
    dump_dock_->raise();

    connect(properties_, &viewers::PropertiesPanel::operator_activated, this, [this](int subgraph, int op) {
        if (auto* document = current_document()) document->graph_panel()->select_operator(subgraph, op);
    });
    connect(properties_, &viewers::PropertiesPanel::tensor_activated, this, [this](int subgraph, int tensor) {
        if (auto* document = current_document()) document->graph_panel()->select_tensor(subgraph, tensor);
    });
    connect(dump_view(), &viewers::DumpView::operator_clicked, this, [this](int subgraph, int op) {
        if (auto* document = current_document()) {
            if (!document->graph_panel()->select_operator(subgraph, op)) show_operator(subgraph, op);
        }
    });
    connect(dump_view(), &viewers::DumpView::tensor_clicked, this, [this](int subgraph, int tensor) {
        if (auto* document = current_document()) {
            if (!document->graph_panel()->select_tensor(subgraph, tensor)) show_tensor(subgraph, tensor);
        }
    });
    connect(tensor_inspector_, &viewers::TensorInspector::failed, this,
            [this](const QString& title, const QString& message) { reporter_->report(title, message); });
}

viewers::DumpView* MainWindow::dump_view() const {
    return dump_panel_->view();
}

void MainWindow::open_models(const QStringList& paths) {
    for (const QString& path : paths) open_model(path);
}

void MainWindow::open_model(const QString& path) {
    // A model already open comes to the front instead of opening twice.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < document_count(); ++i) {
        if (QFileInfo(document(i)->loaded()->path).absoluteFilePath() == absolute) {
            tabs_->setCurrentIndex(i);
            emit model_opened(path);
            return;
        }
    }
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    const quint64 load = ++next_load_;
    auto* runner = new JobRunner(this);
    loads_[load] = PendingLoad{path, runner};
    const QFont font = this->font();
    runner->start([path, font] { return load_model(path, font); },
                  [this, load, path](LoadResult result) { finish_open(load, path, std::move(result)); });
    update_busy_indicator();
}

void MainWindow::cancel_loading() {
    auto loads = std::move(loads_);
    loads_.clear();
    for (auto& [id, load] : loads) {
        delete load.runner;  // waits for the worker; its result is dropped
        emit open_canceled(load.path);
    }
    if (!loads.empty()) statusBar()->showMessage(tr("Opening canceled"), kStatusTimeoutMs);
    update_busy_indicator();
}

void MainWindow::finish_open(quint64 load, const QString& path, LoadResult result) {
    const auto pending = loads_.find(load);
    if (pending == loads_.end()) return;  // canceled
    pending->second.runner->deleteLater();
    loads_.erase(pending);
    update_busy_indicator();

    const QString file_name = QFileInfo(path).fileName();
    if (!result) {
        statusBar()->showMessage(tr("Could not open %1").arg(file_name), kStatusTimeoutMs);
        reporter_->report(tr("Cannot Open Model"), QString::fromStdString(result.error().message));
        emit open_failed(path);
        return;
    }
    auto* document = new ModelDocument(std::move(result.value()), tabs_);
    attach_document(document);
    const int index = tabs_->addTab(document, file_name);
    tabs_->setTabToolTip(index, QDir::toNativeSeparators(path));
    tabs_->setCurrentIndex(index);
    recent_files_->add(path);

    const auto& loaded = document->loaded();
    const auto warnings = loaded->warnings.size();
    const QString how =
        loaded->converted ? tr("Converted %1 from %2").arg(file_name, loaded->format) : tr("Opened %1").arg(file_name);
    if (warnings == 0)
        statusBar()->showMessage(how, kStatusTimeoutMs);
    else  // stays until the next message; the status bar's tooltip lists them
        statusBar()->showMessage(tr("%1 — %n note(s)", nullptr, static_cast<int>(warnings)).arg(how));
    statusBar()->setToolTip(loaded->warnings.join(QLatin1Char('\n')));
    emit model_opened(path);
}

void MainWindow::attach_document(ModelDocument* document) {
    viewers::GraphPanel* graph = document->graph_panel();
    connect(graph, &viewers::GraphPanel::operator_selected, this, &MainWindow::show_operator);
    connect(graph, &viewers::GraphPanel::tensor_selected, this, &MainWindow::show_tensor);
    connect(graph, &viewers::GraphPanel::selection_cleared, this, [this] {
        properties_->clear();
        tensor_inspector_->clear();
    });
    connect(graph, &viewers::GraphPanel::failed, this,
            [this](const QString& title, const QString& message) { reporter_->report(title, message); });
}

void MainWindow::show_operator(int subgraph, int op) {
    const auto loaded = current_model();
    if (!loaded) return;
    properties_->show_operator(loaded->model, subgraph, op);
    dump_view()->reveal_operator(subgraph, op);
}

void MainWindow::show_tensor(int subgraph, int tensor) {
    const auto loaded = current_model();
    if (!loaded) return;
    properties_->show_tensor(loaded->model, subgraph, tensor);
    tensor_inspector_->show_tensor(loaded->model, subgraph, tensor);
}

void MainWindow::show_document(ModelDocument* document) {
    properties_->clear();
    tensor_inspector_->clear();
    if (!document) {
        dump_view()->clear_dump();
        summary_->clear();
        empty_hint_->setVisible(true);
        empty_hint_->resize(tabs_->size());
    } else {
        empty_hint_->setVisible(false);
        const auto& loaded = document->loaded();
        dump_view()->set_dump_text(loaded->dump);
        summary_->show_model(loaded->model, QFileInfo(loaded->path).fileName(), loaded->file_size);
    }
    update_title();
    update_actions();
}

int MainWindow::document_count() const {
    return tabs_->count();
}

ModelDocument* MainWindow::document(int index) const {
    return qobject_cast<ModelDocument*>(tabs_->widget(index));
}

ModelDocument* MainWindow::current_document() const {
    return qobject_cast<ModelDocument*>(tabs_->currentWidget());
}

std::shared_ptr<const LoadedModel> MainWindow::current_model() const {
    const auto* document = current_document();
    return document ? document->loaded() : nullptr;
}

void MainWindow::close_document(int index) {
    QWidget* widget = tabs_->widget(index);
    if (!widget) return;
    tabs_->removeTab(index);
    widget->deleteLater();
    if (tabs_->count() == 0) show_document(nullptr);
}

void MainWindow::create_actions() {
    const auto make = [this](const char* name, QKeySequence shortcut = {}) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty()) action->setShortcut(shortcut);
        return action;
    };
    open_action_ = make("openAction", QKeySequence::Open);
    open_action_->setIcon(
        QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DialogOpenButton)));
    connect(open_action_, &QAction::triggered, this, &MainWindow::choose_and_open);
    close_action_ = make("closeAction", QKeySequence::Close);
    connect(close_action_, &QAction::triggered, this, [this] { close_document(tabs_->currentIndex()); });
    export_graph_action_ = make("exportGraphAction");
    connect(export_graph_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->export_picture();
    });
    quit_action_ = make("quitAction", QKeySequence::Quit);
    quit_action_->setMenuRole(QAction::QuitRole);
    connect(quit_action_, &QAction::triggered, this, &QWidget::close);

    find_action_ = make("findAction", QKeySequence::Find);
    find_action_->setIcon(QIcon::fromTheme(QStringLiteral("edit-find")));
    connect(find_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->focus_search();
    });
    find_next_action_ = make("findNextAction", QKeySequence::FindNext);
    connect(find_next_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->find_next();
    });
    find_previous_action_ = make("findPreviousAction", QKeySequence::FindPrevious);
    connect(find_previous_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->find_previous();
    });
    find_in_dump_action_ = make("findInDumpAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(find_in_dump_action_, &QAction::triggered, this, [this] {
        dump_dock_->show();
        dump_dock_->raise();
        dump_panel_->focus_find();
    });
    settings_action_ = make("settingsAction", QKeySequence::Preferences);
    settings_action_->setMenuRole(QAction::PreferencesRole);
    connect(settings_action_, &QAction::triggered, this, &MainWindow::show_settings);

    zoom_in_action_ = make("zoomInAction", QKeySequence::ZoomIn);
    connect(zoom_in_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->view()->zoom_in();
    });
    zoom_out_action_ = make("zoomOutAction", QKeySequence::ZoomOut);
    connect(zoom_out_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->view()->zoom_out();
    });
    fit_action_ = make("fitAction", QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit_action_, &QAction::triggered, this, [this] {
        if (auto* document = current_document()) document->graph_panel()->view()->fit();
    });

    about_action_ = make("aboutAction");
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
    file_menu_->addAction(export_graph_action_);
    file_menu_->addAction(close_action_);
    file_menu_->addSeparator();
    file_menu_->addAction(quit_action_);

    edit_menu_ = menuBar()->addMenu(QString());
    edit_menu_->setObjectName(QStringLiteral("editMenu"));
    edit_menu_->addAction(find_action_);
    edit_menu_->addAction(find_next_action_);
    edit_menu_->addAction(find_previous_action_);
    edit_menu_->addAction(find_in_dump_action_);
    edit_menu_->addSeparator();
    edit_menu_->addAction(settings_action_);

    view_menu_ = menuBar()->addMenu(QString());
    view_menu_->setObjectName(QStringLiteral("viewMenu"));
    view_menu_->addAction(zoom_in_action_);
    view_menu_->addAction(zoom_out_action_);
    view_menu_->addAction(fit_action_);
    view_menu_->addSeparator();
    for (QDockWidget* dock : {properties_dock_, summary_dock_, dump_dock_, tensor_dock_})
        view_menu_->addAction(dock->toggleViewAction());

    help_menu_ = menuBar()->addMenu(QString());
    help_menu_->setObjectName(QStringLiteral("helpMenu"));
    help_menu_->addAction(about_action_);

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("mainToolBar"));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(open_action_);
    toolbar_->addAction(find_action_);
    toolbar_->addSeparator();
    toolbar_->addAction(zoom_out_action_);
    toolbar_->addAction(zoom_in_action_);
    toolbar_->addAction(fit_action_);
}

void MainWindow::update_actions() {
    const bool has_document = current_document() != nullptr;
    for (QAction* action : {close_action_, export_graph_action_, find_action_, find_next_action_, find_previous_action_,
                            find_in_dump_action_, zoom_in_action_, zoom_out_action_, fit_action_})
        action->setEnabled(has_document);
}

void MainWindow::update_busy_indicator() {
    const bool busy = !loads_.empty();
    busy_->setVisible(busy);
    cancel_button_->setVisible(busy);
}

void MainWindow::retranslate() {
    file_menu_->setTitle(tr("&File"));
    open_action_->setText(tr("&Open…"));
    open_action_->setStatusTip(tr("Open a TensorFlow Lite, Keras or ONNX model"));
    // Toolbar labels without accelerators: "(&O)"-style ones would show as "(O)" there.
    open_action_->setIconText(tr("Open"));
    find_action_->setIconText(tr("Find"));
    zoom_in_action_->setIconText(tr("Zoom In"));
    zoom_out_action_->setIconText(tr("Zoom Out"));
    fit_action_->setIconText(tr("Fit"));
    close_action_->setText(tr("&Close Model"));
    export_graph_action_->setText(tr("&Export Graph…"));
    export_graph_action_->setStatusTip(tr("Save the graph as a PNG or SVG picture"));
    quit_action_->setText(tr("&Quit"));
    quit_action_->setStatusTip(tr("Quit LiteLab"));
    edit_menu_->setTitle(tr("&Edit"));
    find_action_->setText(tr("&Find in Graph…"));
    find_action_->setStatusTip(tr("Find operators and tensors by type, name or index"));
    find_next_action_->setText(tr("Find &Next"));
    find_previous_action_->setText(tr("Find &Previous"));
    find_in_dump_action_->setText(tr("Find in &Dump…"));
    settings_action_->setText(tr("&Settings…"));
    view_menu_->setTitle(tr("&View"));
    zoom_in_action_->setText(tr("Zoom &In"));
    zoom_out_action_->setText(tr("Zoom &Out"));
    fit_action_->setText(tr("&Fit Graph"));
    properties_dock_->setWindowTitle(tr("Properties"));
    summary_dock_->setWindowTitle(tr("Model Summary"));
    dump_dock_->setWindowTitle(tr("Dump"));
    tensor_dock_->setWindowTitle(tr("Tensor"));
    help_menu_->setTitle(tr("&Help"));
    about_action_->setText(tr("&About LiteLab"));
    about_action_->setStatusTip(tr("Show the version of LiteLab"));
    toolbar_->setWindowTitle(tr("Main Toolbar"));
    cancel_button_->setText(tr("Cancel"));
    cancel_button_->setToolTip(tr("Stop opening the models still being read"));
    busy_->setToolTip(tr("Reading and converting…"));
    empty_hint_->setText(
        tr("Open a TensorFlow Lite, Keras (.h5, .keras) or ONNX model with File ▸ Open, "
           "or drop model files here."));
    recent_files_->retranslate();
    update_title();
}

void MainWindow::update_title() {
    if (const auto loaded = current_model())
        setWindowTitle(tr("LiteLab — %1").arg(QFileInfo(loaded->path).fileName()));
    else
        setWindowTitle(tr("LiteLab"));
}

void MainWindow::choose_and_open() {
    QSettings settings;
    const QString directory = settings.value(key(kLastDirectoryKey), QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Models"), directory,
        tr("Models (*.tflite *.h5 *.keras *.onnx);;TensorFlow Lite (*.tflite);;Keras (*.h5 *.keras);;"
           "ONNX (*.onnx);;All files (*)"));
    if (paths.isEmpty()) return;
    settings.setValue(key(kLastDirectoryKey), QFileInfo(paths.front()).absolutePath());
    open_models(paths);
}

void MainWindow::show_about() {
    QMessageBox::about(this, tr("About LiteLab"),
                       tr("<h3>LiteLab %1</h3>"
                          "<p>A workbench for TensorFlow Lite models: inspect, convert, quantize, run and "
                          "compare them.</p>")
                           .arg(version()));
}

void MainWindow::show_settings() {
    SettingsDialog dialog(this);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (std::any_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    open_models(paths);
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
    if (!restoreGeometry(settings.value(key(kGeometryKey)).toByteArray())) resize(1280, 800);
    if (!restoreState(settings.value(key(kStateKey)).toByteArray())) {
        // First run: give the docks room once the window has its size.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({properties_dock_}, {width() / 4}, Qt::Horizontal);
            resizeDocks({dump_dock_}, {height() / 4}, Qt::Vertical);
        });
    }
}

void MainWindow::save_settings() const {
    QSettings settings;
    settings.setValue(key(kGeometryKey), saveGeometry());
    settings.setValue(key(kStateKey), saveState());
}

}  // namespace litelab::ui
