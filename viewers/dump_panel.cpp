#include "viewers/dump_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "viewers/dump_view.h"

namespace litelab::viewers {

DumpPanel::DumpPanel(QWidget* parent) : QWidget(parent), view_(new DumpView(this)) {
    setObjectName(QStringLiteral("dumpPanel"));
    find_ = new QLineEdit(this);
    find_->setObjectName(QStringLiteral("dumpFind"));
    find_->setClearButtonEnabled(true);
    previous_ = new QToolButton(this);
    previous_->setAutoRaise(true);
    previous_->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    next_ = new QToolButton(this);
    next_->setAutoRaise(true);
    next_->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    status_ = new QLabel(this);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(2, 2, 2, 2);
    bar->addWidget(find_, 1);
    bar->addWidget(previous_);
    bar->addWidget(next_);
    bar->addWidget(status_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    connect(find_, &QLineEdit::returnPressed, this, &DumpPanel::find_next);
    connect(next_, &QToolButton::clicked, this, &DumpPanel::find_next);
    connect(previous_, &QToolButton::clicked, this, &DumpPanel::find_previous);
    connect(find_, &QLineEdit::textChanged, this, [this] { show_result(true); });
    retranslate();
}

void DumpPanel::focus_find() {
    find_->setFocus(Qt::ShortcutFocusReason);
    find_->selectAll();
}

bool DumpPanel::find_next() {
    const bool found = view_->find_text(find_->text());
    show_result(found || find_->text().isEmpty());
    return found;
}

bool DumpPanel::find_previous() {
    const bool found = view_->find_text(find_->text(), true);
    show_result(found || find_->text().isEmpty());
    return found;
}

void DumpPanel::show_result(bool found) {
    not_found_ = !found;
    status_->setText(found ? QString() : tr("not found"));
}

void DumpPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DumpPanel::retranslate() {
    find_->setPlaceholderText(tr("Find in the dump"));
    previous_->setToolTip(tr("Previous match"));
    next_->setToolTip(tr("Next match"));
    show_result(!not_found_);
}

}  // namespace litelab::viewers
