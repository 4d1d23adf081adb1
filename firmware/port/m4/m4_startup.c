/* Cortex-M4 startup: vector table, .data copy, .bss clear, FPU on, then main(). Shared by
 * the bootloader and the application; each defines the handlers it uses (weak defaults). */
#include <stdint.h>
#include <string.h>

#include "firmware/port/m4/m4_board.h"

extern uint32_t __stack_top;
extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end;
int main(void);

void Default_Handler(void)
{
    for (;;) {
        m4_wfi(); /* a fault parks the core; the host sees the link go silent */
    }
}

void Reset_Handler(void);
void NMI_Handler(void) __attribute__((weak, alias("Default_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Default_Handler")));
void UART0_RX_Handler(void) __attribute__((weak, alias("Default_Handler")));
void UART0_TX_Handler(void) __attribute__((weak, alias("Default_Handler")));

__attribute__((section(".isr_vector"), used)) void (*const g_vectors[16 + 32])(void) = {
    (void (*)(void))(&__stack_top), Reset_Handler, NMI_Handler, HardFault_Handler,
    Default_Handler, Default_Handler, Default_Handler, 0, 0, 0, 0,
    Default_Handler, Default_Handler, 0, Default_Handler, SysTick_Handler,
    [16 + UART0_RX_IRQ] = UART0_RX_Handler, [16 + UART0_TX_IRQ] = UART0_TX_Handler,
};

void Reset_Handler(void)
{
    SCB_CPACR |= 0xFu << 20; /* CP10/CP11 full access: hard-float code may run */
    __asm volatile("dsb\n isb");
    memcpy(&__data_start, &__data_load, (size_t)((char *)&__data_end - (char *)&__data_start));
    memset(&__bss_start, 0, (size_t)((char *)&__bss_end - (char *)&__bss_start));
    main();
    Default_Handler();
}
