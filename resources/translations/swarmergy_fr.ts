<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/s</translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <source>%1: cannot read the technician key (%2)</source>
        <translation>%1&#xa0;: impossible de lire la clé de technicien (%2)</translation>
    </message>
    <message>
        <source>%1: expected 64 hex digits (a 32-byte key), found %2 characters</source>
        <translation>%1&#xa0;: 64 chiffres hexadécimaux attendus (une clé de 32 octets), %2 caractères trouvés</translation>
    </message>
    <message>
        <source>the hub refused INFO: %1</source>
        <translation>le hub a refusé INFO&#xa0;: %1</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prévisions</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Swarmergy operations console for a cooperative energy network.</source>
        <translation>Console d’exploitation Swarmergy pour un réseau énergétique coopératif.</translation>
    </message>
    <message>
        <source>Offline demo mode (simulated essaim).</source>
        <translation>Mode démo hors ligne (essaim simulé).</translation>
    </message>
    <message>
        <source>Run this many simulated hours as fast as possible, print a summary and quit.</source>
        <translation>Simuler ce nombre d’heures au plus vite, afficher un résumé et quitter.</translation>
    </message>
    <message>
        <source>With --hours: save a PNG of the main window.</source>
        <translation>Avec --hours&#xa0;: enregistrer une image PNG de la fenêtre principale.</translation>
    </message>
    <message>
        <source>Number of simulated alvéoles.</source>
        <translation>Nombre d’alvéoles simulées.</translation>
    </message>
    <message>
        <source>Number of simulated ruches.</source>
        <translation>Nombre de ruches simulées.</translation>
    </message>
    <message>
        <source>Seed of the simulation.</source>
        <translation>Graine de la simulation.</translation>
    </message>
    <message>
        <source>Data directory (telemetry).</source>
        <translation>Dossier des données (télémesure).</translation>
    </message>
    <message>
        <source>Interface language: en or fr.</source>
        <translation>Langue de l’interface&#xa0;: en ou fr.</translation>
    </message>
    <message>
        <source>Page shown at start: essaim, ruche, plan, charts, fleet, market or ledger.</source>
        <translation>Page affichée au démarrage : essaim, ruche, plan, charts, fleet, market ou ledger.</translation>
    </message>
    <message>
        <source>Port of the demo ledger&apos;s JSON-RPC on 127.0.0.1 (0: any free port, -1: none).</source>
        <translation>Port du JSON-RPC du registre de démo sur 127.0.0.1 (0 : un port libre, -1 : aucun).</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::LearningService</name>
    <message>
        <source>Demo history failed: %1</source>
        <translation>L’historique de démonstration a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Training cancelled: previous models kept.</source>
        <translation>Apprentissage annulé&#xa0;: modèles précédents conservés.</translation>
    </message>
    <message>
        <source>Models trained.</source>
        <translation>Modèles entraînés.</translation>
    </message>
    <message>
        <source>Models trained and saved.</source>
        <translation>Modèles entraînés et enregistrés.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>L’apprentissage a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Forecast failed: %1</source>
        <translation>La prévision a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Models loaded.</source>
        <translation>Modèles chargés.</translation>
    </message>
    <message>
        <source>Some models unusable: baseline in use.</source>
        <translation>Certains modèles sont inutilisables&#xa0;: prévision de référence utilisée.</translation>
    </message>
    <message>
        <source>Anomaly detection failed: %1</source>
        <translation>La détection d’anomalies a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>No alarm %1.</source>
        <translation>Pas d’alarme %1.</translation>
    </message>
    <message>
        <source>Alarm journal error: %1</source>
        <translation>Erreur du journal d’alarmes&#xa0;: %1</translation>
    </message>
    <message>
        <source>SwarmBrain stopped learning from the simulation: %1</source>
        <translation>SwarmBrain a cessé d’apprendre de la simulation : %1</translation>
    </message>
    <message>
        <source>SwarmBrain warm-up failed: %1</source>
        <translation>Échec de la mise en route de SwarmBrain : %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::MainWindow</name>
    <message>
        <source>Simulation error: %1</source>
        <translation>Erreur de simulation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Swarmergy — operations console</source>
        <translation>Swarmergy — console d’exploitation</translation>
    </message>
    <message>
        <source>Essaim</source>
        <translation>Essaim</translation>
    </message>
    <message>
        <source>The region: ruches, the lines between them, the national grid and the SeasonStore</source>
        <translation>La région&#xa0;: les ruches, les lignes qui les relient, le réseau national et le SeasonStore</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>One neighbourhood microgrid: its live flows and today&apos;s key figures</source>
        <translation>Un micro-réseau de quartier&#xa0;: ses flux en direct et les indicateurs du jour</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>History of load, PV, exchange, state of charge and price</source>
        <translation>Historique de la consommation, du PV, des échanges, de l’état de charge et du prix</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Every alvéole, sortable and filterable</source>
        <translation>Toutes les alvéoles, à trier et à filtrer</translation>
    </message>
    <message>
        <source>&amp;Ruche:</source>
        <translation>&amp;Ruche&#xa0;:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation>Mettre la simulation en pause (Espace)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Avancer</translation>
    </message>
    <message>
        <source>Advance one 15-minute step (N)</source>
        <translation>Avancer d’un pas de 15 minutes (N)</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>Real time: one simulated second per second (Ctrl+1)</source>
        <translation>Temps réel&#xa0;: une seconde simulée par seconde (Ctrl+1)</translation>
    </message>
    <message>
        <source>60×</source>
        <translation>60×</translation>
    </message>
    <message>
        <source>One simulated minute per second (Ctrl+2)</source>
        <translation>Une minute simulée par seconde (Ctrl+2)</translation>
    </message>
    <message>
        <source>3600×</source>
        <translation>3600×</translation>
    </message>
    <message>
        <source>One simulated hour per second (Ctrl+3)</source>
        <translation>Une heure simulée par seconde (Ctrl+3)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>As fast as the machine allows (Ctrl+4)</source>
        <translation>Aussi vite que la machine le permet (Ctrl+4)</translation>
    </message>
    <message>
        <source>Disconnect grid</source>
        <translation>Déconnecter le réseau</translation>
    </message>
    <message>
        <source>Islanding drill: cut the national grid link of every ruche (Ctrl+I)</source>
        <translation>Exercice d’îlotage&#xa0;: couper la liaison au réseau national de chaque ruche (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About Swarmergy</source>
        <translation>À &amp;propos de Swarmergy</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Time controls</source>
        <translation>Commandes du temps</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Speed 1×</source>
        <translation>Vitesse 1×</translation>
    </message>
    <message>
        <source>Speed 60×</source>
        <translation>Vitesse 60×</translation>
    </message>
    <message>
        <source>Speed 3600×</source>
        <translation>Vitesse 3600×</translation>
    </message>
    <message>
        <source>Speed max</source>
        <translation>Vitesse max</translation>
    </message>
    <message>
        <source>Sim time %1 UTC</source>
        <translation>Heure simulée %1 UTC</translation>
    </message>
    <message>
        <source>Grid connected</source>
        <translation>Réseau connecté</translation>
    </message>
    <message>
        <source>ISLANDED</source>
        <translation>EN ÎLOTAGE</translation>
    </message>
    <message>
        <source>Disconnect the national grid?</source>
        <translation>Déconnecter le réseau national&#xa0;?</translation>
    </message>
    <message>
        <source>Every ruche loses its grid link. The essaim will run islanded on its own production and stores, shedding low-priority loads if needed.</source>
        <translation>Chaque ruche perd sa liaison au réseau. L’essaim fonctionnera en îlotage sur sa propre production et ses stockages, en délestant au besoin les charges les moins prioritaires.</translation>
    </message>
    <message>
        <source>Reconnect grid</source>
        <translation>Reconnecter le réseau</translation>
    </message>
    <message>
        <source>About Swarmergy</source>
        <translation>À propos de Swarmergy</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swarmergy %1&lt;/b&gt;&lt;p&gt;Operations console of a cooperative energy network: alvéoles, ruches and the essaim, simulated, optimised and accounted.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Swarmergy %1&lt;/b&gt;&lt;p&gt;Console d’exploitation d’un réseau énergétique coopératif&#xa0;: alvéoles, ruches et essaim, simulés, optimisés et comptabilisés.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>SwarmBrain&apos;s dispatch plan against what happened, its savings and recommendations</source>
        <translation>Le plan de répartition de SwarmBrain face à la réalité, ses économies et ses recommandations</translation>
    </message>
    <message>
        <source>H&amp;ubs</source>
        <translation>&amp;Hubs</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>SwarmLedger: blocks, transactions, NRG balances, authorities</source>
        <translation>SwarmLedger&#xa0;: blocs, transactions, soldes NRG, autorités</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marché</translation>
    </message>
    <message>
        <source>Local prices, trades between neighbours, fair sharing of the savings, and their record on the ledger</source>
        <translation>Prix locaux, échanges entre voisins, partage équitable des économies et leur inscription dans le registre</translation>
    </message>
    <message>
        <source>Open JSON-RPC API: %1</source>
        <translation>API JSON-RPC ouverte : %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::ProvisioningWiring</name>
    <message>
        <source>&amp;Install a hub…</source>
        <translation>&amp;Installer un hub…</translation>
    </message>
    <message>
        <source>Flash, provision and register a Smart Hub over its serial cable</source>
        <translation>Flasher, mettre en service et inscrire au registre un Smart Hub par son câble série</translation>
    </message>
    <message>
        <source>demo hub %1</source>
        <translation>hub de démo %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Language of the console; applied at once</source>
        <translation>Langue de la console&#xa0;; appliquée immédiatement</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Offline demo (applied at the next start)</source>
        <translation>Démo hors ligne (prise en compte au prochain démarrage)</translation>
    </message>
    <message>
        <source>Number of simulated households (1 to 50,000)</source>
        <translation>Nombre de foyers simulés (1 à 50&#xa0;000)</translation>
    </message>
    <message>
        <source>Number of neighbourhood microgrids the households are spread over</source>
        <translation>Nombre de micro-réseaux de quartier entre lesquels les foyers sont répartis</translation>
    </message>
    <message>
        <source>The same seed always gives the same simulation</source>
        <translation>Une même graine donne toujours la même simulation</translation>
    </message>
    <message>
        <source>&amp;Alvéoles:</source>
        <translation>&amp;Alvéoles&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Ruches:</source>
        <translation>&amp;Ruches&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::SimulationWorker</name>
    <message>
        <source>telemetry is no longer recorded: %1</source>
        <translation>la télémesure n’est plus enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>planning failed, the local rules keep running: %1</source>
        <translation>la planification a échoué, les règles locales continuent&#xa0;: %1</translation>
    </message>
    <message>
        <source>seasonal plan failed, hydrogen keeps a fixed value: %1</source>
        <translation>le plan saisonnier a échoué, l’hydrogène garde une valeur fixe&#xa0;: %1</translation>
    </message>
    <message>
        <source>the local market is no longer settled: %1</source>
        <translation>le marché local n’est plus réglé : %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 bytes, shorter than an image header (128 bytes)</source>
        <translation>%1 octets, moins qu’un en-tête d’image (128 octets)</translation>
    </message>
    <message>
        <source>not a Swarmergy image (magic 0x%1, expected 0x57465753 &apos;SWFW&apos;)</source>
        <translation>pas une image Swarmergy (nombre magique 0x%1, 0x57465753 «&#xa0;SWFW&#xa0;» attendu)</translation>
    </message>
    <message>
        <source>header size %1, expected 128</source>
        <translation>taille d’en-tête %1, 128 attendu</translation>
    </message>
    <message>
        <source>payload size %1 bytes outside 1..262144</source>
        <translation>taille utile de %1 octets hors de 1..262144</translation>
    </message>
    <message>
        <source>truncated or padded: %1 bytes, the header announces %2</source>
        <translation>tronquée ou complétée&#xa0;: %1 octets, l’en-tête en annonce %2</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1&#xa0;: lecture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: %2 bytes, larger than any image (256 KiB + header)</source>
        <translation>%1&#xa0;: %2 octets, plus que toute image (256 KiB + en-tête)</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::FlashSession</name>
    <message>
        <source>state timeout</source>
        <translation>délai de l’étape dépassé</translation>
    </message>
    <message>
        <source>Unplugged at %1 %: the hub did not come back in time. Reconnect it and flash again to resume from %1 %.</source>
        <translation>Débranché à %1&#xa0;%&#xa0;: le hub n’est pas revenu à temps. Le reconnecter et flasher à nouveau pour reprendre à %1&#xa0;%.</translation>
    </message>
    <message>
        <source>Cannot open %1: check the cable and that the hub is powered.</source>
        <translation>Impossible d’ouvrir %1&#xa0;: vérifier le câble et que le hub est alimenté.</translation>
    </message>
    <message>
        <source>The hub does not answer: check the cable, the port and that the hub is powered.</source>
        <translation>Le hub ne répond pas&#xa0;: vérifier le câble, le port et que le hub est alimenté.</translation>
    </message>
    <message>
        <source>The hub did not start the update (no reply to FLASH_BEGIN).</source>
        <translation>Le hub n’a pas lancé la mise à jour (pas de réponse à FLASH_BEGIN).</translation>
    </message>
    <message>
        <source>transfer stalled</source>
        <translation>transfert bloqué</translation>
    </message>
    <message>
        <source>the transfer stalled at %1 %</source>
        <translation>le transfert s’est bloqué à %1&#xa0;%</translation>
    </message>
    <message>
        <source>The hub did not report the verification result.</source>
        <translation>Le hub n’a pas communiqué le résultat de la vérification.</translation>
    </message>
    <message>
        <source>The new image did not answer after the reboot: the hub will roll back to its previous image. Check the image and flash again.</source>
        <translation>La nouvelle image n’a pas répondu après le redémarrage&#xa0;: le hub reviendra à son image précédente. Vérifier l’image et flasher à nouveau.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Cancelled at %1 %: flash the same image again to resume.</source>
        <translation>Annulé à %1&#xa0;%&#xa0;: flasher à nouveau la même image pour reprendre.</translation>
    </message>
    <message>
        <source>The link dropped %1 times: check the cable, then flash again to resume.</source>
        <translation>La liaison a été coupée %1 fois&#xa0;: vérifier le câble, puis flasher à nouveau pour reprendre.</translation>
    </message>
    <message>
        <source>After the reboot the hub runs %1, not %2: the new image did not start and the bootloader kept the previous one.</source>
        <translation>Après le redémarrage, le hub exécute %1 et non %2&#xa0;: la nouvelle image n’a pas démarré et le chargeur d’amorçage a conservé la précédente.</translation>
    </message>
    <message>
        <source>The hub refused to confirm the new image: %1.</source>
        <translation>Le hub a refusé de confirmer la nouvelle image&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Flashed %1 in %2 s; the hub runs it and confirmed it.</source>
        <translation>Image %1 flashée en %2 s&#xa0;; le hub l’exécute et l’a confirmée.</translation>
    </message>
    <message>
        <source>Cannot talk to this hub: %1.</source>
        <translation>Impossible de dialoguer avec ce hub&#xa0;: %1.</translation>
    </message>
    <message>
        <source>This hub (%1) cannot be flashed over the link.</source>
        <translation>Ce hub (%1) ne peut pas être flashé par la liaison.</translation>
    </message>
    <message>
        <source>The hub refused to start the update: %1.</source>
        <translation>Le hub a refusé de lancer la mise à jour&#xa0;: %1.</translation>
    </message>
    <message>
        <source>no acknowledgement from the hub</source>
        <translation>pas d’acquittement du hub</translation>
    </message>
    <message>
        <source>The hub answered a chunk unexpectedly: %1.</source>
        <translation>Réponse inattendue du hub à un segment&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The hub refused a chunk: %1.</source>
        <translation>Le hub a refusé un segment&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the hub lost the update session</source>
        <translation>le hub a perdu la session de mise à jour</translation>
    </message>
    <message>
        <source>The hub refused the image: %1. The running image stays.</source>
        <translation>Le hub a refusé l’image&#xa0;: %1. L’image en service est conservée.</translation>
    </message>
    <message>
        <source>Image %1 transferred and verified; reboot the hub to test it.</source>
        <translation>Image %1 transférée et vérifiée&#xa0;; redémarrer le hub pour la tester.</translation>
    </message>
    <message>
        <source>The hub refused to reboot into the new image: %1.</source>
        <translation>Le hub a refusé de redémarrer sur la nouvelle image&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the hub runs a test image that is not confirmed yet; reboot it (it rolls back) or finish the previous update first</source>
        <translation>le hub exécute une image de test pas encore confirmée&#xa0;; le redémarrer (il revient à l’image précédente) ou terminer d’abord la mise à jour précédente</translation>
    </message>
    <message>
        <source>the image is larger than a slot</source>
        <translation>l’image dépasse la taille d’un emplacement</translation>
    </message>
    <message>
        <source>the received bytes do not match the image&apos;s SHA-256 (corrupted in transfer)</source>
        <translation>les octets reçus ne correspondent pas au SHA-256 de l’image (corrompue pendant le transfert)</translation>
    </message>
    <message>
        <source>not a Swarmergy image</source>
        <translation>pas une image Swarmergy</translation>
    </message>
    <message>
        <source>the image header is invalid</source>
        <translation>l’en-tête de l’image est invalide</translation>
    </message>
    <message>
        <source>the image is truncated</source>
        <translation>l’image est tronquée</translation>
    </message>
    <message>
        <source>the image is corrupted (content does not match its hash)</source>
        <translation>l’image est corrompue (le contenu ne correspond pas à son empreinte)</translation>
    </message>
    <message>
        <source>the image is not signed by the cooperative&apos;s firmware key</source>
        <translation>l’image n’est pas signée par la clé de micrologiciel de la coopérative</translation>
    </message>
    <message>
        <source>the image is older than the hub&apos;s version floor (downgrade refused)</source>
        <translation>l’image est plus ancienne que la version minimale du hub (retour à une version antérieure refusé)</translation>
    </message>
    <message>
        <source>the hub&apos;s flash failed to write</source>
        <translation>échec d’écriture dans la mémoire flash du hub</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::HubLink</name>
    <message>
        <source>link closed</source>
        <translation>liaison fermée</translation>
    </message>
    <message>
        <source>cannot encode %1: %2</source>
        <translation>impossible d’encoder %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>no reply from the hub after %n attempt(s)</source>
        <translation>
            <numerusform>pas de réponse du hub après %n tentative</numerusform>
            <numerusform>pas de réponse du hub après %n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>the hub sent a malformed %1 (%2)</source>
        <translation>le hub a envoyé un %1 mal formé (%2)</translation>
    </message>
    <message>
        <source>the hub answered HELLO with %1 (%2)</source>
        <translation>le hub a répondu à HELLO par %1 (%2)</translation>
    </message>
    <message>
        <source>the hub speaks protocol version %1, this console %2</source>
        <translation>le hub parle la version %1 du protocole, cette console la %2</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::HubLinkServiceImpl</name>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>Cannot open %1 (%2): check the cable and that no other program uses the port.</source>
        <translation>Impossible d’ouvrir %1 (%2)&#xa0;: vérifier le câble et qu’aucun autre programme n’utilise le port.</translation>
    </message>
    <message>
        <source>The hub does not answer (%1): check that it is powered and that this is its port.</source>
        <translation>Le hub ne répond pas (%1)&#xa0;: vérifier qu’il est alimenté et qu’il s’agit bien de son port.</translation>
    </message>
    <message>
        <source>No hub connected: pick a port first.</source>
        <translation>Aucun hub connecté&#xa0;: choisir d’abord un port.</translation>
    </message>
    <message>
        <source>A flash is already running.</source>
        <translation>Un flashage est déjà en cours.</translation>
    </message>
    <message>
        <source>No technician credential is loaded: set your key file in the settings.</source>
        <translation>Aucun identifiant de technicien n’est chargé&#xa0;: indiquer votre fichier de clé dans les paramètres.</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::MockLink</name>
    <message>
        <source>no such device (the mock hub is unplugged)</source>
        <translation>périphérique introuvable (le hub simulé est débranché)</translation>
    </message>
    <message>
        <source>the device was removed (mock unplug)</source>
        <translation>le périphérique a été retiré (débranchement simulé)</translation>
    </message>
    <message>
        <source>write on a closed port</source>
        <translation>écriture sur un port fermé</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::ProvisioningClient</name>
    <message>
        <source>No technician credential: load your key file first.</source>
        <translation>Aucun identifiant de technicien&#xa0;: charger d’abord votre fichier de clé.</translation>
    </message>
    <message>
        <source>The LoRaWAN session keys must be 16 bytes each.</source>
        <translation>Les clés de session LoRaWAN doivent faire 16 octets chacune.</translation>
    </message>
    <message>
        <source>The hub does not answer (%1): check the cable and the port.</source>
        <translation>Le hub ne répond pas (%1)&#xa0;: vérifier le câble et le port.</translation>
    </message>
    <message>
        <source>This hub cannot be provisioned over the link (no PROVISION capability).</source>
        <translation>Ce hub ne peut pas être mis en service par la liaison (pas de capacité PROVISION).</translation>
    </message>
    <message>
        <source>The hub refused the challenge: %1.</source>
        <translation>Le hub a refusé le défi&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No challenge from the hub (%1): reconnect and try again.</source>
        <translation>Pas de défi du hub (%1)&#xa0;: reconnecter et réessayer.</translation>
    </message>
    <message>
        <source>The hub refused provisioning: %1.</source>
        <translation>Le hub a refusé la mise en service&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No answer to PROVISION (%1): reconnect and provision again.</source>
        <translation>Pas de réponse à PROVISION (%1)&#xa0;: reconnecter et relancer la mise en service.</translation>
    </message>
    <message>
        <source>The hub refused the technician credential: check your key file, then provision again.</source>
        <translation>Le hub a refusé l’identifiant de technicien&#xa0;: vérifier votre fichier de clé, puis relancer la mise en service.</translation>
    </message>
    <message>
        <source>The hub could not store its provisioning: %1.</source>
        <translation>Le hub n’a pas pu enregistrer sa mise en service&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The ledger domain is invalid (chain id %1, token address of %2 bytes): give a chain id above 0 and a 20-byte NRGcoin address.</source>
        <translation>Le domaine du registre est invalide (chain id %1, adresse du jeton de %2 octets) : donnez un chain id supérieur à 0 et une adresse NRGcoin de 20 octets.</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::PtyFakeHub</name>
    <message>
        <source>openpty failed: %1</source>
        <translation>échec d’openpty&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::SerialPortWorker</name>
    <message>
        <source>write on a closed port</source>
        <translation>écriture sur un port fermé</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::VirtualHubProcess</name>
    <message>
        <source>cannot start %1: %2</source>
        <translation>impossible de démarrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 did not print its port: %2</source>
        <translation>%1 n’a pas indiqué son port&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::AlarmView</name>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Alarm %1 acknowledged.</source>
        <translation>Alarme %1 acquittée.</translation>
    </message>
    <message>
        <source>Alarm %1 shelved until %2 UTC.</source>
        <translation>Alarme %1 mise en attente jusqu’à %2 UTC.</translation>
    </message>
    <message>
        <source>Alarm %1 back on the list.</source>
        <translation>Alarme %1 de retour dans la liste.</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Non acquittée</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Returned, unacknowledged</source>
        <translation>Retour à la normale, non acquittée</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Inhibée</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acquitter</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm (Ctrl+K)</source>
        <translation>Acquitter l’alarme sélectionnée (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Shelve</source>
        <translation>&amp;Mettre en attente</translation>
    </message>
    <message>
        <source>Hide the selected alarm until the chosen time; it comes back if its condition persists</source>
        <translation>Masquer l’alarme sélectionnée jusqu’à l’heure choisie&#xa0;; elle revient si sa condition persiste</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>&amp;Retirer de l’attente</translation>
    </message>
    <message numerus="yes">
        <source>for %n hour(s)</source>
        <translation>
            <numerusform>pour %n heure</numerusform>
            <numerusform>pour %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Raised (UTC)</source>
        <translation>Apparition (UTC)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Event journal</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>No alarm source.</source>
        <translation>Aucune source d’alarmes.</translation>
    </message>
    <message numerus="yes">
        <source>%n standing alarm(s) · %1 alarms per operator per day (manageable: up to %2) · %3 suppressed by cause</source>
        <translation>
            <numerusform>%n alarme en cours · %1 alarmes par opérateur et par jour (gérable&#xa0;: jusqu’à %2) · %3 inhibées par leur cause</numerusform>
            <numerusform>%n alarmes en cours · %1 alarmes par opérateur et par jour (gérable&#xa0;: jusqu’à %2) · %3 inhibées par leur cause</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1 h to detect</source>
        <translation>détecté en %1 h</translation>
    </message>
    <message>
        <source>Planted faults (demo ground truth): %1 of %2 detected</source>
        <translation>Défauts implantés (vérité de la démo) : %1 sur %2 détectés</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) with no planted cause</source>
        <translation>
            <numerusform>%n alarme sans défaut implanté</numerusform>
            <numerusform>%n alarmes sans défaut implanté</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::EssaimView</name>
    <message>
        <source>Islanded: the national grid is disconnected</source>
        <translation>Îlotage&#xa0;: le réseau national est déconnecté</translation>
    </message>
    <message>
        <source>This essaim has no ruche.</source>
        <translation>Cet essaim n’a aucune ruche.</translation>
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot.</source>
        <translation>Pas encore de données&#xa0;: en attente du premier instantané.</translation>
    </message>
    <message>
        <source>Essaim</source>
        <translation>Essaim</translation>
    </message>
    <message numerus="yes">
        <source>Essaim · %n ruche(s) · %1</source>
        <translation>
            <numerusform>Essaim · %n ruche · %1</numerusform>
            <numerusform>Essaim · %n ruches · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Grid import %1 · export %2</source>
        <translation>Import réseau %1 · export %2</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>import %1</translation>
    </message>
    <message>
        <source>export %1</source>
        <translation>export %1</translation>
    </message>
    <message>
        <source>no gate</source>
        <translation>sans raccordement</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>National grid</source>
        <translation>Réseau national</translation>
    </message>
    <message>
        <source>Import from grid</source>
        <translation>Import du réseau</translation>
    </message>
    <message>
        <source>Export to grid</source>
        <translation>Export vers le réseau</translation>
    </message>
    <message>
        <source>Line between ruches (thickness: flow / capacity)</source>
        <translation>Ligne entre ruches (épaisseur&#xa0;: flux / capacité)</translation>
    </message>
    <message>
        <source>SeasonStore H₂ level</source>
        <translation>Niveau H₂ du SeasonStore</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message numerus="yes">
        <source>%n alvéole(s)</source>
        <translation>
            <numerusform>%n alvéole</numerusform>
            <numerusform>%n alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>Load %1 · PV %2</source>
        <translation>Consommation %1 · PV %2</translation>
    </message>
    <message>
        <source>HiveStore %1</source>
        <translation>HiveStore %1</translation>
    </message>
    <message>
        <source>SeasonStore H₂ %1 (%2)</source>
        <translation>SeasonStore H₂ %1 (%2)</translation>
    </message>
    <message>
        <source>Shedding %1</source>
        <translation>Délestage %1</translation>
    </message>
    <message>
        <source>Click to open this ruche</source>
        <translation>Cliquer pour ouvrir cette ruche</translation>
    </message>
    <message>
        <source>National grid: connected</source>
        <translation>Réseau national&#xa0;: connecté</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FirmwarePage</name>
    <message>
        <source>Flash the firmware</source>
        <translation>Flasher le micrologiciel</translation>
    </message>
    <message>
        <source>Pick a signed image. The hub checks its signature, reboots into it and keeps it only once it runs.</source>
        <translation>Choisir une image signée. Le hub vérifie sa signature, redémarre dessus et ne la conserve qu’une fois qu’elle fonctionne.</translation>
    </message>
    <message>
        <source>Keep the firmware the hub runs now</source>
        <translation>Conserver le micrologiciel actuel du hub</translation>
    </message>
    <message>
        <source>&amp;Flash</source>
        <translation>&amp;Flasher</translation>
    </message>
    <message>
        <source>C&amp;ancel flashing</source>
        <translation>&amp;Annuler le flashage</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 KiB)%4</source>
        <translation>%1 — %2 (%3 KiB)%4</translation>
    </message>
    <message>
        <source>, running now</source>
        <translation>, en service</translation>
    </message>
    <message>
        <source>No signed image found: build the firmware or keep the running one.</source>
        <translation>Aucune image signée trouvée&#xa0;: compiler le micrologiciel ou conserver celui en service.</translation>
    </message>
    <message>
        <source>Unplugged at %1 %: reconnect to resume.</source>
        <translation>Débranché à %1&#xa0;%&#xa0;: reconnecter pour reprendre.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Talking to the hub…</source>
        <translation>Dialogue avec le hub…</translation>
    </message>
    <message>
        <source>Preparing the hub&apos;s spare slot…</source>
        <translation>Préparation de l’emplacement libre du hub…</translation>
    </message>
    <message>
        <source>Sending the image…</source>
        <translation>Envoi de l’image…</translation>
    </message>
    <message>
        <source>The hub checks hash and signature…</source>
        <translation>Le hub vérifie l’empreinte et la signature…</translation>
    </message>
    <message>
        <source>Rebooting into the new image…</source>
        <translation>Redémarrage sur la nouvelle image…</translation>
    </message>
    <message>
        <source>Waiting for the new image to answer…</source>
        <translation>Attente de la réponse de la nouvelle image…</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>%n s restante</numerusform>
            <numerusform>%n s restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Flashed.</source>
        <translation>Flashé.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Cancelled at %1 %: flash again to resume from there.</source>
        <translation>Annulé à %1&#xa0;%&#xa0;: flasher à nouveau pour reprendre à ce point.</translation>
    </message>
    <message>
        <source>Flashing failed.</source>
        <translation>Échec du flashage.</translation>
    </message>
    <message>
        <source>Verifying the hub&apos;s firmware…</source>
        <translation>Vérification du micrologiciel du hub…</translation>
    </message>
    <message>
        <source>Flashed, but the hub does not answer any more (%1): reconnect it and check its version on the first page.</source>
        <translation>Flashé, mais le hub ne répond plus (%1)&#xa0;: le reconnecter et vérifier sa version sur la première page.</translation>
    </message>
    <message>
        <source>The hub runs %1 (%2), not the confirmed %3: flash again.</source>
        <translation>Le hub exécute la version %1 (%2), et non la version confirmée %3&#xa0;: flasher à nouveau.</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>non confirmée</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmée</translation>
    </message>
    <message>
        <source>Verified: the hub runs %1, confirmed.</source>
        <translation>Vérifié&#xa0;: le hub exécute la version %1, confirmée.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetTableModel</name>
    <message>
        <source>unknown ruche %1</source>
        <translation>ruche %1 inconnue</translation>
    </message>
    <message>
        <source>no battery</source>
        <translation>sans batterie</translation>
    </message>
    <message>
        <source>%1 in %2
Load %3 (shed %4) · PV %5 · net %6 (&gt; 0 exports)
Battery %7 of %8</source>
        <translation>%1 dans %2
Consommation %3 (délesté %4) · PV %5 · net %6 (&gt; 0&#xa0;: export)
Batterie %7 sur %8</translation>
    </message>
    <message>
        <source>Alvéole</source>
        <translation>Alvéole</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Conso.</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>SoC</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stocké</translation>
    </message>
    <message>
        <source>Annual load</source>
        <translation>Conso. annuelle</translation>
    </message>
    <message>
        <source>PV peak</source>
        <translation>Crête PV</translation>
    </message>
    <message>
        <source>Import today</source>
        <translation>Import du jour</translation>
    </message>
    <message>
        <source>Export today</source>
        <translation>Export du jour</translation>
    </message>
    <message>
        <source>Average demand over the current step (kW)</source>
        <translation>Puissance moyenne appelée sur le pas en cours (kW)</translation>
    </message>
    <message>
        <source>PV power used over the current step (kW)</source>
        <translation>Puissance PV utilisée sur le pas en cours (kW)</translation>
    </message>
    <message>
        <source>Injection into the ruche bus (kW): positive exports, negative imports</source>
        <translation>Injection dans le bus de la ruche (kW)&#xa0;: positive en export, négative en import</translation>
    </message>
    <message>
        <source>State of charge of the MicroStore (%)</source>
        <translation>État de charge du MicroStore (%)</translation>
    </message>
    <message>
        <source>Energy stored in the MicroStore (kWh)</source>
        <translation>Énergie stockée dans le MicroStore (kWh)</translation>
    </message>
    <message>
        <source>Annual consumption of the household (kWh)</source>
        <translation>Consommation annuelle du foyer (kWh)</translation>
    </message>
    <message>
        <source>Installed PV peak power (kWp)</source>
        <translation>Puissance crête PV installée (kWp)</translation>
    </message>
    <message>
        <source>Energy taken from the ruche bus since midnight (kWh)</source>
        <translation>Énergie prélevée sur le bus de la ruche depuis minuit (kWh)</translation>
    </message>
    <message>
        <source>Energy given to the ruche bus since midnight (kWh)</source>
        <translation>Énergie injectée dans le bus de la ruche depuis minuit (kWh)</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetView</name>
    <message>
        <source>All ruches</source>
        <translation>Toutes les ruches</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln alvéole(s)</source>
        <translation>
            <numerusform>%1 sur %Ln alvéole</numerusform>
            <numerusform>%1 sur %Ln alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by alvéole or ruche id…</source>
        <translation>Filtrer par identifiant d’alvéole ou de ruche…</translation>
    </message>
    <message>
        <source>Shows the alvéoles whose id or ruche contains this text (case-insensitive).</source>
        <translation>Affiche les alvéoles dont l’identifiant ou la ruche contient ce texte (sans tenir compte de la casse).</translation>
    </message>
    <message>
        <source>Show one ruche only</source>
        <translation>Afficher une seule ruche</translation>
    </message>
    <message>
        <source>Double-click an alvéole to open its history.</source>
        <translation>Double-cliquer sur une alvéole pour ouvrir son historique.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::ForecastView</name>
    <message>
        <source>No forecast yet.</source>
        <translation>Pas encore de prévision.</translation>
    </message>
    <message>
        <source>MAE %1 kW (model) vs %2 kW (seasonal naive): skill %3 %, band coverage %4 %</source>
        <translation>EAM %1&#xa0;kW (modèle) contre %2&#xa0;kW (naïf saisonnier)&#xa0;: gain %3&#xa0;%, couverture de la bande %4&#xa0;%</translation>
    </message>
    <message>
        <source>Skill not evaluated yet.</source>
        <translation>Gain pas encore évalué.</translation>
    </message>
    <message>
        <source>%1 %2: baseline forecast in use (%3)</source>
        <translation>%1 %2&#xa0;: prévision de référence utilisée (%3)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>consommation</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <source>Training… %1 %</source>
        <translation>Apprentissage… %1&#xa0;%</translation>
    </message>
    <message>
        <source>No model trained yet.</source>
        <translation>Aucun modèle entraîné pour l’instant.</translation>
    </message>
    <message>
        <source>Models version %1, trained in %2 s; validation MAE load %3 kW, PV %4 kW. %5</source>
        <translation>Modèles version %1, entraînés en %2&#xa0;s&#xa0;; EAM de validation consommation %3&#xa0;kW, PV %4&#xa0;kW. %5</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Grandeur</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Conso.</translation>
    </message>
    <message>
        <source>Train now</source>
        <translation>Entraîner maintenant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>90 %</source>
        <translation>90&#xa0;%</translation>
    </message>
    <message>
        <source>10 %</source>
        <translation>10&#xa0;%</translation>
    </message>
    <message>
        <source>10-90 % band</source>
        <translation>Bande 10-90&#xa0;%</translation>
    </message>
    <message>
        <source>Forecast (median)</source>
        <translation>Prévision (médiane)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesuré</translation>
    </message>
    <message>
        <source>Hours from origin</source>
        <translation>Heures depuis l’origine</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>Puissance (kW)</translation>
    </message>
    <message>
        <source>Forecast vs measured</source>
        <translation>Prévision et mesure</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::HubPortPage</name>
    <message>
        <source>Connect the hub</source>
        <translation>Connecter le hub</translation>
    </message>
    <message>
        <source>Plug the serial cable into the hub, pick its port and connect.</source>
        <translation>Brancher le câble série sur le hub, choisir son port et se connecter.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>%1 — virtual hub (%2)</source>
        <translation>%1 — hub virtuel (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) found.</source>
        <translation>
            <numerusform>%n port trouvé.</numerusform>
            <numerusform>%n ports trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>No serial port found: plug the cable in, then Refresh.</source>
        <translation>Aucun port série trouvé&#xa0;: brancher le câble, puis Actualiser.</translation>
    </message>
    <message>
        <source>Pick a port first.</source>
        <translation>Choisir d’abord un port.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>slot %1, test boot not confirmed</source>
        <translation>emplacement %1, démarrage de test non confirmé</translation>
    </message>
    <message>
        <source>slot %1, confirmed</source>
        <translation>emplacement %1, confirmé</translation>
    </message>
    <message>
        <source>yes — ruche %1, alvéole %2, address %3</source>
        <translation>oui — ruche %1, alvéole %2, adresse %3</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Model: %1
Serial: %2
Firmware: %3 (%4)
Bootloader: %5, version floor %6
Provisioned: %7</source>
        <translation>Modèle&#xa0;: %1
N° de série&#xa0;: %2
Micrologiciel&#xa0;: %3 (%4)
Chargeur d’amorçage&#xa0;: %5, version minimale %6
Mis en service&#xa0;: %7</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::LedgerAccountsModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Transactions sent</source>
        <translation>Transactions envoyées</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::LedgerExplorerView</name>
    <message>
        <source>in turn</source>
        <translation>à son tour</translation>
    </message>
    <message>
        <source>out of turn</source>
        <translation>hors tour</translation>
    </message>
    <message>
        <source>reverted: </source>
        <translation>annulée&#xa0;: </translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>HORS LIGNE</translation>
    </message>
    <message>
        <source>#%1 at %2</source>
        <translation>#%1 à %2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>add</source>
        <translation>ajout</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>retrait</translation>
    </message>
    <message>
        <source>%1 of %2 needed</source>
        <translation>%1 sur %2 requis</translation>
    </message>
    <message>
        <source>NRG balance of %1 over time</source>
        <translation>Évolution du solde NRG de %1</translation>
    </message>
    <message>
        <source>Type an authority address: 0x followed by 40 hexadecimal digits.</source>
        <translation>Saisir une adresse d’autorité&#xa0;: 0x suivi de 40 chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>Propose a new authority?</source>
        <translation>Proposer une nouvelle autorité&#xa0;?</translation>
    </message>
    <message>
        <source>Propose to remove an authority?</source>
        <translation>Proposer le retrait d’une autorité&#xa0;?</translation>
    </message>
    <message>
        <source>This console&apos;s authority will vote to let %1 seal blocks. It becomes an authority when a majority of the current authorities has voted.</source>
        <translation>L’autorité de cette console votera pour autoriser %1 à sceller des blocs. L’adresse devient une autorité dès qu’une majorité des autorités actuelles a voté.</translation>
    </message>
    <message>
        <source>This console&apos;s authority will vote to stop %1 from sealing blocks. It is removed when a majority of the current authorities has voted.</source>
        <translation>L’autorité de cette console votera pour retirer à %1 le droit de sceller des blocs. L’adresse est retirée dès qu’une majorité des autorités actuelles a voté.</translation>
    </message>
    <message>
        <source>Vote cast for %1.</source>
        <translation>Vote enregistré pour %1.</translation>
    </message>
    <message>
        <source>Vote refused: %1</source>
        <translation>Vote refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocs</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Authorities</source>
        <translation>Autorités</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Sealed by</source>
        <translation>Scellé par</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last block sealed</source>
        <translation>Dernier bloc scellé</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidat</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Filter by alvéole, label or address…</source>
        <translation>Filtrer par alvéole, libellé ou adresse…</translation>
    </message>
    <message>
        <source>Vote on the authorities</source>
        <translation>Voter sur les autorités</translation>
    </message>
    <message>
        <source>Authority address (0x…)</source>
        <translation>Adresse de l’autorité (0x…)</translation>
    </message>
    <message>
        <source>Propose to &amp;add</source>
        <translation>Proposer l’&amp;ajout</translation>
    </message>
    <message>
        <source>Propose to re&amp;move</source>
        <translation>Proposer le &amp;retrait</translation>
    </message>
    <message>
        <source>Vote, as this console&apos;s authority, to let this address seal blocks</source>
        <translation>Voter, en tant qu’autorité de cette console, pour autoriser cette adresse à sceller des blocs</translation>
    </message>
    <message>
        <source>Vote, as this console&apos;s authority, to stop this address from sealing blocks</source>
        <translation>Voter, en tant qu’autorité de cette console, pour retirer à cette adresse le droit de sceller des blocs</translation>
    </message>
    <message>
        <source>Select an account to see its NRG balance over time</source>
        <translation>Sélectionner un compte pour voir l’évolution de son solde NRG</translation>
    </message>
    <message>
        <source>NRG</source>
        <translation>NRG</translation>
    </message>
    <message>
        <source>No ledger node is running.</source>
        <translation>Aucun nœud du registre n’est en service.</translation>
    </message>
    <message>
        <source>Chain %1 · block #%2 · a block every %3 s · NRGcoin at %4 · supply %5 NRG · %6 readings minted · %7 intervals settled</source>
        <translation>Chaîne %1 · bloc #%2 · un bloc toutes les %3 s · NRGcoin à %4 · %5 NRG en circulation · %6 relevés frappés · %7 intervalles réglés</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::MarketView</name>
    <message>
        <source>No ledger: the market is settled and shown here but not recorded.</source>
        <translation>Pas de registre : le marché est réglé et affiché ici, mais pas inscrit.</translation>
    </message>
    <message numerus="yes">
        <source>SwarmLedger records the market of %n alvéole(s)</source>
        <translation>
            <numerusform>SwarmLedger inscrit le marché de %n alvéole</numerusform>
            <numerusform>SwarmLedger inscrit le marché de %n alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hub readings relayed (they mint NRG), %2 skipped</source>
        <translation>%1 relevés de hubs relayés (ils frappent des NRG), %2 sautés</translation>
    </message>
    <message>
        <source>last interval recorded: %1</source>
        <translation>dernier intervalle inscrit : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n interval(s) waiting</source>
        <translation>
            <numerusform>%n intervalle en attente</numerusform>
            <numerusform>%n intervalles en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Last ledger error: %1</source>
        <translation>Dernière erreur du registre : %1</translation>
    </message>
    <message>
        <source>plan (marginal price)</source>
        <translation>plan (prix marginal)</translation>
    </message>
    <message>
        <source>grid tariff at the gate</source>
        <translation>tarif du réseau à la passerelle</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>sampled, %1 permutations</source>
        <translation>échantillonné, %1 permutations</translation>
    </message>
    <message>
        <source>Alvéoles of %1, last %2 h</source>
        <translation>Alvéoles de %1, dernières %2 h</translation>
    </message>
    <message>
        <source>Alvéoles</source>
        <translation>Alvéoles</translation>
    </message>
    <message>
        <source>Local market</source>
        <translation>Marché local</translation>
    </message>
    <message>
        <source>Every 15 minutes each alvéole&apos;s exchange with its ruche is settled at the ruche&apos;s price (the plan&apos;s marginal price, kept between the grid&apos;s export and import tariffs). The savings against everyone alone with the grid are shared by Shapley value: what each home brings to the community on average.</source>
        <translation>Toutes les 15 minutes, l’échange de chaque alvéole avec sa ruche est réglé au prix de la ruche (le prix marginal du plan, maintenu entre les tarifs d’export et d’import du réseau). Les économies par rapport à « chacun seul face au réseau » sont partagées selon la valeur de Shapley : ce que chaque foyer apporte en moyenne à la communauté.</translation>
    </message>
    <message>
        <source>Community savings, 24 h</source>
        <translation>Économies de la communauté, 24 h</translation>
    </message>
    <message>
        <source>against every alvéole alone with the grid</source>
        <translation>par rapport à chaque alvéole seule face au réseau</translation>
    </message>
    <message>
        <source>Sold to neighbours, 24 h</source>
        <translation>Vendu aux voisins, 24 h</translation>
    </message>
    <message>
        <source>energy the alvéoles delivered to their ruche</source>
        <translation>énergie livrée par les alvéoles à leur ruche</translation>
    </message>
    <message>
        <source>Intervals on SwarmLedger</source>
        <translation>Intervalles dans SwarmLedger</translation>
    </message>
    <message>
        <source>settlements recorded by the Settlement contract</source>
        <translation>règlements inscrits par le contrat Settlement</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>Origine du prix</translation>
    </message>
    <message>
        <source>Sold, 24 h</source>
        <translation>Vendu, 24 h</translation>
    </message>
    <message>
        <source>Savings, 24 h</source>
        <translation>Économies, 24 h</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <source>Price of the last settled interval, cu/kWh (1 cu = 1 NRG)</source>
        <translation>Prix du dernier intervalle réglé, cu/kWh (1 cu = 1 NRG)</translation>
    </message>
    <message>
        <source>Alvéole</source>
        <translation>Alvéole</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Acheté</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>Shapley share</source>
        <translation>Part de Shapley</translation>
    </message>
    <message>
        <source>Share of savings</source>
        <translation>Part des économies</translation>
    </message>
    <message>
        <source>Received minus paid at the ruche&apos;s prices, cu</source>
        <translation>Reçu moins payé aux prix de la ruche, cu</translation>
    </message>
    <message>
        <source>Its fair part of the ruche&apos;s savings, cu</source>
        <translation>Sa juste part des économies de la ruche, cu</translation>
    </message>
    <message numerus="yes">
        <source>%n interval(s) not recorded: the simulation ran faster than the ledger</source>
        <translation>
            <numerusform>%n intervalle non inscrit : la simulation allait plus vite que le registre</numerusform>
            <numerusform>%n intervalles non inscrits : la simulation allait plus vite que le registre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::PlanView</name>
    <message>
        <source>No plan yet</source>
        <translation>Pas encore de plan</translation>
    </message>
    <message numerus="yes">
        <source>Plan from %1 · %n step(s) · %2</source>
        <translation>
            <numerusform>Plan du %1 · %n pas · %2</numerusform>
            <numerusform>Plan du %1 · %n pas · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>proven bound %1</source>
        <translation>borne prouvée %1</translation>
    </message>
    <message>
        <source>alone with the grid: %1</source>
        <translation>chacun seul face au réseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>curtailed PV %1</source>
        <translation>PV écrêté %1</translation>
    </message>
    <message>
        <source>Islanded: the national grid is disconnected. Planned shedding %1; the stores serve priority loads for about %2 h.</source>
        <translation>Îlotage&#xa0;: le réseau national est coupé. Délestage prévu %1&#xa0;; les stockages alimentent les charges prioritaires pendant environ %2&#xa0;h.</translation>
    </message>
    <message>
        <source>the washing machine</source>
        <translation>le lave-linge</translation>
    </message>
    <message>
        <source>the electric vehicle&apos;s charge</source>
        <translation>la recharge du véhicule électrique</translation>
    </message>
    <message>
        <source>the dishwasher</source>
        <translation>le lave-vaisselle</translation>
    </message>
    <message>
        <source>Run %1 at %2 UTC: %3 cheaper</source>
        <translation>Lancer %1 à %2 UTC&#xa0;: %3 de moins</translation>
    </message>
    <message>
        <source>periodic re-plan</source>
        <translation>replanification périodique</translation>
    </message>
    <message>
        <source>re-planned: grid disconnected</source>
        <translation>replanifié&#xa0;: réseau coupé</translation>
    </message>
    <message>
        <source>re-planned: grid reconnected</source>
        <translation>replanifié&#xa0;: réseau rétabli</translation>
    </message>
    <message>
        <source>re-planned: asset fault</source>
        <translation>replanifié&#xa0;: panne d’équipement</translation>
    </message>
    <message>
        <source>re-planned: large forecast error</source>
        <translation>replanifié&#xa0;: forte erreur de prévision</translation>
    </message>
    <message>
        <source>re-planned on request</source>
        <translation>replanifié à la demande</translation>
    </message>
    <message>
        <source>Plan cost</source>
        <translation>Coût du plan</translation>
    </message>
    <message>
        <source>Proven gap</source>
        <translation>Écart prouvé</translation>
    </message>
    <message>
        <source>Community savings</source>
        <translation>Économies collectives</translation>
    </message>
    <message>
        <source>Planned shedding</source>
        <translation>Délestage prévu</translation>
    </message>
    <message>
        <source>Recommendations to households</source>
        <translation>Recommandations aux foyers</translation>
    </message>
    <message>
        <source>Alvéole</source>
        <translation>Alvéole</translation>
    </message>
    <message>
        <source>Usual start (UTC)</source>
        <translation>Début habituel (UTC)</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Économie</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Grid exchange (kW)</source>
        <translation>Échange réseau (kW)</translation>
    </message>
    <message>
        <source>HiveStore charge (kWh)</source>
        <translation>Charge du HiveStore (kWh)</translation>
    </message>
    <message>
        <source>H₂ level (kWh)</source>
        <translation>Niveau H₂ (kWh)</translation>
    </message>
    <message>
        <source>Local price (cu/kWh)</source>
        <translation>Prix local (cu/kWh)</translation>
    </message>
    <message>
        <source>Quantity compared between plan and reality</source>
        <translation>Grandeur comparée entre plan et réalité</translation>
    </message>
    <message>
        <source>Ruche shown in the chart</source>
        <translation>Ruche affichée dans le graphique</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>kW (&gt; 0 export)</source>
        <translation>kW (&gt; 0 export)</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>cu/kWh</source>
        <translation>cu/kWh</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>solved in %1 s, %2; H₂ valued at %3</source>
        <translation>résolu en %1&#xa0;s, %2&#xa0;; H₂ valorisé à %3</translation>
    </message>
    <message>
        <source>H₂ over the year (kWh)</source>
        <translation>H₂ sur l’année (kWh)</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::ProvisionPage</name>
    <message>
        <source>Provision the hub</source>
        <translation>Mettre le hub en service</translation>
    </message>
    <message>
        <source>Choose the ruche and the alvéole this hub serves. The hub makes its own identity key; your technician credential authorises it.</source>
        <translation>Choisir la ruche et l’alvéole que dessert ce hub. Le hub génère sa propre clé d’identité&#xa0;; votre identifiant de technicien l’autorise.</translation>
    </message>
    <message>
        <source>&amp;Provision</source>
        <translation>&amp;Mettre en service</translation>
    </message>
    <message>
        <source>Ruche:</source>
        <translation>Ruche&#xa0;:</translation>
    </message>
    <message>
        <source>Alvéole:</source>
        <translation>Alvéole&#xa0;:</translation>
    </message>
    <message>
        <source>No ruche is known to the console: load a scenario first.</source>
        <translation>La console ne connaît aucune ruche&#xa0;: charger d’abord un scénario.</translation>
    </message>
    <message>
        <source>Choose a ruche and an alvéole.</source>
        <translation>Choisir une ruche et une alvéole.</translation>
    </message>
    <message>
        <source>Provisioning…</source>
        <translation>Mise en service…</translation>
    </message>
    <message>
        <source>Provisioned. The hub&apos;s address is %1.</source>
        <translation>Mis en service. L’adresse du hub est %1.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::ProvisioningWizard</name>
    <message>
        <source>Install a Smart Hub</source>
        <translation>Installer un Smart Hub</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::RegisterPage</name>
    <message>
        <source>Register on the ledger</source>
        <translation>Inscrire au registre</translation>
    </message>
    <message>
        <source>The ledger accepts the hub&apos;s signed readings once its address is registered for its alvéole.</source>
        <translation>Le registre accepte les relevés signés du hub une fois son adresse inscrite pour son alvéole.</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>Address %1
Alvéole %2 in ruche %3</source>
        <translation>Adresse %1
Alvéole %2 de la ruche %3</translation>
    </message>
    <message>
        <source>No ledger is connected to this console: register the address later from the ledger view.</source>
        <translation>Aucun registre n’est connecté à cette console&#xa0;: inscrire l’adresse plus tard depuis la vue du registre.</translation>
    </message>
    <message>
        <source>The ledger refused the registration: %1</source>
        <translation>Le registre a refusé l’inscription&#xa0;: %1</translation>
    </message>
    <message>
        <source>Registered: the ledger now accepts this hub&apos;s readings.</source>
        <translation>Inscrit&#xa0;: le registre accepte désormais les relevés de ce hub.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::RucheView</name>
    <message>
        <source>Self-sufficiency today</source>
        <translation>Autosuffisance du jour</translation>
    </message>
    <message>
        <source>Share of the served load not imported from the national grid, since midnight.</source>
        <translation>Part de la consommation servie qui n’est pas importée du réseau national, depuis minuit.</translation>
    </message>
    <message>
        <source>Self-consumption today</source>
        <translation>Autoconsommation du jour</translation>
    </message>
    <message>
        <source>Share of the PV production used inside the essaim rather than exported.</source>
        <translation>Part de la production PV utilisée dans l’essaim plutôt qu’exportée.</translation>
    </message>
    <message>
        <source>Peak import today</source>
        <translation>Pointe d’import du jour</translation>
    </message>
    <message>
        <source>Highest average import over one step since midnight.</source>
        <translation>Import moyen le plus élevé sur un pas, depuis minuit.</translation>
    </message>
    <message>
        <source>Grid cost today</source>
        <translation>Coût réseau du jour</translation>
    </message>
    <message>
        <source>Imports minus exports at the grid tariff since midnight (cu).</source>
        <translation>Imports moins exports au tarif du réseau, depuis minuit (cu).</translation>
    </message>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %2 sur %3</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <source>curtailed %1</source>
        <translation>écrêté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loads</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>shed %1</source>
        <translation>délesté&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n alvéole(s)</source>
        <translation>
            <numerusform>%n alvéole</numerusform>
            <numerusform>%n alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>MicroStores</source>
        <translation>MicroStores</translation>
    </message>
    <message>
        <source>HiveStore</source>
        <translation>HiveStore</translation>
    </message>
    <message>
        <source>National grid</source>
        <translation>Réseau national</translation>
    </message>
    <message>
        <source>buy %1 · sell %2</source>
        <translation>achat %1 · vente %2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>islanded</source>
        <translation>en îlotage</translation>
    </message>
    <message>
        <source>SeasonStore (H₂)</source>
        <translation>SeasonStore (H₂)</translation>
    </message>
    <message>
        <source>Other ruches</source>
        <translation>Autres ruches</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot of the simulation.</source>
        <translation>Pas encore de données&#xa0;: en attente du premier instantané de la simulation.</translation>
    </message>
    <message numerus="yes">
        <source>Ruche %1 does not exist in this essaim (it has %n ruche(s)).</source>
        <translation>
            <numerusform>La ruche %1 n’existe pas dans cet essaim (il compte %n ruche).</numerusform>
            <numerusform>La ruche %1 n’existe pas dans cet essaim (il compte %n ruches).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ruche %1 · %n alvéole(s) · %2</source>
        <translation>
            <numerusform>Ruche %1 · %n alvéole · %2</numerusform>
            <numerusform>Ruche %1 · %n alvéoles · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Islanded: grid disconnected</source>
        <translation>Îlotage&#xa0;: réseau coupé</translation>
    </message>
    <message>
        <source>Ruche bus</source>
        <translation>Bus</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::TimeSeriesChartView</name>
    <message>
        <source>Load (kW)</source>
        <translation>Consommation (kW)</translation>
    </message>
    <message>
        <source>PV (kW)</source>
        <translation>PV (kW)</translation>
    </message>
    <message>
        <source>Net exchange (kW, &gt; 0 export)</source>
        <translation>Échange net (kW, &gt; 0&#xa0;: export)</translation>
    </message>
    <message>
        <source>Battery SoC (kWh)</source>
        <translation>État de charge batterie (kWh)</translation>
    </message>
    <message>
        <source>Import price (cu/kWh)</source>
        <translation>Prix d’import (cu/kWh)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>Puissance (kW)</translation>
    </message>
    <message>
        <source>Stored energy (kWh)</source>
        <translation>Énergie stockée (kWh)</translation>
    </message>
    <message>
        <source>Price (cu/kWh)</source>
        <translation>Prix (cu/kWh)</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>Time range shown; the resolution follows it (15-minute steps, hours or days).</source>
        <translation>Période affichée&#xa0;; la résolution en dépend (pas de 15 minutes, heures ou jours).</translation>
    </message>
    <message>
        <source>Start of the range (UTC)</source>
        <translation>Début de la période (UTC)</translation>
    </message>
    <message>
        <source>End of the range (UTC)</source>
        <translation>Fin de la période (UTC)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Show the whole range again (wheel or drag to zoom, arrow keys to pan).</source>
        <translation>Réafficher toute la période (molette ou glisser pour zoomer, flèches pour défiler).</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read the history again from the telemetry store.</source>
        <translation>Relire l’historique dans la base de télémesure.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>History of ruche %1</source>
        <translation>Historique de la ruche %1</translation>
    </message>
    <message>
        <source>History of alvéole %1</source>
        <translation>Historique de l’alvéole %1</translation>
    </message>
    <message>
        <source>15-minute steps</source>
        <translation>pas de 15 minutes</translation>
    </message>
    <message>
        <source>hourly averages</source>
        <translation>moyennes horaires</translation>
    </message>
    <message>
        <source>daily averages</source>
        <translation>moyennes journalières</translation>
    </message>
    <message>
        <source>Choose a ruche or an alvéole to see its history.</source>
        <translation>Choisir une ruche ou une alvéole pour voir son historique.</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Chargement de l’historique…</translation>
    </message>
    <message>
        <source>Nothing is stored for this range yet.</source>
        <translation>Rien n’est encore enregistré pour cette période.</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Impossible de lire l’historique&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series</source>
        <translation>
            <numerusform>%n point · %1 · molette ou glisser pour zoomer, flèches pour défiler, clic sur la légende pour masquer une série</numerusform>
            <numerusform>%n points · %1 · molette ou glisser pour zoomer, flèches pour défiler, clic sur la légende pour masquer une série</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::Units</name>
    <message>
        <source>cu</source>
        <translation>cu</translation>
    </message>
    <message>
        <source>cu/kWh</source>
        <translation>cu/kWh</translation>
    </message>
</context>
</TS>
