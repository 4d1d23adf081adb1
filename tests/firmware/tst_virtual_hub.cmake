if(TARGET swarmergy-virtual-hub)
  swarmergy_test(tst_fw_virtual_hub SOURCES tst_virtual_hub.cpp
                 LIBS swarmergy_fw_core ${SWARMERGY_SECP256K1_LIB} LABELS functional TIMEOUT 120
                 ARGS $<TARGET_FILE:swarmergy-virtual-hub>)
  add_dependencies(tst_fw_virtual_hub swarmergy-virtual-hub)
endif()
