# Thin front door: installs what is missing, configures with CMake, builds, runs or tests.
# Everything real lives in CMakeLists.txt; this file only strings the steps together.
#
# Options are make (or environment) variables forwarded to CMake; a build directory configured
# with other values is re-configured. CI: `make test ANZEN_WERROR=ON`; clang:
# `make test BUILD=build-clang CC=clang` (CC is read when a build directory is first configured).
BUILD        ?= build
ASAN_BUILD   ?= build-asan
BUILD_TYPE   ?= RelWithDebInfo
ANZEN_WERROR ?= OFF
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_BUILD   ?= $(BUILD)/fuzz
FUZZ_SECONDS ?= 300
SOAK_KILLS   ?= 2000
SOAK_SECONDS ?= 300

CMAKE_OPTIONS      = -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DANZEN_WERROR=$(ANZEN_WERROR)
ASAN_CMAKE_OPTIONS = -DCMAKE_BUILD_TYPE=Debug -DANZEN_SANITIZE=ON -DANZEN_WERROR=$(ANZEN_WERROR)

# $(call configure,DIR,OPTIONS): runs cmake when DIR has no cache yet or was configured with other
# options (remembered in DIR/.make-options), so changing e.g. ANZEN_WERROR takes effect.
define configure
	@opts='$(strip $(2))'; \
	if [ ! -f '$(1)/CMakeCache.txt' ] || [ "$$(cat '$(1)/.make-options' 2>/dev/null)" != "$$opts" ]; then \
	  echo "cmake -S . -B $(1) $$opts"; \
	  cmake -S . -B '$(1)' $$opts && echo "$$opts" >'$(1)/.make-options'; \
	fi
endef

.PHONY: all deps configure build run test asan-test bench soak fuzz fuzz-ci install clean deb

all: build

deps:
	@bash .ci/install-deps

configure: deps
	$(call configure,$(BUILD),$(CMAKE_OPTIONS))

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Opens the workbench on the default database (~/.local/share/anzen/anzen.db). The build tree
# mirrors an install: $(BUILD)/bin/anzen finds its catalogs in $(BUILD)/share/anzen.
run: build
	./$(BUILD)/bin/anzen

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan-test: deps
	$(call configure,$(ASAN_BUILD),$(ASAN_CMAKE_OPTIONS))
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# A Debian package (CPack, DEB generator) in $(BUILD)/: anzen_VERSION_ARCH.deb, installing to /usr.
deb: build
	cd $(BUILD) && cpack -G DEB

bench: build
	./$(BUILD)/bin/anzen-bench

# Long reliability runs: many more kills, a longer concurrent run (figures printed).
soak: build
	./$(BUILD)/bin/anzen-kill ./$(BUILD)/bin/anzen --kills $(SOAK_KILLS)
	./$(BUILD)/bin/anzen-concurrency ./$(BUILD)/bin/anzen --writers 3 --seconds $(SOAK_SECONDS)

# libFuzzer targets (clang) in their own build directory, $(FUZZ_SECONDS) s each; fuzz-ci is
# the short run for CI (.ci/run), failing when clang's libFuzzer is missing.
fuzz: deps
	bash tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) --require

fuzz-ci: deps
	bash tests/fuzz/run.sh $(FUZZ_BUILD) 15 --require

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
