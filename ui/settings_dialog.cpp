#include "ui/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/localization.h"

namespace litelab::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    language_box_ = new QComboBox(this);
    language_box_->setObjectName(QStringLiteral("languageBox"));
    language_label_ = new QLabel(this);
    language_label_->setBuddy(language_box_);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(language_label_, language_box_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    retranslate();
    set_chosen_language(saved_language());
}

QString SettingsDialog::chosen_language() const {
    return language_box_->currentData().toString();
}

void SettingsDialog::set_chosen_language(const QString& language) {
    const int index = language_box_->findData(language);
    language_box_->setCurrentIndex(index >= 0 ? index : 0);
}

void SettingsDialog::apply() {
    save_language(chosen_language());
    apply_language(chosen_language());
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    language_label_->setText(tr("&Language:"));
    note_->setText(tr("The system language is used unless you choose another one here."));
    const QString current = language_box_->count() > 0 ? chosen_language() : QString();
    language_box_->clear();
    language_box_->addItem(tr("System default"), QString());
    // Each language in its own name, so a user can find theirs whatever is shown now.
    for (const QString& language : available_languages())
        language_box_->addItem(language_display_name(language), language);
    set_chosen_language(current);
}

}  // namespace litelab::ui
