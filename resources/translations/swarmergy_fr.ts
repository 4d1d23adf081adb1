<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <source>Swarmergy operations console for a cooperative energy network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline demo mode (simulated essaim).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run this many simulated hours as fast as possible, print a summary and quit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --hours: save a PNG of the main window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of simulated alvéoles.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of simulated ruches.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed of the simulation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data directory (telemetry).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface language: en or fr.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::app::MainWindow</name>
    <message>
        <source>Simulation error: %1</source>
        <translation>Erreur de simulation : %1</translation>
    </message>
    <message>
        <source>Swarmergy — operations console</source>
        <translation>Swarmergy — console d'exploitation</translation>
    </message>
    <message>
        <source>Essaim</source>
        <translation>Essaim</translation>
    </message>
    <message>
        <source>The region: ruches, the lines between them, the national grid and the SeasonStore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>One neighbourhood microgrid: its live flows and today's key figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>History of load, PV, exchange, state of charge and price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fleet</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Every alvéole, sortable and filterable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ruche:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause the simulation (Space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advance one 15-minute step (N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Real time: one simulated second per second (Ctrl+1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>60×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One simulated minute per second (Ctrl+2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3600×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One simulated hour per second (Ctrl+3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As fast as the machine allows (Ctrl+4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnect grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Islanding drill: cut the national grid link of every ruche (Ctrl+I)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Swarmergy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time controls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed 1×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed 60×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed 3600×</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed max</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sim time %1 UTC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grid connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ISLANDED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnect the national grid?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every ruche loses its grid link. The essaim will run islanded on its own production and stores, shedding low-priority loads if needed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnect grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Swarmergy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Swarmergy %1&lt;/b&gt;&lt;p&gt;Operations console of a cooperative energy network: alvéoles, ruches and the essaim, simulated, optimised and accounted.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language of the console; applied at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline demo (applied at the next start)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of simulated households (1 to 50,000)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of neighbourhood microgrids the households are spread over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The same seed always gives the same simulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Alvéoles:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ruches:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::app::SimulationWorker</name>
    <message>
        <source>telemetry is no longer recorded: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::widgets::EssaimView</name>
    <message>
        <source>Islanded: the national grid is disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This essaim has no ruche.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Essaim</source>
        <translation>Essaim</translation>
    </message>
    <message numerus="yes">
        <source>Essaim · %n ruche(s) · %1</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Grid import %1 · export %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>import %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>export %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>National grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import from grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export to grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line between ruches (thickness: flow / capacity)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SeasonStore H₂ level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n alvéole(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Load %1 · PV %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HiveStore %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SeasonStore H₂ %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shedding %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click to open this ruche</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>National grid: connected</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetTableModel</name>
    <message>
        <source>unknown ruche %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no battery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in %2
Load %3 (shed %4) · PV %5 · net %6 (&gt; 0 exports)
Battery %7 of %8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alvéole</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SoC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Annual load</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PV peak</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Average demand over the current step (kW)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PV power used over the current step (kW)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Injection into the ruche bus (kW): positive exports, negative imports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State of charge of the MicroStore (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Energy stored in the MicroStore (kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Annual consumption of the household (kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Installed PV peak power (kWp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Energy taken from the ruche bus since midnight (kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Energy given to the ruche bus since midnight (kWh)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::widgets::FleetView</name>
    <message>
        <source>All ruches</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 of %Ln alvéole(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Filter by alvéole or ruche id…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows the alvéoles whose id or ruche contains this text (case-insensitive).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show one ruche only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Double-click an alvéole to open its history.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::widgets::RucheView</name>
    <message>
        <source>Self-sufficiency today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share of the served load not imported from the national grid, since midnight.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-consumption today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share of the PV production used inside the essaim rather than exported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Peak import today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Highest average import over one step since midnight.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grid cost today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imports minus exports at the grid tariff since midnight (cu).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2 of %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>curtailed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>shed %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n alvéole(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>MicroStores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HiveStore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>National grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>buy %1 · sell %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>islanded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SeasonStore (H₂)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other ruches</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>No data yet: waiting for the first snapshot of the simulation.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Ruche %1 does not exist in this essaim (it has %n ruche(s)).</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <source>Ruche %1 · %n alvéole(s) · %2</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <source>Islanded: grid disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ruche bus</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>swarmergy::widgets::TimeSeriesChartView</name>
    <message>
        <source>Load (kW)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PV (kW)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Net exchange (kW, &gt; 0 export)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Battery SoC (kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import price (cu/kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Power (kW)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored energy (kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price (cu/kWh)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time range shown; the resolution follows it (15-minute steps, hours or days).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start of the range (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End of the range (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the whole range again (wheel or drag to zoom, arrow keys to pan).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read the history again from the telemetry store.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History of ruche %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History of alvéole %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>15-minute steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hourly averages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>daily averages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a ruche or an alvéole to see its history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is stored for this range yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n point(s) · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::Units</name>
    <message>
        <source>cu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cu/kWh</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>