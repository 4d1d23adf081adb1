<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Swarmergy operations console for a cooperative energy network.</source>
        <translation>Swarmergy operations console for a cooperative energy network.</translation>
    </message>
    <message>
        <source>Offline demo mode (simulated essaim).</source>
        <translation>Offline demo mode (simulated essaim).</translation>
    </message>
    <message>
        <source>Run this many simulated hours as fast as possible, print a summary and quit.</source>
        <translation>Run this many simulated hours as fast as possible, print a summary and quit.</translation>
    </message>
    <message>
        <source>With --hours: save a PNG of the main window.</source>
        <translation>With --hours: save a PNG of the main window.</translation>
    </message>
    <message>
        <source>Number of simulated alvéoles.</source>
        <translation>Number of simulated alvéoles.</translation>
    </message>
    <message>
        <source>Number of simulated ruches.</source>
        <translation>Number of simulated ruches.</translation>
    </message>
    <message>
        <source>Seed of the simulation.</source>
        <translation>Seed of the simulation.</translation>
    </message>
    <message>
        <source>Data directory (telemetry).</source>
        <translation>Data directory (telemetry).</translation>
    </message>
    <message>
        <source>Interface language: en or fr.</source>
        <translation>Interface language: en or fr.</translation>
    </message>
    <message>
        <source>Page shown at start: essaim, ruche, plan, charts or fleet.</source>
        <translation>Page shown at start: essaim, ruche, plan, charts or fleet.</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::MainWindow</name>
    <message>
        <source>Simulation error: %1</source>
        <translation>Simulation error: %1</translation>
    </message>
    <message>
        <source>Swarmergy — operations console</source>
        <translation>Swarmergy — operations console</translation>
    </message>
    <message>
        <source>Essaim</source>
        <translation>Essaim</translation>
    </message>
    <message>
        <source>The region: ruches, the lines between them, the national grid and the SeasonStore</source>
        <translation>The region: ruches, the lines between them, the national grid and the SeasonStore</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>One neighbourhood microgrid: its live flows and today&apos;s key figures</source>
        <translation>One neighbourhood microgrid: its live flows and today&apos;s key figures</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>History of load, PV, exchange, state of charge and price</source>
        <translation>History of load, PV, exchange, state of charge and price</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <source>Every alvéole, sortable and filterable</source>
        <translation>Every alvéole, sortable and filterable</translation>
    </message>
    <message>
        <source>&amp;Ruche:</source>
        <translation>&amp;Ruche:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation>Pause the simulation (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Advance one 15-minute step (N)</source>
        <translation>Advance one 15-minute step (N)</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>Real time: one simulated second per second (Ctrl+1)</source>
        <translation>Real time: one simulated second per second (Ctrl+1)</translation>
    </message>
    <message>
        <source>60×</source>
        <translation>60×</translation>
    </message>
    <message>
        <source>One simulated minute per second (Ctrl+2)</source>
        <translation>One simulated minute per second (Ctrl+2)</translation>
    </message>
    <message>
        <source>3600×</source>
        <translation>3600×</translation>
    </message>
    <message>
        <source>One simulated hour per second (Ctrl+3)</source>
        <translation>One simulated hour per second (Ctrl+3)</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>As fast as the machine allows (Ctrl+4)</source>
        <translation>As fast as the machine allows (Ctrl+4)</translation>
    </message>
    <message>
        <source>Disconnect grid</source>
        <translation>Disconnect grid</translation>
    </message>
    <message>
        <source>Islanding drill: cut the national grid link of every ruche (Ctrl+I)</source>
        <translation>Islanding drill: cut the national grid link of every ruche (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Swarmergy</source>
        <translation>&amp;About Swarmergy</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Time controls</source>
        <translation>Time controls</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Speed 1×</source>
        <translation>Speed 1×</translation>
    </message>
    <message>
        <source>Speed 60×</source>
        <translation>Speed 60×</translation>
    </message>
    <message>
        <source>Speed 3600×</source>
        <translation>Speed 3600×</translation>
    </message>
    <message>
        <source>Speed max</source>
        <translation>Speed max</translation>
    </message>
    <message>
        <source>Sim time %1 UTC</source>
        <translation>Sim time %1 UTC</translation>
    </message>
    <message>
        <source>Grid connected</source>
        <translation>Grid connected</translation>
    </message>
    <message>
        <source>ISLANDED</source>
        <translation>ISLANDED</translation>
    </message>
    <message>
        <source>Disconnect the national grid?</source>
        <translation>Disconnect the national grid?</translation>
    </message>
    <message>
        <source>Every ruche loses its grid link. The essaim will run islanded on its own production and stores, shedding low-priority loads if needed.</source>
        <translation>Every ruche loses its grid link. The essaim will run islanded on its own production and stores, shedding low-priority loads if needed.</translation>
    </message>
    <message>
        <source>Reconnect grid</source>
        <translation>Reconnect grid</translation>
    </message>
    <message>
        <source>About Swarmergy</source>
        <translation>About Swarmergy</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swarmergy %1&lt;/b&gt;&lt;p&gt;Operations console of a cooperative energy network: alvéoles, ruches and the essaim, simulated, optimised and accounted.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Swarmergy %1&lt;/b&gt;&lt;p&gt;Operations console of a cooperative energy network: alvéoles, ruches and the essaim, simulated, optimised and accounted.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>SwarmBrain&apos;s dispatch plan against what happened, its savings and recommendations</source>
        <translation>SwarmBrain&apos;s dispatch plan against what happened, its savings and recommendations</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Language of the console; applied at once</source>
        <translation>Language of the console; applied at once</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Offline demo (applied at the next start)</source>
        <translation>Offline demo (applied at the next start)</translation>
    </message>
    <message>
        <source>Number of simulated households (1 to 50,000)</source>
        <translation>Number of simulated households (1 to 50,000)</translation>
    </message>
    <message>
        <source>Number of neighbourhood microgrids the households are spread over</source>
        <translation>Number of neighbourhood microgrids the households are spread over</translation>
    </message>
    <message>
        <source>The same seed always gives the same simulation</source>
        <translation>The same seed always gives the same simulation</translation>
    </message>
    <message>
        <source>&amp;Alvéoles:</source>
        <translation>&amp;Alvéoles:</translation>
    </message>
    <message>
        <source>&amp;Ruches:</source>
        <translation>&amp;Ruches:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::SimulationWorker</name>
    <message>
        <source>telemetry is no longer recorded: %1</source>
        <translation>telemetry is no longer recorded: %1</translation>
    </message>
    <message>
        <source>planning failed, the local rules keep running: %1</source>
        <translation>planning failed, the local rules keep running: %1</translation>
    </message>
    <message>
        <source>seasonal plan failed, hydrogen keeps a fixed value: %1</source>
        <translation>seasonal plan failed, hydrogen keeps a fixed value: %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::EssaimView</name>
    <message>
        <source>Islanded: the national grid is disconnected</source>
        <translation>Islanded: the national grid is disconnected</translation>
    </message>
    <message>
        <source>This essaim has no ruche.</source>
        <translation>This essaim has no ruche.</translation>
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot.</source>
        <translation>No data yet: waiting for the first snapshot.</translation>
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
        <translation>Grid import %1 · export %2</translation>
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
        <translation>no gate</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>National grid</source>
        <translation>National grid</translation>
    </message>
    <message>
        <source>Import from grid</source>
        <translation>Import from grid</translation>
    </message>
    <message>
        <source>Export to grid</source>
        <translation>Export to grid</translation>
    </message>
    <message>
        <source>Line between ruches (thickness: flow / capacity)</source>
        <translation>Line between ruches (thickness: flow / capacity)</translation>
    </message>
    <message>
        <source>SeasonStore H₂ level</source>
        <translation>SeasonStore H₂ level</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
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
        <translation>Load %1 · PV %2</translation>
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
        <translation>Shedding %1</translation>
    </message>
    <message>
        <source>Click to open this ruche</source>
        <translation>Click to open this ruche</translation>
    </message>
    <message>
        <source>National grid: connected</source>
        <translation>National grid: connected</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FirmwarePage</name>
    <message>
        <source>Flash the firmware</source>
        <translation>Flash the firmware</translation>
    </message>
    <message>
        <source>Pick a signed image. The hub checks its signature, reboots into it and keeps it only once it runs.</source>
        <translation>Pick a signed image. The hub checks its signature, reboots into it and keeps it only once it runs.</translation>
    </message>
    <message>
        <source>Keep the firmware the hub runs now</source>
        <translation>Keep the firmware the hub runs now</translation>
    </message>
    <message>
        <source>&amp;Flash</source>
        <translation>&amp;Flash</translation>
    </message>
    <message>
        <source>C&amp;ancel flashing</source>
        <translation>C&amp;ancel flashing</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 KiB)%4</source>
        <translation>%1 — %2 (%3 KiB)%4</translation>
    </message>
    <message>
        <source>, running now</source>
        <translation>, running now</translation>
    </message>
    <message>
        <source>No signed image found: build the firmware or keep the running one.</source>
        <translation>No signed image found: build the firmware or keep the running one.</translation>
    </message>
    <message>
        <source>Unplugged at %1 %: reconnect to resume.</source>
        <translation>Unplugged at %1 %: reconnect to resume.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Talking to the hub…</source>
        <translation>Talking to the hub…</translation>
    </message>
    <message>
        <source>Preparing the hub&apos;s spare slot…</source>
        <translation>Preparing the hub&apos;s spare slot…</translation>
    </message>
    <message>
        <source>Sending the image…</source>
        <translation>Sending the image…</translation>
    </message>
    <message>
        <source>The hub checks hash and signature…</source>
        <translation>The hub checks hash and signature…</translation>
    </message>
    <message>
        <source>Rebooting into the new image…</source>
        <translation>Rebooting into the new image…</translation>
    </message>
    <message>
        <source>Waiting for the new image to answer…</source>
        <translation>Waiting for the new image to answer…</translation>
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
        <translation>Flashed.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Cancelled at %1 %: flash again to resume from there.</source>
        <translation>Cancelled at %1 %: flash again to resume from there.</translation>
    </message>
    <message>
        <source>Flashing failed.</source>
        <translation>Flashing failed.</translation>
    </message>
    <message>
        <source>Verifying the hub&apos;s firmware…</source>
        <translation>Verifying the hub&apos;s firmware…</translation>
    </message>
    <message>
        <source>Flashed, but the hub does not answer any more (%1): reconnect it and check its version on the first page.</source>
        <translation>Flashed, but the hub does not answer any more (%1): reconnect it and check its version on the first page.</translation>
    </message>
    <message>
        <source>The hub runs %1 (%2), not the confirmed %3: flash again.</source>
        <translation>The hub runs %1 (%2), not the confirmed %3: flash again.</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>unconfirmed</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>Verified: the hub runs %1, confirmed.</source>
        <translation>Verified: the hub runs %1, confirmed.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetTableModel</name>
    <message>
        <source>unknown ruche %1</source>
        <translation>unknown ruche %1</translation>
    </message>
    <message>
        <source>no battery</source>
        <translation>no battery</translation>
    </message>
    <message>
        <source>%1 in %2
Load %3 (shed %4) · PV %5 · net %6 (&gt; 0 exports)
Battery %7 of %8</source>
        <translation>%1 in %2
Load %3 (shed %4) · PV %5 · net %6 (&gt; 0 exports)
Battery %7 of %8</translation>
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
        <translation>Load</translation>
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
        <translation>SoC</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>Annual load</source>
        <translation>Annual load</translation>
    </message>
    <message>
        <source>PV peak</source>
        <translation>PV peak</translation>
    </message>
    <message>
        <source>Import today</source>
        <translation>Import today</translation>
    </message>
    <message>
        <source>Export today</source>
        <translation>Export today</translation>
    </message>
    <message>
        <source>Average demand over the current step (kW)</source>
        <translation>Average demand over the current step (kW)</translation>
    </message>
    <message>
        <source>PV power used over the current step (kW)</source>
        <translation>PV power used over the current step (kW)</translation>
    </message>
    <message>
        <source>Injection into the ruche bus (kW): positive exports, negative imports</source>
        <translation>Injection into the ruche bus (kW): positive exports, negative imports</translation>
    </message>
    <message>
        <source>State of charge of the MicroStore (%)</source>
        <translation>State of charge of the MicroStore (%)</translation>
    </message>
    <message>
        <source>Energy stored in the MicroStore (kWh)</source>
        <translation>Energy stored in the MicroStore (kWh)</translation>
    </message>
    <message>
        <source>Annual consumption of the household (kWh)</source>
        <translation>Annual consumption of the household (kWh)</translation>
    </message>
    <message>
        <source>Installed PV peak power (kWp)</source>
        <translation>Installed PV peak power (kWp)</translation>
    </message>
    <message>
        <source>Energy taken from the ruche bus since midnight (kWh)</source>
        <translation>Energy taken from the ruche bus since midnight (kWh)</translation>
    </message>
    <message>
        <source>Energy given to the ruche bus since midnight (kWh)</source>
        <translation>Energy given to the ruche bus since midnight (kWh)</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetView</name>
    <message>
        <source>All ruches</source>
        <translation>All ruches</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln alvéole(s)</source>
        <translation>
            <numerusform>%1 of %Ln alvéole</numerusform>
            <numerusform>%1 of %Ln alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by alvéole or ruche id…</source>
        <translation>Filter by alvéole or ruche id…</translation>
    </message>
    <message>
        <source>Shows the alvéoles whose id or ruche contains this text (case-insensitive).</source>
        <translation>Shows the alvéoles whose id or ruche contains this text (case-insensitive).</translation>
    </message>
    <message>
        <source>Show one ruche only</source>
        <translation>Show one ruche only</translation>
    </message>
    <message>
        <source>Double-click an alvéole to open its history.</source>
        <translation>Double-click an alvéole to open its history.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::HubPortPage</name>
    <message>
        <source>Connect the hub</source>
        <translation>Connect the hub</translation>
    </message>
    <message>
        <source>Plug the serial cable into the hub, pick its port and connect.</source>
        <translation>Plug the serial cable into the hub, pick its port and connect.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>%1 — virtual hub (%2)</source>
        <translation>%1 — virtual hub (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
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
        <translation>No serial port found: plug the cable in, then Refresh.</translation>
    </message>
    <message>
        <source>Pick a port first.</source>
        <translation>Pick a port first.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <source>slot %1, test boot not confirmed</source>
        <translation>slot %1, test boot not confirmed</translation>
    </message>
    <message>
        <source>slot %1, confirmed</source>
        <translation>slot %1, confirmed</translation>
    </message>
    <message>
        <source>yes — ruche %1, alvéole %2, address %3</source>
        <translation>yes — ruche %1, alvéole %2, address %3</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Model: %1
Serial: %2
Firmware: %3 (%4)
Bootloader: %5, version floor %6
Provisioned: %7</source>
        <translation>Model: %1
Serial: %2
Firmware: %3 (%4)
Bootloader: %5, version floor %6
Provisioned: %7</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::PlanView</name>
    <message>
        <source>No plan yet</source>
        <translation>No plan yet</translation>
    </message>
    <message numerus="yes">
        <source>Plan from %1 · %n step(s) · %2</source>
        <translation>
            <numerusform>Plan from %1 · %n step · %2</numerusform>
            <numerusform>Plan from %1 · %n steps · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>proven bound %1</source>
        <translation>proven bound %1</translation>
    </message>
    <message>
        <source>alone with the grid: %1</source>
        <translation>alone with the grid: %1</translation>
    </message>
    <message>
        <source>curtailed PV %1</source>
        <translation>curtailed PV %1</translation>
    </message>
    <message>
        <source>Islanded: the national grid is disconnected. Planned shedding %1; the stores serve priority loads for about %2 h.</source>
        <translation>Islanded: the national grid is disconnected. Planned shedding %1; the stores serve priority loads for about %2 h.</translation>
    </message>
    <message>
        <source>the washing machine</source>
        <translation>the washing machine</translation>
    </message>
    <message>
        <source>the electric vehicle&apos;s charge</source>
        <translation>the electric vehicle&apos;s charge</translation>
    </message>
    <message>
        <source>the dishwasher</source>
        <translation>the dishwasher</translation>
    </message>
    <message>
        <source>Run %1 at %2 UTC: %3 cheaper</source>
        <translation>Run %1 at %2 UTC: %3 cheaper</translation>
    </message>
    <message>
        <source>periodic re-plan</source>
        <translation>periodic re-plan</translation>
    </message>
    <message>
        <source>re-planned: grid disconnected</source>
        <translation>re-planned: grid disconnected</translation>
    </message>
    <message>
        <source>re-planned: grid reconnected</source>
        <translation>re-planned: grid reconnected</translation>
    </message>
    <message>
        <source>re-planned: asset fault</source>
        <translation>re-planned: asset fault</translation>
    </message>
    <message>
        <source>re-planned: large forecast error</source>
        <translation>re-planned: large forecast error</translation>
    </message>
    <message>
        <source>re-planned on request</source>
        <translation>re-planned on request</translation>
    </message>
    <message>
        <source>Plan cost</source>
        <translation>Plan cost</translation>
    </message>
    <message>
        <source>Proven gap</source>
        <translation>Proven gap</translation>
    </message>
    <message>
        <source>Community savings</source>
        <translation>Community savings</translation>
    </message>
    <message>
        <source>Planned shedding</source>
        <translation>Planned shedding</translation>
    </message>
    <message>
        <source>Recommendations to households</source>
        <translation>Recommendations to households</translation>
    </message>
    <message>
        <source>Alvéole</source>
        <translation>Alvéole</translation>
    </message>
    <message>
        <source>Usual start (UTC)</source>
        <translation>Usual start (UTC)</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Grid exchange (kW)</source>
        <translation>Grid exchange (kW)</translation>
    </message>
    <message>
        <source>HiveStore charge (kWh)</source>
        <translation>HiveStore charge (kWh)</translation>
    </message>
    <message>
        <source>H₂ level (kWh)</source>
        <translation>H₂ level (kWh)</translation>
    </message>
    <message>
        <source>Local price (cu/kWh)</source>
        <translation>Local price (cu/kWh)</translation>
    </message>
    <message>
        <source>Quantity compared between plan and reality</source>
        <translation>Quantity compared between plan and reality</translation>
    </message>
    <message>
        <source>Ruche shown in the chart</source>
        <translation>Ruche shown in the chart</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Actual</translation>
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
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>solved in %1 s, %2; H₂ valued at %3</source>
        <translation>solved in %1 s, %2; H₂ valued at %3</translation>
    </message>
    <message>
        <source>H₂ over the year (kWh)</source>
        <translation>H₂ over the year (kWh)</translation>
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
        <translation>Provision the hub</translation>
    </message>
    <message>
        <source>Choose the ruche and the alvéole this hub serves. The hub makes its own identity key; your technician credential authorises it.</source>
        <translation>Choose the ruche and the alvéole this hub serves. The hub makes its own identity key; your technician credential authorises it.</translation>
    </message>
    <message>
        <source>&amp;Provision</source>
        <translation>&amp;Provision</translation>
    </message>
    <message>
        <source>Ruche:</source>
        <translation>Ruche:</translation>
    </message>
    <message>
        <source>Alvéole:</source>
        <translation>Alvéole:</translation>
    </message>
    <message>
        <source>No ruche is known to the console: load a scenario first.</source>
        <translation>No ruche is known to the console: load a scenario first.</translation>
    </message>
    <message>
        <source>Choose a ruche and an alvéole.</source>
        <translation>Choose a ruche and an alvéole.</translation>
    </message>
    <message>
        <source>Provisioning…</source>
        <translation>Provisioning…</translation>
    </message>
    <message>
        <source>Provisioned. The hub&apos;s address is %1.</source>
        <translation>Provisioned. The hub&apos;s address is %1.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::ProvisioningWizard</name>
    <message>
        <source>Install a Smart Hub</source>
        <translation>Install a Smart Hub</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::RegisterPage</name>
    <message>
        <source>Register on the ledger</source>
        <translation>Register on the ledger</translation>
    </message>
    <message>
        <source>The ledger accepts the hub&apos;s signed readings once its address is registered for its alvéole.</source>
        <translation>The ledger accepts the hub&apos;s signed readings once its address is registered for its alvéole.</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Address %1
Alvéole %2 in ruche %3</source>
        <translation>Address %1
Alvéole %2 in ruche %3</translation>
    </message>
    <message>
        <source>No ledger is connected to this console: register the address later from the ledger view.</source>
        <translation>No ledger is connected to this console: register the address later from the ledger view.</translation>
    </message>
    <message>
        <source>The ledger refused the registration: %1</source>
        <translation>The ledger refused the registration: %1</translation>
    </message>
    <message>
        <source>Registered: the ledger now accepts this hub&apos;s readings.</source>
        <translation>Registered: the ledger now accepts this hub&apos;s readings.</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::RucheView</name>
    <message>
        <source>Self-sufficiency today</source>
        <translation>Self-sufficiency today</translation>
    </message>
    <message>
        <source>Share of the served load not imported from the national grid, since midnight.</source>
        <translation>Share of the served load not imported from the national grid, since midnight.</translation>
    </message>
    <message>
        <source>Self-consumption today</source>
        <translation>Self-consumption today</translation>
    </message>
    <message>
        <source>Share of the PV production used inside the essaim rather than exported.</source>
        <translation>Share of the PV production used inside the essaim rather than exported.</translation>
    </message>
    <message>
        <source>Peak import today</source>
        <translation>Peak import today</translation>
    </message>
    <message>
        <source>Highest average import over one step since midnight.</source>
        <translation>Highest average import over one step since midnight.</translation>
    </message>
    <message>
        <source>Grid cost today</source>
        <translation>Grid cost today</translation>
    </message>
    <message>
        <source>Imports minus exports at the grid tariff since midnight (cu).</source>
        <translation>Imports minus exports at the grid tariff since midnight (cu).</translation>
    </message>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %2 of %3</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <source>curtailed %1</source>
        <translation>curtailed %1</translation>
    </message>
    <message>
        <source>Loads</source>
        <translation>Loads</translation>
    </message>
    <message>
        <source>shed %1</source>
        <translation>shed %1</translation>
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
        <translation>National grid</translation>
    </message>
    <message>
        <source>buy %1 · sell %2</source>
        <translation>buy %1 · sell %2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>islanded</source>
        <translation>islanded</translation>
    </message>
    <message>
        <source>SeasonStore (H₂)</source>
        <translation>SeasonStore (H₂)</translation>
    </message>
    <message>
        <source>Other ruches</source>
        <translation>Other ruches</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot of the simulation.</source>
        <translation>No data yet: waiting for the first snapshot of the simulation.</translation>
    </message>
    <message numerus="yes">
        <source>Ruche %1 does not exist in this essaim (it has %n ruche(s)).</source>
        <translation>
            <numerusform>Ruche %1 does not exist in this essaim (it has %n ruche).</numerusform>
            <numerusform>Ruche %1 does not exist in this essaim (it has %n ruches).</numerusform>
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
        <translation>Islanded: grid disconnected</translation>
    </message>
    <message>
        <source>Ruche bus</source>
        <translation>Ruche bus</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::TimeSeriesChartView</name>
    <message>
        <source>Load (kW)</source>
        <translation>Load (kW)</translation>
    </message>
    <message>
        <source>PV (kW)</source>
        <translation>PV (kW)</translation>
    </message>
    <message>
        <source>Net exchange (kW, &gt; 0 export)</source>
        <translation>Net exchange (kW, &gt; 0 export)</translation>
    </message>
    <message>
        <source>Battery SoC (kWh)</source>
        <translation>Battery SoC (kWh)</translation>
    </message>
    <message>
        <source>Import price (cu/kWh)</source>
        <translation>Import price (cu/kWh)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>Power (kW)</translation>
    </message>
    <message>
        <source>Stored energy (kWh)</source>
        <translation>Stored energy (kWh)</translation>
    </message>
    <message>
        <source>Price (cu/kWh)</source>
        <translation>Price (cu/kWh)</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Time range shown; the resolution follows it (15-minute steps, hours or days).</source>
        <translation>Time range shown; the resolution follows it (15-minute steps, hours or days).</translation>
    </message>
    <message>
        <source>Start of the range (UTC)</source>
        <translation>Start of the range (UTC)</translation>
    </message>
    <message>
        <source>End of the range (UTC)</source>
        <translation>End of the range (UTC)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
    <message>
        <source>Show the whole range again (wheel or drag to zoom, arrow keys to pan).</source>
        <translation>Show the whole range again (wheel or drag to zoom, arrow keys to pan).</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the history again from the telemetry store.</source>
        <translation>Read the history again from the telemetry store.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>History of ruche %1</source>
        <translation>History of ruche %1</translation>
    </message>
    <message>
        <source>History of alvéole %1</source>
        <translation>History of alvéole %1</translation>
    </message>
    <message>
        <source>15-minute steps</source>
        <translation>15-minute steps</translation>
    </message>
    <message>
        <source>hourly averages</source>
        <translation>hourly averages</translation>
    </message>
    <message>
        <source>daily averages</source>
        <translation>daily averages</translation>
    </message>
    <message>
        <source>Choose a ruche or an alvéole to see its history.</source>
        <translation>Choose a ruche or an alvéole to see its history.</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Loading history…</translation>
    </message>
    <message>
        <source>Nothing is stored for this range yet.</source>
        <translation>Nothing is stored for this range yet.</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Could not read the history: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series</source>
        <translation>
            <numerusform>%n point · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series</numerusform>
            <numerusform>%n points · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series</numerusform>
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
