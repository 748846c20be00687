// The File > Open Recent submenu: the last few models opened, newest first, kept in QSettings
// so they survive restarts. Choosing one emits open_requested(); the window decides what to do.
#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;

namespace litelab::ui {

class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxFiles = 8;

    // Fills `menu` (owned by the caller) and keeps it current.
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    void add(const QString& path);
    void clear();
    QStringList files() const;
    void retranslate();
    // Replaces the menu's entries with the current list.
    void rebuild();

signals:
    void open_requested(const QString& path);

private:
    void store(const QStringList& files);

    QMenu* menu_;
};

}  // namespace litelab::ui
