if(TARGET swarmergy_fw_crypto)
  swarmergy_test(tst_fw_crypto SOURCES tst_crypto.cpp LIBS swarmergy_fw_boot LABELS unit TIMEOUT 60)
endif()
