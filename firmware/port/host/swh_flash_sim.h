/* Host flash device: NOR semantics over a memory buffer (a RAM array in tests, an mmap'd
 * file in the virtual hub), with a write budget that simulates a power cut: once the budget
 * is spent, every write and erase fails and leaves flash as it was at the cut. Each aligned
 * word write and each sector erase costs one unit (MCUboot's simulator counts the same way). */
#ifndef SWH_FLASH_SIM_H
#define SWH_FLASH_SIM_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

void swh_flash_sim_attach(uint8_t *memory, size_t size);
/* Fills the attached memory with 0xFF (a factory-erased chip). */
void swh_flash_sim_erase_all(void);
/* budget < 0: unlimited. Resets the power-lost flag. */
void swh_flash_sim_set_budget(long budget);
int swh_flash_sim_power_lost(void);
/* Word writes and sector erases done since the last reset of the counter. */
long swh_flash_sim_operations(void);
void swh_flash_sim_reset_operations(void);

#ifdef __cplusplus
}
#endif
#endif
