/* Receiving a new image into the inactive slot (the FLASH_BEGIN / FLASH_CHUNK / FLASH_END
 * handlers of the application). The session lives in RAM: after an unplug the host resumes
 * from next_offset; after a power loss it starts over (the half-written slot is not
 * bootable: its trailer was erased first and its hash does not match). */
#ifndef SWH_UPDATE_H
#define SWH_UPDATE_H
#include <stdint.h>

#include "firmware/crypto/swh_crypto.h"
#include "firmware/protocol/swp_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest inflated FLASH_CHUNK (an RLE chunk may not expand beyond this). */
#define SWH_UPDATE_MAX_INFLATED 4096u

typedef struct swh_update {
    uint8_t active;   /* a session is open */
    uint8_t verified; /* FLASH_END accepted the image */
    int slot;         /* target slot */
    uint32_t imageSize;
    uint32_t nextOffset;
    uint8_t expectedSha[32];
    uint8_t tail[4]; /* received bytes not yet written (flash writes are word-aligned) */
    uint8_t tailLen;
    uint32_t version; /* of the verified image */
    swh_sha256_ctx sha;
} swh_update;

void swh_update_init(swh_update *update);
/* runningSlot/runningConfirmed: the image executing now. A session with the same size and
 * hash as the open one resumes (*nextOffset > 0); anything else erases the other slot. */
swp_status swh_update_begin(swh_update *update, int runningSlot, int runningConfirmed,
                            uint32_t imageSize, const uint8_t sha256[32], uint32_t *nextOffset);
/* Chunks must arrive at *nextOffset; an already-received chunk is acknowledged again. */
swp_status swh_update_chunk(swh_update *update, uint32_t offset, uint8_t encoding,
                            const uint8_t *data, uint16_t len, uint32_t *nextOffset);
/* All bytes received: hash check, then full image verification (signature, version floor). */
swp_status swh_update_end(swh_update *update);
/* Marks the verified image for a test boot at the next reset. */
swp_status swh_update_activate(swh_update *update);

#ifdef __cplusplus
}
#endif
#endif
