// DumpPanel: the Analyzer dump with a find bar (text, next, previous). The dump view inside
// carries the links to the graph.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace litelab::viewers {

class DumpView;

class DumpPanel : public QWidget {
    Q_OBJECT

public:
    explicit DumpPanel(QWidget* parent = nullptr);

    DumpView* view() const { return view_; }
    QLineEdit* find_field() const { return find_; }
    void focus_find();
    bool find_next();
    bool find_previous();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void show_result(bool found);

    DumpView* view_ = nullptr;
    QLineEdit* find_ = nullptr;
    QToolButton* previous_ = nullptr;
    QToolButton* next_ = nullptr;
    QLabel* status_ = nullptr;
    bool not_found_ = false;
};

}  // namespace litelab::viewers
