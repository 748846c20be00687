#include "ui/localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <vector>

namespace litelab::ui {

namespace {

constexpr auto kCatalogDirectory = ":/i18n";
constexpr auto kLanguageKey = "ui/language";

// The catalogs installed by install_translations, so a language switch can remove them.
std::vector<QTranslator*>& installed() {
    static std::vector<QTranslator*> translators;
    return translators;
}

bool install_catalog(const QLocale& locale, const QString& name, const QString& directory) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().push_back(translator);
    return true;
}

}  // namespace

QStringList available_languages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

bool is_available_language(const QString& name) {
    return available_languages().contains(name);
}

bool install_translations(const QLocale& locale) {
    install_catalog(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install_catalog(locale, QStringLiteral("litelab"), QString::fromLatin1(kCatalogDirectory));
}

QString language_display_name(const QString& language) {
    if (language == QStringLiteral("en")) return QStringLiteral("English");
    if (language == QStringLiteral("zh_CN")) return QStringLiteral("\u7b80\u4f53\u4e2d\u6587");  // 简体中文
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

QString saved_language() {
    const QString language = QSettings().value(QString::fromLatin1(kLanguageKey)).toString();
    return is_available_language(language) ? language : QString();
}

void save_language(const QString& language) {
    QSettings().setValue(QString::fromLatin1(kLanguageKey), language);
}

void apply_language(const QString& language) {
    for (QTranslator* translator : installed()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed().clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    install_translations(locale);
    // English has no catalog: removing the others already sent LanguageChange.
}

QString catalog_path(const QString& language) {
    return QStringLiteral("%1/litelab_%2.qm").arg(QString::fromLatin1(kCatalogDirectory), language);
}

}  // namespace litelab::ui
