if(TARGET swarmergy_fw_core)
  swarmergy_test(tst_fw_core SOURCES tst_core.cpp LIBS swarmergy_fw_core swarmergy_fw_port_host LABELS unit TIMEOUT 60)
endif()
