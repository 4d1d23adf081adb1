# swarmergy-virtual-hub: core + boot over the host port, on a pty.
if(TARGET swarmergy_fw_core)
  add_executable(swarmergy-virtual-hub ${CMAKE_CURRENT_LIST_DIR}/swh_virtual_hub.c)
  target_include_directories(swarmergy-virtual-hub PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(swarmergy-virtual-hub PRIVATE swarmergy_fw_core swarmergy_fw_port_host util)
  swarmergy_fw_c_target(swarmergy-virtual-hub)
  set_target_properties(swarmergy-virtual-hub PROPERTIES C_EXTENSIONS ON)
endif()
