#pragma once
// Settings: interface language (applied at once) and the size of the offline demo
// (applied at the next start, since the fleet is generated once).

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace swarmergy::app {

class LanguageSwitcher;

struct DemoSize {
    int alveoles = 400;
    int ruches = 4;
    int seed = 1;
    static DemoSize load();
    void save() const;
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(LanguageSwitcher* languages, QWidget* parent = nullptr);

    QComboBox* languageChoice() const { return language_; }
    void accept() override;

private:
    LanguageSwitcher* languages_;
    QComboBox* language_ = nullptr;
    QSpinBox* alveoles_ = nullptr;
    QSpinBox* ruches_ = nullptr;
    QSpinBox* seed_ = nullptr;
};

}  // namespace swarmergy::app
