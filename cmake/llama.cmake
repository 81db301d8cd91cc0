# llama.cpp for the embedded backend and the llama-server tests (option PLUME_LLAMA, issue 9):
# the static libraries scripts/llama.sh builds once per machine, outside the source tree.
# Defines the target plume_llama, PLUME_LLAMA_SERVER and PLUME_LLAMA_VOCAB.
execute_process(COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/llama.sh prefix
                OUTPUT_VARIABLE PLUME_LLAMA_PREFIX OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
if(NOT EXISTS ${PLUME_LLAMA_PREFIX}/.complete)
  message(FATAL_ERROR "PLUME_LLAMA is ON but llama.cpp is not built in ${PLUME_LLAMA_PREFIX}: "
                      "run scripts/llama.sh (about 6 minutes on 2 cores, once), or configure with -DPLUME_LLAMA=OFF")
endif()
message(STATUS "llama.cpp: ${PLUME_LLAMA_PREFIX}")
find_package(Threads REQUIRED)
add_library(plume_llama INTERFACE)
target_include_directories(plume_llama SYSTEM INTERFACE ${PLUME_LLAMA_PREFIX}/include)
target_link_libraries(plume_llama INTERFACE
  ${PLUME_LLAMA_PREFIX}/lib/libllama.a ${PLUME_LLAMA_PREFIX}/lib/libggml.a
  ${PLUME_LLAMA_PREFIX}/lib/libggml-cpu.a ${PLUME_LLAMA_PREFIX}/lib/libggml-base.a
  Threads::Threads ${CMAKE_DL_LIBS})
set(PLUME_LLAMA_SERVER ${PLUME_LLAMA_PREFIX}/bin/llama-server)
set(PLUME_LLAMA_VOCAB ${PLUME_LLAMA_PREFIX}/ggml-vocab-llama-spm.gguf)
