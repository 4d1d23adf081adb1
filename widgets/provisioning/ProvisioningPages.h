#pragma once
// The four pages of ProvisioningWizard. Widgets carry object names so tests can drive them.

#include "widgets/provisioning/ProvisioningWizard.h"

#include <QWizardPage>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QCheckBox;

namespace swarmergy::widgets {

class HubPortPage : public QWizardPage {
    Q_OBJECT
public:
    explicit HubPortPage(ProvisioningWizard* wizard);
    bool isComplete() const override;
    void initializePage() override;
    void refreshPorts();

private:
    void connectSelected();
    void showIdentity(const app::HubIdentityInfo& id);

    ProvisioningWizard* wizard_;
    QListWidget* ports_;
    QPushButton* refresh_;
    QPushButton* connect_;
    QLabel* status_;
    QLabel* identity_;
};

class FirmwarePage : public QWizardPage {
    Q_OBJECT
public:
    explicit FirmwarePage(ProvisioningWizard* wizard);
    bool isComplete() const override;
    void initializePage() override;
    void cancelFlash();
    bool flashing() const { return flashing_; }

private:
    void startFlash();
    void onPhase(app::FlashPhase phase);
    void onProgress(const app::FlashProgressInfo& progress);
    void onFinished(app::FlashPhase phase, const std::string& message);
    void verify(const std::string& expectedVersion);
    void setFlashing(bool on);

    ProvisioningWizard* wizard_;
    QComboBox* images_;
    QCheckBox* skip_;
    QPushButton* flash_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* phase_;
    QLabel* speed_;
    QLabel* timeLeft_;
    QLabel* status_;
    bool flashing_ = false;
    int lastPercent_ = 0;
};

class ProvisionPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ProvisionPage(ProvisioningWizard* wizard);
    bool isComplete() const override;
    void initializePage() override;

private:
    void fillAlveoles();
    void provision();

    ProvisioningWizard* wizard_;
    QComboBox* ruche_;
    QComboBox* alveole_;
    QPushButton* provision_;
    QLabel* status_;
};

class RegisterPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RegisterPage(ProvisioningWizard* wizard);
    bool isComplete() const override;
    void initializePage() override;

private:
    void registerHub();

    ProvisioningWizard* wizard_;
    QLabel* summary_;
    QPushButton* register_;
    QLabel* status_;
};

}  // namespace swarmergy::widgets
