/* What the application core needs from a board, besides flash (port/swh_flash_area.h).
 * port/host implements it over a pseudo-terminal and the Linux clock; port/m4 over the CMSDK
 * UART, SysTick and QEMU's memory. Picked at link time, never with #ifdef in the core. */
#ifndef SWH_PORT_H
#define SWH_PORT_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Queues bytes for the serial link to the host (may block until there is room). */
void swh_port_serial_write(const uint8_t *data, size_t len);
/* Milliseconds since power-on (wraps after 49 days; the core uses differences only). */
uint32_t swh_port_millis(void);
/* Fills out with the board's entropy (noise source, timer jitter...); 0 on success.
 * Signature matches mbedtls' entropy callback so it can seed the DRBG directly. */
int swh_port_entropy(void *ctx, uint8_t *out, size_t len);
/* The board's serial number (factory-unique), personalises the DRBG and shows in INFO. */
void swh_port_serial_number(uint8_t serial[8]);

#ifdef __cplusplus
}
#endif
#endif
