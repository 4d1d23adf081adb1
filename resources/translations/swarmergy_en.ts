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
    <message>
        <source>%1: cannot read the technician key (%2)</source>
        <translation>%1: cannot read the technician key (%2)</translation>
    </message>
    <message>
        <source>%1: expected 64 hex digits (a 32-byte key), found %2 characters</source>
        <translation>%1: expected 64 hex digits (a 32-byte key), found %2 characters</translation>
    </message>
    <message>
        <source>the hub refused INFO: %1</source>
        <translation>the hub refused INFO: %1</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarms</translation>
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
        <source>Page shown at start: essaim, ruche, plan, charts, fleet, market or ledger.</source>
        <translation>Page shown at start: essaim, ruche, plan, charts, fleet, market or ledger.</translation>
    </message>
    <message>
        <source>Port of the demo ledger&apos;s JSON-RPC on 127.0.0.1 (0: any free port, -1: none).</source>
        <translation>Port of the demo ledger&apos;s JSON-RPC on 127.0.0.1 (0: any free port, -1: none).</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::LearningService</name>
    <message>
        <source>Demo history failed: %1</source>
        <translation>Demo history failed: %1</translation>
    </message>
    <message>
        <source>Training cancelled: previous models kept.</source>
        <translation>Training cancelled: previous models kept.</translation>
    </message>
    <message>
        <source>Models trained.</source>
        <translation>Models trained.</translation>
    </message>
    <message>
        <source>Models trained and saved.</source>
        <translation>Models trained and saved.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training failed: %1</translation>
    </message>
    <message>
        <source>Forecast failed: %1</source>
        <translation>Forecast failed: %1</translation>
    </message>
    <message>
        <source>Models loaded.</source>
        <translation>Models loaded.</translation>
    </message>
    <message>
        <source>Some models unusable: baseline in use.</source>
        <translation>Some models unusable: baseline in use.</translation>
    </message>
    <message>
        <source>Anomaly detection failed: %1</source>
        <translation>Anomaly detection failed: %1</translation>
    </message>
    <message>
        <source>No alarm %1.</source>
        <translation>No alarm %1.</translation>
    </message>
    <message>
        <source>Alarm journal error: %1</source>
        <translation>Alarm journal error: %1</translation>
    </message>
    <message>
        <source>SwarmBrain stopped learning from the simulation: %1</source>
        <translation>SwarmBrain stopped learning from the simulation: %1</translation>
    </message>
    <message>
        <source>SwarmBrain warm-up failed: %1</source>
        <translation>SwarmBrain warm-up failed: %1</translation>
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
    <message>
        <source>H&amp;ubs</source>
        <translation>H&amp;ubs</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>SwarmLedger: blocks, transactions, NRG balances, authorities</source>
        <translation>SwarmLedger: blocks, transactions, NRG balances, authorities</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Local prices, trades between neighbours, fair sharing of the savings, and their record on the ledger</source>
        <translation>Local prices, trades between neighbours, fair sharing of the savings, and their record on the ledger</translation>
    </message>
    <message>
        <source>Open JSON-RPC API: %1</source>
        <translation>Open JSON-RPC API: %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::app::ProvisioningWiring</name>
    <message>
        <source>&amp;Install a hub…</source>
        <translation>&amp;Install a hub…</translation>
    </message>
    <message>
        <source>Flash, provision and register a Smart Hub over its serial cable</source>
        <translation>Flash, provision and register a Smart Hub over its serial cable</translation>
    </message>
    <message>
        <source>demo hub %1</source>
        <translation>demo hub %1</translation>
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
    <message>
        <source>the local market is no longer settled: %1</source>
        <translation>the local market is no longer settled: %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 bytes, shorter than an image header (128 bytes)</source>
        <translation>%1 bytes, shorter than an image header (128 bytes)</translation>
    </message>
    <message>
        <source>not a Swarmergy image (magic 0x%1, expected 0x57465753 &apos;SWFW&apos;)</source>
        <translation>not a Swarmergy image (magic 0x%1, expected 0x57465753 &apos;SWFW&apos;)</translation>
    </message>
    <message>
        <source>header size %1, expected 128</source>
        <translation>header size %1, expected 128</translation>
    </message>
    <message>
        <source>payload size %1 bytes outside 1..262144</source>
        <translation>payload size %1 bytes outside 1..262144</translation>
    </message>
    <message>
        <source>truncated or padded: %1 bytes, the header announces %2</source>
        <translation>truncated or padded: %1 bytes, the header announces %2</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1: cannot read (%2)</translation>
    </message>
    <message>
        <source>%1: %2 bytes, larger than any image (256 KiB + header)</source>
        <translation>%1: %2 bytes, larger than any image (256 KiB + header)</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::FlashSession</name>
    <message>
        <source>state timeout</source>
        <translation>state timeout</translation>
    </message>
    <message>
        <source>Unplugged at %1 %: the hub did not come back in time. Reconnect it and flash again to resume from %1 %.</source>
        <translation>Unplugged at %1 %: the hub did not come back in time. Reconnect it and flash again to resume from %1 %.</translation>
    </message>
    <message>
        <source>Cannot open %1: check the cable and that the hub is powered.</source>
        <translation>Cannot open %1: check the cable and that the hub is powered.</translation>
    </message>
    <message>
        <source>The hub does not answer: check the cable, the port and that the hub is powered.</source>
        <translation>The hub does not answer: check the cable, the port and that the hub is powered.</translation>
    </message>
    <message>
        <source>The hub did not start the update (no reply to FLASH_BEGIN).</source>
        <translation>The hub did not start the update (no reply to FLASH_BEGIN).</translation>
    </message>
    <message>
        <source>transfer stalled</source>
        <translation>transfer stalled</translation>
    </message>
    <message>
        <source>the transfer stalled at %1 %</source>
        <translation>the transfer stalled at %1 %</translation>
    </message>
    <message>
        <source>The hub did not report the verification result.</source>
        <translation>The hub did not report the verification result.</translation>
    </message>
    <message>
        <source>The new image did not answer after the reboot: the hub will roll back to its previous image. Check the image and flash again.</source>
        <translation>The new image did not answer after the reboot: the hub will roll back to its previous image. Check the image and flash again.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Cancelled at %1 %: flash the same image again to resume.</source>
        <translation>Cancelled at %1 %: flash the same image again to resume.</translation>
    </message>
    <message>
        <source>The link dropped %1 times: check the cable, then flash again to resume.</source>
        <translation>The link dropped %1 times: check the cable, then flash again to resume.</translation>
    </message>
    <message>
        <source>After the reboot the hub runs %1, not %2: the new image did not start and the bootloader kept the previous one.</source>
        <translation>After the reboot the hub runs %1, not %2: the new image did not start and the bootloader kept the previous one.</translation>
    </message>
    <message>
        <source>The hub refused to confirm the new image: %1.</source>
        <translation>The hub refused to confirm the new image: %1.</translation>
    </message>
    <message>
        <source>Flashed %1 in %2 s; the hub runs it and confirmed it.</source>
        <translation>Flashed %1 in %2 s; the hub runs it and confirmed it.</translation>
    </message>
    <message>
        <source>Cannot talk to this hub: %1.</source>
        <translation>Cannot talk to this hub: %1.</translation>
    </message>
    <message>
        <source>This hub (%1) cannot be flashed over the link.</source>
        <translation>This hub (%1) cannot be flashed over the link.</translation>
    </message>
    <message>
        <source>The hub refused to start the update: %1.</source>
        <translation>The hub refused to start the update: %1.</translation>
    </message>
    <message>
        <source>no acknowledgement from the hub</source>
        <translation>no acknowledgement from the hub</translation>
    </message>
    <message>
        <source>The hub answered a chunk unexpectedly: %1.</source>
        <translation>The hub answered a chunk unexpectedly: %1.</translation>
    </message>
    <message>
        <source>The hub refused a chunk: %1.</source>
        <translation>The hub refused a chunk: %1.</translation>
    </message>
    <message>
        <source>the hub lost the update session</source>
        <translation>the hub lost the update session</translation>
    </message>
    <message>
        <source>The hub refused the image: %1. The running image stays.</source>
        <translation>The hub refused the image: %1. The running image stays.</translation>
    </message>
    <message>
        <source>Image %1 transferred and verified; reboot the hub to test it.</source>
        <translation>Image %1 transferred and verified; reboot the hub to test it.</translation>
    </message>
    <message>
        <source>The hub refused to reboot into the new image: %1.</source>
        <translation>The hub refused to reboot into the new image: %1.</translation>
    </message>
    <message>
        <source>the hub runs a test image that is not confirmed yet; reboot it (it rolls back) or finish the previous update first</source>
        <translation>the hub runs a test image that is not confirmed yet; reboot it (it rolls back) or finish the previous update first</translation>
    </message>
    <message>
        <source>the image is larger than a slot</source>
        <translation>the image is larger than a slot</translation>
    </message>
    <message>
        <source>the received bytes do not match the image&apos;s SHA-256 (corrupted in transfer)</source>
        <translation>the received bytes do not match the image&apos;s SHA-256 (corrupted in transfer)</translation>
    </message>
    <message>
        <source>not a Swarmergy image</source>
        <translation>not a Swarmergy image</translation>
    </message>
    <message>
        <source>the image header is invalid</source>
        <translation>the image header is invalid</translation>
    </message>
    <message>
        <source>the image is truncated</source>
        <translation>the image is truncated</translation>
    </message>
    <message>
        <source>the image is corrupted (content does not match its hash)</source>
        <translation>the image is corrupted (content does not match its hash)</translation>
    </message>
    <message>
        <source>the image is not signed by the cooperative&apos;s firmware key</source>
        <translation>the image is not signed by the cooperative&apos;s firmware key</translation>
    </message>
    <message>
        <source>the image is older than the hub&apos;s version floor (downgrade refused)</source>
        <translation>the image is older than the hub&apos;s version floor (downgrade refused)</translation>
    </message>
    <message>
        <source>the hub&apos;s flash failed to write</source>
        <translation>the hub&apos;s flash failed to write</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::HubLink</name>
    <message>
        <source>link closed</source>
        <translation>link closed</translation>
    </message>
    <message>
        <source>cannot encode %1: %2</source>
        <translation>cannot encode %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>no reply from the hub after %n attempt(s)</source>
        <translation>
            <numerusform>no reply from the hub after %n attempt</numerusform>
            <numerusform>no reply from the hub after %n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>the hub sent a malformed %1 (%2)</source>
        <translation>the hub sent a malformed %1 (%2)</translation>
    </message>
    <message>
        <source>the hub answered HELLO with %1 (%2)</source>
        <translation>the hub answered HELLO with %1 (%2)</translation>
    </message>
    <message>
        <source>the hub speaks protocol version %1, this console %2</source>
        <translation>the hub speaks protocol version %1, this console %2</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::HubLinkServiceImpl</name>
    <message>
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <source>Cannot open %1 (%2): check the cable and that no other program uses the port.</source>
        <translation>Cannot open %1 (%2): check the cable and that no other program uses the port.</translation>
    </message>
    <message>
        <source>The hub does not answer (%1): check that it is powered and that this is its port.</source>
        <translation>The hub does not answer (%1): check that it is powered and that this is its port.</translation>
    </message>
    <message>
        <source>No hub connected: pick a port first.</source>
        <translation>No hub connected: pick a port first.</translation>
    </message>
    <message>
        <source>A flash is already running.</source>
        <translation>A flash is already running.</translation>
    </message>
    <message>
        <source>No technician credential is loaded: set your key file in the settings.</source>
        <translation>No technician credential is loaded: set your key file in the settings.</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::MockLink</name>
    <message>
        <source>no such device (the mock hub is unplugged)</source>
        <translation>no such device (the mock hub is unplugged)</translation>
    </message>
    <message>
        <source>the device was removed (mock unplug)</source>
        <translation>the device was removed (mock unplug)</translation>
    </message>
    <message>
        <source>write on a closed port</source>
        <translation>write on a closed port</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::ProvisioningClient</name>
    <message>
        <source>No technician credential: load your key file first.</source>
        <translation>No technician credential: load your key file first.</translation>
    </message>
    <message>
        <source>The LoRaWAN session keys must be 16 bytes each.</source>
        <translation>The LoRaWAN session keys must be 16 bytes each.</translation>
    </message>
    <message>
        <source>The hub does not answer (%1): check the cable and the port.</source>
        <translation>The hub does not answer (%1): check the cable and the port.</translation>
    </message>
    <message>
        <source>This hub cannot be provisioned over the link (no PROVISION capability).</source>
        <translation>This hub cannot be provisioned over the link (no PROVISION capability).</translation>
    </message>
    <message>
        <source>The hub refused the challenge: %1.</source>
        <translation>The hub refused the challenge: %1.</translation>
    </message>
    <message>
        <source>No challenge from the hub (%1): reconnect and try again.</source>
        <translation>No challenge from the hub (%1): reconnect and try again.</translation>
    </message>
    <message>
        <source>The hub refused provisioning: %1.</source>
        <translation>The hub refused provisioning: %1.</translation>
    </message>
    <message>
        <source>No answer to PROVISION (%1): reconnect and provision again.</source>
        <translation>No answer to PROVISION (%1): reconnect and provision again.</translation>
    </message>
    <message>
        <source>The hub refused the technician credential: check your key file, then provision again.</source>
        <translation>The hub refused the technician credential: check your key file, then provision again.</translation>
    </message>
    <message>
        <source>The hub could not store its provisioning: %1.</source>
        <translation>The hub could not store its provisioning: %1.</translation>
    </message>
    <message>
        <source>The ledger domain is invalid (chain id %1, token address of %2 bytes): give a chain id above 0 and a 20-byte NRGcoin address.</source>
        <translation>The ledger domain is invalid (chain id %1, token address of %2 bytes): give a chain id above 0 and a 20-byte NRGcoin address.</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::PtyFakeHub</name>
    <message>
        <source>openpty failed: %1</source>
        <translation>openpty failed: %1</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::SerialPortWorker</name>
    <message>
        <source>write on a closed port</source>
        <translation>write on a closed port</translation>
    </message>
