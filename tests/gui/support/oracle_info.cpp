#include "oracle_info.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include "tflite/reader.h"

namespace litelab::test {
namespace {

const QString kSharedDir = QStringLiteral(LITELAB_SHARED_DIR);

OracleInfo run_oracle(const QString& path) {
    const QString oracle = kSharedDir + QStringLiteral("/oracles/run_tflite");
    if (!QFileInfo::exists(path)) return {{}, QStringLiteral("model %1 is absent").arg(path)};
    if (!QFileInfo::exists(oracle)) return {{}, QStringLiteral("oracle %1 is absent").arg(oracle)};
    QProcess process;
    process.start(QStringLiteral(LITELAB_PYTHON), {oracle, QStringLiteral("--info"), path});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {{},
                QStringLiteral("oracle failed on %1: %2 %3")
                    .arg(path, process.errorString(), QString::fromUtf8(process.readAllStandardError()))};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    if (!doc.isObject()) return {{}, QStringLiteral("oracle output is no JSON object: %1").arg(error.errorString())};
    return {doc.object(), {}};
}

}  // namespace

QStringList oracle_model_names() {
    return {QStringLiteral("hello_world_float"), QStringLiteral("hello_world_int8"),
            QStringLiteral("micro_speech_quantized"), QStringLiteral("person_detect"), QStringLiteral("trained_lstm")};
}

void add_oracle_model_rows() {
    QTest::addColumn<QString>("name");
    for (const QString& name : oracle_model_names()) QTest::newRow(qPrintable(name)) << name;
}

QString model_path(const QString& name) {
    return kSharedDir + QStringLiteral("/models/tflite/") + name + QStringLiteral(".tflite");
}

const OracleInfo& oracle_info(const QString& model_name) {
    static QHash<QString, OracleInfo> cache;
    auto it = cache.find(model_name);
    if (it == cache.end()) it = cache.insert(model_name, run_oracle(model_path(model_name)));
    return *it;
}

std::shared_ptr<const Model> read_model(const QString& path, QString* error) {
    auto read = read_tflite_file(path.toStdString());
    if (!read) {
        *error = QString::fromStdString(read.error().message);
        return nullptr;
    }
    return std::make_shared<const Model>(std::move(read.value().model));
}

}  // namespace litelab::test
