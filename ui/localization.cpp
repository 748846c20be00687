#include "ui/localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace litelab::ui {

namespace {

constexpr auto kCatalogDirectory = ":/i18n";

bool install_catalog(const QLocale& locale, const QString& name, const QString& directory) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
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

QString catalog_path(const QString& language) {
    return QStringLiteral("%1/litelab_%2.qm").arg(QString::fromLatin1(kCatalogDirectory), language);
}

}  // namespace litelab::ui
