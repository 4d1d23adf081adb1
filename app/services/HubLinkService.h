#pragma once
// The narrow door between the technician's wizard (widgets/provisioning) and the hub link
// (drivers/): ports, identity, images, flashing and provisioning, in plain C++ so that the
// wizard never sees a serial port and a test can hand in a fake. Implemented by
// drivers/service (HubLinkServiceImpl) and wired by app/ProvisioningWiring.
//
// Threading: call from the GUI thread; every callback runs later on the GUI thread (never
// inside the call that started the work). Strings are UTF-8 and already translated.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace swarmergy::app {

struct HubPort {
    std::string path;         // what connectHub() takes: "/dev/ttyUSB0", "/dev/pts/4"
    std::string description;  // "CP2102 USB to UART", "virtual hub 2"
    bool isVirtual = false;
};

struct HubIdentityInfo {
    std::string model;
    std::string serial;            // hex
    std::string firmwareVersion;   // "1.2.0"
    std::string bootloaderVersion;
    std::string versionFloor;
    char activeSlot = 'A';
    bool testBoot = false;         // running a test image not confirmed yet
    bool provisioned = false;
    std::string address;           // EIP-55 "0x...", empty when not provisioned
    std::uint32_t rucheNumber = 0;
    std::uint32_t alveoleNumber = 0;
    bool canFlash = false;
    bool canProvision = false;
};

struct FirmwareImageInfo {
    std::string path;
    std::string version;           // "1.2.0"
    std::uint64_t sizeBytes = 0;
};

enum class FlashPhase {
    Connecting, Handshake, Erasing, Sending, Verifying, Rebooting, Confirming,
    Done, Failed, Cancelled,
};

struct FlashProgressInfo {
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
    double bytesPerSecond = 0;
    double secondsLeft = -1;       // -1 while unknown
    int percent = 0;
};

struct FlashObserver {
    std::function<void(FlashPhase)> onPhase;
    std::function<void(const FlashProgressInfo&)> onProgress;
    // The link dropped mid-transfer; the flasher waits for the hub to come back and resumes.
    std::function<void(int percent, const std::string& reason)> onUnplugged;
    // Once, with Done, Failed or Cancelled and a sentence saying what to do next on failure.
    std::function<void(FlashPhase finalPhase, const std::string& message)> onFinished;
};

struct ProvisioningOutcome {
    bool ok = false;
    std::string error;             // what went wrong and what to do next
    std::string address;           // EIP-55 "0x..."
    std::string publicKeyHex;      // 128 hex digits, X || Y
};

class HubLinkService {
public:
    virtual ~HubLinkService() = default;

    // Serial ports that may hold a hub, virtual hubs first.
    virtual std::vector<HubPort> ports() = 0;
    // Opens the port and reads the hub's identity; done(error or "", identity).
    virtual void connectHub(const std::string& portPath,
                            std::function<void(const std::string& error,
                                               const HubIdentityInfo& identity)> done) = 0;
    virtual void disconnectHub() = 0;
    // Signed images available to flash, oldest first.
    virtual std::vector<FirmwareImageInfo> images() = 0;
    // Starts flashing the connected hub; false with *error when it cannot start.
    virtual bool startFlash(const std::string& imagePath, FlashObserver observer,
                            std::string* error) = 0;
    virtual void cancelFlash() = 0;
    // Provisions the connected hub with the technician credential the service holds.
    virtual void provision(std::uint32_t rucheNumber, std::uint32_t alveoleNumber,
                           std::function<void(const ProvisioningOutcome&)> done) = 0;
};

}  // namespace swarmergy::app
