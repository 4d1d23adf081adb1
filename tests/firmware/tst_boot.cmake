if(TARGET swarmergy_fw_port_host)
  swarmergy_test(tst_fw_boot SOURCES tst_boot.cpp LIBS swarmergy_fw_port_host swarmergy_fw_boot
                 LABELS unit TIMEOUT 120)
endif()
