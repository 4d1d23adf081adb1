#pragma once
// Switches the console between English and French at run time: installs our translations and
// Qt's own, remembers the choice in QSettings. Widgets retranslate on QEvent::LanguageChange.

#include <QObject>
#include <QString>
#include <QTranslator>

namespace swarmergy::app {

class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    static QStringList available();            // language codes: "en", "fr"
    static QString displayName(const QString& code);
    QString current() const { return current_; }
    // Installs the language; returns false (and keeps the current one) when it has no translation.
    bool apply(const QString& code);
    // The saved choice, else the system locale's language when we have it, else English.
    static QString preferred();

Q_SIGNALS:
    void languageChanged(const QString& code);

private:
    QTranslator ours_;
    QTranslator qtBase_;
    QString current_ = QStringLiteral("en");
};

}  // namespace swarmergy::app
