// SettingsDialog: the user's preferences. For now the interface language: the system's (the
// default) or one of the shipped catalogs; applied at once, kept in QSettings.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace litelab::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // "" for the system language, else a name from available_languages().
    QString chosen_language() const;
    void set_chosen_language(const QString& language);

    // Stores the choice and switches the running application to it.
    void apply();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QComboBox* language_box_ = nullptr;
    QLabel* language_label_ = nullptr;
    QLabel* note_ = nullptr;
};

}  // namespace litelab::ui
