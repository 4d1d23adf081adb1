/* The application on the M4: UART0 receive and transmit by interrupts into ring buffers,
 * SysTick at 100 Hz for time, and a main loop that sleeps in WFI whenever there is nothing
 * to do (a polling loop would burn a host core under QEMU). */
#include <string.h>

#include "firmware/core/swh_hub.h"
#include "firmware/core/swh_port.h"
#include "firmware/crypto/swh_crypto.h"
#include "firmware/port/m4/m4_board.h"
#include "firmware/port/m4/m4_ring.h"

#ifndef SWH_APP_VERSION
#define SWH_APP_VERSION SWP_VERSION_PACK(0, 0, 0)
#endif

#define TX_SIZE 2048u
#define TICK_HZ 100u

/* The receive ring holds a whole protocol window of maximum-size frames (m4_ring.h); C99
 * has no _Static_assert, so a negative array size fails the build otherwise. */
typedef char rx_ring_holds_the_window[M4_RX_RING_SIZE > SWH_HUB_WINDOW * SWP_MAX_WIRE_FRAME ? 1 : -1];
static uint8_t s_rxBuffer[M4_RX_RING_SIZE];
static m4_ring s_rx;
static uint8_t s_tx[TX_SIZE];
static volatile uint32_t s_txHead, s_txTail;
static volatile uint32_t s_txBusy;
static volatile uint32_t s_ticks;
static volatile uint32_t s_entropyPool[8];
static volatile uint32_t s_entropyCount;

void SysTick_Handler(void)
{
    ++s_ticks;
}

/* Arrival times of received bytes, read from the SysTick counter, are the board's noise. */
static void stir_entropy(uint32_t sample)
{
    const uint32_t i = s_entropyCount++ % 8u;
    s_entropyPool[i] = (s_entropyPool[i] << 7 | s_entropyPool[i] >> 25) ^ sample;
}

void UART0_RX_Handler(void)
{
    UART_INTSTATUS = UART_INT_RX;
    while (UART_STATE & UART_STATE_RXFULL) {
        const uint8_t byte = (uint8_t)UART_DATA;
        stir_entropy(SYST_CVR ^ ((uint32_t)byte << 24));
        m4_ring_push(&s_rx, byte); /* full: dropped; the host retransmits */
    }
}

void UART0_TX_Handler(void)
{
    UART_INTSTATUS = UART_INT_TX;
    if (s_txTail != s_txHead && !(UART_STATE & UART_STATE_TXFULL)) {
        UART_DATA = s_tx[s_txTail];
        s_txTail = (s_txTail + 1u) % TX_SIZE;
    } else if (s_txTail == s_txHead) {
        s_txBusy = 0;
    }
}

void swh_port_serial_write(const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        const uint32_t next = (s_txHead + 1u) % TX_SIZE;
        while (next == s_txTail) {
            m4_wfi(); /* ring full: the TX interrupt frees room */
        }
        s_tx[s_txHead] = data[i];
        s_txHead = next;
    }
    m4_disable_irq();
    if (!s_txBusy && s_txTail != s_txHead) {
        s_txBusy = 1;
        UART_DATA = s_tx[s_txTail];
        s_txTail = (s_txTail + 1u) % TX_SIZE;
    }
    m4_enable_irq();
}

uint32_t swh_port_millis(void)
{
    return s_ticks * (1000u / TICK_HZ);
}

int swh_port_entropy(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    static uint32_t counter;
    uint8_t block[32 + 8];
    for (size_t done = 0; done < len; done += 32) {
        memcpy(block, (const void *)s_entropyPool, 32);
        const uint32_t extra[2] = {SYST_CVR, ++counter + s_ticks};
        memcpy(block + 32, extra, 8);
        uint8_t digest[32];
        swh_sha256(block, sizeof block, digest);
        memcpy(out + done, digest, len - done < 32 ? len - done : 32);
    }
    return 0;
}

void swh_port_serial_number(uint8_t serial[8])
{
    static const uint8_t kSerial[8] = {'S', 'W', 'H', 'M', '4', 0, 0, 1};
    memcpy(serial, kSerial, 8);
}

int main(void)
{
    const volatile swh_m4_handoff *h = (const volatile swh_m4_handoff *)SWH_M4_HANDOFF_ADDRESS;
    const int fromBootloader = h->magic == SWH_M4_HANDOFF_MAGIC;
    const swh_hub_boot_info info = {fromBootloader ? h->slot : 0,
                                    fromBootloader ? (int)h->testBoot : 0,
                                    fromBootloader ? h->version : SWH_APP_VERSION, "SWH-M4"};
    m4_ring_init(&s_rx, s_rxBuffer, sizeof s_rxBuffer);
    m4_systick_init(TICK_HZ);
    m4_uart_init(1);
    m4_enable_irq();
    /* A byte that arrived before RX interrupts were on raises none: take it now, or QEMU's
     * one-byte receive buffer stays full and the link stalls. */
    m4_disable_irq();
    UART0_RX_Handler();
    m4_enable_irq();
    swh_hub_init(&info);
    for (;;) {
        uint8_t buf[128];
        const size_t n = m4_ring_pop(&s_rx, buf, sizeof buf);
        if (n > 0) {
            swh_hub_receive(buf, n);
            continue;
        }
        swh_hub_poll();
        if (swh_hub_reboot_requested() && !s_txBusy && s_txTail == s_txHead) {
            m4_system_reset();
        }
        m4_disable_irq();
        if (m4_ring_empty(&s_rx)) {
            m4_wfi(); /* wakes on UART or SysTick even with interrupts masked */
        }
        m4_enable_irq();
    }
}
