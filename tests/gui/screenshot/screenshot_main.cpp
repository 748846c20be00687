// gui_screenshot: opens a model in the real main window on a real display (Xvfb in CI), selects
// its first operator and saves a PNG of the window. Fails when the picture is blank, when the
// model does not open, or, for Chinese, when the interface is not translated or no font can
// draw Simplified Chinese.
// Usage: gui_screenshot --lang en|de|zh_CN --out WINDOW.png MODEL
#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFontDatabase>
#include <QImage>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <set>

#include "ui/error_reporter.h"
#include "ui/localization.h"
#include "ui/main_window.h"
#include "ui/model_document.h"
#include "viewers/graph/graph_panel.h"

namespace {

constexpr int kOpenTimeoutMs = 60000;

class PrintingReporter final : public litelab::ui::ErrorReporter {
public:
    void report(const QString& title, const QString& message) override {
        std::fprintf(stderr, "gui_screenshot: %s: %s\n", qUtf8Printable(title), qUtf8Printable(message));
        ++count;
    }
    int count = 0;
};

int fail(const QString& message) {
    std::fprintf(stderr, "gui_screenshot: %s\n", qUtf8Printable(message));
    return 1;
}

// A window picture is blank when nearly every pixel has one colour.
QString blank_reason(const QImage& image) {
    if (image.isNull() || image.width() < 200 || image.height() < 200) return QStringLiteral("picture too small");
    std::set<QRgb> colours;
    qint64 differing = 0;
    const QRgb background = image.pixel(image.width() / 2, image.height() / 2);
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb pixel = image.pixel(x, y);
            if (colours.size() < 1000) colours.insert(pixel);
            if (pixel != background) ++differing;
        }
    const double share = static_cast<double>(differing) / (image.width() / 2.0 * image.height() / 2.0);
    if (colours.size() < 20) return QStringLiteral("only %1 colours").arg(colours.size());
    if (share < 0.02) return QStringLiteral("%1% of pixels differ from the background").arg(share * 100);
    return {};
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QTemporaryDir settings_dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("LiteLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("Screenshot"));

    QCommandLineParser parser;
    parser.addOption({QStringLiteral("lang"), QStringLiteral("language"), QStringLiteral("language")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("PNG to write"), QStringLiteral("path")});
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("model to open"));
    parser.process(app);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("out")))
        return fail(QStringLiteral("usage: gui_screenshot --lang LANG --out PNG MODEL"));
    const QString language = parser.value(QStringLiteral("lang"));
    litelab::ui::apply_language(language == QStringLiteral("en") ? QStringLiteral("en") : language);

    auto owned = std::make_unique<PrintingReporter>();
    PrintingReporter* reporter = owned.get();
    litelab::ui::MainWindow window(std::move(owned));
    window.resize(1400, 900);
    window.show();
    QEventLoop loop;
    QObject::connect(&window, &litelab::ui::MainWindow::model_opened, &loop, &QEventLoop::quit);
    QObject::connect(&window, &litelab::ui::MainWindow::open_failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(kOpenTimeoutMs, &loop, &QEventLoop::quit);
    window.open_model(parser.positionalArguments().front());
    loop.exec();
    if (reporter->count > 0 || !window.current_document()) return fail(QStringLiteral("the model did not open"));
    window.current_document()->graph_panel()->select_operator(0, 0);
    QTimer::singleShot(300, &loop, &QEventLoop::quit);  // let docks and the graph settle
    loop.exec();

    if (language == QStringLiteral("zh_CN")) {
        auto* menu = window.findChild<QMenu*>(QStringLiteral("fileMenu"));
        if (!menu || menu->title() != QStringLiteral("文件(&F)"))
            return fail(QStringLiteral("the File menu is not translated: %1").arg(menu ? menu->title() : QString()));
        if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
            return fail(QStringLiteral("no font can draw Simplified Chinese (install fonts-noto-cjk)"));
    }
    const QImage image = window.grab().toImage();
    const QString out = parser.value(QStringLiteral("out"));
    if (!image.save(out)) return fail(QStringLiteral("%1: cannot write the picture").arg(out));
    if (const QString reason = blank_reason(image); !reason.isEmpty())
        return fail(QStringLiteral("%1: the window looks blank: %2").arg(out, reason));
    std::printf("gui_screenshot: wrote %s (%dx%d)\n", qUtf8Printable(out), image.width(), image.height());
    return 0;
}
