# QEMU suite (functional, slow): needs the ARM images (arm-none-eabi-gcc), qemu-system-arm, socat.
if(SWARMERGY_FW_M4_IMAGES AND TARGET swarmergy_fw_images)
  list(GET SWARMERGY_FW_M4_IMAGES 0 fw_v1)
  list(GET SWARMERGY_FW_M4_IMAGES 1 fw_v2)
  swarmergy_test(tst_fw_qemu SOURCES tst_qemu.cpp LIBS swarmergy_fw_port_host swarmergy_fw_boot
                 LABELS "functional;slow" TIMEOUT 400
                 ARGS ${SWARMERGY_FW_BOOTLOADER} ${fw_v1} ${fw_v2} $<TARGET_FILE:swarmergy-fw-tool> 20)
  add_dependencies(tst_fw_qemu swarmergy_fw_images swarmergy-fw-tool)
endif()
