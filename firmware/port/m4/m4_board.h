/* QEMU mps2-an386 (Cortex-M4F) board definitions shared by the bootloader and the app. */
#ifndef SWH_M4_BOARD_H
#define SWH_M4_BOARD_H
#include <stddef.h>
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))

/* CMSDK APB UART0 (ARM DDI 0479, CMSDK technical reference, 4.3). */
#define UART0_BASE 0x40004000u
#define UART_DATA REG32(UART0_BASE + 0x00u)
#define UART_STATE REG32(UART0_BASE + 0x04u)
#define UART_CTRL REG32(UART0_BASE + 0x08u)
#define UART_INTSTATUS REG32(UART0_BASE + 0x0Cu)
#define UART_BAUDDIV REG32(UART0_BASE + 0x10u)
#define UART_STATE_TXFULL 0x1u
#define UART_STATE_RXFULL 0x2u
#define UART_CTRL_TXEN 0x1u
#define UART_CTRL_RXEN 0x2u
#define UART_CTRL_TXINTEN 0x4u
#define UART_CTRL_RXINTEN 0x8u
#define UART_INT_TX 0x1u
#define UART_INT_RX 0x2u
#define UART0_RX_IRQ 0u /* QEMU hw/arm/mps2.c: UART0 RX irq 0, TX irq 1 */
#define UART0_TX_IRQ 1u
#define SYSCLK_HZ 25000000u

/* System control (ARMv7-M ARM, B3.2). */
#define SCB_VTOR REG32(0xE000ED08u)
#define SCB_AIRCR REG32(0xE000ED0Cu)
#define SCB_CPACR REG32(0xE000ED88u)
#define SYST_CSR REG32(0xE000E010u)
#define SYST_RVR REG32(0xE000E014u)
#define SYST_CVR REG32(0xE000E018u)
#define NVIC_ISER0 REG32(0xE000E100u)

/* The "flash": QEMU's machine RAM at 0x21000000, backed by a file (TOOLCHAIN.md). */
#define SWH_M4_FLASH_BASE 0x21000000u
#define SWH_M4_FLASH_SIZE 0x01000000u
/* Where application images run (copied there by the bootloader) and the boot handoff. */
#define SWH_M4_APP_LOAD_ADDRESS 0x00020000u
#define SWH_M4_HANDOFF_ADDRESS 0x20030000u
#define SWH_M4_HANDOFF_MAGIC 0x48414E44u /* "DNAH" */

typedef struct swh_m4_handoff {
    uint32_t magic;
    int32_t slot;
    uint32_t testBoot;
    uint32_t version;
} swh_m4_handoff;

void m4_uart_init(int interrupts);
void m4_uart_write_polled(const uint8_t *data, size_t len);
/* Waits until the last byte left the transmitter (before a jump or reset). */
void m4_uart_drain(void);
void m4_systick_init(uint32_t hz);
void m4_system_reset(void);

static inline void m4_enable_irq(void) { __asm volatile("cpsie i" ::: "memory"); }
static inline void m4_disable_irq(void) { __asm volatile("cpsid i" ::: "memory"); }
static inline void m4_wfi(void) { __asm volatile("wfi" ::: "memory"); }

#endif
