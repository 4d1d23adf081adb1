# Builds the ARM images through ExternalProject when arm-none-eabi-gcc is found, then signs
# the application binaries with the DEMO firmware key into
#   <build>/firmware/images/swarmergy-hub-<version>.swfw
# and writes <build>/firmware/images/images.txt ("VERSION PATH" per line) for tools such as
# `swarmergy-hubctl images`. Included from firmware/CMakeLists.txt.
find_program(SWARMERGY_ARM_GCC arm-none-eabi-gcc)
set(SWARMERGY_FW_M4_IMAGES "" CACHE INTERNAL "signed ARM application images")
if(NOT SWARMERGY_ARM_GCC OR NOT TARGET swarmergy-fw-tool)
  message(STATUS "firmware: arm-none-eabi-gcc not found, ARM images not built")
  return()
endif()
include(ExternalProject)
set(m4_dir ${CMAKE_BINARY_DIR}/firmware/m4)
set(images_dir ${CMAKE_BINARY_DIR}/firmware/images)
set(versions 1.0.0 1.1.0)
set(byproducts ${m4_dir}/swarmergy-bootloader.elf)
set(launcher "")
if(SWARMERGY_CCACHE)
  set(launcher -DCMAKE_C_COMPILER_LAUNCHER=${SWARMERGY_CCACHE})
endif()
foreach(version ${versions})
  list(APPEND byproducts ${m4_dir}/swarmergy-hub-${version}.bin ${m4_dir}/swarmergy-hub-${version}.elf)
endforeach()
ExternalProject_Add(swarmergy_fw_m4
  SOURCE_DIR ${SWARMERGY_FW_DIR}/port/m4
  BINARY_DIR ${m4_dir}
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/arm-none-eabi.cmake
             -DCMAKE_BUILD_TYPE=MinSizeRel
             -DSWARMERGY_REPO_DIR=${PROJECT_SOURCE_DIR}
             -DSWARMERGY_MBEDTLS_DIR=${SWARMERGY_MBEDTLS_DIR}
             -DSWARMERGY_SECP256K1_DIR=${SWARMERGY_SECP256K1_DIR}
             ${launcher}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  BUILD_BYPRODUCTS ${byproducts})

set(signed "")
set(manifest "")
foreach(version ${versions})
  set(out ${images_dir}/swarmergy-hub-${version}.swfw)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${images_dir}
    COMMAND swarmergy-fw-tool sign --key ${PROJECT_SOURCE_DIR}/resources/keys/firmware-demo.key
            --version ${version} --load 0x00020000 ${m4_dir}/swarmergy-hub-${version}.bin ${out}
    DEPENDS swarmergy_fw_m4 swarmergy-fw-tool ${m4_dir}/swarmergy-hub-${version}.bin
            ${PROJECT_SOURCE_DIR}/resources/keys/firmware-demo.key
    COMMENT "Signing swarmergy-hub-${version} with the DEMO firmware key")
  list(APPEND signed ${out})
  string(APPEND manifest "${version} ${out}\n")
endforeach()
file(WRITE ${images_dir}/images.txt "${manifest}")
add_custom_target(swarmergy_fw_images ALL DEPENDS ${signed})
set(SWARMERGY_FW_M4_IMAGES "${signed}" CACHE INTERNAL "signed ARM application images")
set(SWARMERGY_FW_BOOTLOADER ${m4_dir}/swarmergy-bootloader.elf CACHE INTERNAL "ARM bootloader ELF")
