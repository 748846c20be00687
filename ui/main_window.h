// MainWindow: LiteLab's first window. It opens one .tflite model at a time and shows its
// Analyzer dump; reading runs on a worker (JobRunner) and failures go to an ErrorReporter.
// Geometry, toolbar state, the last folder and the recent files persist in QSettings.
#pragma once

#include <QMainWindow>

#include <memory>

#include "ui/error_reporter.h"
#include "ui/job_runner.h"
#include "ui/model_loader.h"

class QAction;
class QLabel;
class QMenu;
class QToolBar;

namespace litelab::viewers {
class DumpView;
}

namespace litelab::ui {

class RecentFiles;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Without a reporter, errors are shown in message boxes over this window.
    explicit MainWindow(std::unique_ptr<ErrorReporter> reporter = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts reading `path`; the dump replaces the current one when reading succeeds. Opening
    // again before the first finishes drops the first. Ends in model_opened or open_failed.
    void open_model(const QString& path);

    void set_error_reporter(std::unique_ptr<ErrorReporter> reporter);
    viewers::DumpView* dump_view() const { return dump_view_; }
    RecentFiles* recent_files() const { return recent_files_; }
    // The model on display; null before the first one is opened.
    std::shared_ptr<const LoadedModel> current_model() const { return current_; }

signals:
    void model_opened(const QString& path);
    void open_failed(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void create_actions();
    void create_menus_and_toolbar();
    void retranslate();
    void update_title();
    void choose_and_open();
    void show_about();
    void finish_open(const QString& path, LoadResult result);
    void restore_settings();
    void save_settings() const;

    std::unique_ptr<ErrorReporter> reporter_;
    JobRunner* jobs_ = nullptr;
    viewers::DumpView* dump_view_ = nullptr;
    RecentFiles* recent_files_ = nullptr;
    std::shared_ptr<const LoadedModel> current_;

    QMenu* file_menu_ = nullptr;
    QMenu* recent_menu_ = nullptr;
    QMenu* help_menu_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    QAction* open_action_ = nullptr;
    QAction* quit_action_ = nullptr;
    QAction* about_action_ = nullptr;
};

}  // namespace litelab::ui
