// litelab-gui: the Qt face of LiteLab. Usage: litelab-gui [--lang de|zh_CN|en] [MODEL...]
// MODEL is a .tflite, .h5, .keras or .onnx file; each opens in its own tab.
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
        parser.addPositionalArgument(QStringLiteral("models"),
                                     tr("Models to open at start: .tflite, .h5, .keras or .onnx files."),
                                     tr("[models...]"));
    }

    static QString unknown_language(const QString& name) {
        return tr("Unknown language \"%1\"; available: %2.")
            .arg(name, litelab::ui::available_languages().join(QStringLiteral(", ")));
    }
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
    // --lang wins over the language chosen in the settings, which wins over the system's.
    const QString language =
        early.isSet(QStringLiteral("lang")) ? early.value(QStringLiteral("lang")) : litelab::ui::saved_language();
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

    litelab::ui::MainWindow window;
    window.show();
    window.open_models(models);
    return QApplication::exec();
}
