// MainWindow: LiteLab's workbench. Each open model is a tab showing its graph; docks around it
// show the selection's properties, a tensor's values, the Analyzer dump (linked to the graph)
// and the model summary for the current tab. Models open from the menu, recent files, drag and
// drop or the command line; .h5/.keras/.onnx files are converted on the way in. Reading runs
// on workers with a busy indicator and Cancel; failures go to an ErrorReporter.
// Geometry, dock layout, the last folder and the recent files persist in QSettings.
#pragma once

#include <QMainWindow>

#include <map>
#include <memory>

#include "ui/error_reporter.h"
#include "ui/model_loader.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolBar;
class QToolButton;

namespace litelab {
class JobRunner;
}  // namespace litelab

namespace litelab::viewers {
class DumpPanel;
class DumpView;
class ModelSummaryPanel;
class PropertiesPanel;
class TensorInspector;
}  // namespace litelab::viewers

namespace litelab::ui {

class ModelDocument;
class RecentFiles;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Without a reporter, errors are shown in message boxes over this window.
    explicit MainWindow(std::unique_ptr<ErrorReporter> reporter = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts reading `path` on a worker; a new tab opens when it succeeds (or the model's tab
    // comes to the front if it is already open). Ends in model_opened, open_failed or
    // open_canceled.
    void open_model(const QString& path);
    void open_models(const QStringList& paths);
    // Drops every read still running: their results never arrive.
    void cancel_loading();
    int pending_loads() const { return static_cast<int>(loads_.size()); }

    void set_error_reporter(std::unique_ptr<ErrorReporter> reporter);
    int document_count() const;
    ModelDocument* document(int index) const;
    ModelDocument* current_document() const;
    void close_document(int index);

    viewers::DumpView* dump_view() const;
    viewers::DumpPanel* dump_panel() const { return dump_panel_; }
    viewers::PropertiesPanel* properties_panel() const { return properties_; }
    viewers::TensorInspector* tensor_inspector() const { return tensor_inspector_; }
    viewers::ModelSummaryPanel* summary_panel() const { return summary_; }
    RecentFiles* recent_files() const { return recent_files_; }
    // The model of the current tab; null when no model is open.
    std::shared_ptr<const LoadedModel> current_model() const;

signals:
    void model_opened(const QString& path);
    void open_failed(const QString& path);
    void open_canceled(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void create_docks();
    void create_actions();
    void create_menus_and_toolbar();
    void retranslate();
    void update_title();
    void update_actions();
    void update_busy_indicator();
    void choose_and_open();
    void show_about();
    void show_settings();
    void finish_open(quint64 load, const QString& path, LoadResult result);
    void show_document(ModelDocument* document);
    void attach_document(ModelDocument* document);
    void show_operator(int subgraph, int op);
    void show_tensor(int subgraph, int tensor);
    void restore_settings();
    void save_settings() const;

    struct PendingLoad {
        QString path;
        JobRunner* runner = nullptr;
    };

    std::unique_ptr<ErrorReporter> reporter_;
    std::map<quint64, PendingLoad> loads_;
    quint64 next_load_ = 0;
    RecentFiles* recent_files_ = nullptr;

    QTabWidget* tabs_ = nullptr;
    QLabel* empty_hint_ = nullptr;
    viewers::DumpPanel* dump_panel_ = nullptr;
    viewers::PropertiesPanel* properties_ = nullptr;
    viewers::TensorInspector* tensor_inspector_ = nullptr;
    viewers::ModelSummaryPanel* summary_ = nullptr;
    QDockWidget* properties_dock_ = nullptr;
    QDockWidget* tensor_dock_ = nullptr;
    QDockWidget* dump_dock_ = nullptr;
    QDockWidget* summary_dock_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QToolButton* cancel_button_ = nullptr;

    QMenu* file_menu_ = nullptr;
    QMenu* recent_menu_ = nullptr;
    QMenu* edit_menu_ = nullptr;
    QMenu* view_menu_ = nullptr;
    QMenu* help_menu_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    QAction* open_action_ = nullptr;
    QAction* close_action_ = nullptr;
    QAction* export_graph_action_ = nullptr;
    QAction* quit_action_ = nullptr;
    QAction* find_action_ = nullptr;
    QAction* find_next_action_ = nullptr;
    QAction* find_previous_action_ = nullptr;
    QAction* find_in_dump_action_ = nullptr;
    QAction* settings_action_ = nullptr;
    QAction* zoom_in_action_ = nullptr;
    QAction* zoom_out_action_ = nullptr;
    QAction* fit_action_ = nullptr;
    QAction* about_action_ = nullptr;
};

}  // namespace litelab::ui