</context>
<context>
    <name>swarmergy::drivers::VirtualHubProcess</name>
    <message>
        <source>cannot start %1: %2</source>
        <translation>cannot start %1: %2</translation>
    </message>
    <message>
        <source>%1 did not print its port: %2</source>
        <translation>%1 did not print its port: %2</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::AlarmView</name>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Alarm %1 acknowledged.</source>
        <translation>Alarm %1 acknowledged.</translation>
    </message>
    <message>
        <source>Alarm %1 shelved until %2 UTC.</source>
        <translation>Alarm %1 shelved until %2 UTC.</translation>
    </message>
    <message>
        <source>Alarm %1 back on the list.</source>
        <translation>Alarm %1 back on the list.</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Returned, unacknowledged</source>
        <translation>Returned, unacknowledged</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Shelved</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Suppressed</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm (Ctrl+K)</source>
        <translation>Acknowledge the selected alarm (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Shelve</source>
        <translation>&amp;Shelve</translation>
    </message>
    <message>
        <source>Hide the selected alarm until the chosen time; it comes back if its condition persists</source>
        <translation>Hide the selected alarm until the chosen time; it comes back if its condition persists</translation>
    </message>
    <message>
        <source>&amp;Unshelve</source>
        <translation>&amp;Unshelve</translation>
    </message>
    <message numerus="yes">
        <source>for %n hour(s)</source>
        <translation>
            <numerusform>for %n hour</numerusform>
            <numerusform>for %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Raised (UTC)</source>
        <translation>Raised (UTC)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Event journal</source>
        <translation>Event journal</translation>
    </message>
    <message>
        <source>No alarm source.</source>
        <translation>No alarm source.</translation>
    </message>
    <message numerus="yes">
        <source>%n standing alarm(s) · %1 alarms per operator per day (manageable: up to %2) · %3 suppressed by cause</source>
        <translation>
            <numerusform>%n standing alarm · %1 alarms per operator per day (manageable: up to %2) · %3 suppressed by cause</numerusform>
            <numerusform>%n standing alarms · %1 alarms per operator per day (manageable: up to %2) · %3 suppressed by cause</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1 h to detect</source>
        <translation>%1 h to detect</translation>
    </message>
    <message>
        <source>Planted faults (demo ground truth): %1 of %2 detected</source>
        <translation>Planted faults (demo ground truth): %1 of %2 detected</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) with no planted cause</source>
        <translation>
            <numerusform>%n alarm with no planted cause</numerusform>
            <numerusform>%n alarms with no planted cause</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
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
    <name>swarmergy::widgets::ForecastView</name>
    <message>
        <source>No forecast yet.</source>
        <translation>No forecast yet.</translation>
    </message>
    <message>
        <source>MAE %1 kW (model) vs %2 kW (seasonal naive): skill %3 %, band coverage %4 %</source>
        <translation>MAE %1 kW (model) vs %2 kW (seasonal naive): skill %3 %, band coverage %4 %</translation>
    </message>
    <message>
        <source>Skill not evaluated yet.</source>
        <translation>Skill not evaluated yet.</translation>
    </message>
    <message>
        <source>%1 %2: baseline forecast in use (%3)</source>
        <translation>%1 %2: baseline forecast in use (%3)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>load</translation>
    </message>
    <message>
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <source>Training… %1 %</source>
        <translation>Training… %1 %</translation>
    </message>
    <message>
        <source>No model trained yet.</source>
        <translation>No model trained yet.</translation>
    </message>
    <message>
        <source>Models version %1, trained in %2 s; validation MAE load %3 kW, PV %4 kW. %5</source>
        <translation>Models version %1, trained in %2 s; validation MAE load %3 kW, PV %4 kW. %5</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Train now</source>
        <translation>Train now</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>90 %</source>
        <translation>90 %</translation>
    </message>
    <message>
        <source>10 %</source>
        <translation>10 %</translation>
    </message>
    <message>
        <source>10-90 % band</source>
        <translation>10-90 % band</translation>
    </message>
    <message>
        <source>Forecast (median)</source>
        <translation>Forecast (median)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Hours from origin</source>
        <translation>Hours from origin</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>Power (kW)</translation>
    </message>
    <message>
        <source>Forecast vs measured</source>
        <translation>Forecast vs measured</translation>
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
        <translation>
            <numerusform>%n port found.</numerusform>
            <numerusform>%n ports found.</numerusform>
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
    <name>swarmergy::widgets::LedgerAccountsModel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Transactions sent</source>
        <translation>Transactions sent</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::LedgerExplorerView</name>
    <message>
        <source>in turn</source>
        <translation>in turn</translation>
    </message>
    <message>
        <source>out of turn</source>
        <translation>out of turn</translation>
    </message>
    <message>
        <source>reverted: </source>
        <translation>reverted: </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <source>#%1 at %2</source>
        <translation>#%1 at %2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>add</source>
        <translation>add</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>remove</translation>
    </message>
    <message>
        <source>%1 of %2 needed</source>
        <translation>%1 of %2 needed</translation>
    </message>
    <message>
        <source>NRG balance of %1 over time</source>
        <translation>NRG balance of %1 over time</translation>
    </message>
    <message>
        <source>Type an authority address: 0x followed by 40 hexadecimal digits.</source>
        <translation>Type an authority address: 0x followed by 40 hexadecimal digits.</translation>
    </message>
    <message>
        <source>Propose a new authority?</source>
        <translation>Propose a new authority?</translation>
    </message>
    <message>
        <source>Propose to remove an authority?</source>
        <translation>Propose to remove an authority?</translation>
    </message>
    <message>
        <source>This console&apos;s authority will vote to let %1 seal blocks. It becomes an authority when a majority of the current authorities has voted.</source>
        <translation>This console&apos;s authority will vote to let %1 seal blocks. It becomes an authority when a majority of the current authorities has voted.</translation>
    </message>
    <message>
        <source>This console&apos;s authority will vote to stop %1 from sealing blocks. It is removed when a majority of the current authorities has voted.</source>
        <translation>This console&apos;s authority will vote to stop %1 from sealing blocks. It is removed when a majority of the current authorities has voted.</translation>
    </message>
    <message>
        <source>Vote cast for %1.</source>
        <translation>Vote cast for %1.</translation>
    </message>
    <message>
        <source>Vote refused: %1</source>
        <translation>Vote refused: %1</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocks</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Authorities</source>
        <translation>Authorities</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Sealed by</source>
        <translation>Sealed by</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Turn</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last block sealed</source>
        <translation>Last block sealed</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Filter by alvéole, label or address…</source>
        <translation>Filter by alvéole, label or address…</translation>
    </message>
    <message>
        <source>Vote on the authorities</source>
        <translation>Vote on the authorities</translation>
    </message>
    <message>
        <source>Authority address (0x…)</source>
        <translation>Authority address (0x…)</translation>
    </message>
    <message>
        <source>Propose to &amp;add</source>
        <translation>Propose to &amp;add</translation>
    </message>
    <message>
        <source>Propose to re&amp;move</source>
        <translation>Propose to re&amp;move</translation>
    </message>
    <message>
        <source>Vote, as this console&apos;s authority, to let this address seal blocks</source>
        <translation>Vote, as this console&apos;s authority, to let this address seal blocks</translation>
    </message>
    <message>
        <source>Vote, as this console&apos;s authority, to stop this address from sealing blocks</source>
        <translation>Vote, as this console&apos;s authority, to stop this address from sealing blocks</translation>
    </message>
    <message>
        <source>Select an account to see its NRG balance over time</source>
        <translation>Select an account to see its NRG balance over time</translation>
    </message>
    <message>
        <source>NRG</source>
        <translation>NRG</translation>
    </message>
    <message>
        <source>No ledger node is running.</source>
        <translation>No ledger node is running.</translation>
    </message>
    <message>
        <source>Chain %1 · block #%2 · a block every %3 s · NRGcoin at %4 · supply %5 NRG · %6 readings minted · %7 intervals settled</source>
        <translation>Chain %1 · block #%2 · a block every %3 s · NRGcoin at %4 · supply %5 NRG · %6 readings minted · %7 intervals settled</translation>
    </message>
