#include "ui/recent_files.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace litelab::ui {

namespace {
constexpr auto kSettingsKey = "recentFiles";
}  // namespace

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) {
    menu_->setObjectName(QStringLiteral("recentFilesMenu"));
    // Entries are rebuilt when the menu opens, never while one of its actions is still firing.
    connect(menu_, &QMenu::aboutToShow, this, &RecentFiles::rebuild);
    retranslate();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, kMaxFiles));
}

void RecentFiles::clear() {
    store({});
}

QStringList RecentFiles::files() const {
    return QSettings().value(QString::fromLatin1(kSettingsKey)).toStringList();
}

void RecentFiles::retranslate() {
    menu_->setTitle(tr("Open &Recent"));
    rebuild();
}

void RecentFiles::store(const QStringList& list) {
    QSettings().setValue(QString::fromLatin1(kSettingsKey), list);
    menu_->setEnabled(!list.isEmpty());
}

void RecentFiles::rebuild() {
    menu_->clear();
    const QStringList list = files();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString& path = list[i];
        //: A File > Open Recent entry: %1 is its number (the keyboard accelerator), %2 the file name.
        const QString text = tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName());
        QAction* action = menu_->addAction(text);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit open_requested(path); });
    }
    menu_->addSeparator();
    QAction* clear_action = menu_->addAction(tr("&Clear List"));
    clear_action->setObjectName(QStringLiteral("clearRecentFilesAction"));
    connect(clear_action, &QAction::triggered, this, &RecentFiles::clear);
    menu_->setEnabled(!list.isEmpty());
}

}  // namespace litelab::ui
