// What the independent oracle (../shared/oracles/run_tflite --info, its own flatbuffer reader)
// says about a model, and the engine's reading of the same file, for the GUI tests.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "model/model.h"

namespace litelab::test {

// The bundled models the oracle cases run on (base names in ../shared/models/tflite).
QStringList oracle_model_names();
// QtTest data rows: a column "name" and a row per oracle model.
void add_oracle_model_rows();
QString model_path(const QString& name);

struct OracleInfo {
    QJsonObject json;  // empty when unavailable
    QString why_not;   // the reason to skip when unavailable
};

// Runs the oracle once per model and keeps the answer.
const OracleInfo& oracle_info(const QString& model_name);

// The model as the engine reads it; null (with `error` set) when reading fails.
std::shared_ptr<const Model> read_model(const QString& path, QString* error);

}  // namespace litelab::test