</context>
<context>
    <name>swarmergy::widgets::MarketView</name>
    <message>
        <source>No ledger: the market is settled and shown here but not recorded.</source>
        <translation>No ledger: the market is settled and shown here but not recorded.</translation>
    </message>
    <message numerus="yes">
        <source>SwarmLedger records the market of %n alvéole(s)</source>
        <translation>
            <numerusform>SwarmLedger records the market of %n alvéole</numerusform>
            <numerusform>SwarmLedger records the market of %n alvéoles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hub readings relayed (they mint NRG), %2 skipped</source>
        <translation>%1 hub readings relayed (they mint NRG), %2 skipped</translation>
    </message>
    <message>
        <source>last interval recorded: %1</source>
        <translation>last interval recorded: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n interval(s) waiting</source>
        <translation>
            <numerusform>%n interval waiting</numerusform>
            <numerusform>%n intervals waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Last ledger error: %1</source>
        <translation>Last ledger error: %1</translation>
    </message>
    <message>
        <source>plan (marginal price)</source>
        <translation>plan (marginal price)</translation>
    </message>
    <message>
        <source>grid tariff at the gate</source>
        <translation>grid tariff at the gate</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>sampled, %1 permutations</source>
        <translation>sampled, %1 permutations</translation>
    </message>
    <message>
        <source>Alvéoles of %1, last %2 h</source>
        <translation>Alvéoles of %1, last %2 h</translation>
    </message>
    <message>
        <source>Alvéoles</source>
        <translation>Alvéoles</translation>
    </message>
    <message>
        <source>Local market</source>
        <translation>Local market</translation>
    </message>
    <message>
        <source>Every 15 minutes each alvéole&apos;s exchange with its ruche is settled at the ruche&apos;s price (the plan&apos;s marginal price, kept between the grid&apos;s export and import tariffs). The savings against everyone alone with the grid are shared by Shapley value: what each home brings to the community on average.</source>
        <translation>Every 15 minutes each alvéole&apos;s exchange with its ruche is settled at the ruche&apos;s price (the plan&apos;s marginal price, kept between the grid&apos;s export and import tariffs). The savings against everyone alone with the grid are shared by Shapley value: what each home brings to the community on average.</translation>
    </message>
    <message>
        <source>Community savings, 24 h</source>
        <translation>Community savings, 24 h</translation>
    </message>
    <message>
        <source>against every alvéole alone with the grid</source>
        <translation>against every alvéole alone with the grid</translation>
    </message>
    <message>
        <source>Sold to neighbours, 24 h</source>
        <translation>Sold to neighbours, 24 h</translation>
    </message>
    <message>
        <source>energy the alvéoles delivered to their ruche</source>
        <translation>energy the alvéoles delivered to their ruche</translation>
    </message>
    <message>
        <source>Intervals on SwarmLedger</source>
        <translation>Intervals on SwarmLedger</translation>
    </message>
    <message>
        <source>settlements recorded by the Settlement contract</source>
        <translation>settlements recorded by the Settlement contract</translation>
    </message>
    <message>
        <source>Ruche</source>
        <translation>Ruche</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>Price from</translation>
    </message>
    <message>
        <source>Sold, 24 h</source>
        <translation>Sold, 24 h</translation>
    </message>
    <message>
        <source>Savings, 24 h</source>
        <translation>Savings, 24 h</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Sharing</translation>
    </message>
    <message>
        <source>Price of the last settled interval, cu/kWh (1 cu = 1 NRG)</source>
        <translation>Price of the last settled interval, cu/kWh (1 cu = 1 NRG)</translation>
    </message>
    <message>
        <source>Alvéole</source>
        <translation>Alvéole</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Net amount</translation>
    </message>
    <message>
        <source>Shapley share</source>
        <translation>Shapley share</translation>
    </message>
    <message>
        <source>Share of savings</source>
        <translation>Share of savings</translation>
    </message>
    <message>
        <source>Received minus paid at the ruche&apos;s prices, cu</source>
        <translation>Received minus paid at the ruche&apos;s prices, cu</translation>
    </message>
    <message>
        <source>Its fair part of the ruche&apos;s savings, cu</source>
        <translation>Its fair part of the ruche&apos;s savings, cu</translation>
    </message>
    <message numerus="yes">
        <source>%n interval(s) not recorded: the simulation ran faster than the ledger</source>
        <translation>
            <numerusform>%n interval not recorded: the simulation ran faster than the ledger</numerusform>
            <numerusform>%n intervals not recorded: the simulation ran faster than the ledger</numerusform>
        </translation>
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
