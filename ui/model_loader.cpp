#include "ui/model_loader.h"

#include <QFile>

#include "import/import_model.h"
#include "tflite/analyzer_dump.h"
#include "tflite/reader.h"
#include "viewers/dump_view.h"

namespace litelab::ui {

LoadResult load_model(const QString& path, const QFont& font) {
    const std::string local_path = QFile::encodeName(path).toStdString();
    auto format = detect_model_format(local_path);
    if (!format) return format.error();

    auto loaded = std::make_shared<LoadedModel>();
    loaded->path = path;
    auto model = std::make_shared<Model>();
    if (format->has_value() && is_imported_format(**format)) {
        auto imported = import_model_file(local_path, ImportOptions{});
        if (!imported) return imported.error();
        *model = std::move(imported->model);
        for (const auto& note : imported->notes) loaded->warnings << QString::fromStdString(note);
        loaded->converted = true;
        loaded->format = QString::fromLatin1(model_format_name(**format));
        QFile file(path);
        loaded->file_size = static_cast<uint64_t>(file.size());
    } else {
        // Unknown formats go to the TFLite reader too: its error names what is wrong.
        auto read = read_tflite_file(local_path);
        if (!read) return read.error();
        *model = std::move(read->model);
        loaded->file_size = read->file_size;
        loaded->format = QString::fromLatin1(model_format_name(ModelFormat::kTflite));
        for (const auto& warning : read->warnings) loaded->warnings << QString::fromStdString(warning);
    }

    AnalyzerDumpOptions options;
    options.model_name = local_path;  // the header names the file as the CLI does
    options.file_size = loaded->file_size;
    loaded->dump = viewers::DumpView::make_dump_text(*model, options);
    loaded->model = std::move(model);
    loaded->scenes.reserve(loaded->model->subgraphs.size());
    for (size_t i = 0; i < loaded->model->subgraphs.size(); ++i)
        loaded->scenes.push_back(viewers::GraphScene::build(loaded->model, static_cast<int32_t>(i), font));
    return std::shared_ptr<const LoadedModel>(std::move(loaded));
}

}  // namespace litelab::ui
