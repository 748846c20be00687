// Who the application is: names used by QSettings and the About box, and the version.
#pragma once

#include <QString>

namespace litelab::ui {

QString version();

// Organisation and application names (they place the settings file) and the version.
void set_application_metadata();

}  // namespace litelab::ui
