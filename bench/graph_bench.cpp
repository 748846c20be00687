// The GUI's graph targets (bench/README.md, "Graph view"): opening and laying out a model as
// the main window does (read, dump, graph scenes for every subgraph, text measured), for a
// ~100-op model and generated 5,000- and 10,000-op models, with the process's peak resident
// memory; and painting the visible part of the 5,000-op scene into a 1600x1000 picture.
#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "generated_graph_model.h"
#include "peak_memory.h"
#include "synthetic_model.h"
#include "tflite/writer.h"
#include "ui/model_loader.h"

namespace {

const std::string& model_file(int ops) {
    static std::map<int, std::string> files;
    auto& path = files[ops];
    if (path.empty()) {
        path = litelab::bench::bench_file("graph_" + std::to_string(ops) + ".tflite");
        if (auto written = litelab::write_tflite_file(litelab::bench::make_graph_model(ops), path); !written) {
            std::fprintf(stderr, "%s\n", written.error().message.c_str());
            std::abort();
        }
    }
    return path;
}

void BM_OpenAndLayOut(benchmark::State& state) {
    const int ops = static_cast<int>(state.range(0));
    const QString path = QString::fromStdString(model_file(ops));
    size_t nodes = 0;
    for (auto _ : state) {
        auto loaded = litelab::ui::load_model(path, QFont());
        if (!loaded) {
            state.SkipWithError(loaded.error().message.c_str());
            return;
        }
        nodes = loaded.value()->scenes.front()->graph().nodes.size();
        benchmark::DoNotOptimize(loaded);
    }
    state.counters["ops"] = ops;
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["peak_resident_MB"] = litelab::bench::peak_resident_mb();
}
BENCHMARK(BM_OpenAndLayOut)->Arg(100)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Arg: zoom in percent. 100: labels and text; 40: text without edge labels; 0: the whole
// graph squeezed into the picture (boxes only), the densest the view ever draws.
void BM_PaintVisible5000(benchmark::State& state) {
    auto loaded = litelab::ui::load_model(QString::fromStdString(model_file(5000)), QFont());
    if (!loaded) {
        state.SkipWithError(loaded.error().message.c_str());
        return;
    }
    const auto& scene = *loaded.value()->scenes.front();
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    const QRectF bounds = scene.bounds();
    const double zoom =
        state.range(0) > 0 ? state.range(0) / 100.0 : std::min(1600 / bounds.width(), 1000 / bounds.height());
    // A window into the middle of the drawing (the graph is a tall column).
    const QSizeF window(1600 / zoom, 1000 / zoom);
    const QRectF visible(bounds.center() - QPointF(window.width() / 2, window.height() / 2), window);
    for (auto _ : state) {
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.scale(zoom, zoom);
        painter.translate(-visible.topLeft());
        scene.paint(painter, visible, zoom, {});
    }
    int visible_nodes = 0;
    for (uint32_t i = 0; i < scene.graph().nodes.size(); ++i) visible_nodes += scene.node_rect(i).intersects(visible);
    state.counters["visible_nodes"] = visible_nodes;
    state.counters["zoom"] = zoom;
}
BENCHMARK(BM_PaintVisible5000)->Arg(100)->Arg(40)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    // Fonts need a GUI application; the offscreen platform needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
