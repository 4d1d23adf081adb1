<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>%1 KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation type="unfinished"></translation>
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
        <source>Page shown at start: essaim, ruche, plan, charts or fleet.</source>
        <translation>Page affichée au démarrage&#xa0;: essaim, ruche, plan, charts ou fleet.</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a signed image. The hub checks its signature, reboots into it and keeps it only once it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the firmware the hub runs now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel flashing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3 KiB)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed image found: build the firmware or keep the running one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplugged at %1 %: reconnect to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the hub&apos;s spare slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub checks hash and signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebooting into the new image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the new image to answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Flashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled at %1 %: flash again to resume from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashing failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the hub&apos;s firmware…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashed, but the hub does not answer any more (%1): reconnect it and check its version on the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub runs %1 (%2), not the confirmed %3: flash again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: the hub runs %1, confirmed.</source>
        <translation type="unfinished"></translation>
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
    <name>swarmergy::widgets::HubPortPage</name>
    <message>
        <source>Connect the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug the serial cable into the hub, pick its port and connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — virtual hub (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No serial port found: plug the cable in, then Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a port first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slot %1, test boot not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slot %1, confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes — ruche %1, alvéole %2, address %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1
Serial: %2
Firmware: %3 (%4)
Bootloader: %5, version floor %6
Provisioned: %7</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the ruche and the alvéole this hub serves. The hub makes its own identity key; your technician credential authorises it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruche:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alvéole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ruche is known to the console: load a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ruche and an alvéole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioned. The hub&apos;s address is %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::ProvisioningWizard</name>
    <message>
        <source>Install a Smart Hub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::RegisterPage</name>
    <message>
        <source>Register on the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger accepts the hub&apos;s signed readings once its address is registered for its alvéole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address %1
Alvéole %2 in ruche %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ledger is connected to this console: register the address later from the ledger view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger refused the registration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered: the ledger now accepts this hub&apos;s readings.</source>
        <translation type="unfinished"></translation>
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
