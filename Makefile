# Thin front door: installs what is missing, configures with CMake, builds, runs or tests.
# Everything real lives in CMakeLists.txt; this file only strings the steps together.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= $(BUILD)/fuzz
FUZZ_SECONDS ?= 300
SOAK_KILLS ?= 2000
SOAK_SECONDS ?= 300
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test asan-test bench soak fuzz fuzz-ci install clean

all: build

deps:
	@bash .ci/install-deps

$(BUILD)/CMakeCache.txt:
	@bash .ci/install-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	@cmake --build $(BUILD) -j $(JOBS)

# Opens the workbench on the default database (~/.local/share/anzen/anzen.db).
run: build
	./$(BUILD)/anzen

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan-test: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DANZEN_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD)/anzen-bench

# Long reliability runs: many more kills, a longer concurrent run (figures printed).
soak: build
	./$(BUILD)/anzen-kill ./$(BUILD)/anzen --kills $(SOAK_KILLS)
	./$(BUILD)/anzen-concurrency ./$(BUILD)/anzen --writers 3 --seconds $(SOAK_SECONDS)

# libFuzzer targets (clang) in their own build directory, $(FUZZ_SECONDS) s each; fuzz-ci is
# the short run for CI (.ci/run), failing when clang's libFuzzer is missing.
fuzz: deps
	bash tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) --require

fuzz-ci: deps
	bash tests/fuzz/run.sh $(FUZZ_BUILD) 20 --require

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
