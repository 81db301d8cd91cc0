# The two commands of the README: `make demo` and `make test`. Both install what is missing.
JOBS ?= 2
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_analyze fuzz_write fuzz_text fuzz_brief fuzz_api fuzz_llm_answer
SOURCES ?= examples/sources/tramway-lyon
# The embedded llama.cpp backend and its tests (docs/llm.md); LLAMA=OFF for HTTP-only users.
LLAMA ?= ON

.PHONY: deps build demo test test-release test-asan bench fuzz-build fuzz clean

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

# libFuzzer targets (clang; never part of `make test`): each runs FUZZ_SECONDS on inputs up to
# 64 KB, its new inputs kept in $(BUILD_FUZZ)/corpus, seeds made from examples/ by fuzz/seeds.sh.
fuzz-build:
	@bash scripts/install-deps.sh --with-fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLUME_FUZZ=ON \
	  -DBUILD_TESTING=OFF -DPLUME_BENCH=OFF >/dev/null
	@cmake --build $(BUILD_FUZZ) -j$(JOBS) --target $(FUZZ_TARGETS)

fuzz: fuzz-build
	@bash fuzz/seeds.sh $(BUILD_FUZZ)/seeds
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(BUILD_FUZZ)/corpus/$$t && \
	  case $$t in fuzz_api|fuzz_llm_answer) dicts="fuzz/french.dict fuzz/json.dict";; *) dicts=fuzz/french.dict;; esac && \
	  cat $$dicts >$(BUILD_FUZZ)/$$t.dict && \
	  ./$(BUILD_FUZZ)/fuzz/$$t $(BUILD_FUZZ)/corpus/$$t $(BUILD_FUZZ)/seeds/$${t#fuzz_} -dict=$(BUILD_FUZZ)/$$t.dict \
	    -max_len=65536 -len_control=0 -timeout=10 -rss_limit_mb=4096 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
