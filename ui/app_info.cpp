#include "ui/app_info.h"

#include <QCoreApplication>

namespace litelab::ui {

QString version() {
    return QStringLiteral(LITELAB_VERSION);
}

void set_application_metadata() {
    QCoreApplication::setOrganizationName(QStringLiteral("LiteLab"));
    QCoreApplication::setApplicationName(QStringLiteral("LiteLab"));
    QCoreApplication::setApplicationVersion(version());
    // No application display name: Qt would append it to every window title.
}

}  // namespace litelab::ui
