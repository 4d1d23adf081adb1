#include "app/SettingsDialog.h"

#include "app/LanguageSwitcher.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace swarmergy::app {

DemoSize DemoSize::load() {
    QSettings s;
    DemoSize size;
    size.alveoles = s.value(QStringLiteral("demo/alveoles"), size.alveoles).toInt();
    size.ruches = s.value(QStringLiteral("demo/ruches"), size.ruches).toInt();
    size.seed = s.value(QStringLiteral("demo/seed"), size.seed).toInt();
    return size;
}

void DemoSize::save() const {
    QSettings s;
    s.setValue(QStringLiteral("demo/alveoles"), alveoles);
    s.setValue(QStringLiteral("demo/ruches"), ruches);
    s.setValue(QStringLiteral("demo/seed"), seed);
}

SettingsDialog::SettingsDialog(LanguageSwitcher* languages, QWidget* parent)
    : QDialog(parent), languages_(languages) {
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    auto* general = new QGroupBox(tr("Interface"), this);
    auto* generalForm = new QFormLayout(general);
    language_ = new QComboBox(general);
    language_->setObjectName(QStringLiteral("language"));
    for (const QString& code : LanguageSwitcher::available())
        language_->addItem(LanguageSwitcher::displayName(code), code);
    if (languages_)
        language_->setCurrentIndex(language_->findData(languages_->current()));
    language_->setToolTip(tr("Language of the console; applied at once"));
    generalForm->addRow(tr("&Language:"), language_);
    layout->addWidget(general);

    const DemoSize size = DemoSize::load();
    auto* demo = new QGroupBox(tr("Offline demo (applied at the next start)"), this);
    auto* demoForm = new QFormLayout(demo);
    alveoles_ = new QSpinBox(demo);
    alveoles_->setRange(1, 50000);
    alveoles_->setSingleStep(100);
    alveoles_->setGroupSeparatorShown(true);
    alveoles_->setValue(size.alveoles);
    alveoles_->setToolTip(tr("Number of simulated households (1 to 50,000)"));
    ruches_ = new QSpinBox(demo);
    ruches_->setRange(1, 500);
    ruches_->setValue(size.ruches);
    ruches_->setToolTip(tr("Number of neighbourhood microgrids the households are spread over"));
    seed_ = new QSpinBox(demo);
    seed_->setRange(0, 1'000'000);
    seed_->setValue(size.seed);
    seed_->setToolTip(tr("The same seed always gives the same simulation"));
    demoForm->addRow(tr("&Alvéoles:"), alveoles_);
    demoForm->addRow(tr("&Ruches:"), ruches_);
    demoForm->addRow(tr("S&eed:"), seed_);
    layout->addWidget(demo);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    if (languages_)
        languages_->apply(language_->currentData().toString());
    DemoSize size;
    size.alveoles = alveoles_->value();
    size.ruches = std::min(ruches_->value(), size.alveoles);
    size.seed = seed_->value();
    size.save();
    QDialog::accept();
}

}  // namespace swarmergy::app
