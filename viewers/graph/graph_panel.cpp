#include "viewers/graph/graph_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "viewers/graph/graph_view.h"

namespace litelab::viewers {
namespace {

QToolButton* make_button(QWidget* parent, const char* name, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
    auto* button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAutoRaise(true);
    if (icon != QStyle::SP_CustomBase) button->setIcon(parent->style()->standardIcon(icon));
    return button;
}

}  // namespace

GraphPanel::GraphPanel(QWidget* parent) : QWidget(parent), view_(new GraphView(this)) {
    setObjectName(QStringLiteral("graphPanel"));
    subgraph_label_ = new QLabel(this);
    subgraph_box_ = new QComboBox(this);
    subgraph_box_->setObjectName(QStringLiteral("subgraphBox"));
    subgraph_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    subgraph_label_->setBuddy(subgraph_box_);
    back_button_ = make_button(this, "backButton", QStyle::SP_ArrowBack);
    back_button_->setEnabled(false);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("graphSearch"));
    search_->setClearButtonEnabled(true);
    search_->setMinimumWidth(180);
    search_label_ = new QLabel(this);
    search_label_->setObjectName(QStringLiteral("searchResult"));
    previous_button_ = make_button(this, "previousHitButton", QStyle::SP_ArrowUp);
    next_button_ = make_button(this, "nextHitButton", QStyle::SP_ArrowDown);
    zoom_in_button_ = make_button(this, "zoomInButton");
    zoom_in_button_->setText(QStringLiteral("+"));
    zoom_out_button_ = make_button(this, "zoomOutButton");
    zoom_out_button_->setText(QStringLiteral("\u2212"));
    fit_button_ = make_button(this, "fitButton");
    minimap_button_ = make_button(this, "minimapButton");
    minimap_button_->setCheckable(true);
    minimap_button_->setChecked(true);
    legend_button_ = make_button(this, "legendButton");
    legend_button_->setCheckable(true);
    legend_button_->setChecked(true);
    export_button_ = make_button(this, "exportButton", QStyle::SP_DialogSaveButton);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(subgraph_label_);
    bar->addWidget(subgraph_box_);
    bar->addWidget(back_button_);
    bar->addSpacing(12);
    bar->addWidget(search_, 1);
    bar->addWidget(previous_button_);
    bar->addWidget(next_button_);
    bar->addWidget(search_label_);
    bar->addSpacing(12);
    bar->addWidget(zoom_out_button_);
    bar->addWidget(zoom_in_button_);
    bar->addWidget(fit_button_);
    bar->addWidget(minimap_button_);
    bar->addWidget(legend_button_);
    bar->addWidget(export_button_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    connect(subgraph_box_, &QComboBox::activated, this, &GraphPanel::show_subgraph);
    connect(back_button_, &QToolButton::clicked, this, &GraphPanel::go_back);
    connect(search_, &QLineEdit::textChanged, this, &GraphPanel::run_search);
    connect(search_, &QLineEdit::returnPressed, this, &GraphPanel::find_next);
    connect(next_button_, &QToolButton::clicked, this, &GraphPanel::find_next);
    connect(previous_button_, &QToolButton::clicked, this, &GraphPanel::find_previous);
    connect(zoom_in_button_, &QToolButton::clicked, view_, &GraphView::zoom_in);
    connect(zoom_out_button_, &QToolButton::clicked, view_, &GraphView::zoom_out);
    connect(fit_button_, &QToolButton::clicked, view_, &GraphView::fit);
    connect(minimap_button_, &QToolButton::toggled, view_, &GraphView::set_minimap_visible);
    connect(legend_button_, &QToolButton::toggled, view_, &GraphView::set_legend_visible);
    connect(export_button_, &QToolButton::clicked, this, &GraphPanel::export_picture);
    connect(view_, &GraphView::search_position_changed, this, &GraphPanel::update_search_label);
    connect(view_, &GraphView::subgraph_requested, this, &GraphPanel::show_subgraph);
    connect(view_, &GraphView::operator_selected, this, [this](int op) { emit operator_selected(current_, op); });
    connect(view_, &GraphView::tensor_selected, this, [this](int tensor) { emit tensor_selected(current_, tensor); });
    connect(view_, &GraphView::selection_cleared, this, &GraphPanel::selection_cleared);
    retranslate();
}

void GraphPanel::set_scenes(std::vector<std::shared_ptr<const GraphScene>> scenes) {
    scenes_ = std::move(scenes);
    history_.clear();
    back_button_->setEnabled(false);
    current_ = -1;
    fill_subgraph_box();
    if (!scenes_.empty()) show_subgraph(0);
}

void GraphPanel::fill_subgraph_box() {
    subgraph_box_->clear();
    for (size_t i = 0; i < scenes_.size(); ++i) {
        const auto& subgraphs = scenes_[i]->model().subgraphs;
        const std::string& name = subgraphs[static_cast<size_t>(scenes_[i]->subgraph())].name;
        const QString label =
            name.empty() ? tr("Subgraph #%1").arg(i) : tr("Subgraph #%1: %2").arg(i).arg(QString::fromStdString(name));
        subgraph_box_->addItem(
            tr("%1 (%n ops)", nullptr, static_cast<int>(scenes_[i]->graph().operator_count)).arg(label));
    }
    subgraph_box_->setEnabled(scenes_.size() > 1);
}

void GraphPanel::show_subgraph(int subgraph) {
    if (subgraph < 0 || static_cast<size_t>(subgraph) >= scenes_.size() || subgraph == current_) return;
    if (current_ >= 0) history_.push_back(current_);
    back_button_->setEnabled(!history_.empty());
    current_ = subgraph;
    subgraph_box_->setCurrentIndex(subgraph);
    view_->set_scene(scenes_[static_cast<size_t>(subgraph)]);
    if (!search_->text().isEmpty()) run_search();
}

void GraphPanel::go_back() {
    if (history_.empty()) return;
    const int previous = history_.back();
    history_.pop_back();
    current_ = -1;  // so show_subgraph does not push the one we leave
    show_subgraph(previous);
    back_button_->setEnabled(!history_.empty());
}

bool GraphPanel::select_operator(int subgraph, int op) {
    if (subgraph != current_) {
        if (subgraph < 0 || static_cast<size_t>(subgraph) >= scenes_.size()) return false;
        show_subgraph(subgraph);
    }
    return view_->select_operator(op);
}

bool GraphPanel::select_tensor(int subgraph, int tensor) {
    if (subgraph != current_) {
        if (subgraph < 0 || static_cast<size_t>(subgraph) >= scenes_.size()) return false;
        show_subgraph(subgraph);
    }
    return view_->select_tensor(tensor);
}

void GraphPanel::focus_search() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void GraphPanel::run_search() {
    view_->set_search(search_->text());
}

void GraphPanel::find_next() {
    view_->next_hit();
}

void GraphPanel::find_previous() {
    view_->previous_hit();
}

void GraphPanel::update_search_label(int current, int count) {
    search_current_ = current;
    search_count_ = count;
    if (search_->text().trimmed().isEmpty())
        search_label_->clear();
    else if (count == 0)
        search_label_->setText(tr("no match"));
    else
        search_label_->setText(tr("%1 of %2").arg(current).arg(count));
}

void GraphPanel::export_picture() {
    if (current_ < 0) return;
    QString selected_filter;
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), QString(), png + QStringLiteral(";;") + svg,
                                                &selected_filter);
    if (path.isEmpty()) return;
    const bool as_svg = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ||
                        (selected_filter == svg && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive));
    if (as_svg && !path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) path += QStringLiteral(".svg");
    if (!as_svg && !path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) path += QStringLiteral(".png");
    QString error;
    if (!(as_svg ? view_->export_svg(path, &error) : view_->export_png(path, &error)))
        emit failed(tr("Cannot Export Graph"), error);
}

void GraphPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void GraphPanel::retranslate() {
    subgraph_label_->setText(tr("&Subgraph:"));
    back_button_->setToolTip(tr("Back to the previous subgraph"));
    search_->setPlaceholderText(tr("Find op, tensor, Op#3, T#12 (Ctrl+F)"));
    previous_button_->setToolTip(tr("Previous match (Shift+F3)"));
    next_button_->setToolTip(tr("Next match (F3, Enter)"));
    zoom_in_button_->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    zoom_out_button_->setToolTip(tr("Zoom out (−)"));
    fit_button_->setText(tr("Fit"));
    fit_button_->setToolTip(tr("Fit the graph in the view (Ctrl+0)"));
    minimap_button_->setText(tr("Map"));
    minimap_button_->setToolTip(tr("Show the overview map"));
    legend_button_->setText(tr("Legend"));
    legend_button_->setToolTip(tr("Show what the colours and line styles mean"));
    export_button_->setToolTip(tr("Export the graph as PNG or SVG"));
    if (!scenes_.empty()) {
        const int index = subgraph_box_->currentIndex();
        fill_subgraph_box();
        subgraph_box_->setCurrentIndex(index);
    }
    update_search_label(search_current_, search_count_);
}

}  // namespace litelab::viewers
