/* The Smart Hub application core: the protocol server on the serial link (every message of
 * firmware/protocol), metering, local decisions, appliances, identity, signed readings and
 * LoRaWAN uplinks. Single instance, no heap, no OS: a port feeds it received bytes and polls
 * it from its main loop (between WFI sleeps on the M4). */
#ifndef SWH_HUB_H
#define SWH_HUB_H
#include <stddef.h>
#include <stdint.h>

#include "firmware/core/swh_decision.h"
#include "firmware/core/swh_store.h"
#include "firmware/core/swh_zcl.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SWH_BOOTLOADER_VERSION SWP_VERSION_PACK(1, 0, 0)
/* Requests the hub accepts in flight (HELLO_REPLY's window): a port's receive buffer must
 * hold this many maximum-size wire frames (SWP_MAX_WIRE_FRAME). */
#define SWH_HUB_WINDOW 4u

typedef struct swh_hub_boot_info {
    int slot;         /* slot the bootloader started (0 = A, 1 = B) */
    int testBoot;     /* running on trial: CONFIRM makes it permanent */
    uint32_t firmwareVersion;
    const char *model; /* "SWH-M4", "SWH-HOST" */
} swh_hub_boot_info;

/* Starts the hub: loads the persistent store, seeds the DRBG from the port's entropy. */
void swh_hub_init(const swh_hub_boot_info *boot);
/* Feeds bytes received from the host. */
void swh_hub_receive(const uint8_t *data, size_t len);
/* The sensor interface: a port with its own metering front-end hands each sample here; the
 * simulated boards (QEMU, virtual hub) receive theirs as SENSOR_FEED on the link, which ends
 * in the same call. Integrates the previous decision up to the sample's time, decides anew. */
void swh_hub_sensor_sample(const swp_sensor_feed *sample);
/* Periodic work (telemetry stream). Call after every wake-up. */
void swh_hub_poll(void);
/* Set once a REBOOT was acknowledged: the port resets after its output drained. */
int swh_hub_reboot_requested(void);
/* The technician key the hub checks provisioning against (DEMO default, 32 bytes). */
void swh_hub_set_technician_key(const uint8_t key[32]);

/* Read-only views for tests and the port. */
const swh_persistent *swh_hub_persistent(void);
const swh_battery *swh_hub_battery(void);
const swh_decision *swh_hub_last_decision(void);
int swh_hub_identity_address(uint8_t address[20]);

#ifdef __cplusplus
}
#endif
#endif
