#include "app/LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace swarmergy::app {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

QStringList LanguageSwitcher::available() { return {QStringLiteral("en"), QStringLiteral("fr")}; }

QString LanguageSwitcher::displayName(const QString& code) {
    // Shown in each language's own name, so a user who cannot read the current one finds theirs.
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

QString LanguageSwitcher::preferred() {
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    if (available().contains(saved))
        return saved;
    const QString system = QLocale::system().name().left(2);
    return available().contains(system) ? system : QStringLiteral("en");
}

bool LanguageSwitcher::apply(const QString& code) {
    if (!available().contains(code))
        return false;
    QCoreApplication::removeTranslator(&ours_);
    QCoreApplication::removeTranslator(&qtBase_);
    // English has its own file too: it carries the plural forms ("1 alvéole", "2 alvéoles").
    if (!ours_.load(QStringLiteral(":/i18n/swarmergy_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(&ours_);
    if (code != QLatin1String("en") &&
        qtBase_.load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtBase_);
    current_ = code;
    QLocale::setDefault(QLocale(code == QLatin1String("fr") ? QLocale::French : QLocale::English));
    QSettings().setValue(QStringLiteral("ui/language"), code);
    Q_EMIT languageChanged(code);
    return true;
}

}  // namespace swarmergy::app
