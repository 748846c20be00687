// litelab-gui: the Qt face of LiteLab. Usage: litelab-gui [--lang de|zh_CN|en] [MODEL.tflite]
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

#include "ui/app_info.h"
#include "ui/localization.h"
#include "ui/main_window.h"

namespace {

constexpr int kExitUsage = 2;

// Holds the command line's translatable text (context "CommandLine" in the catalogs).
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QCommandLineOption language_option() {
        return {QStringLiteral("lang"),
                tr("User interface language: %1. The default follows the system.")
                    .arg(litelab::ui::available_languages().join(QStringLiteral(", "))),
                tr("language")};
    }

    static void describe(QCommandLineParser& parser) {
        parser.setApplicationDescription(tr("LiteLab, a workbench for TensorFlow Lite models."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(language_option());
        parser.addPositionalArgument(QStringLiteral("model"), tr("A .tflite model to open at start."), tr("[model]"));
    }

    static QString unknown_language(const QString& name) {
        return tr("Unknown language \"%1\"; available: %2.")
            .arg(name, litelab::ui::available_languages().join(QStringLiteral(", ")));
    }

    static QString too_many_models() { return tr("Give at most one model file."); }
};

void print_usage_error(const QString& message) {
    std::fprintf(stderr, "litelab-gui: %s\n", qUtf8Printable(message));
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    litelab::ui::set_application_metadata();

    // The language decides the help text, so --lang is read before the real parse.
    QCommandLineParser early;
    CommandLine::describe(early);
    (void)early.parse(QCoreApplication::arguments());
    const QString language = early.value(QStringLiteral("lang"));
    const bool known_language = language.isEmpty() || litelab::ui::is_available_language(language);
    QLocale locale = QLocale::system();
    if (!language.isEmpty() && known_language) {
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    litelab::ui::install_translations(locale);
    if (!known_language) {
        print_usage_error(CommandLine::unknown_language(language));
        return kExitUsage;
    }

    QCommandLineParser parser;
    CommandLine::describe(parser);
    parser.process(app);  // exits on --help, --version and malformed options
    const QStringList models = parser.positionalArguments();
    if (models.size() > 1) {
        print_usage_error(CommandLine::too_many_models());
        return kExitUsage;
    }

    litelab::ui::MainWindow window;
    window.show();
    if (!models.isEmpty()) window.open_model(models.front());
    return QApplication::exec();
}
