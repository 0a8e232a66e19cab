# The two commands of the README: `make demo` (the main job) and `make test`.
# Both run scripts/setup.sh first, which installs what is missing and is quick otherwise.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build demo test bench clean

setup:
	bash scripts/setup.sh

build: setup
	cmake -S . -B $(BUILD) -G Ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	bash scripts/demo.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
