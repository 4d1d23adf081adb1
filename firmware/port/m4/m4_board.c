/* Board services of the mps2-an386 used by both images: UART0, SysTick, reset, flash device
 * (file-backed RAM with NOR semantics), and libsecp256k1's external callbacks. */
#include "firmware/port/m4/m4_board.h"

#include <string.h>

#include "firmware/port/swh_flash_area.h"
#include "firmware/port/swh_flash_device.h"

void m4_uart_init(int interrupts)
{
    UART_BAUDDIV = SYSCLK_HZ / 115200u; /* QEMU ignores the rate but wants a divider >= 16 */
    if (!interrupts) {
        UART_CTRL = UART_CTRL_TXEN; /* the bootloader only talks: host bytes wait in QEMU */
        return;
    }
    UART_CTRL = UART_CTRL_TXEN | UART_CTRL_RXEN | UART_CTRL_RXINTEN | UART_CTRL_TXINTEN;
    NVIC_ISER0 = (1u << UART0_RX_IRQ) | (1u << UART0_TX_IRQ);
}

void m4_uart_write_polled(const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        while (UART_STATE & UART_STATE_TXFULL) {
        }
        UART_DATA = data[i];
    }
}

void m4_uart_drain(void)
{
    while (UART_STATE & UART_STATE_TXFULL) {
    }
}

void m4_systick_init(uint32_t hz)
{
    SYST_RVR = SYSCLK_HZ / hz - 1u;
    SYST_CVR = 0;
    SYST_CSR = 0x7u; /* processor clock, interrupt, enable */
}

void m4_system_reset(void)
{
    __asm volatile("dsb" ::: "memory");
    SCB_AIRCR = (0x5FAu << 16) | (1u << 2); /* VECTKEY | SYSRESETREQ */
    __asm volatile("dsb" ::: "memory");
    for (;;) {
    }
}

/* ---- flash device over the file-backed memory ---- */

static int in_flash(uint32_t addr, uint32_t len)
{
    return addr <= SWH_M4_FLASH_SIZE && len <= SWH_M4_FLASH_SIZE - addr;
}

int swh_flash_device_read(uint32_t addr, void *dst, uint32_t len)
{
    if (!in_flash(addr, len)) return -1;
    memcpy(dst, (const void *)(SWH_M4_FLASH_BASE + addr), len);
    return 0;
}

int swh_flash_device_write(uint32_t addr, const void *src, uint32_t len)
{
    if (!in_flash(addr, len)) return -1;
    volatile uint8_t *dst = (volatile uint8_t *)(SWH_M4_FLASH_BASE + addr);
    const uint8_t *bytes = (const uint8_t *)src;
    for (uint32_t i = 0; i < len; i += 4) {
        /* One 32-bit store per word: a kill of QEMU lands before or after it. */
        uint32_t word;
        memcpy(&word, bytes + i, 4);
        uint32_t old;
        memcpy(&old, (const void *)(dst + i), 4);
        *(volatile uint32_t *)(dst + i) = old & word; /* NOR: bits only go from 1 to 0 */
    }
    return 0;
}

int swh_flash_device_erase(uint32_t addr, uint32_t len)
{
    if (!in_flash(addr, len)) return -1;
    memset((void *)(SWH_M4_FLASH_BASE + addr), 0xFF, len);
    return 0;
}

/* ---- libsecp256k1 built with USE_EXTERNAL_DEFAULT_CALLBACKS ---- */

void secp256k1_default_illegal_callback_fn(const char *message, void *data)
{
    (void)message;
    (void)data;
    for (;;) {
        m4_wfi();
    }
}

void secp256k1_default_error_callback_fn(const char *message, void *data)
{
    (void)message;
    (void)data;
    for (;;) {
        m4_wfi();
    }
}
