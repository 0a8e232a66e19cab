# The two commands of the README: `make demo` (the main job) and `make test`.
# Both run scripts/setup.sh first, which installs what is missing and is quick otherwise.
BUILD ?= build
SANITIZED ?= build-asan
JOBS ?= $(shell nproc)
SANITIZER_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ ?= build-fuzz
FUZZ_RUNS ?= 4000
FUZZ_LONG_SECONDS ?= 300
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: setup build build-sanitized build-fuzz fuzz fuzz-long demo test test-fast bench package clean

setup:
	bash scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	bash scripts/demo.sh $(BUILD)

# The whole suite twice: as built, and under AddressSanitizer and UndefinedBehaviorSanitizer
# (the browser tests, which test what Chromium makes of the output, only once); then each
# libFuzzer target, deterministically (fixed seed, bounded runs: see tests/fuzz/run.sh).
test: test-fast build-sanitized
	cd $(SANITIZED) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --output-on-failure -j $(JOBS) -LE browser
	$(MAKE) fuzz

build-fuzz: setup
	cmake -S . -B $(FUZZ) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$(FUZZ_FLAGS)" -DSYZBA_FUZZ=ON -DBUILD_TESTING=OFF
	cmake --build $(FUZZ) -j $(JOBS)

fuzz: build-fuzz
	FUZZ_RUNS=$(FUZZ_RUNS) bash tests/fuzz/run.sh $(FUZZ)

# The open-ended random search, FUZZ_LONG_SECONDS per target: before submitting, and whenever
# a reader changes. Keep what it finds in tests/fuzz/regressions/.
fuzz-long: build-fuzz
	FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) bash tests/fuzz/run.sh $(FUZZ)

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build-sanitized: setup
	cmake -S . -B $(SANITIZED) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$(SANITIZER_FLAGS)"
	cmake --build $(SANITIZED) -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)
	bash bench/speed/run.sh $(BUILD)

# The Debian packages (CPack): syzba (the command, man pages, completions, docs) and
# libsyzba-dev (static libraries, headers, find_package(syzba), syzba.pc, the API reference),
# built in their own folder with Debian's hardening flags, into $(PACKAGE_BUILD)/packages/.
# `apt install ./$(PACKAGE_BUILD)/packages/syzba_*.deb` installs the command.
PACKAGE_BUILD ?= build-deb
DEB_FLAG = DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get
package: setup
	cmake -S . -B $(PACKAGE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DCMAKE_INSTALL_PREFIX=/usr \
	  -DCMAKE_CXX_FLAGS="$$($(DEB_FLAG) CXXFLAGS) $$($(DEB_FLAG) CPPFLAGS)" -DCMAKE_EXE_LINKER_FLAGS="$$($(DEB_FLAG) LDFLAGS)"
	cmake --build $(PACKAGE_BUILD) -j $(JOBS)
	cmake --build $(PACKAGE_BUILD) --target doc
	cd $(PACKAGE_BUILD) && cpack -G DEB -B $(CURDIR)/$(PACKAGE_BUILD)/packages
	lintian --fail-on error $(PACKAGE_BUILD)/packages/*.deb

clean:
	rm -rf $(BUILD) $(SANITIZED) $(FUZZ) $(PACKAGE_BUILD) out fuzz-findings
