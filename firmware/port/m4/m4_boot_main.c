/* The bootloader: QEMU loads it at 0x0 on every power-on and reset. It verifies both slots
 * (firmware/boot: hash, signature, version floor), picks one (test boot, confirmed, or
 * rollback), copies its payload to the execution address, leaves a handoff for the
 * application and jumps. One status line goes out on UART0, ended by 0x00 so a host's COBS
 * decoder drops it as one rejected block. */
#include <string.h>

#include "firmware/boot/swh_boot.h"
#include "firmware/port/m4/m4_board.h"
#include "firmware/port/swh_flash_area.h"

static void say(const char *text)
{
    m4_uart_write_polled((const uint8_t *)text, strlen(text));
}

static void halt(const char *why)
{
    say("swh-boot: ");
    say(why);
    say("\n");
    m4_uart_write_polled((const uint8_t *)"", 1);
    for (;;) {
        m4_wfi();
    }
}

static void jump_to(uint32_t base)
{
    const uint32_t sp = ((const volatile uint32_t *)base)[0];
    const uint32_t pc = ((const volatile uint32_t *)base)[1];
    SCB_VTOR = base;
    __asm volatile("dsb\n isb");
    __asm volatile("msr msp, %0\n bx %1" : : "r"(sp), "r"(pc) : "memory");
}

int main(void)
{
    m4_uart_init(0);
    static swh_boot_state st;
    if (swh_boot_select(&st) != 0) {
        halt("no bootable image");
    }
    const swh_image_header *h = &st.slots[st.bootSlot].header;
    if (h->loadAddress != SWH_M4_APP_LOAD_ADDRESS) {
        halt("image linked for another address");
    }
    const swh_flash_area *fa = swh_flash_area_get(swh_boot_slot_area(st.bootSlot));
    memcpy((void *)SWH_M4_APP_LOAD_ADDRESS,
           (const void *)(SWH_M4_FLASH_BASE + fa->offset + SWH_IMAGE_HEADER_SIZE), h->payloadSize);
    volatile swh_m4_handoff *handoff = (volatile swh_m4_handoff *)SWH_M4_HANDOFF_ADDRESS;
    handoff->magic = SWH_M4_HANDOFF_MAGIC;
    handoff->slot = st.bootSlot;
    handoff->testBoot = st.testBoot;
    handoff->version = h->version;
    char line[48] = "swh-boot: slot ";
    char version[16];
    swp_version_format(h->version, version, sizeof version);
    line[15] = (char)('A' + st.bootSlot);
    line[16] = ' ';
    memcpy(line + 17, version, strlen(version) + 1);
    say(line);
    say(st.testBoot ? " test\n" : "\n");
    m4_uart_write_polled((const uint8_t *)"", 1);
    m4_uart_drain(); /* the application's first byte would overwrite a byte still pending */
    jump_to(SWH_M4_APP_LOAD_ADDRESS);
    return 0;
}
