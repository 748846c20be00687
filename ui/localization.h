// Loading the user-interface language. LiteLab's catalogs are compiled from translations/*.ts
// and embedded as resources under :/i18n; Qt's own catalog (standard dialog buttons) is loaded
// from Qt's installation when present.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace litelab::ui {

// The languages the command line accepts: "en" (built in) and those with a catalog.
QStringList available_languages();

// Whether `name` is one of available_languages().
bool is_available_language(const QString& name);

// Installs the catalogs for `locale` on the application, which owns them. Returns whether
// LiteLab's own catalog was found; English and languages without a catalog return false.
bool install_translations(const QLocale& locale);

// The embedded catalog for a language name, e.g. ":/i18n/litelab_de.qm".
QString catalog_path(const QString& language);

// The language in its own words: "English", "Deutsch", "简体中文".
QString language_display_name(const QString& language);

// The language chosen in the settings ("" = follow the system), kept in QSettings.
QString saved_language();
void save_language(const QString& language);

// Switches the running application to `language` ("" = the system's): replaces the catalogs
// installed before, so every window retranslates itself (QEvent::LanguageChange).
void apply_language(const QString& language);

}  // namespace litelab::ui
