# The two commands of the README: `make demo` and `make test`. Both install what is missing.
JOBS ?= 2
BUILD ?= build
BUILD_ASAN ?= build-asan
SOURCES ?= examples/sources/tramway-lyon
# The embedded llama.cpp backend and its tests (docs/llm.md); LLAMA=OFF for HTTP-only users.
LLAMA ?= ON

.PHONY: deps build demo test test-release test-asan bench clean

deps:
	@bash scripts/install-deps.sh --with-peer $(if $(filter ON,$(LLAMA)),--with-llama)

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DPLUME_LLAMA=$(LLAMA) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# plume's main job: an article from the shipped example sources, its analysis on stderr.
demo: build
	./$(BUILD)/plume write $(SOURCES)/*.txt --explain

test-release: build
	ctest --test-dir $(BUILD) -j$(JOBS) --output-on-failure

test-asan: deps
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DPLUME_SANITIZE=ON -DPLUME_LLAMA=OFF >/dev/null
	@cmake --build $(BUILD_ASAN) -j$(JOBS)
	ctest --test-dir $(BUILD_ASAN) -j$(JOBS) --output-on-failure

# Release tests (with the yoastseo peer test), then the whole suite under ASan + UBSan.
test: test-release test-asan

bench: build
	./$(BUILD)/bench/plume_bench
	bash bench/compare_yoast.sh $(BUILD)/plume

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
